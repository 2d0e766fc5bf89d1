// End to end, the map layout and the colour modes on the seeds: places at their county's longitude and
// latitude (柯城区 east of 开化县, and south of it), visit counts on the places, nobody-visited places
// grey; Louvain communities of co-attendance as colours with a legend.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST, nodeCentre, openExplorer, startExplorer, type Explorer } from './harness.ts';
import { snap } from './explore-helpers.ts';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => explorer?.close());

/** Clicks a toolbar control and waits until the change is on screen. */
async function after(page: Page, action: () => Promise<unknown>) {
  const before = await page.evaluate(() => window.__cadre!.version);
  await action();
  await page.waitForFunction((v) => window.__cadre!.version > v, before, { timeout: 20_000 });
}

describe('map and colour modes', () => {
  it('puts places at their coordinates and shows how often each was visited', async () => {
    const { page, errors } = await openExplorer(explorer, LATEST);
    await after(page, () => page.click('[data-testid=map]'));
    await page.waitForFunction(() => document.getElementById('stats')!.textContent!.includes('地图'));
    const kecheng = await nodeCentre(page, '柯城区');
    const kaihua = await nodeCentre(page, '开化县');
    // 柯城区 118.87°E 28.97°N, 开化县 118.42°E 29.14°N: east, and a little south.
    expect(kecheng.x).toBeGreaterThan(kaihua.x);
    expect(kecheng.y).toBeGreaterThan(kaihua.y);
    // Coloured by visits now: the label says how many events in view were held there.
    expect(await page.inputValue('[data-testid=color]')).toBe('visits');
    const visited = await page.evaluate(() => {
      const { graph, sigma } = window.__cadre!;
      return graph
        .filterNodes((_n, a) => a.kind === 'Place')
        .map((n) => ({ caption: graph.getNodeAttribute(n, 'caption'), ...sigma.getNodeDisplayData(n)! }))
        .map((d) => ({ caption: d.caption, label: d.label ?? '', color: d.color, size: d.size }));
    });
    const counted = visited.map((v) => ({ ...v, n: Number(/到访 (\d+) 次/.exec(v.label)?.[1] ?? NaN) }));
    expect(counted.every((v) => Number.isFinite(v.n))).toBe(true);
    const busy = counted.filter((v) => v.n > 0);
    const idle = counted.filter((v) => v.n === 0);
    expect(busy.length).toBeGreaterThan(0);
    // The busiest place is drawn bigger than one nobody visited in view, and nobody's place is grey.
    const top = [...busy].sort((a, b) => b.n - a.n)[0]!;
    if (idle.length > 0) {
      expect(top.size).toBeGreaterThan(idle[0]!.size);
      expect(idle[0]!.color).toBe('#c9ced6');
    }
    expect(top.color).not.toBe('#c9ced6');
    await snap(page, 'map-layout');

    // The timeline's range counts only the events inside it: one day, checked against the graph.
    const day = await page.evaluate(() => {
      const { graph } = window.__cadre!;
      const dates = graph
        .filterNodes((_n, a) => a.kind === 'Event' && /^\d{4}-/.test(String(a.properties.date)))
        // An event held somewhere, so that some place counts it.
        .filter((n) => graph.outNeighbors(n).some((m) => graph.getNodeAttribute(m, 'kind') === 'Place'))
        .map((n) => String(graph.getNodeAttribute(n, 'properties').date))
        .sort();
      return dates[0]!;
    });
    await after(page, () => page.evaluate((d) => window.__cadre!.actions.setRange(d, d), day));
    const inRange = await page.evaluate((d) => {
      const { graph, sigma } = window.__cadre!;
      const hidden = new Set(window.__cadre!.hidden());
      return graph
        .filterNodes((n, a) => a.kind === 'Place' && !hidden.has(n))
        .map((n) => ({
          label: sigma.getNodeDisplayData(n)!.label ?? '',
          expected: graph
            .inNeighbors(n)
            .filter((e) => graph.getNodeAttribute(e, 'kind') === 'Event')
            .filter((e) => graph.getNodeAttribute(e, 'properties').date === d).length,
        }));
    }, day);
    expect(inRange.length).toBeGreaterThan(0);
    for (const place of inRange) expect(place.label).toContain(`到访 ${place.expected} 次`);
    expect(errors).toEqual([]);
  });

  it('colours people by their Louvain community of co-attendance, with a legend', async () => {
    const { page, errors } = await openExplorer(explorer, LATEST);
    await page.selectOption('[data-testid=color]', 'community');
    const legend = page.locator('[data-testid=community-legend] li');
    await legend.first().waitFor({ timeout: 20_000 });
    expect(await legend.count()).toBeGreaterThan(1);
    const colors = await page.evaluate(() => {
      const { graph, sigma } = window.__cadre!;
      return graph.filterNodes((_n, a) => a.kind === 'Person').map((n) => sigma.getNodeDisplayData(n)!.color);
    });
    // More than one group, none in the plain "person" red.
    expect(new Set(colors).size).toBeGreaterThan(1);
    expect(colors).not.toContain('#d1495b');
    await snap(page, 'communities');
    await page.selectOption('[data-testid=color]', 'kind');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=community-legend] li').length === 0,
    );
    expect(errors).toEqual([]);
  });
});
