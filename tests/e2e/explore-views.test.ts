// End to end, the parts of the explorer the first tests leave out: the shortest connection between two
// selected people, the place and office filters, the layouts and PageRank sizing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LATEST, openExplorer, startExplorer, type Explorer } from './harness.ts';
import {
  captions,
  hiddenCaptions,
  searchAndStart,
  selectByCaption,
  settle,
  snap,
} from './explore-helpers.ts';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => explorer?.close());

const nodeId = (page: Page, caption: string) =>
  page.evaluate((label) => {
    const { graph } = window.__cadre!;
    return graph.findNode((_n, a) => a.caption === label) ?? null;
  }, caption);

describe('views, filters and layouts', () => {
  it('shows the shortest connection between two selected people', async () => {
    const { page, errors } = await openExplorer(explorer, LATEST);
    const first = await nodeId(page, '章旭升');
    const second = await nodeId(page, '胡勇春');
    expect(first && second).toBeTruthy();
    await page.evaluate(
      ([a, b]) => {
        window.__cadre!.select(a);
        window.__cadre!.select(b, true);
      },
      [first!, second!] as const,
    );
    const shortest = page.locator('[data-testid=view-shortest]');
    await shortest.waitFor();
    await settle(page, () => shortest.click());
    const shown = await captions(page);
    expect(shown.some((c) => c.startsWith('章旭升'))).toBe(true);
    expect(shown.some((c) => c.startsWith('胡勇春'))).toBe(true);
    // The path runs through something both are linked to (an office they hold, an event, a place).
    expect(shown.length).toBeGreaterThanOrEqual(3);
    const edges = await page.evaluate(() => window.__cadre!.graph.size);
    expect(edges).toBeGreaterThanOrEqual(2);
    await snap(page, 'explore-shortest');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps only what lies in a place and below it', async () => {
    const { page, errors } = await openExplorer(explorer, LATEST);
    await selectByCaption(page, '航埠镇');
    // The filter asks about the nodes on screen (places and events), never for the whole membership.
    const asked: string[][] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/queries/place-members/run'))
        asked.push(String((request.postDataJSON() as { params: { ids: string } }).params.ids).split(','));
    });
    await settle(page, () => page.click('[data-testid=filter-place]'));
    await page.locator('[data-testid=chip-place]').waitFor();
    const onScreen = new Set(await page.evaluate(() => window.__cadre!.graph.nodes()));
    expect(asked.length).toBeGreaterThan(0);
    for (const id of asked.flat()) {
      expect(onScreen.has(id), id).toBe(true);
      expect(id).toMatch(/^(Place|Event):/);
    }
    const hidden = await hiddenCaptions(page);
    // The 04-01 meeting in 永康 is not in 航埠镇; the 01-12 visit is.
    expect(hidden.some((c) => c.includes('04-01'))).toBe(true);
    expect(hidden.some((c) => c.includes('01-12') && c.startsWith('省经信厅'))).toBe(false);
    expect(hidden.some((c) => c.startsWith('航埠镇'))).toBe(false);
    // The count above the canvas is of what is drawn: edges of hidden nodes are not counted.
    const drawn = await page.evaluate(() => {
      const { graph } = window.__cadre!;
      const gone = new Set(window.__cadre!.hidden());
      return {
        nodes: graph.order - gone.size,
        edges: graph.filterEdges((_e, _a, s, t) => !gone.has(s) && !gone.has(t)).length,
        all: graph.size,
      };
    });
    expect(drawn.edges).toBeLessThan(drawn.all);
    expect(await page.locator('#stats').textContent()).toMatch(
      new RegExp(`^${drawn.nodes}\\D+${drawn.edges}\\D`),
    );
    await snap(page, 'explore-place-filter');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps only the people of an office', async () => {
    const { page, errors } = await openExplorer(explorer);
    // The office, its holders, and through 胡勇春's meeting the city leaders who attended it.
    await searchAndStart(page, '永康市委');
    await settle(page, () => page.click('[data-testid=expand]'));
    await selectByCaption(page, '胡勇春');
    await settle(page, () => page.click('[data-testid=expand]'));
    await selectByCaption(page, '集思广益');
    await settle(page, () => page.click('[data-testid=expand]'));
    const people = await page.evaluate(() =>
      window
        .__cadre!.graph.filterNodes((_n, a) => a.kind === 'Person')
        .map((n) => window.__cadre!.graph.getNodeAttribute(n, 'caption')),
    );
    expect(people.some((c) => c.startsWith('郑云涛'))).toBe(true);

    await selectByCaption(page, '永康市委');
    await settle(page, () => page.click('[data-testid=filter-office]'));
    await page.locator('[data-testid=chip-office]').waitFor();
    const hidden = await hiddenCaptions(page);
    expect(hidden.some((c) => c.startsWith('章旭升'))).toBe(false);
    expect(hidden.some((c) => c.startsWith('胡勇春'))).toBe(false);
    // 郑云涛 is a 市领导 of the text, not a holder of 永康市委.
    expect(hidden.some((c) => c.startsWith('郑云涛'))).toBe(true);
    await snap(page, 'explore-office-filter');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays the view out as a circle, removes overlaps, and sizes by PageRank', async () => {
    const { page, errors } = await openExplorer(explorer);
    const positions = () =>
      page.evaluate(() => window.__cadre!.graph.mapNodes((_n, a) => [a.x, a.y] as [number, number]));
    const sizes = () => page.evaluate(() => window.__cadre!.graph.mapNodes((_n, a) => a.size));

    // Layouts and sizing change positions and sizes, not the graph: wait for their effect.
    await page.click('[data-testid=circular]');
    await page.waitForFunction(() => {
      const points = window.__cadre!.graph.mapNodes((_n, a) => [a.x, a.y] as [number, number]);
      const cx = points.reduce((s, [x]) => s + x, 0) / points.length;
      const cy = points.reduce((s, [, y]) => s + y, 0) / points.length;
      const radii = points.map(([x, y]) => Math.hypot(x - cx, y - cy));
      return Math.max(...radii) - Math.min(...radii) < 0.01 * Math.max(...radii);
    });
    const circle = await positions();

    await page.click('[data-testid=noverlap]');
    await page.waitForTimeout(500);
    expect(await positions()).toHaveLength(circle.length);

    const byDegree = await sizes();
    await page.selectOption('[data-testid=size]', 'pagerank');
    await page.waitForFunction(
      (before) => JSON.stringify(window.__cadre!.graph.mapNodes((_n, a) => a.size)) !== before,
      JSON.stringify(byDegree),
    );
    expect(await sizes()).not.toEqual(byDegree);
    expect(errors).toEqual([]);
    await page.close();
  });
});
