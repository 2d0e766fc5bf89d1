// npm run bench:web [-- --json] — the explorer in headless Chromium (Debian's /usr/bin/chromium), 1280×800:
//   - render_10k: page load → first frame of a generated 10,000-node / 20,000-edge graph through the app
//     (store → derive → sigma), and render_10k_bare_sigma: the same graph in a bare sigma 3 page
//     (bench/bare-sigma, built here with Vite), so the app's overhead reads as a ratio;
//   - transitions on the real API and Neo4j (load the 10k-article corpus first: bench/corpus.ts and
//     npm run ingest): replace the view with ~2,000 / ~5,000 nodes of a Cypher result, expand +25,
//     collapse, undo, each from the action to its graph on screen (data cached after a first fetch, whose
//     time is given too), and frames per second at ~5,000 nodes while the mouse drags the stage; the same
//     graphs swapped into and dragged in the bare sigma page (replace_*_bare_sigma,
//     pan_fps_5000_bare_sigma), for ratios.
// Medians of 5. Needs `npm run build` first. The API: CADRE_URL (a running `npm run serve`), else
// NEO4J_URI (default the local port) served from here; with no database the transitions are skipped.
// `--profile DIR` writes a Chromium CPU profile of one run of each transition (DIR/<key>.cpuprofile, open
// in Chrome DevTools) and prints the functions with the most self time (build with `--minify false` for
// readable names).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type Sigma from 'sigma';
import { build } from 'vite';
import { launchChromium } from '../scripts/chromium.ts';
import { appConfig, neo4jConfig } from '../db/config.ts';
import { openDatabase } from '../db/driver.ts';
import { startServer } from '../web/server/main.ts';

const RUNS = 5;
const json = process.argv.includes('--json');
const profileFlag = process.argv.indexOf('--profile');
const profileDir = profileFlag >= 0 ? path.resolve(process.argv[profileFlag + 1] ?? 'profiles') : null;
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

type BareWindow = {
  __bare?: {
    firstRenderMs: number;
    replace(graph: unknown): Promise<number>;
    sigma: Sigma;
  };
};

/** The bare sigma page with its generated graph of `n` nodes on screen. */
async function openBare(browser: Browser, bareDir: string, n: number): Promise<Page> {
  const page = await newPage(browser);
  await page.route('http://bare.invalid/**', (route) => {
    const file = path.join(bareDir, new URL(route.request().url()).pathname);
    const target =
      fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(bareDir, 'index.html');
    return route.fulfill({ path: target });
  });
  await page.goto(`http://bare.invalid/?bench=${n}`);
  await page.waitForFunction(() => (window as BareWindow).__bare !== undefined, undefined, {
    timeout: 180_000,
  });
  return page;
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
    const barePage = await openBare(browser, bareDir, 10_000);
    bare.push(await barePage.evaluate(() => (window as BareWindow).__bare!.firstRenderMs));
    await barePage.close();
  }
  return { render_10k: median(app), render_10k_bare_sigma: median(bare) };
}

/** A CPU profile of what `run` makes the page do, written to DIR/<name>.cpuprofile, with its top functions. */
async function profiled<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  if (!profileDir) return run();
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  fs.mkdirSync(profileDir, { recursive: true });
  fs.writeFileSync(path.join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
  console.error(`\n${name}: ${String(result)} ms on screen; self time by function:`);
  for (const line of topFunctions(profile)) console.error(`  ${line}`);
  return result;
}

/** The functions with the most self time in a CPU profile (idle and the program's own bookkeeping left out). */
function topFunctions(profile: {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const key = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  });
  return [
    `busy ${Math.round(total)} ms`,
    ...[...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([key, ms]) => `${String(Math.round(ms)).padStart(6)} ms ${key}`),
  ];
}

/**
 * Runs one store action in the page and returns the milliseconds until its graph is on screen: the
 * frame that shows it presented (software WebGL draws in the GPU process, and the frame's commit waits
 * for it), as the bare page's replace counts too. Then waits for the layout to settle, unprofiled.
 */
async function timed(page: Page, action: string, arg: unknown, profile?: string): Promise<number> {
  const run = () =>
    page.evaluate(
      async ([name, value]) => {
        const cadre = window.__cadre!;
        const before = cadre.version;
        const started = performance.now();
        (cadre.actions as unknown as Record<string, (x: unknown) => void>)[name as string]!(value);
        while (cadre.version === before) await new Promise((resolve) => setTimeout(resolve, 0));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - started;
      },
      [action, arg] as const,
    );
  const ms = profile ? await profiled(page, profile, run) : await run();
  await page.waitForFunction(() => window.__cadre!.ready, undefined, { timeout: 600_000, polling: 50 });
  return ms;
}

const viewOf = (rows: number) => ({
  t: 'cypher',
  query: 'MATCH (e:Event)<-[a:ATTENDED]-(p:Person) WITH e, a, p ORDER BY e.id LIMIT $rows RETURN e, a, p',
  params: { rows },
  limit: 10_000,
  mode: 'replace',
});

async function transitions(browser: Browser, base: string, bareDir: string) {
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
        // The last run is the one profiled (caches and JIT warm, as a user's second visit).
        const profile = (key: string) => (i === RUNS - 1 ? `${key}_${size}` : undefined);
        await timed(page, 'overview', undefined);
        replace.push(await timed(page, 'step', view, profile('replace')));
        if (hub) {
          expand.push(await timed(page, 'expand', hub, profile('expand25')));
          collapse.push(await timed(page, 'collapse', hub, profile('collapse')));
          undo.push(await timed(page, 'undo', undefined, profile('undo')));
        }
      }
      result[`replace_${size}`] = median(replace);
      if (expand.length) {
        result[`expand25_${size}`] = median(expand);
        result[`collapse_${size}`] = median(collapse);
        result[`undo_${size}`] = median(undo);
      }
      // The same graph in the bare sigma page: swapped in (from graphology's serialized form) and panned.
      await page.evaluate(() => window.__cadre!.actions.select(null));
      const serialized = await page.evaluate(() => window.__cadre!.graph.export());
      const bare = await openBare(browser, bareDir, 10);
      try {
        const bareReplace: number[] = [];
        for (let i = 0; i < RUNS; i++)
          bareReplace.push(await bare.evaluate((g) => (window as BareWindow).__bare!.replace(g), serialized));
        result[`replace_${size}_bare_sigma`] = median(bareReplace);
        if (size === 5000) {
          result.pan_fps_5000 = await profiled(page, 'pan_5000', () => dragFps(page, 'app'));
          result.pan_fps_5000_bare_sigma = await dragFps(bare, 'bare');
        }
      } finally {
        await bare.close();
      }
    }
    return result;
  } catch (error) {
    return `skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    await page.close();
  }
}

type FrameWindow = {
  __cadre?: { sigma: Sigma };
  __bare?: { sigma: Sigma };
  __frames: number;
  __stopCounting(): void;
};

/**
 * Frames drawn per second while the mouse drags the stage for two seconds, as a user pans: through
 * sigma's own mouse captor (whatever sigma skips while the stage moves is skipped here too), from an
 * empty spot so that the drag moves the camera, not a node. `which` picks the app's or the bare page's
 * renderer.
 */
async function dragFps(page: Page, which: 'app' | 'bare'): Promise<number> {
  const from = await page.evaluate((which) => {
    const w = window as unknown as FrameWindow;
    const sigma = which === 'app' ? w.__cadre!.sigma : w.__bare!.sigma;
    const shown = sigma
      .getGraph()
      .nodes()
      .map((node) => sigma.getNodeDisplayData(node))
      .filter((d) => d && !d.hidden)
      .map((d) => sigma.framedGraphToViewport(d!));
    const { width, height } = sigma.getDimensions();
    let best = { x: width / 2, y: height / 2, clear: -1 };
    for (let i = 1; i < 12; i++)
      for (let j = 1; j < 8; j++) {
        const x = (width * i) / 12;
        const y = (height * j) / 8;
        const clear = Math.min(...shown.map((p) => Math.hypot(p.x - x, p.y - y)));
        if (clear > best.clear) best = { x, y, clear };
      }
    w.__frames = 0;
    const count = () => w.__frames++;
    sigma.on('afterRender', count);
    w.__stopCounting = () => {
      sigma.off('afterRender', count);
    };
    const box = sigma.getContainer().getBoundingClientRect();
    return { x: box.left + best.x, y: box.top + best.y };
  }, which);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const started = Date.now();
  const before = await page.evaluate(() => (window as unknown as FrameWindow).__frames);
  for (let t = 0; t < 1; t = (Date.now() - started) / 2000)
    await page.mouse.move(from.x + 160 * Math.sin(t * Math.PI * 2), from.y + 60 * t);
  const frames = (await page.evaluate(() => (window as unknown as FrameWindow).__frames)) - before;
  const seconds = (Date.now() - started) / 1000;
  await page.mouse.up();
  await page.evaluate(() => (window as unknown as FrameWindow).__stopCounting());
  return frames / seconds;
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
  const moves = await transitions(browser, base, bareDir);
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
      const within = (keys: string[], ms: number) => keys.every((k) => (moves[k] ?? Infinity) <= ms);
      const keys = (size: number) => ['replace', 'collapse', 'expand25', 'undo'].map((k) => `${k}_${size}`);
      log(`transitions at 2,000 nodes ≤ 300 ms: ${within(keys(2000), 300) ? 'met' : 'NOT met'}`);
      log(`transitions at 5,000 nodes ≤ 1 s: ${within(keys(5000), 1000) ? 'met' : 'NOT met'}`);
      log(`pan at 5,000 nodes ≥ 30 fps: ${(moves.pan_fps_5000 ?? 0) >= 30 ? 'met' : 'NOT met'}`);
      for (const size of [2000, 5000])
        log(
          `replace at ${size}: ${round(moves[`replace_${size}`]! / moves[`replace_${size}_bare_sigma`]!)} × bare sigma`,
        );
      log(
        `pan at 5,000: ${round(moves.pan_fps_5000! / moves.pan_fps_5000_bare_sigma!)} × bare sigma's frame rate`,
      );
    }
  }
} finally {
  await browser.close();
  await stop();
}
