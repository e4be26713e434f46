// Copies the browser builds of the npm packages into ../wwwroot/lib so the app serves them as static files.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "wwwroot", "lib");
const files = {
  "leaflet/leaflet.js": "leaflet/dist/leaflet.js",
  "leaflet/leaflet.css": "leaflet/dist/leaflet.css",
  "leaflet/images": "leaflet/dist/images",
  // Case markers gathered into clusters on the dashboard's map; its licence travels with it.
  "leaflet.markercluster/leaflet.markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
  "leaflet.markercluster/MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
  "leaflet.markercluster/LICENSE.txt": "leaflet.markercluster/MIT-LICENCE.txt",
  "echarts/echarts.min.js": "echarts/dist/echarts.min.js",
  "signalr/signalr.min.js": "@microsoft/signalr/dist/browser/signalr.min.js",
};
for (const [to, from] of Object.entries(files)) {
  const target = join(out, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(here, "node_modules", from), target, { recursive: true });
}
writeFileSync(join(out, ".stamp"), new Date().toISOString());
console.log(`copied ${Object.keys(files).length} front-end assets to ${out}`);
