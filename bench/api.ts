// `npm run bench:api [-- --articles 10000 --seconds 60]`: loads the API on loopback with autocannon.
// A fresh local Neo4j gets the seeds plus a synthetic corpus; the server runs in its own process so its
// memory can be sampled; search, expand and Cypher are each driven for a bounded time, expand for the
// long run. Prints requests/s, p50/p95/p99 latency, errors, and the server's memory over the run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase } from '../db/driver.ts';
import { startLocalNeo4j } from '../db/local-neo4j.ts';
import { portIsOpen } from '../db/net.ts';
import { ingestPaths } from '../ingest/pipeline.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '10' },
  },
});
const longRun = Number(values.seconds);
const connections = Number(values.connections);

const credentials = { user: 'neo4j', password: 'bench-api-secret' };
const root = path.resolve('.neo4j/bench-api');
fs.rmSync(path.join(root, 'data'), { recursive: true, force: true });
const neo4j = await startLocalNeo4j({ root, port: 7692, ...credentials });
const db = openDatabase({ uri: neo4j.uri, ...credentials, database: undefined, boltPort: 7692 });

const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-bench-api-'));
const pages = String(Math.ceil(Number(values.articles) / 5));
const generated = spawnSync('npx', ['tsx', 'bench/corpus.ts', corpus, pages], { encoding: 'utf8' });
if (generated.status !== 0) throw new Error(`corpus generation failed: ${generated.stderr}`);
const summary = await ingestPaths(db, [path.resolve('seeds'), corpus]);
console.log(`graph: ${summary.articles} articles ingested in ${summary.seconds.toFixed(0)} s`);

// Nodes to expand: people and places, busiest first, so some neighbourhoods are big.
const { records } = await db.driver.executeQuery(
  'MATCH (n) WHERE n:Person OR n:Place RETURN elementId(n) AS id ORDER BY COUNT { (n)--() } DESC LIMIT 500',
);
const expandIds = records.map((r) => encodeURIComponent(r.get('id') as string));

const port = 7693;
const server = spawn(process.execPath, ['--import', 'tsx', 'web/server/main.ts'], {
  env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: credentials.password, PORT: String(port) },
  stdio: ['ignore', 'inherit', 'inherit'],
});
while (!(await portIsOpen('127.0.0.1', port))) await new Promise((resolve) => setTimeout(resolve, 200));
const base = `http://127.0.0.1:${port}`;

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Load {
  name: string;
  seconds: number;
  request: () => autocannon.Request;
}

async function run({ name, seconds, request }: Load): Promise<void> {
  const latencies: number[] = [];
  const memory: number[] = [];
  const sampler = setInterval(() => memory.push(rssOf(server.pid!)), 1000);
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, ...request() }) }],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 400) errors++;
    });
  });
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const quarter = Math.max(1, Math.floor(memory.length / 4));
  console.log(
    `${name.padEnd(8)} ${(result.requests.average ?? 0).toFixed(0).padStart(6)} req/s  ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${percentile(latencies, 95).toFixed(1)} ms  ` +
      `p99 ${percentile(latencies, 99).toFixed(1)} ms  errors ${errors + result.errors + result.timeouts}  ` +
      `(${latencies.length} requests in ${seconds} s)`,
  );
  if (memory.length >= 4) {
    const marks = [0, quarter, 2 * quarter, 3 * quarter, memory.length - 1].map((i) => mb(memory[i]!));
    console.log(`         server rss over the run: ${marks.join(' → ')}`);
  }
}

let counter = 0;
const queries = ['章旭升', '徐旭', 'zhang xusheng', '经信厅', '镇', '县委书记', '调研'];
try {
  console.log(`load: ${connections} connections on loopback`);
  await run({
    name: 'search',
    seconds: 15,
    request: () => ({
      method: 'GET',
      path: `/api/search?q=${encodeURIComponent(queries[counter++ % queries.length]!)}&limit=10`,
    }),
  });
  await run({
    name: 'cypher',
    seconds: 15,
    request: () => ({
      method: 'POST',
      path: '/api/cypher',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'MATCH (p:Person)-[a:ATTENDED]->(e:Event) RETURN p, a, e LIMIT $n',
        params: { n: 25 + (counter++ % 25) },
      }),
    }),
  });
  await run({
    name: 'expand',
    seconds: longRun,
    request: () => ({
      method: 'GET',
      path: `/api/nodes/${expandIds[counter++ % expandIds.length]}/neighbors?limit=25`,
    }),
  });
  console.log('target: expand ≥ 200 req/s with p95 < 100 ms and no errors; memory flat over the long run');
} finally {
  server.kill('SIGTERM');
  await db.close();
  await neo4j.stop();
  fs.rmSync(corpus, { recursive: true, force: true });
}
