// End to end, the items of the explorer issue on the seeds: positions with dates, Del leaving the canvas
// coloured, pinyin / single-character / initials search, the "no connection" message, the truncation
// notice, and a shared URL that survives wiping and re-ingesting the database.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearDatabase } from '../helpers.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { nodePosition, openExplorer, startExplorer, type Explorer } from './harness.ts';
import { captions, searchAndStart, settle, snap } from './explore-helpers.ts';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => explorer?.close());

const view = (ops: unknown[]) => `?ops=${encodeURIComponent(JSON.stringify(ops))}`;

/** Share of the canvas's pixels that are saturated colour (node colours), read from a screenshot. */
async function colouredShare(page: import('playwright-core').Page): Promise<number> {
  const box = (await page.locator('#graph').boundingBox())!;
  const png = (await page.screenshot({ clip: box })).toString('base64');
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data: px } = context.getImageData(0, 0, image.width, image.height);
    let coloured = 0;
    for (let i = 0; i < px.length; i += 4) {
      const max = Math.max(px[i]!, px[i + 1]!, px[i + 2]!);
      const min = Math.min(px[i]!, px[i + 1]!, px[i + 2]!);
      if (max - min > 60) coloured++;
    }
    return coloured / (px.length / 4);
  }, png);
}

describe('the explorer issue, on the seeds', () => {
  it('lists 徐旭’s positions with their dates in the details panel', async () => {
    const { page, errors } = await openExplorer(explorer);
    await searchAndStart(page, '徐旭');
    const positions = page.locator('[data-testid=positions] li');
    await positions.first().waitFor();
    const heads = await page.locator('[data-testid=positions] .relation').allTextContents();
    expect(heads.some((text) => /\d\d-\d\d/.test(text))).toBe(true);
    expect(await page.locator('[data-testid=positions]').textContent()).toContain('经信');
    await snap(page, 'fix-positions');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the canvas coloured after Del on a hovered node and after hiding a kind', async () => {
    const { page, errors } = await openExplorer(explorer);
    const before = await colouredShare(page);
    // A person drawn apart from every other node, so that the click selects it and nothing on top.
    const first = await page.evaluate(() => {
      const { graph, sigma } = window.__cadre!;
      const at = (n: string) => sigma.graphToViewport(graph.getNodeAttributes(n));
      let best: string | undefined;
      let bestGap = -1;
      for (const node of graph.filterNodes((_n, a) => a.kind === 'Person')) {
        const p = at(node);
        let gap = Infinity;
        graph.forEachNode((other) => {
          if (other === node) return;
          const q = at(other);
          gap = Math.min(gap, Math.hypot(p.x - q.x, p.y - q.y));
        });
        if (gap > bestGap) [best, bestGap] = [node, gap];
      }
      return best;
    });
    const caption = await page.evaluate(
      (id) => window.__cadre!.graph.getNodeAttribute(id, 'caption'),
      first!,
    );
    const point = await nodePosition(page, caption);
    await page.mouse.move(point.x, point.y);
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction((id) => window.__cadre!.selected() === id, first!);
    await settle(page, () => page.keyboard.press('Delete'));
    expect(await captions(page)).not.toContain(caption);
    await page.waitForTimeout(200);
    const after = await colouredShare(page);
    await snap(page, 'fix-del');
    expect(after).toBeGreaterThan(before * 0.5);
    await settle(page, () => page.click('.legend-item[data-kind=Place]'));
    expect(await colouredShare(page)).toBeGreaterThan(0.002);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds 开化县 by kaihua, and 章旭升 by 章 and by zxs; never lists stale hits', async () => {
    const { page, errors } = await openExplorer(explorer);
    const first = async (q: string) => {
      await page.fill('#search', q);
      await page.locator('.suggestion .caption').first().waitFor();
      return page.locator('.suggestion .caption').allTextContents();
    };
    expect(await first('kaihua')).toContain('开化县');
    expect(await first('章')).toContain('章旭升');
    expect(await first('zxs')).toContain('章旭升');
    // A new query in flight shows no hits of the last one.
    await page.route('**/api/search**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.fill('#search', '徐旭');
    await page.waitForTimeout(300);
    expect(await page.locator('.suggestion .caption').allTextContents()).not.toContain('章旭升');
    expect(await page.locator('.suggestion.searching').count()).toBe(1);
    await page.locator('.suggestion .caption', { hasText: '徐旭' }).first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says why a shortest connection is empty, and that a cut view is cut', async () => {
    await explorer.db.driver.executeQuery(`CREATE (:Person {id: 'e2e孤立@无', name: '孤立者'})`);
    try {
      const { page, errors } = await openExplorer(
        explorer,
        view([['v', 'shortest-connection', { from: '章旭升', to: 'e2e孤立@无' }, 0, 0]]),
      );
      const empty = page.locator('[data-testid=notice-empty]');
      await empty.waitFor();
      expect(await empty.textContent()).toContain('没有找到联系');
      await snap(page, 'fix-no-path');
      await page.close();
      expect(errors).toEqual([]);
    } finally {
      await explorer.db.driver.executeQuery(`MATCH (n {id: 'e2e孤立@无'}) DETACH DELETE n`);
    }
    const { page, errors } = await openExplorer(
      explorer,
      view([['v', 'place-events', { place: '柯城区' }, 0, 1]]),
    );
    const cut = page.locator('[data-testid=notice-truncated]');
    await cut.waitFor();
    expect(await cut.textContent()).toMatch(/显示 1 \/ \d+ 个事件/);
    await settle(page, () => page.click('[data-testid=load-more]'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('restores a shared view after the database is wiped and re-ingested', async () => {
    const { page, errors } = await openExplorer(explorer);
    await searchAndStart(page, '徐旭');
    await settle(page, () => page.click('[data-testid=expand]'));
    const url = page.url();
    const before = (await captions(page)).sort();
    expect(url).not.toMatch(/4%3A|4:[0-9a-f]{8}-/);
    await page.close();
    await clearDatabase(explorer.db);
    await ingestPaths(explorer.db, [path.resolve('seeds')]);
    const fresh = await explorer.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(url);
    await fresh.waitForFunction(() => window.__cadre?.ready === true && window.__cadre.graph.order > 1);
    expect((await captions(fresh)).sort()).toEqual(before);
    expect(errors).toEqual([]);
    await fresh.close();
  });
});
