// Shows the case's location on the city's own outlines (js/basemap.js), with the name of the area the pin falls in
// (given by the page, or read from the outlines); tiles from the configured XYZ URL (data-tiles on <body>) are drawn
// underneath when there are any.
(function () {
  const el = document.getElementById("case-map");
  if (!el || !window.L) return;
  const lat = parseFloat(el.dataset.lat), lon = parseFloat(el.dataset.lon);
  const map = L.map(el, { attributionControl: false }).setView([lat, lon], 16);
  const tiles = document.body.dataset.tiles;
  if (tiles) L.tileLayer(tiles, { maxZoom: 19 }).addTo(map);
  const marker = L.circleMarker([lat, lon], { radius: 9, color: "#b22222", fillOpacity: 0.8 });
  const label = name => marker.bindTooltip(name, { permanent: true, direction: "top", offset: [0, -8], className: "pin-label" }).openTooltip();
  let base = null;
  if (window.GridGovBase) base = GridGovBase.attach(map, {
    grids: el.dataset.grids !== "false",
    onload: () => { if (!el.dataset.area && base) { const n = base.nameAt(lon, lat); if (n) label(n); } },
  });
  marker.addTo(map);
  if (el.dataset.area) label(el.dataset.area);
})();
