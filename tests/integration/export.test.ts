// `npm run export` against the real Neo4j: every format opens again, the Cypher script rebuilds the same
// graph in an empty database, and a write is refused without changing anything.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { splitStatements } from '../../ingest/load/schema.ts';
import { canonicalDump, clearDatabase, graphCounts, testDatabase } from '../helpers.ts';

let db: Database;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-export-'));

function runExport(...args: string[]) {
  return spawnSync('npx', ['tsx', 'scripts/export.ts', ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser'),
      NEO4J_PASSWORD: inject('neo4jPassword'),
    },
  });
}

beforeAll(async () => {
  db = testDatabase();
  await clearDatabase(db);
  await ingestPaths(db, [path.resolve('seeds')]);
});
afterAll(async () => {
  await db.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe('npm run export', () => {
  const query = ['--query', 'person-events', '--param', 'name=徐旭'];
  // 徐旭, his one event and its three places (航埠镇, 严村村, and 柯城区 as the destination of 来柯城)

  it('writes GEXF and GraphML that graphology parses back with the same nodes and edges', () => {
    for (const format of ['gexf', 'graphml'] as const) {
      const file = path.join(out, `xu.${format}`);
      const result = runExport(...query, '--format', format, '--out', file);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/exported 5 nodes and 4 relationships/);
      const text = fs.readFileSync(file, 'utf8');
      const graph = format === 'gexf' ? parseGexf(Graph, text) : parseGraphml(Graph, text);
      expect([graph.order, graph.size]).toEqual([5, 4]);
      const labels = graph.mapNodes((_n, a) => a.label as string);
      expect(labels).toEqual(expect.arrayContaining(['徐旭', '航埠镇']));
    }
  });

  it('writes graphology JSON and CSV tables', () => {
    const json = path.join(out, 'xu.json');
    expect(runExport(...query, '--format', 'json', '--out', json).status).toBe(0);
    const graph = Graph.from(JSON.parse(fs.readFileSync(json, 'utf8')));
    expect([graph.order, graph.size]).toEqual([5, 4]);

    expect(runExport(...query, '--format', 'csv', '--out', path.join(out, 'xu.csv')).status).toBe(0);
    const nodes = fs.readFileSync(path.join(out, 'xu.nodes.csv'), 'utf8').trim().split('\n');
    const edges = fs.readFileSync(path.join(out, 'xu.edges.csv'), 'utf8').trim().split('\n');
    expect(nodes).toHaveLength(6);
    expect(edges).toHaveLength(5);
    expect(edges[0]).toMatch(/^_id,_type,_source,_target,/);
    expect(edges.some((line) => line.includes('ATTENDED') && line.includes('走访慰问'))).toBe(true);
  });

  it('writes a Cypher script that rebuilds the same graph in an empty database', async () => {
    const script = path.join(out, 'all.cypher');
    const everything =
      'MATCH (n) WHERE NOT n:Document AND NOT n:Ledger OPTIONAL MATCH (n)-[r]->() RETURN n, r';
    const result = runExport('--query', everything, '--format', 'cypher', '--out', script);
    expect(result.status, result.stderr).toBe(0);
    const before = await canonicalDump(db);

    await clearDatabase(db);
    for (const statement of splitStatements(fs.readFileSync(script, 'utf8'))) {
      await db.driver.executeQuery(statement, {}, { database: db.database });
    }
    const after = await canonicalDump(db);
    // Exports carry each relationship's evidence resolved (articleId, sentence, and a HELD_IN's offsets,
    // which are its event's), as the API shows it; the database keeps offsets into the article text,
    // once. Apart from that, the same graph.
    const resolvedOnly = (lines: string[]) =>
      lines.map((line) => {
        const m = /^(\[\S+ .+ -> .+? )(\{.*\})\]$/.exec(line);
        if (!m) return line;
        const { articleId: _a, sentence: _s, ...rest } = JSON.parse(m[2]!) as Record<string, unknown>;
        if (line.startsWith('[HELD_IN ')) {
          delete rest.start;
          delete rest.end;
        }
        return `${m[1]}${JSON.stringify(rest)}]`;
      });
    expect(resolvedOnly(after)).toEqual(
      resolvedOnly(before.filter((line) => !/^\((Document|Ledger) /.test(line))),
    );
    const evidence = after.filter((line) =>
      /^\[(ATTENDED|HELD_IN|HOLDS|MENTIONED_IN|REPORTED_IN) /.test(line),
    );
    expect(evidence.length).toBeGreaterThan(50);
    for (const line of evidence) expect(line).toMatch(/"articleId":"[^"]+".*"sentence":"[^"]+"/);
  });

  it('refuses a write and changes nothing', async () => {
    const before = await graphCounts(db);
    const result = runExport(
      '--query',
      "CREATE (:Person {name: '入侵'}) RETURN 1",
      '--format',
      'json',
      '--out',
      path.join(out, 'w.json'),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/read access mode/i);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('explains its usage on bad arguments', () => {
    const result = runExport('--query', 'overview', '--format', 'pdf', '--out', path.join(out, 'x.pdf'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run export');
  });
});
