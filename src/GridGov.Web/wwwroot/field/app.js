// Field-worker app: report with photo + GPS in a few taps, queue offline, send when back online; my tasks.
(function () {
  const $ = id => document.getElementById(id);
  const en = $("field") && $("field").dataset.lang === "en";
  const t = (zh, english) => en ? english : zh;
  let position = null;
  // crypto.randomUUID exists only in secure contexts; a phone on plain http (a LAN address) still needs keys.
  const uuid = () => (crypto.randomUUID ? crypto.randomUUID()
    : ([1e7] + -1e3 + -4e3 + -8e3 + -1e11).replace(/[018]/g, c => (c ^ crypto.getRandomValues(new Uint8Array(1))[0] & 15 >> c / 4).toString(16)));
  // One form, one key: a double tap (or a retry) of the same report can only ever make one case.
  let formKey = uuid();
  let submitting = false;
  const setError = (field, text) => { const el = $(field + "-error"); if (el) el.textContent = text || ""; };

  const online = () => navigator.onLine;
  const showNet = () => { $("net").textContent = online() ? t("在线", "online") : t("离线", "offline"); $("net").className = "net " + (online() ? "on" : "off"); };

  async function refreshQueue() {
    const items = await Outbox.all();
    $("pending").textContent = t("待发送 ", "Waiting ") + items.length;
    $("queue").innerHTML = "";
    for (const it of items) {
      const li = document.createElement("li");
      li.textContent = `${it.kind === "report" ? t("上报", "Report") : t("操作", "Action")} · ${it.label} · ${new Date(it.at).toLocaleTimeString("zh-CN")}${it.error ? " · " + it.error : ""}`;
      $("queue").appendChild(li);
    }
  }

  async function uploadPhotos(blobs) {
    const ids = [];
    for (const b of blobs) {
      const headers = { "content-type": b.type || "application/octet-stream" };
      if (b.name) headers["content-disposition"] = `attachment; filename*=UTF-8''${encodeURIComponent(b.name)}`;
      const r = await fetch("api/photos", { method: "POST", body: b, headers, credentials: "same-origin" });
      if (!r.ok) {
        const e = new Error((await r.json().catch(() => ({}))).detail || ("photo " + r.status));
        e.refused = r.status >= 400 && r.status < 500; // the photo itself is refused: retrying will not help
        throw e;
      }
      ids.push((await r.json()).id);
    }
    return ids;
  }

  let syncing = false;
  async function sync() {
    if (syncing || !online()) return;
    syncing = true;
    try {
      for (const it of await Outbox.all()) {
        try {
          if (it.kind === "report") {
            const photoIds = it.photoIds || await uploadPhotos(it.photos || []);
            // Keep the uploaded ids so a retry does not upload the photos again.
            if (!it.photoIds) { it.photoIds = photoIds; it.photos = []; await Outbox.add(it); }
            const r = await fetch("api/cases", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" },
              body: JSON.stringify({ ...it.body, photoIds, idempotencyKey: it.key }) });
            if (r.ok) { await Outbox.remove(it.key); const b = await r.json(); $("sent").hidden = false; $("sent").textContent = t(`已上报，编号 ${b.case.trackingNo}`, `Reported, No. ${b.case.trackingNo}`); }
            else if (r.status >= 400 && r.status < 500) { it.error = (await r.json().catch(() => ({}))).title || ("错误 " + r.status); await Outbox.add(it); }
          } else {
            const r = await fetch(`api/cases/${it.caseId}/actions/${it.action}`, { method: "POST", credentials: "same-origin",
              headers: { "content-type": "application/json" }, body: JSON.stringify(it.body) });
            if (r.ok || r.status === 409) await Outbox.remove(it.key);
          }
        } catch (e) {
          if (!e.refused) break; // network gone again: keep the rest for later
          it.error = e.message; await Outbox.add(it); // shown in the queue; the others still go
        }
      }
    } finally { syncing = false; await refreshQueue(); await loadTasks(); }
  }

  async function loadCategories() {
    const cached = localStorage.getItem("gg.categories");
    let cats = cached ? JSON.parse(cached) : null;
    if (online()) {
      const r = await fetch("api/categories", { credentials: "same-origin" }).catch(() => null);
      if (r && r.ok) { cats = await r.json(); localStorage.setItem("gg.categories", JSON.stringify(cats)); }
    }
    const sel = $("category");
    sel.innerHTML = `<option value="">${t("请选择", "Choose")}</option>`;
    for (const c of (cats || []).filter(c => c.code.length === 4 && c.active)) {
      const o = document.createElement("option"); o.value = c.code; o.textContent = `${c.code} ${c.name}`; sel.appendChild(o);
    }
  }

  async function loadTasks() {
    if (!online()) return;
    const r = await fetch("api/cases?assignee=me&status=dispatched,handling&limit=50", { credentials: "same-origin" }).catch(() => null);
    if (!r || !r.ok) return;
    const page = await r.json();
    $("tasks").innerHTML = "";
    for (const c of page.items) {
      const li = document.createElement("li");
      li.innerHTML = `<strong></strong> <span class="badge ${c.colour}"></span><div class="muted"></div>`;
      li.querySelector("strong").textContent = `${c.trackingNo} ${c.categoryName}`;
      li.querySelector(".badge").textContent = c.statusLabel;
      li.querySelector(".muted").textContent = c.addressText || c.areaCode;
      const act = (action, label) => {
        const b = document.createElement("button"); b.className = "secondary"; b.textContent = label;
        b.onclick = async () => {
          const photos = action === "feedback" ? Array.from($("photo").files) : [];
          if (action === "feedback" && photos.length === 0) { alert(t("处置反馈需要先在上方选择照片", "Choose a photo above first")); return; }
          let photoIds = [];
          try { photoIds = photos.length ? await uploadPhotos(photos) : []; }
          catch (err) { setError("photo", err.message); return; } // a refused photo is named under the photo field
          b.disabled = true; // a double tap sends one action
          await Outbox.add({ key: uuid(), kind: "action", caseId: c.id, action, label: `${label} ${c.trackingNo}`, at: Date.now(), body: { version: c.version, photoIds } });
          await refreshQueue(); sync();
        };
        li.appendChild(b);
      };
      if (c.status === "dispatched") act("accept", t("接单", "Accept"));
      if (c.status === "handling") act("feedback", t("处置反馈", "Report done"));
      $("tasks").appendChild(li);
    }
  }

  $("report").addEventListener("submit", async e => {
    e.preventDefault();
    if (submitting) return;
    ["category", "description", "photo", "location"].forEach(f => setError(f, ""));
    const category = $("category").value, description = $("description").value.trim(), files = Array.from($("photo").files);
    let bad = false;
    if (!category) { setError("category", t("请选择类别", "Choose a category")); bad = true; }
    if (!description) { setError("description", t("请描述问题", "Describe the problem")); bad = true; }
    if ($("self").checked && files.length === 0) { setError("photo", t("自办自结需要附照片", "Solved on the spot needs a photo")); bad = true; }
    if (files.length > 9) { setError("photo", t("最多 9 张照片", "At most 9 photos")); bad = true; }
    if (!position) { setError("location", t("尚未取得位置，请允许定位后重试", "No location yet: allow location and try again")); bad = true; }
    if (bad) return;
    const button = $("report").querySelector("button[type=submit]");
    submitting = true; button.disabled = true;
    try {
      await Outbox.add({
        key: formKey, kind: "report", label: `${category} ${description.slice(0, 12)}`, at: Date.now(), photos: files,
        body: { categoryCode: category, description, lon: position.lon, lat: position.lat, source: "patrol", selfResolve: $("self").checked },
      });
      formKey = uuid(); // queued: the next report is a new one
      $("report").reset();
    } finally { submitting = false; button.disabled = false; }
    await refreshQueue();
    sync();
  });

  if (navigator.geolocation) {
    navigator.geolocation.watchPosition(p => {
      position = { lon: p.coords.longitude, lat: p.coords.latitude };
      $("location").textContent = t(`位置：${position.lon.toFixed(5)}, ${position.lat.toFixed(5)}（±${Math.round(p.coords.accuracy)} 米）`, `Location: ${position.lon.toFixed(5)}, ${position.lat.toFixed(5)} (±${Math.round(p.coords.accuracy)} m)`);
    }, () => { $("location").textContent = t("无法定位", "Location unavailable"); }, { enableHighAccuracy: true });
  }
  window.addEventListener("online", () => { showNet(); sync(); });
  window.addEventListener("offline", showNet);
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("field-sw.js", { scope: "/" }).catch(() => {});
  showNet(); loadCategories(); refreshQueue().then(sync); loadTasks();
  setInterval(sync, 15000);
})();
