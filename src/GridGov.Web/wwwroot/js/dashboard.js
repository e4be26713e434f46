// Command dashboard: child areas coloured by on-time closure rate, open cases as markers coloured by their clock,
// a 30-day trend, and new cases pushed live over SignalR. Works without map tiles (plain background).
(async function () {
  const root = document.getElementById("dashboard");
  if (!root) return;
  const area = root.dataset.area, childKind = root.dataset.childKind;
  const colours = { green: "#2e7d32", yellow: "#f9a825", red: "#e53935", none: "#90a4ae" };
  const rateColour = r => r === "" ? "#546e7a" : (r >= 0.9 ? "#2e7d32" : r >= 0.7 ? "#f9a825" : "#e53935");
  // The chosen indicator colours the child areas (and the list); the choice is remembered on this screen.
  const picker = document.getElementById("indicator");
  picker.value = localStorage.getItem("gg.indicator") || "ontime";
  const rateOf = code => { const li = document.querySelector(`#child-list li[data-code="${code}"]`); return li ? li.dataset[picker.value] : ""; };
  const pct = v => v === "" ? "—" : (parseFloat(v) * 100).toFixed(1) + "%";
  const relabel = () => document.querySelectorAll("#child-list li").forEach(li => li.querySelector(".rate").textContent = pct(li.dataset[picker.value]));
  relabel();

  let map = null, markers = null;
  if (window.L) {
    map = L.map("dash-map", { attributionControl: false, zoomSnap: 0.25 });
    if (root.dataset.tiles) L.tileLayer(root.dataset.tiles, { maxZoom: 19 }).addTo(map);
    // The surrounding geography in muted lines (js/basemap.js); the areas of this screen are drawn above it.
    if (window.GridGovBase) GridGovBase.attach(map, { dark: true, labels: false });
    markers = L.layerGroup().addTo(map);
    const outline = await (await fetch(`api/areas/${area}/boundary`)).json().catch(() => null);
    if (outline && outline.geometry) {
      const layer = L.geoJSON(outline, { style: { color: "#90caf9", weight: 2, fill: false } }).addTo(map);
      map.fitBounds(layer.getBounds());
    }
    if (childKind) {
      const children = await (await fetch(`api/boundaries/export?area=${area}&kind=${childKind}`)).json().catch(() => null);
      let childLayer = null;
      if (children) childLayer = L.geoJSON(children, {
        style: f => ({ color: "#37474f", weight: 1, fillColor: rateColour(rateOf(f.properties.code) ?? ""), fillOpacity: 0.45 }),
        onEachFeature: (f, layer) => {
          // Names on the map, readable across a room; the tooltip repeats them for a pointer.
          layer.bindTooltip(f.properties.name, { permanent: true, direction: "center", className: "dash-area-name" });
          layer.on("click", () => location.href = `dashboard?area=${f.properties.code}`);
        },
      }).addTo(map);
      picker.addEventListener("change", () => {
        localStorage.setItem("gg.indicator", picker.value);
        relabel();
        if (childLayer) childLayer.setStyle(f => ({ color: "#37474f", weight: 1, fillColor: rateColour(rateOf(f.properties.code) ?? ""), fillOpacity: 0.45 }));
        root.dataset.indicator = picker.value;
      });
    }
  }
  const addMarker = c => {
    if (!markers) return;
    L.circleMarker([c.lat, c.lon], { radius: 6, color: colours[c.colour] || colours.none, fillOpacity: 0.9, className: "case-marker" })
      .bindTooltip(`${c.trackingNo} ${c.categoryName}`).addTo(markers);
  };
  const open = await (await fetch(`api/cases?area=${area}&status=registered,dispatched,handling,awaiting_verification&limit=200`)).json().catch(() => ({ items: [] }));
  (open.items || []).forEach(addMarker);
  root.dataset.markers = String(markers ? markers.getLayers().length : 0);

  if (window.echarts) {
    const el = document.getElementById("trend");
    const chart = echarts.init(el, "dark", { renderer: "svg" });
    chart.setOption({
      // No grow-in animation: a wall screen (and its screenshot) shows the real bar heights at once.
      animation: false,
      backgroundColor: "transparent", grid: { left: 36, right: 10, top: 10, bottom: 24 },
      xAxis: { type: "category", data: el.dataset.days.split(",") },
      yAxis: { type: "value", minInterval: 1 },
      series: [{ type: "bar", data: el.dataset.values.split(",").map(Number), itemStyle: { color: "#64b5f6" } }],
    });
  }

  if (window.signalR) {
    const hub = new signalR.HubConnectionBuilder().withUrl("hubs/cases").withAutomaticReconnect().build();
    let fresh = 0;
    hub.on("case", c => {
      addMarker(c);
      fresh++;
      document.getElementById("kpi-new").textContent = String(fresh);
      root.dataset.markers = String(markers ? markers.getLayers().length : fresh);
    });
    await hub.start();
    await hub.invoke("Watch", area);
    root.dataset.live = "on";
  }
})();
