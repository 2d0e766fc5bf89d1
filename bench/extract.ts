// Benchmark of the extraction engine on one core: characters per second over a corpus of at
// least 5 MB (the seed pages repeated), with the gazetteer's load time and memory reported apart.
//   npx tsx bench/extract.ts [--mb 5] [DIR]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getGazetteer } from '../ingest/extract/places/gazetteer.ts';
import { extractText } from '../ingest/extract/index.ts';

const args = process.argv.slice(2);
const mbAt = args.indexOf('--mb');
const targetMb = mbAt >= 0 ? Number(args[mbAt + 1]) : 5;
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--mb') ?? 'seeds';

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const before = process.memoryUsage();
let t0 = performance.now();
const gaz = getGazetteer();
const loadMs = performance.now() - t0;
const afterLoad = process.memoryUsage();

const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, '') }));
if (!pages.length) throw new Error(`no .txt pages in ${dir}`);

// first pass: warms the JIT and indexes the villages of the counties the pages need
t0 = performance.now();
for (const p of pages) extractText(p.text, p.name);
const warmMs = performance.now() - t0;
const afterWarm = process.memoryUsage();

const corpus: { name: string; text: string }[] = [];
let bytes = 0;
let chars = 0;
for (let k = 0; bytes < targetMb * 1024 * 1024; k++) {
  for (const p of pages) {
    corpus.push({ name: `${k}_${p.name}`, text: p.text });
    bytes += Buffer.byteLength(p.text);
    chars += p.text.length;
  }
}

t0 = performance.now();
let facts = 0;
for (const p of corpus) {
  const d = extractText(p.text, p.name);
  for (const a of d.articles) facts += a.people.length + a.places.length + a.events.length;
}
const ms = performance.now() - t0;

console.log(
  `gazetteer: load ${loadMs.toFixed(0)} ms, heap +${mb(afterLoad.heapUsed - before.heapUsed)} MB, ` +
    `rss +${mb(afterLoad.rss - before.rss)} MB (${gaz.full.size} names)`,
);
console.log(
  `villages: scan ${gaz.stats.villageScanMs.toFixed(0)} ms, parse ${gaz.stats.villageParseMs.toFixed(0)} ms for ` +
    `${gaz.stats.countiesLoaded} counties (${gaz.stats.villagesIndexed} villages), ` +
    `external +${mb(afterWarm.external - afterLoad.external)} MB; warm-up pass ${warmMs.toFixed(0)} ms`,
);
console.log(`corpus: ${corpus.length} pages, ${chars} characters, ${mb(bytes)} MB UTF-8`);
console.log(
  `extract: ${(ms / 1000).toFixed(2)} s, ${Math.round(chars / (ms / 1000)).toLocaleString('en-US')} characters/s ` +
    `(${mb(bytes / (ms / 1000))} MB/s), ${facts} facts, rss ${mb(process.memoryUsage().rss)} MB`,
);
