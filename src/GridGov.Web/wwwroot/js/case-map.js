// Shows the case's location. Tiles come from the configured XYZ URL (data-tiles on <body>) if any; without tiles
// the map still shows the point on a plain background.
(function () {
  const el = document.getElementById("case-map");
  if (!el || !window.L) return;
  const lat = parseFloat(el.dataset.lat), lon = parseFloat(el.dataset.lon);
  const map = L.map(el, { attributionControl: false }).setView([lat, lon], 16);
  const tiles = document.body.dataset.tiles;
  if (tiles) L.tileLayer(tiles, { maxZoom: 19 }).addTo(map);
  L.circleMarker([lat, lon], { radius: 9, color: "#b22222", fillOpacity: 0.8 }).addTo(map);
})();
