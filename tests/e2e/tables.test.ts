// End to end, the tables: a place's events sorted by a column and either way, downloaded as CSV and
// XLSX that parse back to the rows on screen, narrowed by the event-kind filter; the place × official
// matrix of 柯城区 with 石梁镇 in it.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST, openExplorer, startExplorer, type Explorer } from './harness.ts';
import { searchAndStart, snap } from './explore-helpers.ts';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => explorer?.close());

/** Runs an action that changes the table and waits for its new rows. */
async function tableAfter(page: Page, action: () => Promise<unknown>): Promise<string[][]> {
  // The data on screen before, kept in the page: only a new answer for the current request will do.
  await page.evaluate(() => {
    (window as unknown as { seen: unknown }).seen = window.__cadre!.store.getState().table?.data;
  });
  await action();
  await page.waitForFunction(
    () => {
      const table = window.__cadre!.store.getState().table;
      const seen = (window as unknown as { seen: unknown }).seen;
      return (
        table?.data.state === 'done' &&
        table.data !== seen &&
        table.data.value.request === table.request &&
        document.getElementById('table-drawer')!.dataset.state === 'done'
      );
    },
    undefined,
    { timeout: 20_000 },
  );
  return rowsOnScreen(page);
}

const rowsOnScreen = (page: Page) =>
  page.$$eval('[data-testid=data-table] tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
const headers = (page: Page) =>
  page.$$eval('[data-testid=data-table] thead th', (ths) =>
    ths.map((th) => (th.textContent ?? '').replace(/ [▲▼]$/, '')),
  );

async function download(page: Page, testid: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  const saved = await file.path();
  expect(file.suggestedFilename()).toMatch(testid === 'table-csv' ? /\.csv$/ : /\.xlsx$/);
  return saved;
}

describe('tables', () => {
  it("sorts a place's events, downloads CSV and XLSX that parse back, follows the kind filter", async () => {
    const { page, errors } = await openExplorer(explorer, LATEST);
    await searchAndStart(page, '柯城区');
    const rows = await tableAfter(page, () => page.click('[data-testid=view-table]'));
    expect(rows.length).toBeGreaterThan(1);
    const cols = await headers(page);
    const title = cols.indexOf('标题');
    expect(title).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=table-notice]')).toContain(`${rows.length} / ${rows.length}`);

    const up = await tableAfter(page, () => page.click('[data-testid=data-table] th [data-column=title]'));
    const titles = up.map((r) => r[title]!);
    expect(titles).toEqual([...titles].sort());
    const down = await tableAfter(page, () => page.click('[data-testid=data-table] th [data-column=title]'));
    expect(down.map((r) => r[title])).toEqual([...titles].reverse());
    await snap(page, 'table-place-events');

    const csv = parse(fs.readFileSync(await download(page, 'table-csv'), 'utf8'), {
      bom: true,
    }) as string[][];
    expect(csv[0]).toEqual(cols);
    expect(csv.slice(1).map((r) => r[title])).toEqual(down.map((r) => r[title]));
    expect(csv.slice(1)).toEqual(down);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download(page, 'table-xlsx'));
    const sheet = workbook.worksheets[0]!;
    const values = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1).map((v) => String(v ?? '')));
    expect(values[0]).toEqual(cols);
    expect(values.slice(1)).toEqual(down);

    // The kind filter of the explorer narrows the table (and the canvas) to that kind.
    const kind = down[0]![cols.indexOf('类型')]!;
    const narrowed = await tableAfter(page, () =>
      page.evaluate((k) => window.__cadre!.actions.setEventKinds([k]), kind),
    );
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(down.length);
    expect(new Set(narrowed.map((r) => r[cols.indexOf('类型')]))).toEqual(new Set([kind]));
    expect(await page.textContent('[data-testid=table-drawer], #table-drawer')).toContain(kind);
    expect(errors).toEqual([]);
  });

  it('the place × official matrix of 柯城区 lists 石梁镇 with its visits, sortable', async () => {
    const { page, errors } = await openExplorer(explorer, LATEST);
    await searchAndStart(page, '柯城区');
    const rows = await tableAfter(page, () => page.click('[data-testid=view-matrix]'));
    const cols = await headers(page);
    expect(cols.slice(0, 3)).toEqual(['地点', '级别', '上级']);
    expect(cols.at(-1)).toBe('合计');
    expect(cols.length).toBeGreaterThan(4);
    const shiliang = rows.find((r) => r[0] === '石梁镇');
    expect(shiliang).toBeTruthy();
    expect(Number(shiliang!.at(-1))).toBeGreaterThan(0);
    // Sorted by the total, most visited first; then by place name.
    const totals = rows.map((r) => Number(r.at(-1)));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const byName = await tableAfter(page, () =>
      page.click('[data-testid=data-table] th [data-column=place]'),
    );
    const names = byName.map((r) => r[0]!);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
    await tableAfter(page, () => page.click('[data-testid=data-table] th [data-column=sum]'));
    await snap(page, 'table-matrix');
    expect(errors).toEqual([]);
  });
  it('comes back from a shared link: the table kind, its subject and its order', async () => {
    const { page, errors } = await openExplorer(explorer, LATEST);
    await searchAndStart(page, '柯城区');
    await tableAfter(page, () => page.click('[data-testid=view-table]'));
    await tableAfter(page, () => page.click('[data-testid=data-table] th [data-column=title]'));
    const sorted = await tableAfter(page, () =>
      page.click('[data-testid=data-table] th [data-column=title]'),
    );
    const title = await page.textContent('[data-testid=table-title]');
    const link = page.url();
    expect(new URL(link).searchParams.get('table')).toContain('"title",1');

    const shared = await explorer.browser.newPage({ viewport: { width: 1280, height: 800 } });
    shared.on('pageerror', (error) => errors.push(error.message));
    await shared.goto(link);
    await shared.waitForFunction(
      () =>
        window.__cadre?.store.getState().table?.data.state === 'done' &&
        document.getElementById('table-drawer')!.dataset.state === 'done',
      undefined,
      { timeout: 30_000 },
    );
    expect(await shared.textContent('[data-testid=table-title]')).toBe(title);
    expect(await shared.textContent('[data-testid=data-table] th [data-column=title]')).toMatch(/▼$/);
    expect(await rowsOnScreen(shared)).toEqual(sorted);
    await snap(shared, 'table-from-link');

    // The matrix too, in its order.
    await tableAfter(page, () => page.click('[data-testid=view-matrix]'));
    const byName = await tableAfter(page, () =>
      page.click('[data-testid=data-table] th [data-column=place]'),
    );
    const again = await explorer.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await again.goto(page.url());
    await again.waitForFunction(
      () =>
        window.__cadre?.store.getState().table?.data.state === 'done' &&
        document.getElementById('table-drawer')!.dataset.state === 'done',
      undefined,
      { timeout: 30_000 },
    );
    expect(await rowsOnScreen(again)).toEqual(byName);
    expect(errors).toEqual([]);
  });
});
