// Keeps the field app's shell available offline: network first, the cached copy when there is no network. The
// data the app shows offline (categories, lists, cases) is kept by the app itself; reports wait in its outbox.
const CACHE = "gridgov-field-v3";
const SHELL = ["/field", "/css/app.css", "/field/field.css", "/field/queue.js", "/field/app.js", "/field/pin.js",
  "/field/categories.js", "/field/report.js", "/field/lists.js", "/field/case.js", "/field/verify.js", "/field/manifest.webmanifest",
  "/field/icon.svg", "/js/basemap.js", "/lib/leaflet/leaflet.js", "/lib/leaflet/leaflet.css"];
self.addEventListener("install", e => e.waitUntil(caches.open(CACHE)
  // One missing file (no npm, no Leaflet) must not stop the rest from being kept.
  .then(c => Promise.all(SHELL.map(u => c.add(u).catch(() => {})))).then(() => self.skipWaiting())));
self.addEventListener("activate", e => e.waitUntil(caches.keys()
  .then(keys => Promise.all(keys.filter(k => k.startsWith("gridgov-field-") && k !== CACHE).map(k => caches.delete(k))))
  .then(() => self.clients.claim())));
self.addEventListener("fetch", e => {
  const url = new URL(e.request.url);
  if (e.request.method !== "GET" || url.pathname.startsWith("/api/") || !SHELL.includes(url.pathname)) return;
  e.respondWith(fetch(e.request).then(r => {
    if (r.ok) { const copy = r.clone(); caches.open(CACHE).then(c => c.put(e.request, copy)); }
    return r;
  }).catch(() => caches.match(e.request, { ignoreSearch: true })));
});
