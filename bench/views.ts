// npm run bench:views [-- --json] — the views of issue 14 in headless Chromium (1280×800) on the real API
// and Neo4j (load the 10k-article corpus first: bench/corpus.ts and npm run ingest; NEO4J_URI or the
// local port): for the most active official and the county with most events, the time from the action
// to the view on screen, and the longest main-thread task meanwhile (a freeze shows there):
//   career (the person's panel with its timeline), person table, place table, place × official matrix,
//   the map layout of the start page. Medians of 3, after one warm-up run of each. Needs `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { appConfig, neo4jConfig } from '../db/config.ts';
import { openDatabase } from '../db/driver.ts';
import { launchChromium } from '../scripts/chromium.ts';
import { startServer } from '../web/server/main.ts';

const RUNS = 3;
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
const counts = (
  await db.driver.executeQuery(
    'MATCH (a:Article) WITH count(a) AS articles MATCH (e:Event) RETURN articles, count(e) AS events',
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
};
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
