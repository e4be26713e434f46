// Draws one area's boundary over the city's own outlines (js/basemap.js) so staff can see where a grid lies.
(async function () {
  const el = document.getElementById("area-map");
  if (!el || !window.L) return;
  const map = L.map(el, { attributionControl: false });
  if (document.body.dataset.tiles) L.tileLayer(document.body.dataset.tiles, { maxZoom: 19 }).addTo(map);
  const r = await fetch(`api/areas/${el.dataset.code}/boundary`);
  if (!r.ok) { el.textContent = "无边界 / no boundary"; return; }
  const layer = L.geoJSON(await r.json(), { style: { color: "#b22222", weight: 2, fillOpacity: 0.15 } }).addTo(map);
  map.fitBounds(layer.getBounds());
  if (window.GridGovBase) GridGovBase.attach(map);
  layer.bringToFront();
})();
