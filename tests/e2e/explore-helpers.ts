// Helpers for the explore end-to-end tests: wait for a change to reach the screen, search, read the
// graph on screen, screenshots.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { screenshots } from './harness.ts';

/**
 * Runs an action in the page and waits until its result is on screen and laid out. The bound is generous:
 * on a loaded 2-core machine one expand took 9 s (load 11) and over 20 s (load 14); speed is the benches'.
 */
export async function settle(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await page.evaluate(() => window.__cadre!.version);
  await action();
  await page.waitForFunction((v) => window.__cadre!.version > v && window.__cadre!.ready, before, {
    timeout: 60_000,
  });
}

/** Types into the search box and starts from the first suggestion whose caption is `caption`. */
export async function searchAndStart(page: Page, text: string, caption = text): Promise<void> {
  await page.fill('#search', text);
  const hit = page.locator('.suggestion', { has: page.locator('.caption', { hasText: caption }) }).first();
  await hit.waitFor({ timeout: 10_000 });
  await settle(page, () => hit.click());
}

/** Captions of the nodes in view (hidden ones included). */
export const captions = (page: Page) =>
  page.evaluate(() => window.__cadre!.graph.mapNodes((_n, a) => a.caption));

/** Captions of the nodes the filters hide. */
export const hiddenCaptions = (page: Page) =>
  page.evaluate(() =>
    window.__cadre!.hidden().map((n) => window.__cadre!.graph.getNodeAttribute(n, 'caption')),
  );

/** Selects a node by caption, as a click would. */
export async function selectByCaption(page: Page, caption: string): Promise<void> {
  await page.evaluate((label) => {
    const { graph, select } = window.__cadre!;
    const node = graph.findNode((_n, a) => a.caption === label || a.caption.startsWith(label));
    if (!node) throw new Error(`no node ${label}`);
    select(node);
  }, caption);
  await page.locator('#details h2').waitFor();
}

/** Saves a screenshot under test-results/. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}
