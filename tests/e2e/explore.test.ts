// End to end: the exploration UI (search, expand, paging, collapse/remove/undo/redo, filters, views,
// URL state, language, API down) on the seeds in the real Neo4j, in Debian's Chromium at 1280×800.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST, nodePosition, openExplorer, startExplorer, type Explorer } from './harness.ts';
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

describe('exploring from a search hit', () => {
  it('finds 徐旭, expands him and his 01-12 visit, and shows 航埠镇 with the evidence', async () => {
    const { page, errors } = await openExplorer(explorer);
    await page.fill('#search', '徐旭');
    await page.locator('.suggestion .caption', { hasText: '徐旭' }).first().waitFor();
    await snap(page, 'explore-search');
    await searchAndStart(page, '徐旭');
    expect(await captions(page)).toEqual(['徐旭']);
    // The count of neighbours shows before expanding.
    expect(await page.locator('#details .counts').textContent()).toMatch(/\d+/);

    await settle(page, () => page.click('[data-testid=expand]'));
    const event = (await captions(page)).find((c) => c.includes('01-12'));
    expect(event).toBeDefined();

    // Double-click the event on the canvas to expand it: the place it was held in appears.
    const point = await nodePosition(page, event!);
    await settle(page, () => page.mouse.dblclick(point.x, point.y));
    expect(await captions(page)).toContain('航埠镇');

    await selectByCaption(page, event!);
    const evidence = page.locator('#details .evidence').first();
    await evidence.waitFor();
    expect(await page.locator('#details .evidence mark').allTextContents()).toContain('徐旭');
    // The article the sentence comes from: its headline and doc id.
    await page.locator('#details .source .headline', { hasText: '三服务' }).first().waitFor();
    expect(await page.locator('#details .source .doc').first().textContent()).toContain('.txt#');
    await snap(page, 'explore-expanded');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pages a big neighbourhood in 25s, and collapses, removes, undoes and redoes', async () => {
    // A county with 60 events: more than one page.
    await explorer.db.driver.executeQuery(
      `CREATE (p:Place {id: 'e2e/大县', name: '测试大县', level: 'county'})
       WITH p UNWIND range(1, 60) AS i
       CREATE (:Event {id: 'e2e#' + i, title: '测试会议' + i, kind: '会议'})-[:HELD_IN {sentence: '测试'}]->(p)`,
    );
    try {
      const { page, errors } = await openExplorer(explorer);
      await searchAndStart(page, '测试大县');
      expect(await page.locator('#details .counts').textContent()).toContain('60');
      await settle(page, () => page.click('[data-testid=expand]'));
      expect(await captions(page)).toHaveLength(26);
      const more = page.locator('[data-testid=more]');
      expect(await more.textContent()).toMatch(/25/);
      await snap(page, 'explore-paging');
      await settle(page, () => more.click());
      expect(await captions(page)).toHaveLength(51);
      await settle(page, () => more.click());
      expect(await captions(page)).toHaveLength(61);
      expect(await more.count()).toBe(0);

      await settle(page, () => page.click('[data-testid=collapse]'));
      expect(await captions(page)).toEqual(['测试大县']);
      await settle(page, () => page.keyboard.press('Control+z'));
      expect(await captions(page)).toHaveLength(61);
      await settle(page, () => page.click('[data-testid=redo]'));
      expect(await captions(page)).toHaveLength(1);
      await settle(page, () => page.click('[data-testid=undo]'));

      await selectByCaption(page, '测试会议1');
      await settle(page, () => page.click('[data-testid=remove]'));
      expect(await captions(page)).not.toContain('测试会议1');
      expect(await captions(page)).toHaveLength(60);
      await settle(page, () => page.click('[data-testid=undo]'));
      expect(await captions(page)).toContain('测试会议1');
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await explorer.db.driver.executeQuery(`MATCH (n) WHERE n.id STARTS WITH 'e2e' DETACH DELETE n`);
    }
  });
});

describe('filters and views', () => {
  it('hides events outside the timeline range', async () => {
    const { page, errors } = await openExplorer(explorer, LATEST);
    expect(await hiddenCaptions(page)).toEqual([]);
    // Move the right handle of the slider to the first bin (April 2022).
    await settle(page, () =>
      page.locator('[data-handle=to]').evaluate((input: HTMLInputElement) => {
        input.value = '0';
        input.dispatchEvent(new Event('change'));
      }),
    );
    const hidden = await hiddenCaptions(page);
    expect(hidden.some((c) => c.includes('10-26'))).toBe(true);
    expect(hidden.some((c) => c.includes('04-01'))).toBe(false);
    // Events of unknown year are outside any range.
    expect(hidden.some((c) => c.includes('01-12'))).toBe(true);
    expect(page.url()).toContain('to=2022-04-30');
    await snap(page, 'explore-timeline');

    // Back to all dates.
    await settle(page, () => page.click('[data-testid=timeline-reset]'));
    expect(await hiddenCaptions(page)).toEqual([]);
    // Label filter from the legend.
    await settle(page, () => page.click('.legend-item[data-kind=Place]'));
    const placesHidden = await hiddenCaptions(page);
    expect(placesHidden).toContain('航埠镇');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders co-attendance as weighted person–person edges, and restores it from the URL', async () => {
    const { page, errors } = await openExplorer(explorer);
    await searchAndStart(page, '胡勇春');
    await settle(page, () => page.click('[data-testid=view-co-attendance]'));
    const met = await page.evaluate(() =>
      window
        .__cadre!.graph.filterEdges((_e, a) => a.relType === 'MET')
        .map((e) => window.__cadre!.graph.getEdgeAttributes(e).properties.meetings),
    );
    expect(met.length).toBeGreaterThan(0);
    expect(met.every((n) => typeof n === 'number' && n >= 1)).toBe(true);
    expect(await captions(page)).toContain('胡勇春');
    await snap(page, 'explore-co-attendance');

    // Reload: the same view comes back from the address bar.
    const before = (await captions(page)).sort();
    await page.reload();
    await page.waitForFunction(() => window.__cadre?.ready === true && window.__cadre.graph.order > 0);
    expect((await captions(page)).sort()).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores an expansion and the selection after a reload, in the chosen language', async () => {
    const { page, errors } = await openExplorer(explorer);
    await searchAndStart(page, '徐旭');
    await settle(page, () => page.click('[data-testid=expand]'));
    await page.click('[data-testid=lang]');
    expect(await page.locator('[data-testid=expand], [data-testid=collapse]').first().textContent()).toBe(
      'Collapse',
    );
    expect(await page.locator('#legend').textContent()).toContain('Person');
    // Every control of the toolbar stays on screen at 1280 px, in the longer English labels too.
    const offScreen = await page.$$eval('#toolbar button, #toolbar select', (controls) =>
      controls
        .filter((c) => {
          const box = c.getBoundingClientRect();
          return box.width > 0 && (box.right > window.innerWidth || box.left < 0);
        })
        .map((c) => c.textContent),
    );
    expect(offScreen).toEqual([]);
    const url = page.url();
    expect(url).toContain('lang=en');
    const before = (await captions(page)).sort();

    const fresh = await explorer.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(url);
    await fresh.waitForFunction(() => window.__cadre?.ready === true && window.__cadre.graph.order > 1);
    expect((await captions(fresh)).sort()).toEqual(before);
    // Every node is on the canvas, the restored selection among them (the camera once went to the
    // selection's raw coordinates and showed an empty canvas; later, centring on it pushed others out).
    await fresh.waitForFunction(() => {
      const { graph, sigma } = window.__cadre!;
      const { width, height } = sigma.getDimensions();
      return graph.everyNode((_n, a) => {
        const p = sigma.graphToViewport(a);
        return p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height;
      });
    });
    expect(await fresh.locator('#details h2').textContent()).toBe('徐旭');
    expect(await fresh.locator('[data-testid=overview]').textContent()).toBe('Overview');
    await snap(fresh, 'explore-restored-en');
    await fresh.click('[data-testid=lang]');
    expect(await fresh.locator('[data-testid=overview]').textContent()).toBe('总览');
    expect(errors).toEqual([]);
    await fresh.close();
    await page.close();
  });

  it('says when the API is down and recovers on retry', async () => {
    const page = await explorer.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto(explorer.url);
    const retry = page.locator('[data-testid=retry]');
    await retry.waitFor({ timeout: 10_000 });
    expect(await page.locator('#status').textContent()).toContain('无法连接');
    await snap(page, 'explore-api-down');
    await page.unroute('**/api/**');
    await retry.click();
    await page.waitForFunction(() => window.__cadre?.ready === true && window.__cadre.graph.order > 10);
    expect(await page.locator('#status').isHidden()).toBe(true);
    await page.close();
  });
});
