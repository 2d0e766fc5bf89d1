// End to end: exporting the view (web/src/export) from the shell's export menu ([data-testid=export]).
// Every format downloads and opens again: PNG and SVG as images of the graph, GEXF and GraphML through
// graphology's parsers (what Gephi reads), JSON through Graph.from, CSV as tables, and the Cypher
// script rebuilds the same nodes and relationships in Neo4j (run last: it empties the database).
import fs from 'node:fs';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitStatements } from '../../ingest/load/schema.ts';
import { clearDatabase, graphCounts } from '../helpers.ts';
import { LATEST, openExplorer, startExplorer, type Explorer } from './harness.ts';

let explorer: Explorer;
let page: Page;
let errors: string[];
beforeAll(async () => {
  explorer = await startExplorer();
  ({ page, errors } = await openExplorer(explorer, LATEST));
});
afterAll(async () => {
  await page?.close();
  await explorer?.close();
});

/** Picks a format in the export menu and returns the downloaded files' names and contents. */
async function exportAs(format: string, files = 1): Promise<{ name: string; data: Buffer }[]> {
  const downloads: Promise<import('playwright-core').Download>[] = [];
  const collected = new Promise<void>((resolve) => {
    page.on('download', function listener(download) {
      downloads.push(Promise.resolve(download));
      if (downloads.length === files) {
        page.off('download', listener);
        resolve();
      }
    });
  });
  await page.selectOption('[data-testid="export"]', format);
  await collected;
  return Promise.all(
    downloads.map(async (pending) => {
      const download = await pending;
      return { name: download.suggestedFilename(), data: fs.readFileSync(await download.path()) };
    }),
  );
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (char !== '\r') field += char;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

const canvas = () =>
  page.evaluate(() => {
    const { graph, sigma } = window.__cadre!;
    const visible = graph.filterNodes((node) => !sigma.getNodeDisplayData(node)?.hidden).length;
    return { order: graph.order, size: graph.size, visible };
  });

describe('exporting the view', () => {
  it('PNG: an image of the canvas', async () => {
    const [png] = await exportAs('png');
    expect(png!.name).toMatch(/\.png$/);
    expect(png!.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png!.data.readUInt32BE(16);
    const height = png!.data.readUInt32BE(20);
    expect(width).toBeGreaterThan(100);
    expect(height).toBeGreaterThan(100);
    expect(png!.data.length).toBeGreaterThan(5000);
  });

  it('SVG: one circle per visible node, with the captions', async () => {
    const { visible } = await canvas();
    const [svg] = await exportAs('svg');
    const text = svg!.data.toString('utf8');
    expect(svg!.name).toMatch(/\.svg$/);
    expect(text).toMatch(/^<\?xml[^>]*>\s*<svg /);
    expect(text.match(/<circle /g)).toHaveLength(visible);
    const captions = await page.evaluate(() => window.__cadre!.graph.mapNodes((_n, a) => a.label as string));
    // The labels as sigma shows them: the caption, which the shell's reducers may extend (a degree, say).
    expect(captions.some((caption) => text.includes(`>${caption}`))).toBe(true);
  });

  it('GEXF and GraphML: graphology (and so Gephi) reads back every node and edge', async () => {
    const { order, size } = await canvas();
    const [gexf] = await exportAs('gexf');
    const [graphml] = await exportAs('graphml');
    expect(gexf!.name).toMatch(/\.gexf$/);
    expect(graphml!.name).toMatch(/\.graphml$/);
    for (const graph of [
      parseGexf(Graph, gexf!.data.toString('utf8')),
      parseGraphml(Graph, graphml!.data.toString('utf8')),
    ]) {
      expect([graph.order, graph.size]).toEqual([order, size]);
      expect(graph.mapNodes((_n, a) => a.label)).toContain('章旭升');
    }
  });

  it('JSON: Graph.from loads it', async () => {
    const { order, size } = await canvas();
    const [json] = await exportAs('json');
    const graph = Graph.from(JSON.parse(json!.data.toString('utf8')));
    expect([graph.order, graph.size]).toEqual([order, size]);
  });

  it('CSV: a nodes table and an edges table', async () => {
    const { order, size } = await canvas();
    const files = await exportAs('csv', 2);
    const byName = Object.fromEntries(
      files.map((f) => [f.name.replace(/^.*\.(nodes|edges)\.csv$/, '$1'), f]),
    );
    const nodes = parseCsv(byName.nodes!.data.toString('utf8').replace(/^\ufeff/, ''));
    const edges = parseCsv(byName.edges!.data.toString('utf8').replace(/^\ufeff/, ''));
    expect(nodes[0]!.slice(0, 2)).toEqual(['_id', '_labels']);
    expect(edges[0]!.slice(0, 4)).toEqual(['_id', '_type', '_source', '_target']);
    expect(nodes).toHaveLength(order + 1);
    expect(edges).toHaveLength(size + 1);
    expect(nodes.every((row) => row.length === nodes[0]!.length)).toBe(true);
    expect(edges.some((row) => row[1] === 'ATTENDED')).toBe(true);
  });

  it('Cypher: the script loads back into Neo4j with the same labels and relationship types', async () => {
    const expected = await page.evaluate(() => {
      const counts: Record<string, number> = {};
      const add = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
      const { graph } = window.__cadre!;
      graph.forEachNode((_n, a) => (a.labels as string[]).forEach(add));
      graph.forEachEdge((_e, a) => add(a.relType as string));
      return counts;
    });
    const [script] = await exportAs('cypher');
    expect(script!.name).toMatch(/\.cypher$/);
    await clearDatabase(explorer.db);
    for (const statement of splitStatements(script!.data.toString('utf8'))) {
      await explorer.db.driver.executeQuery(statement, {}, { database: explorer.db.database });
    }
    expect(await graphCounts(explorer.db)).toEqual(expected);
    expect(errors).toEqual([]);
  });
});
