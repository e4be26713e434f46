// One case in the app (#case-ID): what, where, when it is due, a map with its pin, its history, and the steps the
// worker may take now (exactly the case's availableActions): 接单, and 处置反馈 with a photo of the result (required)
// and a note, followed by a confirmation screen. Steps go through the outbox, so they also wait out a dead network.
(function () {
  const { $, t, el, online, get, cache, time, submit, go } = FieldApp;
  let current = null, map = null, pin = null, sending = false;

  function message(text, kind) {
    const m = $("case-msg");
    m.hidden = !text;
    m.textContent = text || "";
    m.className = "alert " + (kind || "ok");
  }
  function facts(c, d) {
    const known = FieldLists.known().find(x => x.case.id === c.id);
    const dl = el("dl", "facts");
    const row = (k, v) => { if (v) dl.append(el("dt", null, k), el("dd", null, v)); };
    row(t("类别", "Category"), c.categoryName);
    row(t("状态", "Status"), c.statusLabel);
    if (FieldLists.colours[c.colour]) row(t("时限", "Clock"), FieldLists.colours[c.colour] + " · " + FieldLists.clockWords(c));
    row(t("地点", "Where"), [known && known.areaName, c.addressText].filter(Boolean).join(" · "));
    row(t("问题描述", "Description"), d.description);
    row(t("上报时间", "Reported"), time(c.reportedAt));
    return dl;
  }
  function history(d) {
    const ol = $("case-history");
    ol.innerHTML = "";
    for (const h of d.history.slice().reverse()) {
      const li = el("li");
      li.append(el("span", "meta", time(h.at) + " · " + h.actor), el("strong", null, FieldApp.actionName(h.action)));
      if (h.note) li.append(el("span", "note", h.note));
      ol.appendChild(li);
    }
  }
  function showMap(c) {
    if (!window.L) { $("case-map").hidden = true; return; }
    if (!map) {
      map = L.map($("case-map"), { attributionControl: false, dragging: true, scrollWheelZoom: false });
      if (FieldApp.tiles) L.tileLayer(FieldApp.tiles, { maxZoom: 19 }).addTo(map);
      if (window.GridGovBase) GridGovBase.attach(map, { grids: true });
    }
    map.setView([c.lat, c.lon], 16);
    if (pin) pin.setLatLng([c.lat, c.lon]);
    else pin = L.circleMarker([c.lat, c.lon], { radius: 11, color: "#b22222", fillOpacity: 0.85 }).addTo(map);
    setTimeout(() => map.invalidateSize(), 0);
  }

  function render(d) {
    current = d;
    const c = d.case;
    $("case-h").textContent = t("编号 ", "No. ") + c.trackingNo;
    const body = $("case-body");
    body.innerHTML = "";
    body.appendChild(facts(c, d));
    showMap(c);
    const can = d.availableActions || [];
    $("accept").hidden = !can.includes("accept");
    $("feedback").hidden = !can.includes("feedback");
    const others = can.filter(a => a !== "accept" && a !== "feedback" && a !== "evaluate");
    $("case-other").hidden = others.length === 0;
    $("case-other").textContent = t("其他操作（", "Other steps (") + others.map(FieldApp.actionName).join("、")
      + (FieldApp.console ? t("）请在电脑版中办理。", ") are in the desk console.") : t("）请联系社区办理。", "): ask the community."));
    const desk = $("case-console");
    if (desk) desk.href = "cases/" + c.id;
    history(d);
  }

  async function open(id) {
    message("");
    $("case-back").href = "field#" + (sessionStorage.getItem("gg.from") || "tasks");
    $("feedback").reset(); $("fb-photo-preview").innerHTML = "";
    ["fb-photo", "fb-note"].forEach(f => { $(f + "-error").textContent = ""; });
    let d = null;
    if (online()) {
      const r = await get("api/cases/" + id).catch(() => null);
      if (r && r.ok) { d = await r.json(); cache.write("case." + id, d); }
      else if (r) { $("case-h").textContent = t("打不开这件事", "Cannot open this case"); $("case-body").innerHTML = "";
        message(r.status === 404 ? t("没有找到这件事，或不在您的辖区", "Not found, or outside your area") : t("暂时打不开，请稍后再试", "Cannot open now; try later"), "error"); return; }
    }
    d = d || cache.read("case." + id);
    if (!d) { $("case-h").textContent = ""; $("case-body").innerHTML = ""; message(t("离线：这件事还没有下载过，联网后再打开", "Offline: open it once online first"), "error"); return; }
    if (!online()) message(t("离线：显示的是上次联网时的内容", "Offline: showing the last copy"), "wait");
    render(d);
  }
  FieldApp.onView("case", open);

  async function act(action, extra, photos) {
    const c = current.case;
    return submit({ key: FieldApp.uuid(), kind: "action", caseId: c.id, action, at: Date.now(), photos: photos || [],
      label: `${FieldApp.actionName(action)} · ${c.trackingNo}`, body: { version: c.version, ...extra } });
  }

  $("accept").addEventListener("click", async () => {
    if (sending || !current) return;
    sending = true; $("accept").disabled = true;
    try {
      const outcome = await act("accept", {});
      if (outcome.sent) { await open(current.case.id); message(t("已接单。处理好后，在下面拍照提交处置反馈。", "Accepted. When it is done, send a photo below.")); }
      else if (outcome.result) message(outcome.result.message, "error");
      else { $("accept").hidden = true; message(t("已保存，联网后自动发送", "Saved: it will be sent when online"), "wait"); }
    } finally { sending = false; $("accept").disabled = false; }
  });

  $("fb-photo").addEventListener("change", () => { FieldApp.previews($("fb-photo"), $("fb-photo-preview")); $("fb-photo-error").textContent = ""; });
  $("feedback").addEventListener("submit", async e => {
    e.preventDefault();
    if (sending || !current) return;
    const photos = Array.from($("fb-photo").files), note = $("fb-note").value.trim();
    $("fb-photo-error").textContent = ""; $("fb-note-error").textContent = "";
    if (photos.length === 0) { $("fb-photo-error").textContent = t("请拍一张处置后的照片", "Take a photo of the result"); return; }
    if (photos.length > 9) { $("fb-photo-error").textContent = t("最多 9 张照片", "At most 9 photos"); return; }
    sending = true; $("fb-send").disabled = true;
    try {
      const c = current.case;
      const outcome = await act("feedback", { note: note || null }, photos);
      if (outcome.result && !outcome.result.ok) { $("fb-photo-error").textContent = outcome.result.message; return; }
      $("done-h").textContent = outcome.sent ? t("处置反馈已提交", "Sent") : t("已保存，联网后自动发送", "Saved: sent when online");
      $("done-text").textContent = outcome.sent
        ? t(`编号 ${c.trackingNo}（${c.categoryName}）已交社区核查，核查通过就结案。`, `No. ${c.trackingNo} (${c.categoryName}) goes to the community to check; it closes when they pass it.`)
        : t(`编号 ${c.trackingNo} 的处置反馈存在手机里，联网后会自动发送，不用再填。`, `The report for No. ${c.trackingNo} is kept on the phone and sent when online.`);
      $("done-case").href = "field#case-" + c.id;
      go("done");
    } finally { sending = false; $("fb-send").disabled = false; }
  });
})();
