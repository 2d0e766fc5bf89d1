// `npm run bench:api [-- --articles 10000 --seconds 30]`: the API on loopback over the seeds plus a
// synthetic corpus, in a fresh local Neo4j. Prints, per route, the API's time against the driver's
// time for the same Cypher (target: at most 1.3x); then autocannon on search, Cypher and expand; then a
// mixed run: 200 requests/s of expand and search while 5 clients send heavy Cypher (target: p95 of the
// cheap routes under 150 ms, no errors but the intended 429/413). The server runs in its own process,
// with its event-loop delay measured (bench/loop-delay.ts) and its memory sampled.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4jDriver from 'neo4j-driver';
import { bindParams, loadNamedQueries } from '../db/named-queries.ts';
import { openDatabase } from '../db/driver.ts';
import { startLocalNeo4j } from '../db/local-neo4j.ts';
import { portIsOpen } from '../db/net.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { EVIDENCE_TYPES } from '../graph/evidence.ts';
import { LOOKUPS } from '../web/server/lookups.ts';
import { ARTICLE } from '../web/server/routes/articles.ts';
import { EVENT_COUNT, OVERVIEW, TIMELINE } from '../web/server/routes/graph.ts';
import { EXPAND, NODE } from '../web/server/routes/nodes.ts';
import { SEARCH } from '../web/server/routes/search.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '10' },
    // Keep the database of the last run when it holds the same corpus (no re-ingest while profiling).
    reuse: { type: 'boolean', default: false },
    // Which phases to run: ratios, alone, mixed (comma-separated).
    phases: { type: 'string', default: 'ratios,alone,mixed' },
    // Write a CPU profile of the server (node --cpu-prof) into this folder.
    'cpu-prof': { type: 'string' },
  },
});
const phases = new Set(values.phases.split(','));
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const int = neo4jDriver.int;

const credentials = { user: 'neo4j', password: 'bench-api-secret' };
const root = path.resolve('.neo4j/bench-api');
const marker = path.join(root, 'ingested.json');
const reusable =
  values.reuse &&
  fs.existsSync(marker) &&
  (JSON.parse(fs.readFileSync(marker, 'utf8')) as { articles: string }).articles === values.articles;
if (!reusable) fs.rmSync(path.join(root, 'data'), { recursive: true, force: true });
fs.rmSync(marker, { force: true });
// Ports of their own, so that benchmarks of several worktrees can share a machine.
const boltPort = Number(process.env.BENCH_NEO4J_PORT ?? 7692);
const neo4j = await startLocalNeo4j({ root, port: boltPort, ...credentials });
const db = openDatabase({ uri: neo4j.uri, ...credentials, database: undefined, boltPort });

const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-bench-api-'));
if (reusable) console.log(`graph: reused from the last run (${values.articles} articles asked for)`);
else {
  const pages = String(Math.ceil(Number(values.articles) / 5));
  const generated = spawnSync('npx', ['tsx', 'bench/corpus.ts', corpus, pages], { encoding: 'utf8' });
  if (generated.status !== 0) throw new Error(`corpus generation failed: ${generated.stderr}`);
  const summary = await ingestPaths(db, [path.resolve('seeds'), corpus]);
  console.log(`graph: ${summary.articles} articles ingested in ${summary.seconds.toFixed(0)} s`);
}
fs.writeFileSync(marker, JSON.stringify({ articles: values.articles }));
console.log(
  `load: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (1/5/15 min) on ${os.cpus().length} cores`,
);

const one = async (query: string, params: Record<string, unknown> = {}) =>
  (await db.driver.executeQuery(query, params, { routing: 'READ' })).records[0]!;
// Nodes to expand: people and places, busiest first, so some neighbourhoods are big; by the stable
// keys (Label:id) the API takes.
const { records } = await db.driver.executeQuery(
  `MATCH (n) WHERE n:Person OR n:Place
   RETURN CASE WHEN n:Person THEN 'Person:' ELSE 'Place:' END + n.id AS key
   ORDER BY COUNT { (n)--() } DESC LIMIT 500`,
);
const expandIds = records.map((r) => r.get('key') as string);
/** The route's query for a key, as the route sends it. */
const keyed = (queries: (key: string) => { query: string; id: string } | null, key: string) => {
  const found = queries(key);
  if (!found) throw new Error(`no query for ${key}`);
  return found;
};
const busyPerson = (
  await one('MATCH (p:Person) RETURN p.name AS name ORDER BY COUNT { (p)--() } DESC LIMIT 1')
).get('name') as string;
const busyPlace = (
  await one(
    "MATCH (p:Place {level: 'county'}) RETURN p.name AS name ORDER BY COUNT { (p)<-[:PART_OF]-() } DESC LIMIT 1",
  )
).get('name') as string;
const articleId = (await one('MATCH (a:Article) RETURN a.id AS id LIMIT 1')).get('id') as string;

const port = Number(process.env.BENCH_PORT ?? 7693);
const server = spawn(
  process.execPath,
  [
    ...(values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : []),
    '--import',
    'tsx',
    '--import',
    './bench/loop-delay.ts',
    'web/server/main.ts',
  ],
  {
    env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: credentials.password, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'pipe'],
  },
);
let loopReport = '';
server.stderr!.on('data', (chunk: Buffer) => {
  const text = chunk.toString();
  if (text.startsWith('event-loop:')) loopReport = text.trim();
  else process.stderr.write(text);
});
while (!(await portIsOpen('127.0.0.1', port))) await new Promise((resolve) => setTimeout(resolve, 200));
const base = `http://127.0.0.1:${port}`;

/** The server's event-loop figures since the last call. */
async function eventLoop(): Promise<string> {
  loopReport = '';
  server.kill('SIGUSR2');
  for (let i = 0; i < 50 && !loopReport; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return loopReport;
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

// ---------------------------------------------------------------- API time / driver time

interface Route {
  name: string;
  request: () => { path: string; init?: RequestInit };
  /** The same Cypher the route runs, in one read transaction. */
  driver: () => Promise<unknown>;
}

const named = loadNamedQueries();
const read = (work: (tx: import('neo4j-driver').ManagedTransaction) => Promise<unknown>) => {
  const session = db.driver.session({ defaultAccessMode: 'READ' });
  return session.executeRead(work).finally(() => session.close());
};
const consume = async (
  tx: import('neo4j-driver').ManagedTransaction,
  q: string,
  p: Record<string, unknown> = {},
) => (await tx.run(q, p)).records.map((r) => r.toObject());
const namedRoute = (name: string, params: Record<string, string>): Route => {
  const query = named.get(name)!;
  return {
    name: `queries/${name}`,
    request: () => ({
      path: `/api/queries/${name}/run`,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ params }),
      },
    }),
    // The route's follow-up query too (lookups.ts): the evidence of the relationships, the degree of
    // every node and the namesake groups of the people (what the server sends, less JSON and HTTP).
    driver: () =>
      read(async (tx) => {
        const found = graphIds((await tx.run(query.cypher, bindParams(query, params))).records);
        return consume(tx, LOOKUPS, {
          nodeIds: found.nodes,
          evidenceIds: found.evidence,
          personIds: found.people,
        });
      }),
  };
};
/** What the server's follow-up queries are asked about: nodes, evidence relationships, people. */
function graphIds(records: import('neo4j-driver').Record[]) {
  const nodes = new Set<string>();
  const evidence = new Set<string>();
  const people = new Set<string>();
  const visit = (value: unknown): void => {
    if (neo4jDriver.isNode(value)) {
      nodes.add(value.elementId);
      if (value.labels.includes('Person') && typeof value.properties.id === 'string')
        people.add(value.properties.id);
    } else if (neo4jDriver.isRelationship(value)) {
      if (EVIDENCE_TYPES.has(value.type)) evidence.add(value.elementId);
    } else if (neo4jDriver.isPath(value)) {
      visit(value.start);
      for (const segment of value.segments) [segment.relationship, segment.end].forEach(visit);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
      Object.values(value).forEach(visit);
  };
  for (const record of records) for (const value of record.values()) visit(value);
  return { nodes: [...nodes], evidence: [...evidence], people: [...people] };
}

const routes: Route[] = [
  {
    name: 'graph (overview)',
    request: () => ({ path: '/api/graph?limit=300' }),
    driver: () =>
      read(async (tx) => {
        const page = tx.run(OVERVIEW, { skip: int(0), limit: int(300) });
        const count = consume(tx, EVENT_COUNT);
        const found = graphIds((await page).records);
        return [
          await count,
          await consume(tx, LOOKUPS, { nodeIds: [], evidenceIds: found.evidence, personIds: found.people }),
        ];
      }),
  },
  {
    name: 'timeline',
    request: () => ({ path: '/api/timeline' }),
    driver: () =>
      read(async (tx) => [
        await consume(tx, TIMELINE, { from: '0000-00-00', to: '9999-99-99' }),
        await consume(tx, EVENT_COUNT),
      ]),
  },
  {
    name: 'search',
    request: () => ({ path: `/api/search?q=${encodeURIComponent(busyPerson)}` }),
    driver: () => read((tx) => consume(tx, SEARCH, { names: busyPerson, pinyin: null, limit: int(10) })),
  },
  {
    name: 'expand',
    request: () => ({ path: `/api/nodes/${encodeURIComponent(expandIds[0]!)}/neighbors?limit=25` }),
    // With the route's evidence and namesake look-ups (lookups.ts).
    driver: () => {
      const { query, id } = keyed(EXPAND, expandIds[0]!);
      return read(async (tx) => {
        const found = graphIds(
          (await tx.run(query, { id, labels: null, skip: int(0), limit: int(25) })).records,
        );
        return consume(tx, LOOKUPS, { nodeIds: [], evidenceIds: found.evidence, personIds: found.people });
      });
    },
  },
  {
    name: 'node',
    request: () => ({ path: `/api/nodes/${encodeURIComponent(expandIds[3]!)}` }),
    driver: () => {
      const { query, id } = keyed(NODE, expandIds[3]!);
      return read(async (tx) => {
        const found = graphIds((await tx.run(query, { id })).records);
        return found.people.length > 0
          ? consume(tx, LOOKUPS, { nodeIds: [], evidenceIds: [], personIds: found.people })
          : [];
      });
    },
  },
  {
    name: 'article',
    request: () => ({ path: `/api/articles/${encodeURIComponent(articleId)}` }),
    driver: () => read((tx) => consume(tx, ARTICLE, { id: articleId })),
  },
  namedRoute('person-events', { name: busyPerson }),
  namedRoute('place-events', { place: busyPlace }),
  namedRoute('co-attendance', { name: busyPerson }),
];

async function time(work: () => Promise<unknown>, n: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function ratios(): Promise<void> {
  console.log(
    '\nAPI time / driver time, medians of 30 interleaved pairs after 5 of each to warm up (target ≤ 1.3):',
  );
  for (const route of routes) {
    const http = async () => {
      const { path: url, init } = route.request();
      const response = await fetch(`${base}${url}`, init);
      if (response.ok) await response.arrayBuffer();
      if (!response.ok)
        throw new Error(`${route.name}: ${response.status} ${(await response.text()).slice(0, 200)}`);
    };
    try {
      await time(http, 5);
    } catch (error) {
      console.log(`  ${route.name.padEnd(26)} failed: ${(error as Error).message}`);
      continue;
    }
    await time(route.driver, 5);
    // Interleaved (A, B, B, A, …), so that load from others on the machine falls on both alike.
    const apiSamples: number[] = [];
    const driverSamples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const pair: [() => Promise<unknown>, number[]][] = [
        [http, apiSamples],
        [route.driver, driverSamples],
      ];
      if (i % 2 === 1) pair.reverse();
      for (const [work, samples] of pair) {
        const started = performance.now();
        await work();
        samples.push(performance.now() - started);
      }
    }
    const api = median(apiSamples);
    const driver = median(driverSamples);
    console.log(
      `  ${route.name.padEnd(26)} API ${api.toFixed(1).padStart(7)} ms  driver ${driver.toFixed(1).padStart(7)} ms  ratio ${(api / driver).toFixed(2)}`,
    );
  }
  console.log(`  server ${await eventLoop()}`);
}

// ---------------------------------------------------------------- autocannon

interface Load {
  name: string;
  seconds: number;
  rate?: number;
  request: () => autocannon.Request;
}

interface Outcome {
  latencies: number[];
  statuses: Map<number, number>;
  requests: number;
}

function summarise(name: string, { latencies, statuses, requests }: Outcome, seconds: number): string {
  latencies.sort((a, b) => a - b);
  const codes = [...statuses.entries()]
    .sort()
    .map(([code, n]) => `${code}×${n}`)
    .join(' ');
  return (
    `${name.padEnd(14)} ${(requests / seconds).toFixed(0).padStart(5)} req/s  p50 ${percentile(latencies, 50).toFixed(1)} ms  ` +
    `p95 ${percentile(latencies, 95).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  (${codes})`
  );
}

async function cannon({ seconds, rate, request }: Load): Promise<Outcome> {
  const outcome: Outcome = { latencies: [], statuses: new Map(), requests: 0 };
  await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        ...(rate ? { overallRate: rate } : {}),
        requests: [{ setupRequest: (req) => ({ ...req, ...request() }) }],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      outcome.latencies.push(responseTime);
      outcome.requests++;
      outcome.statuses.set(statusCode, (outcome.statuses.get(statusCode) ?? 0) + 1);
    });
  });
  return outcome;
}

let counter = 0;
const queries = [busyPerson, '徐旭', 'zhang xusheng', '经信厅', '镇', '县委书记', '调研'];
const search = (): autocannon.Request => ({
  method: 'GET',
  path: `/api/search?q=${encodeURIComponent(queries[counter++ % queries.length]!)}&limit=10`,
});
const expand = (): autocannon.Request => ({
  method: 'GET',
  path: `/api/nodes/${encodeURIComponent(expandIds[counter++ % expandIds.length]!)}/neighbors?limit=25`,
});

/** Heavy user Cypher: a join over every attendance, and a huge value. */
const HEAVY = [
  'MATCH (p:Person)-[:ATTENDED]->(e:Event)<-[:ATTENDED]-(q:Person) WHERE p <> q RETURN p.name AS a, q.name AS b, count(e) AS n ORDER BY n DESC LIMIT 100',
  'MATCH (a:Article) RETURN a LIMIT 5000',
  'RETURN range(1, 3000000) AS r',
];

async function heavyClient(until: number, outcome: Outcome): Promise<void> {
  for (let i = 0; Date.now() < until; i++) {
    const started = performance.now();
    const response = await fetch(`${base}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: HEAVY[i % HEAVY.length], limit: 5000 }),
    }).catch(() => undefined);
    await response?.arrayBuffer();
    const status = response?.status ?? 0;
    outcome.latencies.push(performance.now() - started);
    outcome.requests++;
    outcome.statuses.set(status, (outcome.statuses.get(status) ?? 0) + 1);
    // A client told to wait does so, as a browser would.
    if (status === 429)
      await new Promise((resolve) =>
        setTimeout(resolve, Number(response!.headers.get('retry-after') ?? 1) * 1000),
      );
  }
}

const unintended = (outcome: Outcome) =>
  [...outcome.statuses.entries()]
    .filter(([code]) => code >= 400 && code !== 429 && code !== 413)
    .reduce((sum, [, n]) => sum + n, 0);

try {
  // The figures start once the server serves: its start (module loading, 4.5 s at load 14) is not a stall.
  await eventLoop();
  if (phases.has('ratios')) await ratios();
  if (phases.has('alone')) await alone();
  if (phases.has('mixed')) await mixed();
  console.log(
    `load: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (1/5/15 min)`,
  );
  console.log('targets: ratio ≤ 1.3 per route; mixed p95 of expand+search < 150 ms; 0 errors but 429/413');
} finally {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  // The CPU profile is written as the server exits.
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  await db.close();
  await neo4j.stop();
  fs.rmSync(corpus, { recursive: true, force: true });
}

async function alone(): Promise<void> {
  console.log(`\nalone, ${connections} connections:`);
  for (const [name, request] of [
    ['search', search],
    ['expand', expand],
  ] as const) {
    const outcome = await cannon({ name, seconds, request });
    console.log(`  ${summarise(name, outcome, seconds)}`);
  }
  console.log(`  server ${await eventLoop()}`);
}

async function mixed(): Promise<void> {
  // The same cheap load without the heavy clients first: what the machine gives it anyway (2 cores,
  // shared), so that what the heavy Cypher costs shows apart from the machine's capacity.
  let alternate = 0;
  const quiet = await cannon({
    name: 'cheap',
    seconds,
    rate: 200,
    request: () => (alternate++ % 2 === 0 ? expand() : search()),
  });
  console.log(`\nno heavy Cypher, ${seconds} s: 200 req/s of expand and search:`);
  console.log(`  ${summarise('expand+search', quiet, seconds)}`);
  console.log(`  server ${await eventLoop()}`);
  console.log(`\nmixed, ${seconds} s: 200 req/s of expand and search while 5 clients send heavy Cypher:`);
  const memory: number[] = [];
  const sampler = setInterval(() => memory.push(rssOf(server.pid!)), 1000);
  const heavy: Outcome = { latencies: [], statuses: new Map(), requests: 0 };
  const until = Date.now() + seconds * 1000;
  const clients = Array.from({ length: 5 }, () => heavyClient(until, heavy));
  let turn = 0;
  const cheap = await cannon({
    name: 'cheap',
    seconds,
    rate: 200,
    request: () => (turn++ % 2 === 0 ? expand() : search()),
  });
  await Promise.all(clients);
  clearInterval(sampler);
  console.log(`  ${summarise('expand+search', cheap, seconds)}`);
  console.log(`  ${summarise('heavy Cypher', heavy, seconds)}`);
  console.log(`  unintended errors: cheap ${unintended(cheap)}, heavy ${unintended(heavy)}`);
  console.log(`  server ${await eventLoop()}`);
  const q = Math.max(1, Math.floor(memory.length / 4));
  if (memory.length >= 4)
    console.log(
      `  server rss: ${[0, q, 2 * q, 3 * q, memory.length - 1].map((i) => mb(memory[i]!)).join(' → ')}`,
    );
}
