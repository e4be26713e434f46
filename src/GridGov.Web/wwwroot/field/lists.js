// 我的上报 (the worker's own reports, newest first, with what still waits in the outbox on top) and 我的任务 (cases
// the worker handles, the nearest deadline first, each with its clock as a word and a colour). Each row opens the
// case in the app. The last copy of each list is kept, so they still show offline.
window.FieldLists = (function () {
  const { $, t, el, online, get, cache, time } = FieldApp;

  const COLOURS = { green: t("正常", "On time"), yellow: t("临期", "Due soon"), red: t("超期", "Overdue") };
  function span(ms) {
    const m = Math.max(1, Math.round(Math.abs(ms) / 60000));
    if (m < 60) return t(`${m} 分钟`, `${m} min`);
    const h = Math.round(m / 60);
    if (h < 48) return t(`${h} 小时`, `${h} h`);
    return t(`${Math.round(h / 24)} 天`, `${Math.round(h / 24)} days`);
  }
  // The clock in words: "还剩 5 小时" / "已超期 2 小时" (a suspended case's clock stands still).
  function clockWords(c) {
    if (c.status === "suspended") return t("缓办中，计时暂停", "Suspended: the clock is stopped");
    if (!c.resolveDueAt) return "";
    const left = new Date(c.resolveDueAt).getTime() - Date.now();
    return left >= 0 ? t(`还剩 ${span(left)}，${time(c.resolveDueAt)}前办完`, `${span(left)} left, due ${time(c.resolveDueAt)}`)
      : t(`已超期 ${span(left)}（应于 ${time(c.resolveDueAt)}办完）`, `${span(left)} overdue (was due ${time(c.resolveDueAt)})`);
  }
  const areaText = (x) => [x.areaName, x.case.addressText].filter(Boolean).join(" · ");

  function caseRow(x, withClock) {
    const c = x.case;
    const li = el("li", "card" + (withClock ? " clock-" + c.colour : ""));
    const a = el("a", "row");
    a.href = "field#case-" + c.id;
    const top = el("span", "top");
    top.append(el("strong", "no", c.trackingNo));
    if (withClock && COLOURS[c.colour]) top.append(el("span", "badge " + c.colour, COLOURS[c.colour]));
    else top.append(el("span", "badge status", c.statusLabel));
    a.append(top, el("span", "what", c.categoryName));
    if (withClock) { a.append(el("span", "clock", clockWords(c))); a.append(el("span", "meta", c.statusLabel + " · " + areaText(x))); }
    else a.append(el("span", "meta", t("上报于 ", "Reported ") + time(c.reportedAt) + (x.areaName ? " · " + x.areaName : "")));
    li.appendChild(a);
    return li;
  }

  function pendingRow(it) {
    const li = el("li", "card pending-item");
    const box = el("div", "row");
    const top = el("span", "top");
    top.append(el("strong", "no", it.kind === "report" ? t("待发送的上报", "Report waiting") : t("待发送的操作", "Action waiting")),
      el("span", "badge wait", it.error ? t("未能发送", "Not sent") : t("待发送", "Waiting")));
    box.append(top, el("span", "what", it.label),
      el("span", "meta", it.error ? it.error : t("已保存，联网后自动发送", "Saved: sent when online") + " · " + time(new Date(it.at).toISOString())));
    if (it.error) {
      const del = el("button", "secondary", t("删除这条", "Delete it"));
      del.type = "button";
      del.addEventListener("click", async () => { await Outbox.remove(it.key); await FieldApp.refreshQueue(); showMine(); });
      box.append(del);
    }
    li.appendChild(box);
    return li;
  }

  // Keeps the last lists so a case opened offline still has its area name.
  const known = () => [...(cache.read("mine") || []), ...(cache.read("tasks") || [])];

  async function fetchList(url, key, note) {
    if (online()) {
      const r = await get(url).catch(() => null);
      if (r && r.ok) { const body = await r.json(); const items = body.items || body; cache.write(key, items); $(note).textContent = ""; return items; }
    }
    const kept = cache.read(key);
    $(note).textContent = kept ? t("离线：显示的是上次联网时的内容", "Offline: showing the last copy") : t("离线：联网后才能看到", "Offline: shown once online");
    return kept || [];
  }

  async function showMine() {
    const [items, queued] = await Promise.all([fetchList("api/field/reports?limit=50", "mine", "mine-note"), Outbox.all()]);
    const list = $("mine-list");
    list.innerHTML = "";
    for (const it of queued.filter(q => q.kind === "report").sort((a, b) => b.at - a.at)) list.appendChild(pendingRow(it));
    for (const x of items) list.appendChild(caseRow(x, false));
    $("mine-empty").hidden = list.children.length > 0;
  }

  async function showTasks() {
    const items = await fetchList("api/field/tasks", "tasks", "tasks-note");
    const list = $("task-list");
    list.innerHTML = "";
    for (const x of items) list.appendChild(caseRow(x, true));
    $("tasks-empty").hidden = items.length > 0;
    count(items.length);
  }
  function count(n) { const c = $("task-count"); c.textContent = String(n); c.hidden = n === 0; }

  FieldApp.onView("mine", showMine);
  FieldApp.onView("tasks", showTasks);
  document.addEventListener("field:sent", () => { if (!$("view-mine").hidden) showMine(); if (!$("view-tasks").hidden) showTasks(); });
  document.addEventListener("field:queue", () => { if (!$("view-mine").hidden) showMine(); });
  // The tab shows how many tasks wait, from the start.
  document.addEventListener("DOMContentLoaded", async () => {
    if (!online()) { count((cache.read("tasks") || []).length); return; }
    const r = await get("api/field/tasks").catch(() => null);
    if (r && r.ok) { const items = await r.json(); cache.write("tasks", items); count(items.length); }
  });

  return { known, clockWords, colours: COLOURS };
})();
