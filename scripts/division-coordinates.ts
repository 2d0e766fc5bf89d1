// Converts the adcode table of the PyPI package cpca (0.5.5, MIT, cpca/resources/adcodes.csv:
// adcode,name,longitude,latitude for every province, city and county) into the file the map layout
// reads, web/src/map/division-coordinates.json: { "33": [lon, lat], "3308": [...], "330802": [...] },
// keyed by the division code as the ingest writes it (2, 4 or 6 digits). Run once, by hand:
//   pip download cpca==0.5.5 --no-deps -d /tmp/cpca && (cd /tmp/cpca && unzip -o cpca-*.whl)
//   npx tsx scripts/division-coordinates.ts /tmp/cpca/cpca/resources/adcodes.csv
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const source = process.argv[2];
if (!source) throw new Error('usage: tsx scripts/division-coordinates.ts path/to/adcodes.csv');
const rows = parse(fs.readFileSync(source, 'utf8'), { columns: true, bom: true }) as {
  adcode: string;
  name: string;
  longitude: string;
  latitude: string;
}[];
const out: Record<string, [number, number]> = {};
for (const row of rows) {
  const code = row.adcode.replace(/0+$/, '');
  // 11 (北京市) → "11", 1101 → "1101"; codes end on a level boundary (2, 4 or 6 digits).
  const key =
    code.length <= 2 ? code.padEnd(2, '0') : code.length <= 4 ? code.padEnd(4, '0') : code.padEnd(6, '0');
  const lon = Number(row.longitude);
  const lat = Number(row.latitude);
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
  out[key] = [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4];
}
const target = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../web/src/map/division-coordinates.json',
);
fs.writeFileSync(target, `${JSON.stringify(out)}\n`);
console.log(`${Object.keys(out).length} divisions → ${path.relative(process.cwd(), target)}`);
