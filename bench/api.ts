// `npm run bench:api [-- --articles 10000 --seconds 30]`: the API on loopback over the seeds plus a
// synthetic corpus, in a fresh local Neo4j. Prints, per route, the API's time against the driver's
// time for the same Cypher (target: at most 1.3x); then autocannon on search, Cypher and expand; then a
// mixed run: 200 requests/s of expand and search while 5 clients send heavy Cypher (target: p95 of the
// cheap routes under 150 ms, no errors but the intended 429/413). The server runs in its own process,
// with its event-loop delay measured (bench/loop-delay.ts) and its memory sampled. `--compare DIR` runs a
// second server from another checkout (e.g. `git archive main | tar -x -C DIR`, node_modules linked) on the
// same database and times both in interleaved turns: before and after in one run, under the same load.
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
    // Write CPU profiles of the server (node --cpu-prof) and of its Cypher worker threads into this folder.
    'cpu-prof': { type: 'string' },
    // A checkout of another version to time against this one (its server on the next port).
    compare: { type: 'string' },
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

interface Server {
  /** "this" (the checkout the bench runs from) or "before" (--compare). */
  label: string;
  base: string;
  process: import('node:child_process').ChildProcess;
  loopReport: string;
}

/** Starts a checkout's server on a port, with the event-loop monitor of this bench preloaded. */
async function startServer(label: string, dir: string, at: number): Promise<Server> {
  const profile = values['cpu-prof'] ? path.resolve(values['cpu-prof'], label) : undefined;
  const child = spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
      '--import',
      'tsx',
      '--import',
      path.resolve('bench/loop-delay.ts'),
      'web/server/main.ts',
    ],
    {
      cwd: dir,
      env: {
        ...process.env,
        NEO4J_URI: neo4j.uri,
        NEO4J_PASSWORD: credentials.password,
        PORT: String(at),
        // The worker threads profile themselves (web/server/worker-profile.ts): piscina ends them unwritten.
        ...(profile ? { CADRE_WORKER_CPU_PROF: profile } : {}),
      },
      stdio: ['ignore', 'inherit', 'pipe'],
    },
  );
  const server: Server = { label, base: `http://127.0.0.1:${at}`, process: child, loopReport: '' };
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (text.startsWith('event-loop:')) server.loopReport = text.trim();
    else process.stderr.write(text);
  });
  while (!(await portIsOpen('127.0.0.1', at))) await new Promise((resolve) => setTimeout(resolve, 200));
  return server;
}

const servers = [await startServer('this', process.cwd(), port)];
if (values.compare) servers.push(await startServer('before', path.resolve(values.compare), port + 1));
const tag = (server: Server) => (servers.length > 1 ? `[${server.label}] ` : '');

/** A server's event-loop figures since the last call. */
async function eventLoop(server: Server): Promise<string> {
  server.loopReport = '';
  server.process.kill('SIGUSR2');
  for (let i = 0; i < 50 && !server.loopReport; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return server.loopReport;
}

async function eventLoops(): Promise<string> {
  const reports = [];
  for (const server of servers) reports.push(`${tag(server)}${await eventLoop(server)}`);
  return reports.join('; ');
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
    `\nAPI time / driver time, medians of 30 interleaved ${servers.length > 1 ? 'turns (this, before, driver)' : 'pairs'} after 5 of each to warm up (target ≤ 1.3):`,
  );
  for (const route of routes) {
    const http = (server: Server) => async () => {
      const { path: url, init } = route.request();
      const response = await fetch(`${server.base}${url}`, init);
      if (response.ok) await response.arrayBuffer();
      if (!response.ok)
        throw new Error(`${route.name}: ${response.status} ${(await response.text()).slice(0, 200)}`);
    };
    const work: [() => Promise<unknown>, number[]][] = [
      ...servers.map((server): [() => Promise<unknown>, number[]] => [http(server), []]),
      [route.driver, []],
    ];
    try {
      for (const [run] of work) await time(run, 5);
    } catch (error) {
      console.log(`  ${route.name.padEnd(26)} failed: ${(error as Error).message}`);
      continue;
    }
    // Interleaved, the order turning each round, so that load from others on the machine falls on all alike.
    for (let i = 0; i < 30; i++) {
      for (let k = 0; k < work.length; k++) {
        const [run, samples] = work[(i + k) % work.length]!;
        const started = performance.now();
        await run();
        samples.push(performance.now() - started);
      }
    }
    const driver = median(work.at(-1)![1]);
    const apis = servers.map((server, k) => {
      const api = median(work[k]![1]);
      return `${tag(server)}API ${api.toFixed(1).padStart(7)} ms ratio ${(api / driver).toFixed(2)}`;
    });
    console.log(`  ${route.name.padEnd(26)} ${apis.join('  ')}  driver ${driver.toFixed(1).padStart(7)} ms`);
  }
  console.log(`  load ${loadAverage()}; server ${await eventLoops()}`);
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

async function cannon(
  server: Server,
  { seconds, rate, request }: Load,
  outcome: Outcome = { latencies: [], statuses: new Map(), requests: 0 },
): Promise<Outcome> {
  await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.base,
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

async function heavyClient(server: Server, until: number, outcome: Outcome): Promise<void> {
  for (let i = 0; Date.now() < until; i++) {
    const started = performance.now();
    const response = await fetch(`${server.base}/api/cypher`, {
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

/** Expand and search in turns: the cheap routes of the mixed run. */
function cheapLoad(rate?: number): Load {
  let turn = 0;
  return { name: 'expand+search', seconds, rate, request: () => (turn++ % 2 === 0 ? expand() : search()) };
}

const emptyOutcome = (): Outcome => ({ latencies: [], statuses: new Map(), requests: 0 });
/** Per server, what its turns added up to. */
const outcomes = () => new Map(servers.map((server) => [server, emptyOutcome()]));

/**
 * Runs `turn` for each server for `seconds` in all: in one go with one server or, comparing, in turns of
 * half as long in the order this, before, before, this, so that both have the machine's load alike.
 */
async function inTurns(turn: (server: Server, seconds: number) => Promise<void>): Promise<void> {
  if (servers.length === 1) return turn(servers[0]!, seconds);
  for (const k of [0, 1, 1, 0]) await turn(servers[k]!, seconds / 2);
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

try {
  // The figures start once the server serves: its start (module loading, 4.5 s at load 14) is not a stall.
  await eventLoops();
  if (phases.has('ratios')) await ratios();
  if (phases.has('alone')) await alone();
  if (phases.has('mixed')) await mixed();
  console.log(`load: ${loadAverage()} (1/5/15 min)`);
  console.log('targets: ratio ≤ 1.3 per route; mixed p95 of expand+search < 150 ms; 0 errors but 429/413');
} finally {
  // The CPU profiles are written as the servers exit.
  await Promise.all(
    servers.map((server) => {
      const exited = new Promise((resolve) => server.process.once('exit', resolve));
      server.process.kill('SIGTERM');
      return Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }),
  );
  await db.close();
  await neo4j.stop();
  fs.rmSync(corpus, { recursive: true, force: true });
}

async function alone(): Promise<void> {
  console.log(`\nalone, ${connections} connections (load ${loadAverage()}):`);
  for (const [name, request] of [
    ['search', search],
    ['expand', expand],
  ] as const) {
    const each = outcomes();
    await inTurns(async (server, s) => {
      await cannon(server, { name, seconds: s, request }, each.get(server));
    });
    for (const server of servers)
      console.log(`  ${tag(server)}${summarise(name, each.get(server)!, seconds)}`);
  }
  console.log(`  load ${loadAverage()}; server ${await eventLoops()}`);
}

async function mixed(): Promise<void> {
  // The same cheap load without the heavy clients first: what the machine gives it anyway (2 cores,
  // shared), so that what the heavy Cypher costs shows apart from the machine's capacity.
  const quiet = outcomes();
  await inTurns(async (server, s) => {
    await cannon(server, { ...cheapLoad(200), seconds: s }, quiet.get(server));
  });
  console.log(`\nno heavy Cypher, ${seconds} s: 200 req/s of expand and search (load ${loadAverage()}):`);
  for (const server of servers)
    console.log(`  ${tag(server)}${summarise('expand+search', quiet.get(server)!, seconds)}`);
  console.log(`  server ${await eventLoops()}`);
  console.log(`\nmixed, ${seconds} s: 200 req/s of expand and search while 5 clients send heavy Cypher:`);
  const cheap = outcomes();
  const heavy = outcomes();
  const memory = new Map<Server, number[]>(servers.map((server) => [server, []]));
  await inTurns(async (server, s) => {
    const sampler = setInterval(() => memory.get(server)!.push(rssOf(server.process.pid!)), 1000);
    const until = Date.now() + s * 1000;
    const clients = Array.from({ length: 5 }, () => heavyClient(server, until, heavy.get(server)!));
    await cannon(server, { ...cheapLoad(200), seconds: s }, cheap.get(server));
    await Promise.all(clients);
    clearInterval(sampler);
  });
  for (const server of servers) {
    const [c, h] = [cheap.get(server)!, heavy.get(server)!];
    console.log(`  ${tag(server)}${summarise('expand+search', c, seconds)}`);
    console.log(`  ${tag(server)}${summarise('heavy Cypher', h, seconds)}`);
    console.log(`  ${tag(server)}unintended errors: cheap ${unintended(c)}, heavy ${unintended(h)}`);
    const samples = memory.get(server)!;
    const q = Math.max(1, Math.floor(samples.length / 4));
    if (samples.length >= 4)
      console.log(
        `  ${tag(server)}server rss: ${[0, q, 2 * q, 3 * q, samples.length - 1].map((i) => mb(samples[i]!)).join(' → ')}`,
      );
  }
  console.log(`  load ${loadAverage()}; server ${await eventLoops()}`);
}
