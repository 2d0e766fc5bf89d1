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

/**
 * A point on the visible part of a node, in page coordinates, found by its caption. A force layout can
 * leave a node partly under another one (more so on a loaded machine, where it runs fewer iterations),
 * so this aims where a user would: at a pixel that sigma's own picking attributes to that node — the
 * centre if it is uncovered, else a point further out on its disc.
 */
export async function nodePosition(page: Page, caption: string): Promise<{ x: number; y: number }> {
  const found = await page.evaluate((label) => {
    const { graph, sigma } = window.__cadre!;
    const node = graph.findNode((_n, attributes) => attributes.caption === label);
    if (!node) return { error: `no node labelled ${label} on the canvas` };
    // Sigma's picking (the same look-up a click makes); private in its typings, public at run time.
    const picking = sigma as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null };
    const centre = sigma.graphToViewport(graph.getNodeAttributes(node));
    const radius = sigma.scaleSize(sigma.getNodeDisplayData(node)!.size);
    const box = document.getElementById('graph')!.getBoundingClientRect();
    for (const fraction of [0, 0.35, 0.6, 0.8])
      for (let k = 0; k < (fraction === 0 ? 1 : 12); k++) {
        const angle = (k / 12) * 2 * Math.PI;
        const x = centre.x + Math.cos(angle) * fraction * radius;
        const y = centre.y + Math.sin(angle) * fraction * radius;
        if (picking.getNodeAtPosition({ x, y }) === node) return { x: box.x + x, y: box.y + y };
      }
    return { error: `${label} is drawn entirely under other nodes (radius ${radius.toFixed(1)} px)` };
  }, caption);
  if ('error' in found) throw new Error(found.error);
  return found;
}

/** Where sigma drew the centre of a node, in page coordinates (for comparing positions, not clicking). */
export async function nodeCentre(page: Page, caption: string): Promise<{ x: number; y: number }> {
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
