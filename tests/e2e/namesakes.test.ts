// End to end, the namesake review: two officials called 王建国 in two cities' papers (beside the seeds)
// are listed side by side with their positions, places and dates; "same person" (with the review token)
// stores the decision, the canvas then draws one 王建国 (both source ids in his panel), search finds
// one, and his career holds both offices; "different" draws two again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { searchAndStart, snap } from './explore-helpers.ts';
import { LATEST, openExplorer, startExplorer, type Explorer } from './harness.ts';
import type { Page } from 'playwright-core';

/** How many 王建国 the canvas draws. */
const drawn = (page: Page) =>
  page.evaluate(
    () =>
      window.__cadre!.graph.filterNodes((_n, a) => a.kind === 'Person' && a.caption.startsWith('王建国'))
        .length,
  );
/** Waits until the canvas draws `n` 王建国 (a decision redraws the view). */
const untilDrawn = (page: Page, n: number) =>
  page.waitForFunction(
    (count) =>
      window.__cadre!.ready &&
      window.__cadre!.graph.filterNodes((_n, a) => a.kind === 'Person' && a.caption.startsWith('王建国'))
        .length === count,
    n,
    { timeout: 20_000 },
  );

const TOKEN = 'e2e-review-token';
let explorer: Explorer;
let dir: string;

beforeAll(async () => {
  process.env.CADRE_REVIEW_TOKEN = TOKEN;
  explorer = await startExplorer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-namesakes-e2e-'));
  const papers = [
    [
      '开化报',
      { province: '浙江省', city: '衢州市', county: '开化县' },
      '王建国到华埠镇调研\n3月1日,县委书记王建国到华埠镇调研乡村振兴工作。\n',
      '2022-03-02',
    ],
    [
      '永康日报',
      { province: '浙江省', city: '金华市', county: '永康市' },
      '王建国调研西城街道\n5月9日,市委副书记王建国到西城街道调研基层治理工作。\n',
      '2023-05-10',
    ],
  ] as const;
  const folders = papers.map(([paper, home, text, date]) => {
    const folder = path.join(dir, paper);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ paper, date, home }));
    fs.writeFileSync(path.join(folder, '01.txt'), text);
    return folder;
  });
  await ingestPaths(explorer.db, folders);
});
afterAll(async () => {
  delete process.env.CADRE_REVIEW_TOKEN;
  await explorer?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('namesake review', () => {
  it('shows both sides, stores "same" with the token, and merges the two in search and career', async () => {
    const { page, errors } = await openExplorer(explorer, LATEST);
    // The latest events: each 王建国 at his own event, two people on the canvas.
    expect(await drawn(page)).toBe(2);
    await page.click('[data-testid=namesakes-toggle]');
    const pair = page.locator('[data-testid=namesake-pair]', { hasText: '王建国' }).first();
    await pair.waitFor({ timeout: 20_000 });
    const sides = await pair.locator('.namesake-side').allTextContents();
    expect(sides).toHaveLength(2);
    expect(
      sides.some((s) => s.includes('开化县委 书记') && s.includes('华埠镇') && s.includes('2022-03-01')),
    ).toBe(true);
    expect(sides.some((s) => s.includes('永康市委 副书记') && s.includes('西城街道'))).toBe(true);
    expect(await pair.locator('[data-testid=namesake-verdict]').textContent()).toBe('未核定');
    await snap(page, 'namesakes-review');

    // Without the token nothing is stored.
    await pair.locator('[data-testid=namesake-same]').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=namesakes-status]')?.textContent?.includes('口令'),
    );
    await page.fill('[data-testid=review-token]', TOKEN);
    await pair.locator('[data-testid=namesake-same]').click();
    const decided = page.locator('[data-testid=namesake-pair][data-verdict=same]', { hasText: '王建国' });
    await decided.waitFor({ timeout: 20_000 });
    expect(await decided.locator('[data-testid=namesake-verdict]').textContent()).toBe('同一人');
    await snap(page, 'namesakes-decided');
    await page.click('[data-testid=namesakes-close]');

    // The canvas is redrawn with one 王建国 holding both events; his panel lists both source ids.
    await untilDrawn(page, 1);
    await page.evaluate(() => {
      const { graph, select } = window.__cadre!;
      select(graph.findNode((_n, a) => a.kind === 'Person' && a.caption.startsWith('王建国'))!);
    });
    await page.locator('#details h2').waitFor();
    const properties = await page.locator('#details dl.properties').textContent();
    expect(properties).toContain('王建国@衢州市');
    expect(properties).toContain('王建国@金华市');
    await snap(page, 'namesakes-merged-canvas');

    // Search finds one 王建国 now, and his career has the offices of both.
    await page.fill('#search', '王建国');
    // People are captioned by their name; the events titled 王建国… are other hits.
    const person = page.locator('.suggestion .caption', { hasText: /^王建国$/ });
    await person.first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    expect(await person.count(), (await page.locator('#search-box').textContent()) ?? '').toBe(1);
    await page.fill('#search', '');
    await searchAndStart(page, '王建国');
    await page.locator('[data-testid=career-timeline]').waitFor({ timeout: 20_000 });
    const offices = await page.$$eval('[data-testid=career-timeline] .career-bar', (rects) =>
      rects.map((r) => r.getAttribute('data-office')),
    );
    expect(offices.sort()).toEqual(['开化县委', '永康市委']);
    await snap(page, 'namesakes-merged-career');

    // "Different" draws two again (the latest events, as at the start).
    await page.goto(`${explorer.url}${LATEST}`);
    await untilDrawn(page, 1);
    await page.click('[data-testid=namesakes-toggle]');
    const same = page.locator('[data-testid=namesake-pair][data-verdict=same]', { hasText: '王建国' });
    await same.waitFor({ timeout: 20_000 });
    await same.locator('[data-testid=namesake-different]').click();
    await page
      .locator('[data-testid=namesake-pair][data-verdict=different]', { hasText: '王建国' })
      .waitFor({ timeout: 20_000 });
    await untilDrawn(page, 2);
    await snap(page, 'namesakes-split-canvas');
    expect(errors).toEqual([]);
  });
});
