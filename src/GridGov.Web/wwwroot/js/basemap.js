// The base map every GridGov map stands on when no tile server is configured (and under tiles when one is): the
// city's own outlines with their names, district → street → community → grid → micro-grid as the user zooms in,
// from /api/map/outlines. A pin can ask which loaded area it falls in, so it always shows a name.
window.GridGovBase = (function () {
  const levelFor = (zoom, grids) => zoom <= 10 ? "district" : zoom <= 12 ? "street" : zoom <= 14 ? "community"
    : !grids ? "community" : zoom <= 15 ? "grid" : "micro_grid";

  function inRing(lon, lat, ring) {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
  function inGeometry(lon, lat, g) {
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    return polys.some(p => inRing(lon, lat, p[0]) && !p.slice(1).some(h => inRing(lon, lat, h)));
  }

  function attach(map, options) {
    const opts = Object.assign({ grids: true, dark: false, labels: true }, options || {});
    const lines = L.layerGroup().addTo(map), names = L.layerGroup().addTo(map);
    let features = [], seq = 0, timer = null;
    const style = opts.dark ? { color: "#5c7a99", weight: 1, fill: false } : { color: "#7b8794", weight: 1, fill: true, fillColor: "#eef2f6", fillOpacity: 0.35 };

    async function load() {
      const b = map.getBounds(), c = b.getCenter();
      const half = (lo, hi, mid) => hi - lo > 2 ? [mid - 1, mid + 1] : [lo, hi];
      const [w, e] = half(b.getWest(), b.getEast(), c.lng), [s, n] = half(b.getSouth(), b.getNorth(), c.lat);
      const level = levelFor(map.getZoom(), opts.grids);
      const mine = ++seq;
      const r = await fetch(`api/map/outlines?level=${level}&bbox=${[w, s, e, n].map(x => x.toFixed(5)).join(",")}`, { credentials: "same-origin" }).catch(() => null);
      if (!r || !r.ok || mine !== seq) return;
      const data = await r.json();
      features = data.features;
      lines.clearLayers(); names.clearLayers();
      L.geoJSON(data, { style, interactive: false }).addTo(lines);
      if (!opts.labels || features.length > 400) return;
      for (const f of features) {
        const p = f.properties;
        L.marker([p.labelLat, p.labelLon], { interactive: false, keyboard: false,
          icon: L.divIcon({ className: "area-label" + (opts.dark ? " dark" : ""), html: "", iconSize: null }) })
          .addTo(names).getElement().textContent = p.name;
      }
      if (opts.onload) opts.onload();
    }
    const reload = () => { clearTimeout(timer); timer = setTimeout(load, 150); };
    map.on("moveend zoomend", reload);
    if (map._loaded) reload(); else map.whenReady(reload);
    return {
      // The name of the loaded area holding a point (the level drawn now), or null.
      nameAt(lon, lat) {
        const f = features.find(x => inGeometry(lon, lat, x.geometry));
        return f ? f.properties.name : null;
      },
      reload,
    };
  }
  return { attach, levelFor };
})();
