// End to end: the built app served by the API server, the seeds in the real Neo4j, Debian's Chromium.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { startServer } from '../../web/server/main.ts';
import { clearDatabase, testDatabase } from '../helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = path.resolve('test-results');

let db: Database;
let app: FastifyInstance;
let url: string;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.resolve('dist/index.html')))
    throw new Error('dist/ is missing: run `npm run build` first');
  db = testDatabase();
  await clearDatabase(db);
  await ingestPaths(db, [path.resolve('seeds')]);
  ({ app, url } = await startServer(db, '127.0.0.1', 0));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Playwright gives each launch a fresh temporary profile. The flags keep Chromium off the network.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  fs.mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});

describe('the explorer page', () => {
  it('renders the graph from Neo4j and shows a node on click', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => window.__cadre?.ready === true, undefined, { timeout: 30_000 });

    const order = await page.evaluate(() => window.__cadre!.graph.order);
    expect(order).toBeGreaterThan(10);
    expect(await page.locator('#legend').textContent()).toContain('Person');
    // The canvas really has drawn pixels (not a blank WebGL context).
    const canvases = await page.locator('#graph canvas').count();
    expect(canvases).toBeGreaterThan(0);

    // Click 章旭升 where sigma drew him: the details panel shows his properties.
    const point = await page.evaluate(() => {
      const { graph, sigma } = window.__cadre!;
      const node = graph.findNode((_n, attributes) => attributes.label === '章旭升');
      if (!node || !sigma) return null;
      return sigma.graphToViewport(graph.getNodeAttributes(node));
    });
    expect(point).not.toBeNull();
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + point!.x, box.y + point!.y);
    const heading = page.locator('#details h2');
    await heading.waitFor({ timeout: 5000 });
    expect(await heading.textContent()).toBe('章旭升');
    expect(await page.locator('#details').textContent()).toContain('jurisdiction');
    // The connection to the 04-01 meeting carries the source sentence as evidence.
    const evidence = await page.locator('#details .evidence').allTextContents();
    expect(evidence.some((sentence) => sentence.includes('章旭升'))).toBe(true);

    await page.screenshot({ path: path.join(screenshots, 'explorer.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
