// End to end: the Cypher panel (web/src/cypher) in the built app over the seeds in the real Neo4j.
// The shell opens it with its toolbar button ([data-testid=cypher-toggle]) into #cypher; everything
// else here is the panel's own DOM (#cypher-editor, #cypher-run, #cypher-table, #cypher-error, ...).
import fs from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts } from '../helpers.ts';
import { openExplorer, screenshots, startExplorer, type Explorer } from './harness.ts';

let explorer: Explorer;
beforeAll(async () => {
  explorer = await startExplorer();
});
afterAll(async () => explorer?.close());

async function openPanel(page: Page): Promise<void> {
  if (!(await page.locator('#cypher-panel').isVisible())) await page.click('[data-testid="cypher-toggle"]');
  await page.locator('#cypher-editor[data-ready="true"] .cm-content').waitFor({ timeout: 15_000 });
}

/** Replaces the editor's text as a paste would (no bracket closing, no completion accepted). */
async function setQuery(page: Page, query: string): Promise<void> {
  await page.click('#cypher-editor .cm-content');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(query);
  await page.keyboard.press('Escape'); // close an autocompletion popup, if any
  expect(await page.locator('#cypher-editor .cm-content').innerText()).toBe(query);
}

/** Runs what is in the editor and waits until the panel has an answer and the canvas has settled. */
async function run(page: Page, how: 'button' | 'keys' = 'button'): Promise<void> {
  if (how === 'keys') {
    await page.click('#cypher-editor .cm-content');
    await page.keyboard.press('ControlOrMeta+Enter');
  } else await page.click('#cypher-run');
  await page.waitForFunction(
    () =>
      !document.querySelector('#cypher-panel')?.hasAttribute('data-busy') &&
      (!document.querySelector<HTMLElement>('#cypher-result')!.hidden ||
        !document.querySelector<HTMLElement>('#cypher-error')!.hidden),
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForFunction(() => window.__cadre?.ready === true, undefined, { timeout: 30_000 });
}

const canvasCaptions = (page: Page) =>
  page.evaluate(() => window.__cadre!.graph.mapNodes((_n, a) => a.caption));

describe('the Cypher panel', () => {
  it('runs a query: the graph replaces the canvas, the table and JSON show the rows, history keeps it', async () => {
    const { page, errors } = await openExplorer(explorer);
    await openPanel(page);
    const query = "MATCH (p:Person {name: '章旭升'})-[a:ATTENDED]->(e:Event)\nRETURN p.name AS name, p, a, e";
    await setQuery(page, query);
    await run(page, 'keys');

    expect(await page.locator('#cypher-error').isHidden()).toBe(true);
    const rows = page.locator('#cypher-table tbody tr');
    const expected = await explorer.db.driver.executeQuery(
      "MATCH (p:Person {name: '章旭升'})-[:ATTENDED]->(e:Event) RETURN 'Person:' + p.id AS p, 'Event:' + e.id AS e",
    );
    expect(expected.records.length).toBeGreaterThan(0);
    expect(await rows.count()).toBe(expected.records.length);
    expect(await page.locator('#cypher-table thead th').allTextContents()).toEqual(['name', 'p', 'a', 'e']);
    expect(await rows.first().locator('td').first().textContent()).toBe('章旭升');
    expect(await rows.first().locator('td').nth(1).textContent()).toMatch(/^\(:Person \{.*name: "章旭升"/);
    expect(await page.locator('#cypher-summary').textContent()).toMatch(/\d+/);

    // Replace (the default): the canvas holds exactly the person and the events.
    const ids = new Set(expected.records.flatMap((r) => [r.get('p') as string, r.get('e') as string]));
    const onCanvas = await page.evaluate(() => window.__cadre!.graph.nodes());
    expect(new Set(onCanvas)).toEqual(ids);
    expect(await canvasCaptions(page)).toContain('章旭升');

    await page.click('#cypher-tab-json');
    expect(await page.locator('#cypher-table').isHidden()).toBe(true);
    const json = JSON.parse((await page.locator('#cypher-json').textContent())!) as Record<string, unknown>[];
    expect(json).toHaveLength(expected.records.length);
    expect(json[0]).toMatchObject({ name: '章旭升', p: { labels: ['Person'] }, a: { type: 'ATTENDED' } });
    await page.screenshot({ path: path.join(screenshots, 'cypher-result.png') });

    // History survives a reload and puts the query back into the editor.
    await page.click('#cypher-history-section summary');
    expect(
      await page.locator('#cypher-history .cypher-history-item').first().getAttribute('title'),
    ).toContain(query);
    await page.reload();
    await page.waitForFunction(() => window.__cadre?.ready === true);
    await openPanel(page);
    await setQuery(page, 'RETURN 1');
    await page.click('#cypher-history-section summary');
    await page.locator('#cypher-history .cypher-history-item').first().click();
    expect(await page.locator('#cypher-editor .cm-content').innerText()).toBe(query);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says "N of M rows" when the row limit cuts a result', async () => {
    const { page, errors } = await openExplorer(explorer);
    await openPanel(page);
    await page.fill('#cypher-limit', '50');
    await setQuery(page, 'UNWIND range(1, 1234) AS i RETURN i');
    await run(page);
    expect(await page.locator('#cypher-table tbody tr').count()).toBe(50);
    const cut = page.locator('#cypher-truncated');
    expect(await cut.isVisible()).toBe(true);
    expect(await cut.textContent()).toMatch(/50 (of|\/) 1,234/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a write with the server message, and the database is unchanged', async () => {
    const { page, errors } = await openExplorer(explorer);
    await openPanel(page);
    const before = await graphCounts(explorer.db);
    const write = "CREATE (:Person {name: '入侵'}) RETURN 1";
    await setQuery(page, write);
    await run(page);

    const error = page.locator('#cypher-error');
    expect(await error.isVisible()).toBe(true);
    expect(await error.getAttribute('data-kind')).toBe('refused');
    expect(await error.locator('.cypher-error-title').textContent()).toMatch(/只读|reads/);
    // Verbatim: exactly what the server said.
    const said = await page.evaluate(async (query) => {
      const response = await fetch('/api/cypher', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: (await response.json()) as { error: string } };
    }, write);
    expect(said.status).toBe(400);
    expect(await error.locator('.cypher-error-message').textContent()).toBe(said.body.error);
    expect(await page.locator('#cypher-result').isHidden()).toBe(true);
    expect(await graphCounts(explorer.db)).toEqual(before);
    await page.screenshot({ path: path.join(screenshots, 'cypher-refused.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a syntax error with its code and position and marks it in the editor', async () => {
    const { page, errors } = await openExplorer(explorer);
    await openPanel(page);
    await setQuery(page, 'MATCH (p:Person)\nRETRUN p.name');
    await run(page);

    const error = page.locator('#cypher-error');
    expect(await error.getAttribute('data-kind')).toBe('syntax');
    expect(await error.locator('.cypher-error-code').textContent()).toBe(
      'Neo.ClientError.Statement.SyntaxError',
    );
    expect(await error.locator('.cypher-error-message').textContent()).toContain('RETRUN');
    const position = error.locator('.cypher-error-position');
    expect(await position.getAttribute('data-line')).toBe('2');
    expect(await position.getAttribute('data-column')).toBe('1');
    expect(await page.locator('#cypher-editor .cypher-error-mark').textContent()).toBe('RETRUN');
    await page.screenshot({ path: path.join(screenshots, 'cypher-syntax-error.png') });

    // Editing the query removes the mark.
    await page.click('#cypher-editor .cm-content');
    await page.keyboard.press('End');
    await page.keyboard.type(' ');
    expect(await page.locator('#cypher-editor .cypher-error-mark').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a named query from its form and merges the result into the canvas; exports the result', async () => {
    const { page, errors } = await openExplorer(explorer);
    await openPanel(page);
    const before = await page.evaluate(() => window.__cadre!.graph.order);
    await page.locator('#cypher-named option[value="person-events"]').waitFor({ state: 'attached' });
    await page.selectOption('#cypher-named', 'person-events');
    expect(await page.inputValue('#cypher-param-name')).toBe('章旭升');
    await page.fill('#cypher-param-name', '徐旭');
    await page.check('#cypher-target-merge');
    await page.click('#cypher-named-run');
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('#cypher-result')!.hidden);
    await page.waitForFunction(() => window.__cadre?.ready === true);

    expect(await page.locator('#cypher-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#cypher-table').textContent()).toContain('徐旭');
    const after = await page.evaluate(() => window.__cadre!.graph.order);
    expect(after).toBeGreaterThanOrEqual(before);
    expect(await canvasCaptions(page)).toContain('徐旭');

    const download = page.waitForEvent('download');
    await page.selectOption('#cypher-result-export', 'gexf');
    const file = await (await download).path();
    const graph = parseGexf(Graph, fs.readFileSync(file, 'utf8'));
    expect([graph.order, graph.size]).toEqual([5, 4]); // as `npm run export` gives for this query
    expect(errors).toEqual([]);
    await page.close();
  });
});
