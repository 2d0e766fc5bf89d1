// End to end, the career timeline in a seed official's panel: offices as bars on a dated axis, the
// events as ticks, the evidence of each end, and the office's holders one click away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST, openExplorer, startExplorer, type Explorer } from './harness.ts';
import { searchAndStart, snap } from './explore-helpers.ts';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => explorer?.close());

describe('career timeline', () => {
  it("draws a seed official's offices on a time axis, with the holders one click away", async () => {
    const { page, errors } = await openExplorer(explorer, LATEST);
    await searchAndStart(page, '胡勇春');
    const timeline = page.locator('[data-testid=career-timeline]');
    await timeline.waitFor({ timeout: 20_000 });
    const bars = await page.$$eval('[data-testid=career-timeline] .career-bar', (rects) =>
      rects.map((r) => ({ office: r.getAttribute('data-office'), width: Number(r.getAttribute('width')) })),
    );
    expect(bars.map((b) => b.office)).toContain('永康市人民政府');
    expect(bars.every((b) => b.width > 0)).toBe(true);
    expect(await page.locator('[data-testid=career-timeline] .career-tick').count()).toBeGreaterThan(0);
    const axis = await page.locator('[data-testid=career-timeline] .career-year').allTextContents();
    expect(axis.join(' ')).toMatch(/2022-0\d-\d\d/);
    const rows = await page.locator('[data-testid=career] li').allTextContents();
    expect(rows.some((r) => r.includes('永康市人民政府') && r.includes('2022-04-01'))).toBe(true);
    await snap(page, 'career-timeline');

    await page.locator('[data-testid=career-holders]', { hasText: '永康市人民政府' }).first().click();
    await page.waitForFunction(() => window.__cadre!.store.getState().table?.data.state === 'done');
    expect(await page.textContent('[data-testid=table-title]')).toContain('永康市人民政府');
    const holders = await page.$$eval('[data-testid=data-table] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    expect(holders.some((r) => r.includes('胡勇春') && r.includes('2022-04-01'))).toBe(true);
    expect(errors).toEqual([]);
  });
});
