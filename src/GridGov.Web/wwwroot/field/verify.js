// 待核验房屋 (houses to verify in a round, 人房核验): the worker's houses by building, unit and floor, each with its
// occupants masked; one house (#house-ITEM) with 信息无误 (confirm) or 需要更正 (use, who moved out, a new occupant,
// a new phone). Reports go through the outbox with a key born with the house's form, like reports: offline they wait
// and are sent once; a double tap files once. The last list and each opened house are kept for offline visits.
(function () {
  const { $, t, el, online, get, cache, submit, go } = FieldApp;
  let list = null, current = null, formKey = null, sending = false, opening = 0;

  const STATE_CLASS = { pending: "wait", returned: "red", submitted: "status", verified: "green" };
  const dueText = d => t(`截止 ${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`, `due ${d}`);

  async function load() {
    if (online()) {
      const r = await get("api/verification/mine").catch(() => null);
      if (r && r.ok) { list = await r.json(); cache.write("verify", list); $("verify-note").textContent = ""; return list; }
    }
    list = cache.read("verify");
    $("verify-note").textContent = list ? t("离线：显示的是上次联网时的内容", "Offline: showing the last copy") : t("离线：联网后才能看到", "Offline: shown once online");
    return list || { total: 0, left: 0, houses: [] };
  }

  // What waits in the outbox decides what the worker sees for a house until it is sent.
  const waiting = async () => new Map((await Outbox.all()).filter(i => i.kind === "verify").map(i => [i.itemId, i]));

  function houseRow(h, queued) {
    const li = el("li", "card house-card state-" + h.state);
    const a = el("a", "row");
    a.href = "field#house-" + h.itemId;
    const top = el("span", "top");
    top.append(el("strong", "no", h.number + t("室", "")),
      queued ? el("span", "badge wait", queued.error ? t("未能发送", "Not sent") : t("待发送", "Waiting"))
        : el("span", "badge " + (STATE_CLASS[h.state] || "status"), h.stateLabel));
    const people = h.occupants.length ? h.occupants.map(o => `${o.name}（${o.relationLabel}）`).join("、") : t("无登记住户", "nobody registered");
    a.append(top, el("span", "meta", h.useLabel + " · " + people));
    if (h.returnNote) a.append(el("span", "clock", t("退回：", "Returned: ") + h.returnNote));
    li.appendChild(a);
    return li;
  }

  async function showList() {
    const data = await load();
    const queued = await waiting();
    const box = $("verify-list");
    box.innerHTML = "";
    $("verify-pending").innerHTML = "";
    for (const it of queued.values()) if (it.error) $("verify-pending").appendChild(pendingRow(it));
    // Building → unit and floor, top floor first, as the worker climbs the stairs down.
    let building = null, floor = null, ul = null;
    for (const h of data.houses) {
      if (building !== h.buildingId) {
        building = h.buildingId; floor = null;
        const section = el("section", "building");
        section.append(el("h2", null, h.buildingName));
        box.appendChild(section);
      }
      const key = h.unit + "-" + h.floor;
      if (floor !== key) {
        floor = key;
        box.lastChild.append(el("h3", "floor", t(`${h.unit}单元 ${h.floor}层`, `Unit ${h.unit}, floor ${h.floor}`)));
        ul = el("ul", "cards");
        box.lastChild.append(ul);
      }
      ul.appendChild(houseRow(h, queued.get(h.itemId)));
    }
    const left = data.houses.filter(h => (h.state === "pending" || h.state === "returned") && !queued.has(h.itemId)).length;
    const round = data.houses[0];
    $("verify-summary").textContent = data.houses.length
      ? t(`${round.roundName}，${dueText(round.dueOn)}。共 ${data.houses.length} 套，还剩 ${left} 套。`,
        `${round.roundName}, ${dueText(round.dueOn)}. ${data.houses.length} houses, ${left} left.`) : "";
    $("verify-empty").hidden = data.houses.length > 0;
    count(left);
  }

  function pendingRow(it) {
    const li = el("li", "card pending-item");
    const box = el("div", "row");
    box.append(el("strong", "what", it.label), el("span", "meta", it.error));
    const del = el("button", "secondary", t("删除这条", "Delete it"));
    del.type = "button";
    del.addEventListener("click", async () => { await Outbox.remove(it.key); await FieldApp.refreshQueue(); showList(); });
    box.append(del);
    li.appendChild(box);
    return li;
  }

  function count(n) { const c = $("verify-count"); if (!c) return; c.textContent = String(n); c.hidden = n === 0; }

  function message(text, kind) {
    const m = $("house-msg");
    m.hidden = !text;
    m.textContent = text || "";
    m.className = "alert " + (kind || "ok");
  }

  async function openHouse(itemId) {
    const visit = ++opening; // a slow answer for an earlier visit must not redraw over this one
    message("");
    const known = (list || cache.read("verify") || { houses: [] }).houses.find(h => h.itemId === itemId);
    let detail = null;
    if (online()) {
      const r = await get("api/verification/items/" + itemId).catch(() => null);
      if (r && r.ok) { detail = await r.json(); cache.write("house." + itemId, detail); }
      else if (r && r.status === 404) { $("house-h").textContent = t("打不开这套房屋", "Cannot open this house"); message(t("没有找到，或不是您负责核验的房屋", "Not found, or not yours to verify"), "error"); hideForms(); return; }
    }
    if (visit !== opening) return;
    detail = detail || cache.read("house." + itemId);
    const house = detail ? detail.house : known;
    if (!house) { $("house-h").textContent = ""; message(t("离线：这套房屋还没有下载过，联网后再打开", "Offline: open it once online first"), "error"); hideForms(); return; }
    current = { house, occupants: detail ? detail.occupants : house.occupants.map(o => ({ ...o, idNumber: null })) };
    formKey = FieldApp.uuid(); // one key per visit: a double tap or a resend is the same report
    render();
    const queued = (await waiting()).get(itemId);
    if (visit !== opening || sending) return;
    if (queued && !queued.error) { hideForms(); message(t("已保存，联网后自动发送", "Saved: sent when online"), "wait"); }
    else if (!online()) message(t("离线：提交后先存在手机里，联网后自动发送", "Offline: what you send waits on the phone until online"), "wait");
  }

  function hideForms() { $("house-actions").hidden = true; $("correction").hidden = true; }

  function render() {
    const h = current.house;
    $("house-h").textContent = `${h.buildingName} ${h.unit}${t("单元", "-")}${h.number}`;
    const dl = $("house-facts");
    dl.innerHTML = "";
    const row = (k, v) => { if (v) dl.append(el("dt", null, k), el("dd", null, v)); };
    row(t("地址", "Address"), h.address);
    row(t("用途", "Use"), h.useLabel);
    row(t("核验", "Round"), `${h.roundName} · ${dueText(h.dueOn)}`);
    row(t("状态", "State"), h.stateLabel);
    if (h.returnNote) row(t("退回原因", "Returned"), h.returnNote);
    const ul = $("house-people");
    ul.innerHTML = "";
    for (const o of current.occupants) {
      const li = el("li", "person");
      li.append(el("strong", null, o.name), el("span", "meta", [o.relationLabel, o.idNumber, o.phone].filter(Boolean).join(" · ")));
      ul.appendChild(li);
    }
    if (!current.occupants.length) ul.appendChild(el("li", "person meta", t("没有登记住户", "Nobody registered")));
    const open = h.state === "pending" || h.state === "returned";
    $("house-actions").hidden = !open;
    $("correction").hidden = true;
    if (!open) message(h.state === "verified" ? t("这套房屋本轮已核验", "Verified in this round") : t("更正已提交，等社区审核", "Correction sent: the community reviews it"), "ok");
    buildCorrection();
  }

  function buildCorrection() {
    $("fix-use").value = current.house.use;
    const people = $("fix-people");
    people.innerHTML = "";
    current.occupants.forEach((o, i) => {
      const box = el("fieldset", "step fix-person");
      box.append(el("legend", null, `${o.name}（${o.relationLabel}）`));
      const out = el("label", "check");
      const cb = el("input"); cb.type = "checkbox"; cb.id = "fix-out-" + i; cb.dataset.residence = o.residenceId;
      out.append(cb, document.createTextNode(t(" 已迁出", " Moved out")));
      const phoneLabel = el("label", "label", t("新手机号（没变不填）", "New mobile (leave empty if unchanged)"));
      phoneLabel.htmlFor = "fix-phone-" + i;
      const phone = el("input"); phone.id = "fix-phone-" + i; phone.type = "tel"; phone.inputMode = "numeric"; phone.maxLength = 11;
      phone.dataset.person = o.personId;
      box.append(out, phoneLabel, phone);
      people.appendChild(box);
    });
    $("fix-new").innerHTML = "";
    $("fix-note").value = "";
    ["fix-use-error", "fix-movedIn-error", "fix-error"].forEach(id => { $(id).textContent = ""; });
  }

  let newcomers = 0;
  function addNewcomer() {
    const i = newcomers++;
    const box = el("fieldset", "step fix-new");
    box.append(el("legend", null, t("新住户", "New occupant")));
    const field = (id, label, input) => {
      const l = el("label", "label", label); l.htmlFor = id;
      input.id = id;
      box.append(l, input);
      return input;
    };
    field("new-name-" + i, t("姓名", "Name"), el("input")).maxLength = 50;
    const id = field("new-id-" + i, t("身份证号", "ID number"), el("input"));
    id.maxLength = 18; id.autocomplete = "off";
    const rel = field("new-rel-" + i, t("与房屋关系", "Relation"), el("select"));
    rel.className = "select";
    for (const [v, zh, en] of [["tenant", "租户", "tenant"], ["family_member", "家庭成员", "family member"], ["head", "户主", "head"], ["lodger", "借住", "lodger"], ["worker", "工作", "works here"]])
      rel.append(new Option(t(zh, en), v));
    const ph = field("new-phone-" + i, t("手机号（选填）", "Mobile (optional)"), el("input"));
    ph.type = "tel"; ph.inputMode = "numeric"; ph.maxLength = 11;
    $("fix-new").appendChild(box);
    $("new-name-" + i).focus();
  }

  function correction() {
    const movedOut = [...document.querySelectorAll("#fix-people input[type=checkbox]:checked")].map(c => Number(c.dataset.residence));
    const phones = [...document.querySelectorAll("#fix-people input[type=tel]")].filter(p => p.value.trim())
      .map(p => ({ personId: Number(p.dataset.person), phone: p.value.trim() }));
    const movedIn = [...document.querySelectorAll("#fix-new fieldset")].map(f => {
      const [name, idNumber, relation, phone] = f.querySelectorAll("input, select");
      return { name: name.value.trim(), idNumber: idNumber.value.trim(), relation: relation.value, phone: phone.value.trim() || null };
    }).filter(m => m.name || m.idNumber);
    const use = $("fix-use").value;
    return { kind: "correct", use: use === current.house.use ? null : use, movedOut, movedIn, phones, note: $("fix-note").value.trim() || null };
  }

  async function send(body, label) {
    if (sending || !current) return;
    sending = true;
    for (const b of ["house-confirm", "fix-send"]) $(b).disabled = true;
    try {
      const h = current.house;
      const outcome = await submit({ key: formKey, kind: "verify", itemId: h.itemId, at: Date.now(), label: `${label} · ${h.buildingName} ${h.number}`, body });
      if (outcome.sent) {
        const a = outcome.result.answer;
        current.house = { ...h, state: a.state, stateLabel: a.stateLabel };
        render();
        message(a.state === "verified" ? t("已核验，谢谢！", "Verified, thank you!") : t("更正已提交，社区审核后生效", "Correction sent: it takes effect once the community approves it"), "ok");
        formKey = FieldApp.uuid();
      } else if (outcome.result) {
        $("fix-error").textContent = outcome.result.message;
        if (!$("correction").hidden) $("fix-error").scrollIntoView({ block: "center" }); else message(outcome.result.message, "error");
      } else {
        hideForms();
        message(t("已保存，联网后自动发送", "Saved: it will be sent when the phone is online again"), "wait");
      }
    } finally {
      sending = false;
      for (const b of ["house-confirm", "fix-send"]) $(b).disabled = false;
    }
  }

  $("house-confirm").addEventListener("click", () => send({ kind: "confirm" }, t("信息无误", "Confirmed")));
  $("house-correct").addEventListener("click", () => { $("correction").hidden = false; $("house-actions").hidden = true; $("fix-use").focus(); });
  $("fix-add").addEventListener("click", addNewcomer);
  $("correction").addEventListener("submit", e => {
    e.preventDefault();
    $("fix-error").textContent = "";
    const body = correction();
    if (!body.use && !body.movedOut.length && !body.movedIn.length && !body.phones.length) {
      $("fix-error").textContent = t("没有要更正的内容；信息无误请点「信息无误」", "Nothing differs: use 「All as registered」");
      return;
    }
    send(body, t("更正", "Correction"));
  });

  FieldApp.onView("verify", showList);
  FieldApp.onView("house", openHouse);
  document.addEventListener("field:sent", e => { if (e.detail.item.kind === "verify" && !$("view-verify").hidden) showList(); });
  document.addEventListener("DOMContentLoaded", async () => {
    if (!$("verify-count")) return;
    const data = await load().catch(() => null);
    if (data) count(data.houses.filter(h => h.state === "pending" || h.state === "returned").length);
  });
})();
