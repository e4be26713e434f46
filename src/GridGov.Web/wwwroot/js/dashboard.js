// The command dashboard (一舱): the ranking of child areas by the chosen indicator, the map (child areas named and
// coloured by it, open cases clustered and coloured by their clock, each opening its case), the pies and the live
// events list from /api/dashboard/overview, and the live feed over SignalR (new cases flash, overdue ones flash red).
// Works without map tiles (js/basemap.js draws the surroundings) and without any library (the lists still work).
(async function () {
  const root = document.getElementById("dashboard");
  if (!root) return;
  const area = root.dataset.area, childKind = root.dataset.childKind, childLength = Number(root.dataset.childLength);
  const en = root.dataset.lang === "en";
  const T = (zh, eng) => en ? eng : zh;
  const sources = JSON.parse(root.dataset.sources || "{}");
  const bandColour = { good: "#2fbf71", fair: "#e0a526", poor: "#f0484e", none: "#3a4b63" };
  const band = v => v === "" || v == null ? "none" : Number(v) >= 0.9 ? "good" : Number(v) >= 0.7 ? "fair" : "poor";
  const pct = v => v === "" ? "—" : (parseFloat(v) * 100).toFixed(1) + "%";
  const json = url => fetch(url, { credentials: "same-origin" }).then(r => r.ok ? r.json() : null).catch(() => null);

  // ---- Ranking: child areas by the chosen indicator, best first; the choice is remembered on this screen. ----
  const picker = document.getElementById("indicator");
  const list = document.getElementById("child-list");
  picker.value = localStorage.getItem("gg.indicator") || "ontime";
  if (!picker.value) picker.value = "ontime";
  const rowOf = code => list.querySelector(`li[data-code="${code}"]`);
  const rateOf = code => { const li = rowOf(code); return li ? li.dataset[picker.value] : ""; };
  const nameOf = code => { const li = rowOf(code); return li ? li.querySelector("a").textContent : null; };
  function rank() {
    const key = picker.value, value = li => li.dataset[key] === "" ? -1 : Number(li.dataset[key]);
    const rows = [...list.querySelectorAll("li")].sort((a, b) => value(b) - value(a) || a.dataset.code.localeCompare(b.dataset.code));
    rows.forEach((li, i) => {
      const v = li.dataset[key];
      li.className = "band-" + band(v) + (i < 3 && v !== "" ? " top" : "");
      li.querySelector(".no").textContent = String(i + 1);
      li.querySelector(".rate").textContent = pct(v);
      li.querySelector(".bar i").style.width = v === "" ? "0" : (Math.max(0, Math.min(1, Number(v))) * 100).toFixed(1) + "%";
      list.appendChild(li);
    });
    document.getElementById("legend-indicator-name").textContent = picker.selectedOptions[0].textContent;
    root.dataset.indicator = key;
  }
  rank();

  // ---- Map ----
  let map = null, cluster = null, childLayer = null;
  const markers = new Map(); // case id → marker
  const gone = ["closed", "rejected", "merged"];
  const countMarkers = () => root.dataset.markers = String(markers.size);
  const areaStyle = f => ({ color: "#7fb8ff", weight: 1.2, fillColor: bandColour[band(rateOf(f.properties.code))], fillOpacity: 0.42 });
  const worst = ms => ms.some(m => m.options.colour === "red") ? "red" : ms.some(m => m.options.colour === "yellow") ? "yellow" : "green";
  function popupFor(c) {
    const box = document.createElement("div");
    box.className = "case-pop";
    const line = (tag, text) => { const e = document.createElement(tag); e.textContent = text; box.appendChild(e); box.appendChild(document.createElement("br")); };
    line("strong", c.categoryName);
    line("span", `${c.statusLabel} · ${placeOf(c.areaCode)}`);
    if (c.addressText) line("span", c.addressText);
    line("span", `${T("编号", "No.")} ${c.trackingNo}`);
    const a = document.createElement("a");
    a.href = `cases/${c.id}`;
    a.textContent = T("查看案件 ›", "Open the case ›");
    box.appendChild(a);
    return box;
  }
  function placeMarker(c) {
    if (!cluster || c.lat == null || c.lon == null) return;
    const old = markers.get(c.id);
    if (old) { cluster.removeLayer(old); markers.delete(c.id); }
    if (gone.includes(c.status)) return countMarkers();
    const m = L.marker([c.lat, c.lon], {
      colour: c.colour, title: `${c.categoryName} ${c.statusLabel}`,
      icon: L.divIcon({ className: "case-dot " + c.colour, iconSize: [16, 16] }),
    }).bindPopup(() => popupFor(c));
    markers.set(c.id, m);
    cluster.addLayer(m);
    countMarkers();
  }
  if (window.L) {
    // A maximum zoom even without tiles: the clusters need it to know where to stop gathering.
    map = L.map("dash-map", { attributionControl: false, zoomSnap: 0.25, maxZoom: 18 });
    if (root.dataset.tiles) L.tileLayer(root.dataset.tiles, { maxZoom: 19 }).addTo(map);
    // The surrounding geography in muted lines (js/basemap.js); the areas of this screen are drawn above it.
    if (window.GridGovBase) GridGovBase.attach(map, { dark: true, labels: false });
    cluster = L.markerClusterGroup
      ? L.markerClusterGroup({
        showCoverageOnHover: false, maxClusterRadius: 48, spiderfyOnMaxZoom: true,
        // A cluster takes the colour of its most urgent case, so a red one is seen from afar.
        iconCreateFunction: cl => {
          const n = cl.getChildCount(), size = n < 10 ? 34 : n < 100 ? 42 : 50;
          return L.divIcon({ className: "case-cluster " + worst(cl.getAllChildMarkers()), html: String(n), iconSize: [size, size] });
        },
      })
      : L.layerGroup();
    const outline = await json(`api/areas/${area}/boundary`);
    if (outline && outline.geometry) {
      const layer = L.geoJSON(outline, { style: { color: "#3fd0ff", weight: 2.5, fill: false }, interactive: false }).addTo(map);
      // Keep the area clear of the legend in the lower left corner (on a phone the legend sits below the map).
      const legend = document.getElementById("legend");
      const clear = legend && legend.offsetParent && getComputedStyle(legend).position === "absolute" && map.getSize().x > 3 * legend.offsetWidth;
      const side = clear ? legend.offsetWidth + 16 : 16;
      map.fitBounds(layer.getBounds(), { paddingTopLeft: [side, 16], paddingBottomRight: [16, 16] });
    }
    if (childKind) {
      const children = await json(`api/boundaries/export?area=${area}&kind=${childKind}`);
      if (children) childLayer = L.geoJSON(children, {
        style: areaStyle,
        onEachFeature: (f, layer) => {
          // Names on the map, readable across a room; a click drills down.
          layer.bindTooltip(f.properties.name, { permanent: true, direction: "center", className: "dash-area-name" });
          layer.on("click", () => location.href = `dashboard?area=${f.properties.code}`);
        },
      }).addTo(map);
    }
    // Without an outline (none imported yet) the map still needs a view: the city's centre.
    if (!map._loaded) map.setView([30.657, 104.066], 11);
    cluster.addTo(map);
  }
  picker.addEventListener("change", () => {
    localStorage.setItem("gg.indicator", picker.value);
    rank();
    if (childLayer) childLayer.setStyle(areaStyle);
  });
  const open = await json(`api/cases?area=${area}&status=registered,dispatched,handling,awaiting_verification&limit=200`);
  ((open && open.items) || []).forEach(placeMarker);
  countMarkers();

  // ---- Live events list: newest first; scrolls by itself, pauses under the pointer and when a case arrives. ----
  const events = document.getElementById("events"), win = document.getElementById("events-window");
  const maxEvents = 60;
  function placeOf(code) {
    const child = code.length > area.length ? code.slice(0, childLength) : null;
    return (child && nameOf(child)) || root.dataset.areaName;
  }
  const asDate = s => new Date(/[zZ]|[+-]\d\d:\d\d$/.test(s) ? s : s + "Z");
  function when(s) {
    const t = new Date(asDate(s).getTime() + 8 * 3600 * 1000), now = new Date(Date.now() + 8 * 3600 * 1000);
    const two = n => String(n).padStart(2, "0");
    return t.toISOString().slice(0, 10) === now.toISOString().slice(0, 10)
      ? `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`
      : en ? `${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}` : `${t.getUTCMonth() + 1}月${t.getUTCDate()}日`;
  }
  function eventRow(e, mark) {
    const li = document.createElement("li");
    li.className = `ev clock-${e.colour}` + (e.overdue ? " overdue" : "") + (mark ? " " + mark : "");
    li.dataset.id = String(e.id);
    const t = document.createElement("time");
    t.className = "t"; t.dateTime = e.reportedAt; t.textContent = when(e.reportedAt);
    const what = document.createElement("a");
    what.className = "what"; what.href = `cases/${e.id}`;
    const cat = document.createElement("span"), where = document.createElement("span"), st = document.createElement("span");
    cat.className = "cat"; cat.textContent = e.categoryName;
    where.className = "where"; where.textContent = `${e.placeName} · ${e.sourceName}`;
    st.className = "st"; st.textContent = e.statusLabel;
    what.append(cat, where);
    li.append(t, what, st);
    return li;
  }
  const countEvents = () => { document.getElementById("events-count").textContent = T(`${events.children.length} 条`, `${events.children.length} shown`); };
  let pauseUntil = 0;
  const hold = ms => pauseUntil = Math.max(pauseUntil, Date.now() + ms);
  function showLive(e, mark) {
    const old = events.querySelector(`li[data-id="${e.id}"]`);
    if (old) old.remove();
    events.prepend(eventRow(e, mark));
    while (events.children.length > maxEvents) events.lastElementChild.remove();
    win.scrollTop = 0;
    hold(15000);
    countEvents();
  }
  const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  win.addEventListener("mouseenter", () => pauseUntil = Infinity);
  win.addEventListener("mouseleave", () => { pauseUntil = 0; hold(2000); });
  win.addEventListener("focusin", () => pauseUntil = Infinity);
  win.addEventListener("focusout", () => { pauseUntil = 0; hold(2000); });
  if (!calm) setInterval(() => {
    if (Date.now() < pauseUntil || win.scrollHeight <= win.clientHeight + 2) return;
    if (win.scrollTop + win.clientHeight >= win.scrollHeight - 1) { hold(3000); setTimeout(() => { win.scrollTop = 0; hold(3000); }, 2500); }
    else win.scrollTop += 1;
  }, 50);

  // ---- Pies and the first events ----
  async function loadOverview(withEvents) {
    const o = await json(`api/dashboard/overview?area=${area}`);
    if (!o) return;
    if (window.GridGovCharts) {
      GridGovCharts.pie(document.getElementById("pie-category"), o.byCategory, T("件", "cases"));
      GridGovCharts.pie(document.getElementById("pie-source"), o.bySource, T("件", "cases"));
    }
    if (withEvents) { o.events.forEach(e => events.appendChild(eventRow(e))); countEvents(); }
  }
  await loadOverview(true);
  setInterval(() => loadOverview(false), 5 * 60 * 1000);
  if (window.GridGovCharts) GridGovCharts.trend(document.getElementById("trend"));

  // ---- Live feed: every committed change of a case in this area. ----
  if (window.signalR) {
    const hub = new signalR.HubConnectionBuilder().withUrl("hubs/cases").withAutomaticReconnect().build();
    let fresh = 0;
    const kpi = id => document.getElementById(id);
    hub.on("case", (c, action) => {
      const isNew = action === "report" || action === "self_resolve";
      placeMarker(c);
      showLive({
        id: c.id, trackingNo: c.trackingNo, categoryName: c.categoryName, placeName: placeOf(c.areaCode),
        sourceName: sources[c.source] || c.source, status: c.status, statusLabel: c.statusLabel, colour: c.colour,
        overdue: c.colour === "red", reportedAt: c.reportedAt,
      }, isNew ? "fresh" : "changed");
      if (isNew) {
        fresh++;
        kpi("kpi-new").textContent = String(fresh);
        const today = kpi("kpi-today");
        today.textContent = (Number(today.textContent.replace(/,/g, "")) + 1).toLocaleString("en-US");
      }
    });
    hub.onreconnecting(() => delete root.dataset.live);
    hub.onreconnected(() => hub.invoke("Watch", area).then(() => root.dataset.live = "on"));
    await hub.start();
    await hub.invoke("Watch", area);
    root.dataset.live = "on";
    document.getElementById("live-state").textContent = T("实时", "Live");
  }
})();
