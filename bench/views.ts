// npm run bench:views [-- --json] — the views of issue 14 in headless Chromium (1280×800) on the real API
// and Neo4j (load the 10k-article corpus first: bench/corpus.ts and npm run ingest; NEO4J_URI or the
// local port): for the most active official and the county with most events, the time from the action
// to the view on screen, and the longest main-thread task meanwhile (a freeze shows there):
//   career (the person's panel with its timeline), person table, place table, place × official matrix,
//   the map layout of the start page. Medians of 3, after one warm-up run of each. Needs `npm run build`.
// Then the API routes behind them, one request at a time (ROUTE_RUNS each after a warm-up): p50/p95 of
// career for the most active official with a personnel decision (APPOINTED: the corpus has 任免
// items), office-holders for the office with the most decisions, the person, place and office events tables, the place ×
// official matrix and the start page the map is laid out from, with the machine's load average.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { appConfig, neo4jConfig } from '../db/config.ts';
import { openDatabase } from '../db/driver.ts';
import { launchChromium } from '../scripts/chromium.ts';
import { startServer } from '../web/server/main.ts';

const RUNS = 3;
const ROUTE_RUNS = 20;
const json = process.argv.includes('--json');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

if (!fs.existsSync(path.resolve('dist/index.html'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const config = neo4jConfig();
const db = openDatabase(
  { ...config, uri: config.uri ?? `bolt://127.0.0.1:${config.boltPort}` },
  { maxRetryMs: 1000 },
);
const read = { database: db.database, routing: 'READ' as const };
const official = (
  await db.driver.executeQuery(
    `MATCH (p:Person)-[:ATTENDED]->(e:Event) WITH p, count(e) AS n ORDER BY n DESC LIMIT 1
     RETURN p.id AS id, p.name AS name, n`,
    {},
    read,
  )
).records[0]!.toObject() as { id: string; name: string; n: number };
const county = (
  await db.driver.executeQuery(
    `MATCH (c:Place {level: 'county'})<-[:PART_OF*0..2]-(:Place)<-[:HELD_IN]-(e:Event)
     WITH c, count(DISTINCT e) AS n ORDER BY n DESC LIMIT 1 RETURN c.id AS id, c.name AS name, n`,
    {},
    read,
  )
).records[0]!.toObject() as { id: string; name: string; n: number };
// The official and the office with the most personnel decisions (career and office-holders read them).
const appointed = (
  await db.driver.executeQuery(
    `MATCH (p:Person)-[r:APPOINTED]->(o:Office) WITH p, count(r) AS n, collect(o)[0] AS o
     WITH p, n, o, COUNT { (p)-[:ATTENDED]->() } AS events
     ORDER BY events DESC, n DESC, p.id LIMIT 1
     RETURN p.id AS person, n, events, o.id AS office`,
    {},
    read,
  )
).records[0]?.toObject() as { person: string; n: number; events: number; office: string } | undefined;
const office = (
  await db.driver.executeQuery(
    `MATCH (:Person)-[r:APPOINTED]->(o:Office) WITH o, count(r) AS n ORDER BY n DESC, o.id LIMIT 1
     RETURN o.id AS id, n, COUNT { (o)<-[:HOLDS]-() } AS sightings`,
    {},
    read,
  )
).records[0]?.toObject() as { id: string; n: number; sightings: number } | undefined;
const counts = (
  await db.driver.executeQuery(
    `MATCH (a:Article) WITH count(a) AS articles MATCH (e:Event) WITH articles, count(e) AS events
     MATCH ()-[r:APPOINTED]->() RETURN articles, events, count(r) AS appointed`,
    {},
    read,
  )
).records[0]!.toObject();

const { app, url } = await startServer(db, appConfig().host, 0);
const browser = await launchChromium();

type Arg = { id: string; name: string; of?: string; version?: number };

/** Runs an action in the page and waits for `done`; the elapsed time and the longest task meanwhile. */
async function timed(
  page: Page,
  action: (arg: Arg) => void,
  done: (arg: Arg) => boolean,
  arg: Arg,
): Promise<{ ms: number; longestTask: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __observer?: PerformanceObserver };
    w.__longest = 0;
    w.__observer?.disconnect();
    w.__observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    });
    w.__observer.observe({ type: 'longtask' });
  });
  const started = Date.now();
  await page.evaluate(action, arg);
  await page.waitForFunction(done, arg, { timeout: 120_000, polling: 50 });
  const ms = Date.now() - started;
  // Long tasks are reported after they end.
  await page.waitForTimeout(100);
  const longestTask = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  return { ms, longestTask: Math.round(longestTask) };
}

const tableDone = () => {
  const t = window.__cadre!.store.getState().table;
  return (
    !!t &&
    t.data.state === 'done' &&
    t.data.value.request === t.request &&
    document.getElementById('table-drawer')!.dataset.state === 'done'
  );
};
const openTable = (arg: Arg) => {
  window.__cadre!.actions.closeTable();
  window.__cadre!.actions.openTable(arg.of as 'person', arg.id, arg.name);
};

const cases: [string, (arg: Arg) => void, (arg: Arg) => boolean, Arg][] = [
  [
    'career',
    (arg) => {
      window.__cadre!.store.setState((s) => ({ extras: { ...s.extras, careers: {}, positions: {} } }));
      window.__cadre!.actions.startFrom(`Person:${arg.id}`, false);
    },
    () => !!document.querySelector('[data-testid=career-timeline] .career-bar') && window.__cadre!.ready,
    official,
  ],
  ['person_table', openTable, tableDone, { ...official, of: 'person' }],
  ['place_table', openTable, tableDone, { ...county, of: 'place' }],
  ['matrix', openTable, tableDone, { ...county, of: 'matrix' }],
  [
    'namesakes',
    () => {
      window.__cadre!.actions.closeTable();
      const toggle = document.querySelector('[data-testid=namesakes-toggle]') as HTMLElement;
      if (!document.getElementById('namesakes-drawer')!.hidden) toggle.click();
      toggle.click();
    },
    () => document.getElementById('namesakes-drawer')!.dataset.state === 'done',
    official,
  ],
];

const figures: Record<string, number | string> = {
  articles: Number(counts.articles),
  events: Number(counts.events),
  official: `${official.name} (${official.n} events)`,
  county: `${county.name} (${county.n} events)`,
  appointed: Number(counts.appointed),
};

/** p50 and p95 of ROUTE_RUNS requests of a route (after one warm-up), one at a time, with what it gave. */
async function route(name: string, path: string, body?: unknown): Promise<void> {
  const send = async () => {
    const started = performance.now();
    const response = await fetch(new URL(path, url), {
      method: body ? 'POST' : 'GET',
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${name}: ${response.status} ${text.slice(0, 300)}`);
    return { ms: performance.now() - started, text };
  };
  const { text } = await send();
  const times: number[] = [];
  for (let i = 0; i < ROUTE_RUNS; i++) times.push((await send()).ms);
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!);
  figures[`api_${name}_p50_ms`] = at(0.5);
  figures[`api_${name}_p95_ms`] = at(0.95);
  const answer = JSON.parse(text) as { rows?: unknown[]; total?: unknown; graph?: { nodes: unknown[] } };
  figures[`api_${name}_gave`] = answer.rows
    ? `${answer.rows.length} rows${answer.total !== undefined ? ` of ${String(answer.total)}` : ''}`
    : `${answer.graph?.nodes.length ?? 0} nodes`;
}

async function routes(): Promise<void> {
  const run = (query: string, params: Record<string, string>) =>
    [`/api/queries/${query}/run`, { params }] as const;
  figures.load_before_routes = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  if (appointed && office) {
    figures.career_of = `${appointed.person} (${appointed.n} decisions, ${appointed.events} events)`;
    figures.holders_of = `${office.id} (${office.n} decisions, ${office.sightings} sightings)`;
    await route('career', ...run('career', { person: appointed.person }));
    await route('office_holders', ...run('office-holders', { office: office.id }));
    await route('office_table', ...run('table-office-events', { office: office.id }));
  } else figures.career_of = 'no APPOINTED in the database: generate the corpus again (bench/corpus.ts)';
  await route('person_table', ...run('table-person-events', { person: official.id }));
  await route('place_table', ...run('table-place-events', { place: county.id }));
  await route('matrix', ...run('place-official-matrix', { place: county.id }));
  // The map lays out the start page (the most active officials and their places) in the browser.
  await route('map_start_page', '/api/activity?people=30&places=5');
  figures.load_after_routes = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
}
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.goto(url);
  await page.waitForFunction(() => window.__cadre?.ready === true, undefined, { timeout: 120_000 });
  for (const [name, action, done, arg] of cases) {
    const runs = [];
    for (let i = 0; i <= RUNS; i++) runs.push(await timed(page, action, done, arg));
    const measured = runs.slice(1);
    figures[`${name}_ms`] = median(measured.map((r) => r.ms));
    figures[`${name}_longest_task_ms`] = median(measured.map((r) => r.longestTask));
    figures[`${name}_shown`] = await page.evaluate(() => {
      const t = window.__cadre!.store.getState().table;
      if (t?.data.state === 'done') return `${t.data.value.rows.length} of ${t.data.value.total} rows`;
      const bars = document.querySelectorAll('[data-testid=career-timeline] .career-bar').length;
      const notice = document.querySelector('[data-testid=namesakes-notice]')?.textContent;
      return notice && !document.getElementById('namesakes-drawer')!.hidden
        ? `pairs ${notice}`
        : `${bars} bars`;
    });
    if (name === 'namesakes')
      await page.screenshot({ path: path.resolve('test-results/bench-views-namesakes.png') });
  }
  // The map of the start page: from the click to the layout on screen.
  const maps = [];
  for (let i = 0; i <= RUNS; i++) {
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.addInitScript({ content: 'window.__name = (f) => f;' });
    await fresh.goto(url);
    await fresh.waitForFunction(() => window.__cadre?.ready === true, undefined, { timeout: 120_000 });
    const version = await fresh.evaluate(() => window.__cadre!.version);
    maps.push(
      await timed(
        fresh,
        () => (document.querySelector('[data-testid=map]') as HTMLElement).click(),
        (arg) =>
          window.__cadre!.ready &&
          window.__cadre!.version > arg.version! &&
          document.getElementById('stats')!.textContent!.includes('地图'),
        { id: '', name: '', version },
      ),
    );
    if (i === RUNS) {
      figures.map_nodes = await fresh.evaluate(() => window.__cadre!.graph.order);
      await fresh.screenshot({ path: path.resolve('test-results/bench-views-map.png') });
    }
    await fresh.close();
  }
  figures.map_ms = median(maps.slice(1).map((r) => r.ms));
  figures.map_longest_task_ms = median(maps.slice(1).map((r) => r.longestTask));
  await page.screenshot({ path: path.resolve('test-results/bench-views-matrix.png') });
  await page.close();
  await routes();
} finally {
  await browser.close();
  await app.close();
  await db.close();
}
if (json) console.log(JSON.stringify(figures));
else {
  console.log(`cadre-graph views benchmark (headless Chromium, 1280×800, medians of ${RUNS})`);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(28)} ${value}`);
}
