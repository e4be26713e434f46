// Field-worker app, the core: views by the address's #part (report, mine, tasks, case-ID, done), the network
// state, the outbox's sync and what the other scripts share (window.FieldApp). Each view lives in its own script.
window.FieldApp = (function () {
  const $ = id => document.getElementById(id);
  const root = $("field");
  const en = root.dataset.lang === "en";
  const t = (zh, english) => (en ? english : zh);
  // crypto.randomUUID exists only in secure contexts; a phone on plain http (a LAN address) still needs keys.
  const uuid = () => (crypto.randomUUID ? crypto.randomUUID()
    : ([1e7] + -1e3 + -4e3 + -8e3 + -1e11).replace(/[018]/g, c => (c ^ crypto.getRandomValues(new Uint8Array(1))[0] & 15 >> c / 4).toString(16)));
  const online = () => navigator.onLine;
  const get = (url) => fetch(url, { credentials: "same-origin" });
  const cache = {
    read: (k) => { try { return JSON.parse(localStorage.getItem("gg." + k)); } catch { return null; } },
    write: (k, v) => { try { localStorage.setItem("gg." + k, JSON.stringify(v)); } catch { /* full: the network copy still works */ } },
  };
  // China time, as the worker reads it: 12月5日 14:05.
  const time = (iso) => {
    if (!iso) return "—";
    const d = new Date(new Date(iso).getTime() + 8 * 3600e3);
    const two = n => String(n).padStart(2, "0");
    return en ? `${d.getUTCDate()}/${d.getUTCMonth() + 1} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
      : `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  };
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };

  // --- views -------------------------------------------------------------------------------------------------
  const shown = {};
  const onView = (name, fn) => { (shown[name] = shown[name] || []).push(fn); };
  function route() {
    const hash = location.hash.replace(/^#/, "") || "report";
    const m = /^(case|house)-(\d+)$/.exec(hash);
    const view = m ? m[1] : ["report", "mine", "tasks", "done", "verify"].includes(hash) ? hash : "report";
    for (const s of document.querySelectorAll(".view")) s.hidden = s.id !== "view-" + view;
    for (const a of document.querySelectorAll(".tabs a")) {
      const here = a.dataset.view === view || (view === "case" && a.dataset.view === (sessionStorage.getItem("gg.from") || "tasks"))
        || (view === "house" && a.dataset.view === "verify");
      if (here) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    }
    if (view === "mine" || view === "tasks") sessionStorage.setItem("gg.from", view);
    window.scrollTo(0, 0);
    for (const fn of shown[view] || []) fn(m ? Number(m[2]) : undefined);
  }
  const go = (hash) => { if (location.hash === "#" + hash) route(); else location.hash = hash; };

  // --- network and outbox --------------------------------------------------------------------------------------
  const showNet = () => {
    $("net").textContent = online() ? t("在线", "online") : t("离线", "offline");
    $("net").className = "net " + (online() ? "on" : "off");
  };
  async function refreshQueue() {
    const items = await Outbox.all();
    $("pending").textContent = t("待发送 ", "Waiting ") + items.length;
    $("pending").classList.toggle("some", items.length > 0);
    document.dispatchEvent(new CustomEvent("field:queue", { detail: items }));
    return items;
  }

  async function uploadPhotos(blobs) {
    const ids = [];
    for (const b of blobs) {
      const headers = { "content-type": b.type || "application/octet-stream" };
      if (b.name) headers["content-disposition"] = `attachment; filename*=UTF-8''${encodeURIComponent(b.name)}`;
      const r = await fetch("api/photos", { method: "POST", body: b, headers, credentials: "same-origin" });
      if (!r.ok) {
        const p = await r.json().catch(() => ({}));
        const e = new Error(p.status === 413 ? t("照片太大（每张不超过 10 MB）", "Photo too large (10 MB at most)")
          : t(`照片「${b.name || ""}」无法使用，请换一张（JPEG、PNG 或 WebP）`, `Photo "${b.name || ""}" cannot be used: choose a JPEG, PNG or WebP`));
        e.refused = r.status >= 400 && r.status < 500; // the photo itself is refused: retrying will not help
        e.field = "photo";
        throw e;
      }
      ids.push((await r.json()).id);
    }
    return ids;
  }

  // A refusal in the worker's words (the API names fields in English; the app says what to do in Chinese).
  function refusal(status, p) {
    const fields = p && p.errors ? Object.keys(p.errors) : [];
    if (fields.includes("photoIds")) return t("需要附照片", "A photo is needed");
    if (fields.includes("lon") || fields.includes("lat")) return t("位置不在本市范围内，请重新选点", "The place is outside the city: move the pin");
    if (fields.includes("categoryCode")) return t("类别无效，请重新选择", "Choose the category again");
    if (fields.includes("description")) return t("问题描述太长或为空", "The description is empty or too long");
    const fixes = fields.map(fixField).filter(Boolean);
    if (fixes.length) return t("更正内容有误，请检查：", "Check the correction: ") + fixes.join(t("、", ", "));
    if (status === 409) return t("这件事已有变化（可能别人已处理），请返回刷新后再看", "The case has changed (someone may have acted): go back and look again");
    if (status === 404) return t("没有找到这件事，或不在您的辖区", "Not found, or outside your area");
    if (status === 403) return t("您没有权限做这一步", "You may not do this");
    return t("未能发送", "Could not send") + ` (${status})`;
  }

  // A correction's field (movedIn[0].idNumber) in the worker's words.
  function fixField(f) {
    const m = /^(movedIn|phones|movedOut)\[(\d+)\](?:\.(\w+))?$/.exec(f);
    const part = { name: t("姓名", "name"), idNumber: t("身份证号", "ID number"), relation: t("与房屋关系", "relation"),
      phone: t("手机号", "phone"), registration: t("人口类型", "registration"), personId: t("住户", "occupant") };
    if (m && m[1] === "movedIn") return t(`第 ${Number(m[2]) + 1} 位新住户的`, `new occupant ${Number(m[2]) + 1}: `) + (part[m[3]] || "");
    if (m && m[1] === "phones") return t("新手机号", "new phone");
    if (m) return t("迁出人员", "who moved out");
    return { use: t("房屋用途（没有要更正的内容时请点「信息无误」）", "use (nothing differs: confirm instead)"), movedIn: t("新住户", "new occupants"),
      movedOut: t("迁出人员", "who moved out"), note: t("说明", "note") }[f];
  }

  // Results of sent items by key, so the screen that queued an item can say how it went.
  const results = new Map();
  async function sendOne(it) {
    if (!it.photoIds && it.photos && it.photos.length) {
      it.photoIds = await uploadPhotos(it.photos);
      it.photos = []; // keep the uploaded ids so a retry does not upload the photos again
      await Outbox.add(it);
    }
    const photoIds = it.photoIds || [];
    // A house's confirmation or correction carries its key like a report: sent again, it is filed once.
    const keyed = it.kind === "report" || it.kind === "verify";
    const url = it.kind === "report" ? "api/cases" : it.kind === "verify" ? `api/verification/items/${it.itemId}/reports`
      : `api/cases/${it.caseId}/actions/${it.action}`;
    const body = it.kind === "verify" ? { ...it.body, idempotencyKey: it.key }
      : it.kind === "report" ? { ...it.body, photoIds, idempotencyKey: it.key } : { ...it.body, photoIds };
    const r = await fetch(url, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (r.status >= 500) throw new Error("server " + r.status); // try again later
    const answer = await r.json().catch(() => ({}));
    if (r.ok) {
      await Outbox.remove(it.key);
      return { ok: true, case: it.kind === "report" ? answer.case : answer, answer };
    }
    // A report that is refused stays in the outbox with the reason (the worker can fix and send it again, or
    // delete it); an action that no longer fits the case is dropped with the reason shown where it was made.
    if (keyed && r.status !== 409) { it.error = refusal(r.status, answer); await Outbox.add(it); }
    else await Outbox.remove(it.key);
    return { ok: false, status: r.status, message: refusal(r.status, answer), answer };
  }

  async function pass() {
    if (!online()) return;
    for (const it of await Outbox.all()) {
      if (it.error) continue; // refused before: waits for the worker
      try {
        const result = await sendOne(it);
        results.set(it.key, result);
        document.dispatchEvent(new CustomEvent("field:sent", { detail: { item: it, result } }));
      } catch (e) {
        if (!e.refused) break; // network gone again: keep the rest for later
        it.error = e.message; await Outbox.add(it); // shown in the list; the others still go
        results.set(it.key, { ok: false, message: e.message });
      }
    }
  }
  // One pass at a time; a call during a pass runs another one after it.
  let chain = Promise.resolve();
  const sync = () => (chain = chain.then(pass).catch(() => {}).then(refreshQueue));

  // Puts an item in the outbox and tries to send it now: {sent, result} or {sent: false} when it waits.
  async function submit(item) {
    await Outbox.add(item);
    await refreshQueue();
    await sync();
    const result = results.get(item.key);
    return result ? { sent: result.ok, result } : { sent: false };
  }

  // Where the worker starts: their area's centre and the categories to show first (kept for offline starts).
  let startInfo = null;
  async function start() {
    if (startInfo) return startInfo;
    if (online()) {
      const r = await get("api/field/start").catch(() => null);
      if (r && r.ok) { startInfo = await r.json(); cache.write("start", startInfo); return startInfo; }
    }
    return (startInfo = cache.read("start") || { home: null, topCategories: [] });
  }

  let actionNames = {};
  try { actionNames = JSON.parse(root.dataset.actions || "{}"); } catch { /* names fall back to the wire words */ }

  function init() {
    window.addEventListener("hashchange", route);
    window.addEventListener("online", () => { showNet(); sync(); });
    window.addEventListener("offline", showNet);
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("field-sw.js", { scope: "/" }).catch(() => {});
    showNet();
    route();
    refreshQueue().then(sync);
    setInterval(sync, 15000);
  }
  document.addEventListener("DOMContentLoaded", init);

  return { $, t, en, el, uuid, online, get, cache, time, onView, go, route, sync, submit, refreshQueue, start, uploadPhotos,
    console: root.dataset.console === "true", tiles: root.dataset.tiles, actionName: a => actionNames[a] || a };
})();
