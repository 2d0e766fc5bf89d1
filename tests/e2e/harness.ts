// Shared by the end-to-end tests: the built app served over the test Neo4j with the seeds ingested, and
// Debian's Chromium driven by playwright-core.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.ts';
import type { Database } from '../../db/driver.ts';
import { startServer } from '../../web/server/main.ts';
import { seededDatabase } from '../helpers.ts';

export const screenshots = path.resolve('test-results');

export interface Explorer {
  db: Database;
  app: FastifyInstance;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Clears the test database, ingests the seeds, serves dist/ and launches Chromium. */
export async function startExplorer(): Promise<Explorer> {
  if (!fs.existsSync(path.resolve('dist/index.html')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const db = await seededDatabase();
  const { app, url } = await startServer(db, '127.0.0.1', 0);
  const browser = await launchChromium();
  fs.mkdirSync(screenshots, { recursive: true });
  return {
    db,
    app,
    url,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

/** The latest events view (the seeds' detail), as a URL query: the start page aggregates instead. */
export const LATEST = `?ops=${encodeURIComponent('[["v","overview",{},0,0]]')}`;

/** A 1280×800 page that records uncaught page errors; waits until the first graph is laid out. */
export async function openExplorer(
  explorer: Explorer,
  query = '',
): Promise<{ page: Page; errors: string[] }> {
  const page = await explorer.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${explorer.url}${query}`);
  await page.waitForFunction(() => window.__cadre?.ready === true, undefined, { timeout: 30_000 });
  return { page, errors };
}

/** Where sigma drew a node, in page coordinates, found by its caption. */
export async function nodePosition(page: Page, caption: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((label) => {
    const { graph, sigma } = window.__cadre!;
    const node = graph.findNode((_n, attributes) => attributes.caption === label);
    if (!node) return null;
    const viewport = sigma.graphToViewport(graph.getNodeAttributes(node));
    const box = document.getElementById('graph')!.getBoundingClientRect();
    return { x: box.x + viewport.x, y: box.y + viewport.y };
  }, caption);
  if (!point) throw new Error(`no node labelled ${caption} on the canvas`);
  return point;
}
