// The public map: district outlines for context, then the open and recently closed public cases in view, reloaded
// when the map moves or a filter changes. Everything comes from /api/public (anonymous, rate-limited, no personal data).
(function () {
  const el = document.getElementById("public-map");
  if (!el || !window.L) return;
  const form = document.getElementById("map-filters");
  const en = form.dataset.lang === "en";
  const t = (zh, e) => (en ? e : zh);
  const map = L.map(el, { attributionControl: false }).setView([30.6574, 104.0658], 11);
  if (el.dataset.tiles) L.tileLayer(el.dataset.tiles, { maxZoom: 19 }).addTo(map);
  // The city's own outlines and names (public levels only: districts, streets, communities).
  if (window.GridGovBase) GridGovBase.attach(map, { grids: false });
  const layer = L.layerGroup().addTo(map);
  const fmt = new Intl.DateTimeFormat(en ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

  fetch("api/public/districts").then((r) => (r.ok ? r.json() : null)).then((g) => {
    if (!g) return;
    const outline = L.geoJSON(g, { style: { color: "#52606d", weight: 1.5, fill: false, className: "district-outline" } }).addTo(map);
    outline.eachLayer((l) => l.bindTooltip(l.feature.properties.name, { sticky: true }));
    // Start with the whole city in view (this reloads the cases for the new bounds).
    if (outline.getBounds().isValid()) map.fitBounds(outline.getBounds());
  });

  let seq = 0;
  async function load() {
    const b = map.getBounds();
    const q = new URLSearchParams({
      bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(5)).join(","),
      status: document.getElementById("f-status").value,
      days: document.getElementById("f-days").value,
      limit: "1000",
    });
    const service = document.getElementById("f-service").value;
    if (service) q.set("service", service);
    const mine = ++seq;
    const r = await fetch("api/public/cases?" + q).catch(() => null);
    if (mine !== seq) return;
    const count = document.getElementById("map-count");
    if (!r || !r.ok) { count.textContent = t("暂时无法加载，请稍后再试", "Could not load; try again later"); return; }
    const g = await r.json();
    layer.clearLayers();
    for (const f of g.features) {
      const p = f.properties, [lon, lat] = f.geometry.coordinates;
      const colour = p.status === "closed" ? "#1b7f3b" : "#c62828";
      const m = L.circleMarker([lat, lon], p.blurred
        ? { radius: 12, color: "#7b8794", dashArray: "4", fillOpacity: 0.25 }
        : { radius: 7, color: colour, fillColor: colour, fillOpacity: 0.8 });
      m.bindPopup(`<strong>${esc(p.serviceName)}</strong> · ${esc(p.statusLabel)}<br>${esc(p.place)}<br>` +
        `${t("上报", "Reported")} ${esc(fmt.format(new Date(p.reportedAt)))}` +
        (p.description ? `<br>${esc(p.description)}` : "") +
        `<br><a href="r/cases/${encodeURIComponent(p.trackingNo)}">${t("查看进度", "See progress")} ${esc(p.trackingNo)}</a>`);
      layer.addLayer(m);
    }
    count.textContent = t(`当前范围 ${g.features.length} 件`, `${g.features.length} in view`) +
      (g.truncated ? t("（仅显示最新 1000 件，放大地图查看更多）", " (newest 1,000 only: zoom in for more)") : "");
  }
  map.on("moveend", load);
  form.addEventListener("change", load);
  load();
})();
