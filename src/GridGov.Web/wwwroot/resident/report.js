// The resident's report form: shows the chosen service's questions, places a pin (tap or GPS), uploads photos,
// then files the report with an idempotency key made once per form, so a double tap or a retry makes one case.
(function () {
  const form = document.getElementById("report");
  if (!form) return;
  const en = form.dataset.lang === "en";
  const t = (zh, e) => (en ? e : zh);
  const service = document.getElementById("service");
  const key = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
  let pin = null;

  function showService() {
    for (const el of form.querySelectorAll("[data-service]")) el.hidden = el.dataset.service !== service.value;
  }
  service.addEventListener("change", showService);
  showService();

  // Map: Chengdu's centre until the resident taps or asks for their position. Without tiles it still shows the pin.
  const mapEl = document.getElementById("pick-map");
  let map = null, marker = null, base = null;
  if (window.L && mapEl) {
    map = L.map(mapEl, { attributionControl: false }).setView([30.6574, 104.0658], 13);
    if (mapEl.dataset.tiles) L.tileLayer(mapEl.dataset.tiles, { maxZoom: 19 }).addTo(map);
    // The city's own outlines; the pin shows the name of the community it falls in once they are loaded.
    if (window.GridGovBase) base = GridGovBase.attach(map, { grids: false, onload: () => nameThePin() });
    map.on("click", (e) => place(e.latlng.lng, e.latlng.lat));
  }
  function nameThePin() {
    if (!marker || !base || !pin) return;
    const name = base.nameAt(pin.lon, pin.lat);
    if (name) marker.bindTooltip(name, { permanent: true, direction: "top", offset: [0, -8], className: "pin-label" }).openTooltip();
  }
  function place(lon, lat) {
    pin = { lon, lat };
    document.getElementById("pin").textContent = t("已选点：", "Pinned: ") + lat.toFixed(5) + ", " + lon.toFixed(5);
    if (map) {
      if (marker) marker.setLatLng([lat, lon]);
      else marker = L.circleMarker([lat, lon], { radius: 10, color: "#b22222", fillOpacity: 0.8 }).addTo(map);
      map.setView([lat, lon], Math.max(map.getZoom(), 16));
      nameThePin();
    }
  }
  window.gridgovPlacePin = place; // for keyboard users' tests and assistive tools: place(lon, lat)
  document.getElementById("locate").addEventListener("click", () => {
    if (!navigator.geolocation) return error("location", t("此设备无法定位，请在地图上选点或填写地址", "No location on this device: tap the map or type the address"));
    navigator.geolocation.getCurrentPosition(
      (p) => place(p.coords.longitude, p.coords.latitude),
      () => error("location", t("定位失败，请在地图上选点或填写地址", "Could not get your location: tap the map or type the address")),
      { enableHighAccuracy: true, timeout: 15000 });
  });

  function clearErrors() {
    for (const el of form.querySelectorAll(".error")) el.textContent = "";
    const top = document.getElementById("form-error");
    top.hidden = true;
    top.textContent = "";
  }
  function pick(message) {
    const i = message.lastIndexOf(" (");
    if (i <= 0 || !message.endsWith(")")) return message;
    return en ? message.slice(i + 2, -1) : message.slice(0, i);
  }
  function error(field, message) {
    const el = document.getElementById(field.replace(/\./g, "-") + "-error");
    if (el) el.textContent = pick(message);
    else {
      const top = document.getElementById("form-error");
      top.textContent = pick(message);
      top.hidden = false;
    }
  }

  function answers() {
    const result = {};
    const box = form.querySelector(`fieldset.questions[data-service="${service.value}"]`);
    if (!box) return result;
    for (const f of box.querySelectorAll(".field[data-code]")) {
      const code = f.dataset.code, type = f.dataset.type;
      let values = [];
      if (type === "multivaluelist") values = [...f.querySelectorAll("input:checked")].map((i) => i.value);
      else {
        const v = f.querySelector("input,select").value.trim();
        if (v) values = [type === "datetime" ? v + "T09:00:00+08:00" : v];
      }
      if (values.length) result[code] = values;
    }
    return result;
  }

  async function uploadPhotos() {
    const files = [...document.getElementById("photos").files];
    if (files.length > 9) throw { field: "photoIds", message: t("最多 9 张照片", "At most 9 photos") };
    const ids = [];
    for (const f of files) {
      if (f.size > 10 * 1024 * 1024) throw { field: "photoIds", message: t("每张照片不超过 10 MB", "Each photo at most 10 MB") };
      // The file name goes along so that a refusal can say which photo it was.
      const r = await fetch("api/photos", { method: "POST", body: f, credentials: "same-origin",
        headers: { "content-type": f.type || "application/octet-stream", "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}` } });
      if (!r.ok) {
        const problem = await r.json().catch(() => ({}));
        throw { field: "photoIds", message: problem.errors?.photo?.[0] || problem.detail
          || t("照片无法上传：请选择 JPEG、PNG 或 WebP 图片", "The photo could not be uploaded: choose a JPEG, PNG or WebP image") };
      }
      ids.push((await r.json()).id);
    }
    return ids;
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors();
    const send = document.getElementById("send");
    send.disabled = true;
    try {
      const body = {
        serviceCode: service.value || null,
        description: document.getElementById("description").value,
        addressText: document.getElementById("address").value || null,
        lon: pin ? pin.lon : null, lat: pin ? pin.lat : null, crs: "wgs84",
        attributes: answers(), photoIds: await uploadPhotos(), idempotencyKey: key,
      };
      const r = await fetch("api/resident/reports", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const answer = await r.json().catch(() => ({}));
      if (r.ok) { location.href = "r/cases/" + encodeURIComponent(answer.trackingNo) + "?new=1"; return; }
      if (answer.errors) for (const [field, messages] of Object.entries(answer.errors)) error(field, messages[0]);
      else error("", answer.detail || t("提交失败，请稍后重试", "Could not send; try again"));
    } catch (x) {
      if (x && x.field) error(x.field, x.message);
      else error("", t("网络不通，请稍后重试（内容不会丢失）", "No connection; try again (nothing is lost)"));
    } finally {
      send.disabled = false;
    }
  });
})();
