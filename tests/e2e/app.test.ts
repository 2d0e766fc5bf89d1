// End to end: the built app served by the API server, the seeds in the real Neo4j, Debian's Chromium.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST, nodePosition, openExplorer, screenshots, startExplorer, type Explorer } from './harness.ts';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => explorer?.close());

describe('the explorer page', () => {
  it('renders the graph from Neo4j and shows a node with its evidence on click', async () => {
    const { page, errors } = await openExplorer(explorer, LATEST);
    const order = await page.evaluate(() => window.__cadre!.graph.order);
    expect(order).toBeGreaterThan(10);
    expect(await page.locator('#legend').textContent()).toContain('Person');
    expect(await page.locator('#graph canvas').count()).toBeGreaterThan(0);

    const point = await nodePosition(page, '章旭升');
    await page.mouse.click(point.x, point.y);
    const heading = page.locator('#details h2');
    await heading.waitFor({ timeout: 5000 });
    expect(await heading.textContent()).toBe('章旭升');
    expect(await page.locator('#details').textContent()).toContain('辖区');
    // The connection to the 04-01 meeting carries the source sentence as evidence.
    const evidence = await page.locator('#details .evidence').allTextContents();
    expect(evidence.some((sentence) => sentence.includes('章旭升'))).toBe(true);

    await page.screenshot({ path: path.join(screenshots, 'explorer.png') });

    // The article headline opens the full text with the sentence marked.
    await page.locator('#details [data-testid=article-link]').first().click();
    const marked = page.locator('#article-dialog mark');
    await marked.waitFor({ timeout: 5000 });
    expect(await marked.textContent()).toContain('章旭升');
    expect(
      (await page.locator('#article-dialog [data-testid=article-text]').textContent())!.length,
    ).toBeGreaterThan((await marked.textContent())!.length);
    await page.screenshot({ path: path.join(screenshots, 'article.png') });
    await page.click('[data-testid=article-close]');
    expect(errors).toEqual([]);
    await page.close();
  });
});
