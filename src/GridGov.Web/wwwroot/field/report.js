// The report form: checks each field in plain words beside it, then puts the report in the outbox with the form's
// one idempotency key and tries to send it. Online: 已上报 with the tracking number; no network: 已保存，联网后自动发送
// (sent later with the same key, so it can only ever make one case). A double tap is one report.
(function () {
  const { $, t, el, uuid, submit } = FieldApp;
  let formKey = uuid();
  let submitting = false;
  let shownKey = null; // the report whose result is on screen
  const lastLabels = new Map(); // key → "暴露垃圾 · 路边垃圾堆了三天"
  const setError = (field, text) => { const e = $(field + "-error"); if (e) e.textContent = text || ""; };

  function previews(input, box) {
    box.innerHTML = "";
    for (const f of Array.from(input.files).slice(0, 9)) {
      const img = el("img");
      img.alt = f.name;
      img.src = URL.createObjectURL(f);
      box.appendChild(img);
    }
    if (input.files.length) box.appendChild(el("span", "hint", t(`已选 ${input.files.length} 张`, `${input.files.length} chosen`)));
  }
  FieldApp.previews = previews;

  function showResult(key, text, caseId) {
    shownKey = key;
    $("report").hidden = true;
    $("sent").hidden = false;
    $("sent").className = "result " + (caseId ? "ok" : "wait");
    $("sent-text").textContent = text;
    // What was reported, so a worker who reports several things in a row knows which one this was.
    const item = lastLabels.get(key);
    $("sent-what").textContent = item || "";
    const open = $("sent-open");
    open.hidden = false;
    open.href = caseId ? "field#case-" + caseId : "field#mine";
    open.textContent = caseId ? t("查看这件", "Open it") : t("看我的上报", "See my reports");
    window.scrollTo(0, 0);
  }
  const sentText = c => t(`已上报，编号 ${c.trackingNo}`, `Reported, No. ${c.trackingNo}`);

  // A report sent later (back online) updates the result on screen when it is still the one shown.
  document.addEventListener("field:sent", e => {
    const { item, result } = e.detail;
    if (item.kind !== "report" || item.key !== shownKey) return;
    if (result.ok) showResult(item.key, sentText(result.case), result.case.id);
    else { $("sent-text").textContent = t("未能上报：", "Not sent: ") + result.message; $("sent").className = "result error"; }
  });

  function validate() {
    ["category", "description", "photo", "location"].forEach(f => setError(f, ""));
    const files = Array.from($("photo").files);
    let bad = false;
    if (!$("category").value) { setError("category", t("请选择类别：点一个方块，或在搜索框输入名称", "Choose a category: tap a tile or search")); bad = true; }
    if (!$("description").value.trim()) { setError("description", t("请说说是什么问题", "Say what is wrong")); bad = true; }
    if ($("self").checked && files.length === 0) { setError("photo", t("自办自结需要附照片", "Solved on the spot needs a photo")); bad = true; }
    if (files.length > 9) { setError("photo", t("最多 9 张照片", "At most 9 photos")); bad = true; }
    if (!FieldPin.get()) { setError("location", t("请先确定位置：拖动地图上的图钉到问题地点，或搜索地名", "Place the pin first: drag it to the problem, or search a place")); bad = true; }
    if (bad) { const first = document.querySelector("#report .error:not(:empty)"); if (first) first.scrollIntoView({ block: "center" }); }
    return !bad;
  }

  $("report").addEventListener("submit", async e => {
    e.preventDefault();
    if (submitting || !validate()) return;
    const button = $("submit");
    submitting = true; button.disabled = true;
    const category = $("category").value, description = $("description").value.trim(), pin = FieldPin.get();
    const item = {
      key: formKey, kind: "report", at: Date.now(), photos: Array.from($("photo").files),
      label: `${FieldCategories.name(category)} · ${description.slice(0, 16)}`,
      body: { categoryCode: category, description, lon: pin.lon, lat: pin.lat, addressText: $("address").value.trim() || null,
        source: "patrol", selfResolve: $("self").checked },
    };
    lastLabels.set(item.key, item.label);
    try {
      const outcome = await submit(item);
      if (outcome.sent) showResult(item.key, sentText(outcome.result.case), outcome.result.case.id);
      else if (outcome.result) { // refused: the reason beside the form, what was typed kept
        setError("location", t("未能上报：", "Not sent: ") + outcome.result.message);
        return;
      } else showResult(item.key, t("已保存，联网后自动发送", "Saved: it will be sent when the phone is online again"), null);
      formKey = uuid(); // this report is in the outbox: the next one is a new one
    } finally { submitting = false; button.disabled = false; }
  });

  $("photo").addEventListener("change", () => { previews($("photo"), $("photo-preview")); setError("photo", ""); });
  // A message goes as soon as the worker fixes what it was about.
  $("description").addEventListener("input", () => setError("description", ""));
  $("again").addEventListener("click", () => {
    $("report").reset();
    $("photo-preview").innerHTML = "";
    FieldCategories.clear();
    FieldPin.reset();
    $("sent").hidden = true;
    $("report").hidden = false;
    shownKey = null;
    window.scrollTo(0, 0);
  });
})();
