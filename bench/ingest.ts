// `npm run bench:ingest [-- --articles 10000 --counties 50]`: generates a synthetic corpus of realistic pages, ingests
// it end to end (extraction in workers, batched writes) into a fresh local Neo4j (or NEO4J_URI, which it
// clears first), and prints articles/s, relationships/s, memory along the run and the store size.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { neo4jConfig } from '../db/config.ts';
import { openDatabase } from '../db/driver.ts';
import { startLocalNeo4j } from '../db/local-neo4j.ts';
import { ingestPaths } from '../ingest/pipeline.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    counties: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
  },
});
const target = Number(values.articles);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-bench-corpus-'));
let started = performance.now();
const generated = spawnSync(
  'npx',
  ['tsx', 'bench/corpus.ts', corpus, String(Math.ceil(target / 5)), values.counties],
  {
    encoding: 'utf8',
  },
);
if (generated.status !== 0) throw new Error(`corpus generation failed: ${generated.stderr}`);
const articles = Number(generated.stdout.trim().split('\n').pop());
const corpusBytes = folderSize(corpus);
console.log(
  `corpus: ${articles} articles in ${Math.ceil(target / 5)} pages from ${values.counties} counties, ${mb(corpusBytes)}, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const config = neo4jConfig();
const root = path.resolve('.neo4j/bench');
let local: Awaited<ReturnType<typeof startLocalNeo4j>> | undefined;
if (!config.uri) {
  fs.rmSync(path.join(root, 'data'), { recursive: true, force: true });
  local = await startLocalNeo4j({
    root,
    port: Number(process.env.NEO4J_BENCH_PORT ?? 7690),
    user: config.user,
    password: config.password,
  });
}
const db = openDatabase({ ...config, uri: config.uri ?? local!.uri });
if (config.uri)
  await db.driver.executeQuery(
    'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS',
    {},
    { database: db.database },
  );

// Memory of this process (main thread and extraction workers) while the ingest runs.
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const checkpoints: string[] = [];
let nextCheckpoint = 0.25;

started = performance.now();
const summary = await ingestPaths(db, [corpus], {
  progress: {
    update({ filesDone, filesTotal, articles: done }) {
      if (filesTotal && filesDone / filesTotal >= nextCheckpoint) {
        checkpoints.push(
          `${Math.round(nextCheckpoint * 100)}% (${done} articles): rss ${mb(process.memoryUsage().rss)}`,
        );
        nextCheckpoint += 0.25;
      }
    },
    stop() {},
  },
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);

console.log(`ingest: ${summary.articles} articles from ${summary.written} files in ${seconds.toFixed(1)} s`);
console.log(
  `  ${(summary.articles / seconds).toFixed(0)} articles/s, ${(summary.counts.relationshipsCreated / seconds).toFixed(0)} relationships/s, ${(summary.counts.nodesCreated / seconds).toFixed(0)} nodes/s`,
);
console.log(
  `  created ${summary.counts.nodesCreated} nodes, ${summary.counts.relationshipsCreated} relationships; ${summary.failed.length} files failed`,
);
console.log(`  memory: peak rss ${mb(peakRss)}; ${checkpoints.join('; ')}`);
if (local)
  console.log(
    `  neo4j store: ${mb(folderSize(path.join(root, 'data')))} (data folder with transaction logs)`,
  );
console.log(`  target: ${target} articles under 180 s end to end: ${seconds < 180 ? 'met' : 'NOT met'}`);

await db.close();
await local?.stop();
if (!values.keep) fs.rmSync(corpus, { recursive: true, force: true });
