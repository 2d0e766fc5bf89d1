// `npm run bench:ingest [-- --sizes 10000,100000 --counties 50 --no-bulk --no-replay]`: for each size, a
// synthetic corpus of realistic pages (bench/corpus.ts) is loaded into a fresh local Neo4j three ways:
//   incremental  the ingest end to end (extraction in workers, batched write transactions);
//   replay       the incremental run's own write transactions again, without extraction (its ceiling);
//   bulk         --bulk: CSV, neo4j-admin database import, then the schema (full-text indexes included);
//                the server's start is timed apart for both paths (each needs one).
// It prints articles/s for each, the ratios with their targets (incremental ≥ 0.9 × replay, bulk ≥ 5 ×
// incremental, no transaction over 5 × the median time per article), memory, and the store against the
// text (target ≤ 6 ×). NEO4J_BENCH_PORT picks the port (7690). The replay keeps the transactions in
// memory, so it runs for sizes up to --replay-max (20,000).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { neo4jConfig } from '../db/config.ts';
import { openDatabase, type Database } from '../db/driver.ts';
import { startLocalNeo4j } from '../db/local-neo4j.ts';
import { createSchema, importLocally, writeBulkCsv } from '../ingest/bulk.ts';
import { applySchema } from '../ingest/load/schema.ts';
import { warmUp, writeGraph, type WriteRequest } from '../ingest/load/writer.ts';
import { ingestPaths, type TransactionInfo } from '../ingest/pipeline.ts';
import { indexNames, propertyProfile, storeBreakdown } from './store.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    counties: { type: 'string', default: '50' },
    'no-bulk': { type: 'boolean', default: false },
    'no-replay': { type: 'boolean', default: false },
    'replay-max': { type: 'string', default: '20000' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const config = neo4jConfig();
const port = Number(process.env.NEO4J_BENCH_PORT ?? 7690);
const root = path.resolve('.neo4j/bench');

function folderSize(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** A fresh local Neo4j on an empty data folder (or on what a bulk import just wrote). */
async function fresh(keep = false) {
  if (!keep) fs.rmSync(path.join(root, 'data'), { recursive: true, force: true });
  const local = await startLocalNeo4j({ root, port, user: config.user, password: config.password });
  const db = openDatabase({ ...config, uri: local.uri });
  return { local, db };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await run();
  return { value, seconds: (performance.now() - started) / 1000 };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

console.log(
  `machine: ${os.availableParallelism()} cores; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const target of sizes) {
  const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-bench-corpus-'));
  const pages = Math.ceil(target / 5);
  const generated = spawnSync('npx', ['tsx', 'bench/corpus.ts', corpus, String(pages), values.counties], {
    encoding: 'utf8',
  });
  if (generated.status !== 0) throw new Error(`corpus generation failed: ${generated.stderr}`);
  const articles = Number(generated.stdout.trim().split('\n').pop());
  const textBytes = folderSize(corpus);
  console.log(
    `\n== ${articles} articles in ${pages} pages from ${values.counties} counties, ${mb(textBytes)} of text`,
  );

  // ---- incremental ----------------------------------------------------------------------------------
  const replayable = !values['no-replay'] && target <= Number(values['replay-max']);
  const transactions: TransactionInfo[] = [];
  const requests: WriteRequest[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const started = await timed(() => fresh());
  let { local, db }: { local: Awaited<ReturnType<typeof startLocalNeo4j>>; db: Database } = started.value;
  const incremental = await timed(() =>
    ingestPaths(db, [corpus], {
      onTransaction: (info, request) => {
        transactions.push(info);
        if (replayable) requests.push(request);
      },
    }),
  );
  clearInterval(sampler);
  const profile = await propertyProfile(db);
  const names = await indexNames(db);
  await db.close();
  await local.stop();
  const store = folderSize(path.join(root, 'data', 'data', 'databases'));
  const logs = folderSize(path.join(root, 'data', 'data', 'transactions'));
  const incRate = incremental.value.articles / incremental.seconds;
  const perRow = transactions.filter((t) => t.articles >= 100).map((t) => t.ms / t.articles);
  const worst = Math.max(...perRow) / median(perRow);
  console.log(
    `incremental: ${incremental.value.articles} articles in ${incremental.seconds.toFixed(1)} s = ${incRate.toFixed(0)} articles/s ` +
      `(${transactions.length} transactions; peak rss ${mb(peakRss)}, main thread and workers; the server's start before, ${started.seconds.toFixed(1)} s, not counted)`,
  );
  console.log(
    `  slowest transaction per article: ${worst.toFixed(2)} × the median (${median(perRow).toFixed(2)} ms); target ≤ 5: ${verdict(worst <= 5)}`,
  );
  console.log(
    `  store: ${mb(store)} = ${(store / textBytes).toFixed(1)} × the text (target ≤ 6: ${verdict(store / textBytes <= 6)}); ` +
      `transaction logs ${mb(logs)} more`,
  );
  console.log(
    `  store by kind: ${storeBreakdown(path.join(root, 'data', 'data', 'databases', 'neo4j'), names)}`,
  );
  console.log(`  the largest properties:\n${profile}`);

  // ---- replay of the incremental run's own writes ---------------------------------------------------
  if (replayable) {
    ({ local, db } = await fresh());
    await applySchema(db);
    await warmUp(db);
    const replay = await timed(async () => {
      for (const request of requests) await writeGraph(db, request);
    });
    await db.close();
    await local.stop();
    const ratio = replay.seconds / incremental.seconds;
    console.log(
      `replay of its writes: ${replay.seconds.toFixed(1)} s = ${(incremental.value.articles / replay.seconds).toFixed(0)} articles/s; ` +
        `incremental = ${ratio.toFixed(2)} × replay speed (target ≥ 0.9: ${verdict(ratio >= 0.9)})`,
    );
  }
  requests.length = 0;

  // ---- bulk -----------------------------------------------------------------------------------------
  if (!values['no-bulk']) {
    fs.rmSync(path.join(root, 'data'), { recursive: true, force: true });
    const csvDir = path.join(os.tmpdir(), `cadre-bench-csv-${process.pid}`);
    const bulk = await timed(async () => {
      const csv = await writeBulkCsv([corpus], csvDir);
      const importing = await timed(() => importLocally(root, csv.files));
      // The server's start on the imported store is timed apart, as the incremental run's start is.
      const starting = await timed(async () => ({ local, db } = await fresh(true)));
      const schema = await timed(() => createSchema(db));
      await db.close();
      await local.stop();
      return {
        csv,
        importLog: importing.value,
        importSeconds: importing.seconds,
        startSeconds: starting.seconds,
        schemaSeconds: schema.seconds,
      };
    });
    fs.rmSync(csvDir, { recursive: true, force: true });
    const { csv, importLog, importSeconds, startSeconds, schemaSeconds } = bulk.value;
    const bulkSeconds = bulk.seconds - startSeconds;
    const bulkRate = csv.summary.articles / bulkSeconds;
    const extractRate = csv.summary.articles / csv.extractSeconds;
    console.log(
      `bulk: ${csv.summary.articles} articles in ${bulkSeconds.toFixed(1)} s = ${bulkRate.toFixed(0)} articles/s ` +
        `(extraction to CSV ${csv.extractSeconds.toFixed(1)} s, neo4j-admin import ${importSeconds.toFixed(1)} s, ` +
        `schema ${schemaSeconds.toFixed(1)} s; the server's start, ${startSeconds.toFixed(1)} s, not counted, as for incremental: ` +
        `with it ${(csv.summary.articles / bulk.seconds).toFixed(0)} articles/s)`,
    );
    // Where the import tool's own time went (its stages and total), from its output.
    const stages = importLog
      .split('\n')
      .filter((l) => /IMPORT DONE|Peak memory|^\s*\(\d\/\d\)|took|Duration/i.test(l));
    if (stages.length) console.log(`  neo4j-admin: ${stages.map((l) => l.trim()).join('; ')}`);
    const bulkStore = folderSize(path.join(root, 'data', 'data', 'databases'));
    console.log(
      `  its store: ${mb(bulkStore)} = ${(bulkStore / textBytes).toFixed(1)} × the text (${storeBreakdown(path.join(root, 'data', 'data', 'databases', 'neo4j'))})`,
    );
    console.log(
      `  bulk = ${(bulkRate / incRate).toFixed(1)} × incremental (target ≥ 5: ${verdict(bulkRate / incRate >= 5)}); ` +
        `its extraction alone runs at ${extractRate.toFixed(0)} articles/s = ${(extractRate / incRate).toFixed(1)} × incremental, the ceiling on ${os.availableParallelism()} cores`,
    );
  }
  fs.rmSync(corpus, { recursive: true, force: true });
}
console.log(
  `\nload average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
