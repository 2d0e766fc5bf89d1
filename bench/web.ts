// npm run bench:web — measures the explorer in headless Chromium (Debian's /usr/bin/chromium):
//   - page load → first rendered graph for generated graphs of 1,000, 10,000 and 50,000 nodes (2 edges
//     per node), and when the page is interactive again (no Neo4j needed: the page generates them);
//   - ForceAtlas2 iterations per second at 10,000 nodes (the worker's code, timed in the page);
//   - the expand round trip (click → neighbours on screen) against the real API and Neo4j.
// Needs `npm run build` first. The API: CADRE_URL (a running `npm run serve`), else NEO4J_URI (default
// the local port) served from here; with no database the expand measurement is skipped.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.ts';
import { appConfig, neo4jConfig } from '../db/config.ts';
import { openDatabase } from '../db/driver.ts';
import { startServer } from '../web/server/main.ts';

const SIZES = [1_000, 10_000, 50_000];

interface Bench {
  nodes: number;
  edges: number;
  firstRenderMs: number;
  interactiveMs: number;
  fa2IterationsPerSecond?: number;
}

async function renderTimings(browser: Browser, base: string) {
  const rows: Bench[] = [];
  for (const n of SIZES) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}?bench=${n}${n === 10_000 ? '&fa2=1' : ''}`);
    await page.waitForFunction(() => window.__cadre?.bench !== undefined, undefined, { timeout: 180_000 });
    rows.push((await page.evaluate(() => window.__cadre!.bench!)) as unknown as Bench);
    await page.close();
  }
  return rows;
}

async function expandTimings(browser: Browser, base: string): Promise<number[] | string> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const health = await page.request.get(`${base}api/health`);
    if (!health.ok()) return `skipped: /api/health says ${health.status()}`;
    await page.goto(base);
    await page.waitForFunction(() => window.__cadre?.ready === true, undefined, { timeout: 60_000 });
    // Expand the busiest nodes of the overview one after the other (each is a fresh request).
    const nodes = await page.evaluate(() => {
      const { graph } = window.__cadre!;
      return graph
        .nodes()
        .sort((a, b) => graph.degree(b) - graph.degree(a))
        .slice(0, 8);
    });
    if (nodes.length === 0) return 'skipped: the database is empty (npm run ingest -- seeds)';
    const times: number[] = [];
    for (const node of nodes) {
      const before = await page.evaluate(() => window.__cadre!.version);
      await page.evaluate((id) => window.__cadre!.select(id), node);
      const button = page.locator('[data-testid=expand]');
      if ((await button.count()) === 0) continue;
      await button.click();
      await page.waitForFunction((v) => window.__cadre!.version > v, before, { timeout: 30_000 });
      times.push(await page.evaluate(() => window.__cadre!.lastActionMs));
      await page.waitForFunction(() => window.__cadre!.ready, undefined, { timeout: 30_000 });
    }
    return times;
  } catch (error) {
    return `skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    await page.close();
  }
}

const fmt = (ms: number) => `${Math.round(ms).toLocaleString('en')} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

if (!fs.existsSync(path.resolve('dist/index.html'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
let base = process.env.CADRE_URL;
let stop = async () => {};
if (!base) {
  const config = neo4jConfig();
  const db = openDatabase(
    { ...config, uri: config.uri ?? `bolt://127.0.0.1:${config.boltPort}` },
    { maxRetryMs: 1000 },
  );
  const { app, url } = await startServer(db, appConfig().host, 0);
  base = url;
  stop = async () => {
    await app.close();
    await db.close();
  };
}
if (!base.endsWith('/')) base += '/';
const browser = await launchChromium();
try {
  console.log(`cadre-graph web benchmark (${base}, headless Chromium, 1280×800)\n`);
  console.log('nodes     edges     first render   interactive');
  const rows = await renderTimings(browser, base);
  for (const r of rows)
    console.log(
      `${String(r.nodes.toLocaleString('en')).padEnd(9)} ${String(r.edges.toLocaleString('en')).padEnd(9)} ${fmt(r.firstRenderMs).padStart(12)}   ${fmt(r.interactiveMs).padStart(11)}`,
    );
  const fa2 = rows.find((r) => r.fa2IterationsPerSecond !== undefined);
  if (fa2)
    console.log(
      `\nForceAtlas2 at ${fa2.nodes.toLocaleString('en')} nodes: ${fa2.fa2IterationsPerSecond!.toFixed(1)} iterations/s (Barnes-Hut)`,
    );
  const expand = await expandTimings(browser, base);
  if (typeof expand === 'string') console.log(`expand round trip: ${expand}`);
  else
    console.log(
      `expand round trip (click → neighbours on screen, ${expand.length} nodes): median ${fmt(median(expand))}, max ${fmt(Math.max(...expand))}`,
    );
  const target = rows.find((r) => r.nodes === 10_000);
  if (target)
    console.log(
      `\ntarget 10,000 nodes interactive < 2,000 ms: ${target.interactiveMs < 2000 ? 'met' : 'NOT met'}`,
    );
  if (typeof expand !== 'string')
    console.log(`target expand < 200 ms: ${median(expand) < 200 ? 'met' : 'NOT met'}`);
} finally {
  await browser.close();
  await stop();
}
