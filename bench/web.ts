// npm run bench:web [-- --json] — the explorer in headless Chromium (Debian's /usr/bin/chromium), 1280×800:
//   - render_10k: page load → first frame of a generated 10,000-node / 20,000-edge graph through the app
//     (store → derive → sigma), and render_10k_bare_sigma: the same graph in a bare sigma 3 page
//     (bench/bare-sigma, built here with Vite), so the app's overhead reads as a ratio;
//   - transitions on the real API and Neo4j (load the 10k-article corpus first: bench/corpus.ts and
//     npm run ingest): replace the view with ~2,000 / ~5,000 nodes of a Cypher result, expand +25,
//     collapse, undo, each from the action to its graph on screen (data cached after a first fetch, whose
//     time is given too), and pan frames per second at ~5,000 nodes.
// Medians of 5. Needs `npm run build` first. The API: CADRE_URL (a running `npm run serve`), else
// NEO4J_URI (default the local port) served from here; with no database the transitions are skipped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../scripts/chromium.ts';
import { appConfig, neo4jConfig } from '../db/config.ts';
import { openDatabase } from '../db/driver.ts';
import { startServer } from '../web/server/main.ts';

const RUNS = 5;
const json = process.argv.includes('--json');
const log = (line: string) => {
  if (!json) console.log(line);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx names the functions it compiles with a helper the page lacks; evaluated code needs it there.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  return page;
}

/** The bare sigma page, built once into a temporary folder and served through request interception. */
async function bareSigma(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-bare-sigma-'));
  await build({
    root: path.resolve('bench/bare-sigma'),
    logLevel: 'silent',
    configFile: false,
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

async function renderTimes(browser: Browser, base: string, bareDir: string) {
  const app: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await newPage(browser);
    await page.goto(`${base}?bench=10000`);
    await page.waitForFunction(() => window.__cadre?.bench !== undefined, undefined, { timeout: 180_000 });
    app.push((await page.evaluate(() => window.__cadre!.bench!.firstRenderMs))!);
    await page.close();
    const barePage = await newPage(browser);
    await barePage.route('http://bare.invalid/**', (route) => {
      const file = path.join(bareDir, new URL(route.request().url()).pathname);
      const target =
        fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(bareDir, 'index.html');
      return route.fulfill({ path: target });
    });
    await barePage.goto('http://bare.invalid/?bench=10000');
    await barePage.waitForFunction(
      () => (window as unknown as { __bare?: unknown }).__bare !== undefined,
      undefined,
      {
        timeout: 180_000,
      },
    );
    bare.push(
      await barePage.evaluate(
        () => (window as unknown as { __bare: { firstRenderMs: number } }).__bare.firstRenderMs,
      ),
    );
    await barePage.close();
  }
  return { render_10k: median(app), render_10k_bare_sigma: median(bare) };
}

/** Runs one store action in the page and returns the milliseconds until its graph is on screen. */
async function timed(page: Page, action: string, arg: unknown): Promise<number> {
  return page.evaluate(
    async ([name, value]) => {
      const cadre = window.__cadre!;
      const before = cadre.version;
      const started = performance.now();
      (cadre.actions as unknown as Record<string, (x: unknown) => void>)[name as string]!(value);
      while (cadre.version === before) await new Promise((resolve) => setTimeout(resolve, 5));
      const onScreen = performance.now() - started;
      while (!cadre.ready) await new Promise((resolve) => setTimeout(resolve, 20));
      return onScreen;
    },
    [action, arg] as const,
  );
}

const viewOf = (rows: number) => ({
  t: 'cypher',
  query: 'MATCH (e:Event)<-[a:ATTENDED]-(p:Person) WITH e, a, p ORDER BY e.id LIMIT $rows RETURN e, a, p',
  params: { rows },
  limit: 10_000,
  mode: 'replace',
});

async function transitions(browser: Browser, base: string) {
  const page = await newPage(browser);
  try {
    const health = await page.request.get(`${base}api/health`);
    if (!health.ok()) return `skipped: /api/health says ${health.status()}`;
    await page.goto(base);
    await page.waitForFunction(() => window.__cadre?.ready === true, undefined, { timeout: 120_000 });
    const order = () => page.evaluate(() => window.__cadre!.graph.order);
    const result: Record<string, number> = {};
    for (const [size, rows] of [
      [2000, 2600],
      [5000, 6600],
    ] as const) {
      const view = viewOf(rows);
      result[`replace_${size}_fetch`] = await timed(page, 'step', view);
      result[`nodes_${size}`] = await order();
      const replace: number[] = [];
      const expand: number[] = [];
      const collapse: number[] = [];
      const undo: number[] = [];
      // The node on screen with the most neighbours left to load.
      const hub = await page.evaluate(() => {
        const { graph } = window.__cadre!;
        const rest = (n: string) => (graph.getNodeAttribute(n, 'degree') ?? 0) - graph.degree(n);
        return graph.nodes().sort((a, b) => rest(b) - rest(a))[0];
      });
      for (let i = 0; i < RUNS; i++) {
        await timed(page, 'overview', undefined);
        replace.push(await timed(page, 'step', view));
        if (hub && size === 2000) {
          expand.push(await timed(page, 'expand', hub));
          collapse.push(await timed(page, 'collapse', hub));
          undo.push(await timed(page, 'undo', undefined));
        }
      }
      result[`replace_${size}`] = median(replace);
      if (expand.length) {
        result[`expand25_${size}`] = median(expand);
        result[`collapse_${size}`] = median(collapse);
        result[`undo_${size}`] = median(undo);
      }
      if (size === 5000) result.pan_fps_5000 = await panFps(page);
    }
    return result;
  } catch (error) {
    return `skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    await page.close();
  }
}

/** Frames sigma draws per second while the camera pans for two seconds. */
async function panFps(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const { sigma } = window.__cadre!;
    const camera = sigma.getCamera();
    let frames = 0;
    const count = () => frames++;
    sigma.on('afterRender', count);
    const start = performance.now();
    const state = camera.getState();
    await new Promise<void>((resolve) => {
      const step = () => {
        const t = (performance.now() - start) / 2000;
        camera.setState({ ...state, x: state.x + 0.2 * Math.sin(t * Math.PI * 2), y: state.y + 0.1 * t });
        if (t < 1) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    sigma.off('afterRender', count);
    return frames / ((performance.now() - start) / 1000);
  });
}

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
  log(`cadre-graph web benchmark (${base}, headless Chromium, 1280×800, medians of ${RUNS})`);
  const bareDir = await bareSigma();
  const render = await renderTimes(browser, base, bareDir);
  const moves = await transitions(browser, base);
  const figures: Record<string, number | string> = {
    ...render,
    render_ratio: round(render.render_10k / render.render_10k_bare_sigma),
    ...(typeof moves === 'string' ? { transitions: moves } : moves),
    load_1min: round(os.loadavg()[0]!),
  };
  for (const [key, value] of Object.entries(figures))
    if (typeof value === 'number') figures[key] = round(value);
  if (json) console.log(JSON.stringify(figures));
  else {
    for (const [key, value] of Object.entries(figures)) log(`${key.padEnd(24)} ${value}`);
    log(
      `\ntargets: render_10k ≤ 1.5 × bare sigma: ${Number(figures.render_ratio) <= 1.5 ? 'met' : 'NOT met'}`,
    );
    if (typeof moves !== 'string') {
      const at2000 = ['replace_2000', 'collapse_2000', 'expand25_2000', 'undo_2000'].every(
        (k) => (moves[k] ?? Infinity) <= 300,
      );
      log(`transitions at 2,000 nodes ≤ 300 ms: ${at2000 ? 'met' : 'NOT met'}`);
      log(`replace at 5,000 nodes ≤ 1 s: ${(moves.replace_5000 ?? Infinity) <= 1000 ? 'met' : 'NOT met'}`);
      log(`pan at 5,000 nodes ≥ 30 fps: ${(moves.pan_fps_5000 ?? 0) >= 30 ? 'met' : 'NOT met'}`);
    }
  }
} finally {
  await browser.close();
  await stop();
}
