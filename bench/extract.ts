// Benchmark of the extraction engine on one core, with its targets printed as met / not met:
//  1. characters per second over at least 5 MB of pages (the seed pages repeated), end to end in a
//     fresh process, as a user pays it: loading the extractor (its tables compiled), the gazetteer, the
//     villages, the JIT's compilation (its compiler threads included) and the extraction; target
//     ≥ 1,000,000 characters/s. The parts and the steady state (a second pass) are printed beside;
//  2. one 5 MB and one 50 MB page made of distinct generated articles (bench/corpus.ts: many counties,
//     names, towns and villages; not one sentence repeated), each extracted in a process of its own:
//     time and peak RSS of extractStream (articles handed on one by one, as an ingest takes them);
//     targets: 50 MB in under 60 s and 1 GB, time(50 MB) / time(5 MB) ≤ 12 (linear).
// The extractor is the compiled bundle (ingest/compiled.ts) that `npm run extract` and the ingest's workers
// run; a build after a source change happens before the measured process starts, like an install.
// Times are CPU time of the extracting process (the machine may be shared); wall time is printed beside.
//   npx tsx bench/extract.ts [--mb 5] [--large 5,50] [--no-large] [DIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compiled, importCompiled } from '../ingest/compiled.ts';

type Extractor = typeof import('../ingest/extract/index.ts');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    mb: { type: 'string', default: '5' },
    large: { type: 'string', default: '5,50' },
    'no-large': { type: 'boolean', default: false },
    // internal: extract one page file in this process and print its figures as JSON
    page: { type: 'string' },
    // internal: the end-to-end throughput run in a fresh process, figures as JSON
    throughput: { type: 'boolean', default: false },
  },
});

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

interface PageRun {
  chars: number;
  bytes: number;
  articles: number;
  facts: number;
  cpuMs: number;
  wallMs: number;
  peakRssMb: number;
}

/** CPU seconds of this process's main thread and of all its other threads (JIT compiler, GC helpers). */
function threadCpu(): { main: number; other: number } | null {
  try {
    let main = 0;
    let other = 0;
    const tick = 100; // USER_HZ
    for (const t of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const s = (Number(f[11]) + Number(f[12])) / tick;
      if (Number(t) === process.pid) main += s;
      else other += s;
    }
    return { main, other };
  } catch {
    return null; // not Linux
  }
}

interface ThroughputRun {
  pages: number;
  chars: number;
  bytes: number;
  facts: number;
  /** CPU ms, all threads: loading the extractor modules (tables compiled), the gazetteer, extracting. */
  importMs: number;
  gazetteerMs: number;
  extractMs: number;
  wallMs: number;
  /** Of the whole run, CPU s of the threads other than the main one (JIT compiler, GC). */
  otherThreadsS: number | null;
  /** A second pass over the same corpus: the steady state, without loading or compiling. */
  steadyMs: number;
  villages: { scanMs: number; parseMs: number; counties: number; villages: number };
  rssMb: number;
}

if (values.page) {
  // a child: the gazetteer and a small page first, so that the figures are the page's own work
  const { extractStream, extractText } = await importCompiled<Extractor>('ingest/extract/index.ts');
  const text = readFileSync(values.page, 'utf8');
  extractText('县委书记王建国到青塘镇调研。', 'warm.txt');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  // the articles as a stream, as an ingest takes them: each is counted and let go
  let articles = 0;
  let facts = 0;
  for (const a of extractStream(text, path.basename(values.page)).articles) {
    articles++;
    facts += a.people.length + a.places.length + a.events.length;
  }
  const run: PageRun = {
    chars: text.length,
    bytes: Buffer.byteLength(text),
    articles,
    facts,
    cpuMs: cpuMs(c0),
    wallMs: performance.now() - t0,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(run) + '\n');
  process.exit(0);
}

// 1. throughput on the seed pages, end to end, in a fresh process
const dir = path.resolve(positionals[0] ?? 'seeds');
const targetMb = Number(values.mb);

if (values.throughput) {
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, '') }));
  if (!pages.length) throw new Error(`no .txt pages in ${dir}`);
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
  const threads0 = threadCpu();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  // what a user's process pays: the modules (the compiled bundle that `npm run extract` and the ingest's
  // workers load, checked against its sources; the tables compiled on import), the gazetteer, the pages
  const { extractText, getGazetteer } = await importCompiled<Extractor>('ingest/extract/index.ts');
  const importMs = cpuMs(c0);
  const gaz = getGazetteer();
  const gazetteerMs = cpuMs(c0) - importMs;
  const pass = () => {
    let facts = 0;
    for (const p of corpus) {
      const d = extractText(p.text, p.name);
      for (const a of d.articles) facts += a.people.length + a.places.length + a.events.length;
    }
    return facts;
  };
  const facts = pass();
  const extractMs = cpuMs(c0) - importMs - gazetteerMs;
  const wallMs = performance.now() - t0;
  const threads1 = threadCpu();
  const c1 = process.cpuUsage();
  pass();
  const run: ThroughputRun = {
    pages: corpus.length,
    chars,
    bytes,
    facts,
    importMs,
    gazetteerMs,
    extractMs,
    wallMs,
    otherThreadsS: threads0 && threads1 ? threads1.other - threads0.other : null,
    steadyMs: cpuMs(c1),
    villages: {
      scanMs: gaz.stats.villageScanMs,
      parseMs: gaz.stats.villageParseMs,
      counties: gaz.stats.countiesLoaded,
      villages: gaz.stats.villagesIndexed,
    },
    rssMb: process.memoryUsage().rss / 1024 / 1024,
  };
  process.stdout.write(JSON.stringify(run) + '\n');
  process.exit(0);
}

{
  // a build after a source change is a one-off, like an install: done here, outside the measured process
  const t = performance.now();
  const build = await compiled();
  if (build.built)
    console.log(
      `compiled the extractor bundle in ${(performance.now() - t).toFixed(0)} ms (sources changed)`,
    );
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--throughput', '--mb', String(targetMb), dir],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1024 * 1024, timeout: 15 * 60_000 },
  );
  if (r.status !== 0) throw new Error(`throughput run failed (exit ${r.status}): ${r.stderr.slice(-500)}`);
  const run = JSON.parse(r.stdout) as ThroughputRun;
  const totalMs = run.importMs + run.gazetteerMs + run.extractMs;
  const perSecond = run.chars / (totalMs / 1000);
  const rate = (chars: number, ms: number) => Math.round(chars / (ms / 1000)).toLocaleString('en-US');
  console.log(`corpus: ${run.pages} pages, ${run.chars} characters, ${mb(run.bytes)} MB UTF-8`);
  console.log(
    `end to end in a fresh process: ${(totalMs / 1000).toFixed(2)} s CPU (${(run.wallMs / 1000).toFixed(2)} s wall) = ` +
      `extractor modules and tables ${run.importMs.toFixed(0)} ms + gazetteer ${run.gazetteerMs.toFixed(0)} ms + ` +
      `extraction ${(run.extractMs / 1000).toFixed(2)} s (villages: ${run.villages.counties} counties, ` +
      `${run.villages.villages} villages, found in ${run.villages.scanMs.toFixed(0)} ms, parsed in ` +
      `${run.villages.parseMs.toFixed(0)} ms)` +
      (run.otherThreadsS === null
        ? ''
        : `; of it ${run.otherThreadsS.toFixed(2)} s in the JIT compiler and GC threads`),
  );
  console.log(
    `extract: ${rate(run.chars, totalMs)} characters/s end to end (${mb(run.bytes / (totalMs / 1000))} MB/s), ` +
      `${run.facts} facts, rss ${run.rssMb.toFixed(0)} MB; steady state (the same pages again, in the same process): ` +
      `${rate(run.chars, run.steadyMs)} characters/s`,
  );
  console.log(`target ≥ 1,000,000 characters/s on one core, end to end: ${verdict(perSecond >= 1_000_000)}`);
}

// 2. large pages, each in its own process (its peak RSS is the page's)
if (!values['no-large']) {
  const sizes = values.large!.split(',').map(Number);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cadre-bench-extract-'));
  try {
    const largest = Math.max(...sizes) * 1024 * 1024;
    // about 2.4 KB per generated page of five articles; a few more pages than needed
    const pageCount = Math.ceil(largest / 2300);
    const src = path.join(tmp, 'pages');
    const gen = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bench/corpus.ts'), src, String(pageCount), '200'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (gen.status !== 0) throw new Error(`corpus generation failed: ${gen.stderr}`);
    const generated = readdirSync(src)
      .sort()
      .map((f) => readFileSync(path.join(src, f), 'utf8'));
    const runs = new Map<number, PageRun>();
    for (const size of sizes) {
      const parts: string[] = [];
      let n = 0;
      for (const page of generated) {
        if (n >= size * 1024 * 1024) break;
        parts.push(page);
        n += Buffer.byteLength(page) + 2;
      }
      if (n < size * 1024 * 1024) throw new Error(`not enough generated pages for ${size} MB`);
      const file = path.join(tmp, `page-${size}mb.txt`);
      writeFileSync(file, parts.join('\n\n'));
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), '--page', file],
        {
          cwd: ROOT,
          encoding: 'utf8',
          maxBuffer: 1024 * 1024,
          // nothing waits forever: the quadratic extractor never finished a 50 MB page
          timeout: 15 * 60_000,
        },
      );
      if (r.status !== 0) {
        console.log(
          `page ${size} MB: FAILED (exit ${r.status}, signal ${r.signal}): ${r.stderr.slice(-500)}`,
        );
        continue;
      }
      const run = JSON.parse(r.stdout) as PageRun;
      runs.set(size, run);
      console.log(
        `page ${size} MB: ${parts.length} generated pages in one file, ${run.chars} characters, ` +
          `${run.articles} articles, ${run.facts} facts; ` +
          `${(run.cpuMs / 1000).toFixed(2)} s CPU (${(run.wallMs / 1000).toFixed(2)} s wall), ` +
          `${Math.round(run.chars / (run.cpuMs / 1000)).toLocaleString('en-US')} characters/s, peak rss ${run.peakRssMb.toFixed(0)} MB`,
      );
    }
    const big = runs.get(50);
    const small = runs.get(5);
    if (big) {
      console.log(
        `target 50 MB page in < 60 s: ${verdict(big.cpuMs < 60_000)} (${(big.cpuMs / 1000).toFixed(1)} s)`,
      );
      console.log(
        `target 50 MB page in < 1 GB RSS: ${verdict(big.peakRssMb < 1024)} (${big.peakRssMb.toFixed(0)} MB)`,
      );
    } else if (sizes.includes(50)) console.log('target 50 MB page: NOT MET (no result)');
    if (big && small) {
      const ratio = big.cpuMs / small.cpuMs;
      console.log(`target time(50 MB) / time(5 MB) ≤ 12: ${verdict(ratio <= 12)} (${ratio.toFixed(1)})`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.availableParallelism()} cores`,
);
