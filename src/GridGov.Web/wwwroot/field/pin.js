// Where the problem is: GPS first (with a time limit); the map preview always shows a pin the worker can drag or move
// with a tap; without a fix (denied, no signal, timed out) the pin starts at the centre of the worker's own area and
// a place search (/api/map/places) moves it. The pin names the area it falls in (js/basemap.js).
window.FieldPin = (function () {
  const { $, t, el, online, get, start } = FieldApp;
  const CITY = { lon: 104.0658, lat: 30.6574 };
  let position = null;      // the point the report will carry, once the worker has one
  let moved = false;        // the worker placed the pin: GPS no longer moves it
  let map = null, marker = null, base = null;

  function status(text, kind) {
    const p = $("location");
    p.textContent = text;
    p.className = "loc" + (kind ? " " + kind : "");
  }
  function nameThePin() {
    if (!position) { $("pin-name").textContent = ""; return; }
    const name = base && base.nameAt(position.lon, position.lat);
    $("pin-name").textContent = name ? t("图钉在：", "Pin in: ") + name : t("图钉位置已选好", "Pin placed");
    if (marker && name) marker.bindTooltip(name, { permanent: true, direction: "top", offset: [0, -40], className: "pin-label" }).openTooltip();
  }
  function put(lon, lat, zoom) {
    if (!map) return;
    if (!marker) {
      marker = L.marker([lat, lon], { draggable: true, autoPan: true, keyboard: true, title: t("问题地点（可拖动）", "The problem (drag me)"),
        alt: t("问题地点图钉", "Problem pin"), icon: L.divIcon({ className: "drag-pin", html: "", iconSize: [44, 44], iconAnchor: [22, 44] }) }).addTo(map);
      marker.on("dragend", () => { const p = marker.getLatLng(); choose(p.lng, p.lat, "pin"); });
    } else marker.setLatLng([lat, lon]);
    map.setView([lat, lon], zoom || Math.max(map.getZoom(), 16));
  }
  // The worker's own choice (drag, tap, a place found, "the pin is right"): the report carries this point.
  function choose(lon, lat, source) {
    position = { lon, lat, source };
    moved = true;
    $("pin-ok").hidden = true;
    $("location-error").textContent = "";
    if (source !== "pin") put(lon, lat);
    else if (marker) marker.setLatLng([lat, lon]);
    if (source !== "gps") status(t("已选定位置。图钉不准可以再拖动。", "Place chosen. Drag the pin if it is not right."), "ok");
    nameThePin();
  }

  function gpsFailed(err) {
    if (moved) return;
    const why = !navigator.geolocation ? t("这部手机不能定位", "This phone cannot give a location")
      : err && err.code === 1 ? t("没有得到定位权限", "Location permission was not given")
      : err && err.code === 3 ? t("定位超时（地下室、楼内常见）", "Locating timed out (common indoors)")
      : t("没有定位信号", "No location signal");
    status(why + t("。请把地图上的红色图钉拖到问题地点（也可以点地图），或在下面搜索地名。",
      ". Drag the red pin to the problem (or tap the map), or search a place below."), "warn");
    $("pin-ok").hidden = false;
  }
  function gpsFix(p) {
    if (moved && position && position.source !== "gps") return; // the worker's own pin wins
    const lon = p.coords.longitude, lat = p.coords.latitude;
    position = { lon, lat, source: "gps" };
    moved = false;
    $("pin-ok").hidden = true;
    $("location-error").textContent = "";
    put(lon, lat, 17);
    status(t(`已定位（误差约 ${Math.round(p.coords.accuracy)} 米）。图钉不准可以拖动。`,
      `Located (within about ${Math.round(p.coords.accuracy)} m). Drag the pin if it is not right.`), "ok");
    nameThePin();
  }
  function locate() {
    if (!navigator.geolocation) { gpsFailed(null); return; }
    status(t("正在定位…", "Locating…"));
    navigator.geolocation.getCurrentPosition(gpsFix, gpsFailed, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
  }

  async function searchPlaces() {
    const q = $("place").value.trim(), list = $("places"), msg = $("place-msg");
    list.innerHTML = "";
    if (q.length < 2) { msg.textContent = t("请至少输入两个字，例如：水井坊", "Type at least two characters"); return; }
    if (!online()) { msg.textContent = t("离线时不能搜索地名，请拖动图钉", "No search offline: drag the pin"); return; }
    msg.textContent = t("正在搜索…", "Searching…");
    const r = await get("api/map/places?q=" + encodeURIComponent(q)).catch(() => null);
    if (!r || !r.ok) { msg.textContent = t("搜索没有成功，请稍后再试，或拖动图钉", "Search failed: try again or drag the pin"); return; }
    const places = await r.json();
    if (places.length === 0) { msg.textContent = t(`没有找到「${q}」，换个名称试试，或直接拖动图钉`, `Nothing called "${q}": try another name or drag the pin`); return; }
    msg.textContent = t("点一下选中地点：", "Tap a place:");
    const levels = { MicroGrid: t("微网格", "micro-grid"), Grid: t("网格", "grid"), Community: t("社区", "community"), Street: t("街道", "street"), District: t("区县", "district") };
    for (const p of places) {
      const li = el("li"), b = el("button", "place");
      b.type = "button";
      b.append(el("span", "name", p.name), el("span", "kind", levels[p.level] || ""));
      b.addEventListener("click", () => {
        list.innerHTML = ""; msg.textContent = "";
        choose(p.lon, p.lat, "place");
        map && map.setView([p.lat, p.lon], p.level === "District" ? 13 : p.level === "Street" ? 14 : 16);
      });
      li.appendChild(b); list.appendChild(li);
    }
  }

  async function init() {
    const info = await start();
    const home = info.home || CITY;
    if (window.L) {
      map = L.map($("pin-map"), { attributionControl: false, zoomControl: true }).setView([home.lat, home.lon], 15);
      if (FieldApp.tiles) L.tileLayer(FieldApp.tiles, { maxZoom: 19 }).addTo(map);
      if (window.GridGovBase) base = GridGovBase.attach(map, { grids: true, onload: nameThePin });
      map.on("click", e => choose(e.latlng.lng, e.latlng.lat, "pin"));
      put(home.lon, home.lat, 15); // the worker's own area until a fix or their choice
    } else $("pin-map").hidden = true; // no map library: place search still works
    $("pin-ok").addEventListener("click", () => {
      const p = marker ? marker.getLatLng() : { lng: home.lon, lat: home.lat };
      choose(p.lng, p.lat, "pin");
    });
    $("place-go").addEventListener("click", searchPlaces);
    $("place").addEventListener("keydown", e => { if (e.key === "Enter") { e.preventDefault(); searchPlaces(); } });
    locate();
  }
  document.addEventListener("DOMContentLoaded", init);
  FieldApp.onView("report", () => { if (map) setTimeout(() => map.invalidateSize(), 0); });

  return {
    get: () => position,
    // After a report: the next one starts from GPS again (or where this one was, when there is no fix).
    reset() { moved = false; if (position && position.source !== "gps") { position = null; $("pin-ok").hidden = false; } nameThePin(); locate(); },
  };
})();
