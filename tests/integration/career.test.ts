// The career and office-holders named queries against the real Neo4j: the seeds' positions (first and
// last seen from the dated articles, the evidence of each end), and the successor rule on a small
// office written here (one holder at a time: a successor ends the tenure; a post held by several at
// once has none).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import type { CypherResult } from '../../web/contract.ts';
import { closeApp, seededApp } from '../helpers.ts';

let db: Database;
let app: FastifyInstance;
beforeAll(async () => ({ db, app } = await seededApp()));
afterAll(() => closeApp(app, db));

async function run(name: string, params: Record<string, string>) {
  const response = await app.inject({ method: 'POST', url: `/api/queries/${name}/run`, payload: { params } });
  expect(response.statusCode, response.body).toBe(200);
  const result = response.json() as CypherResult;
  const rows = result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i]])));
  return rows as Record<string, unknown>[];
}

const write = (query: string, params: Record<string, unknown> = {}) =>
  db.driver.executeQuery(query, params, { database: db.database });

describe('career', () => {
  it("gives a seed official's offices with first and last seen and the evidence of each end", async () => {
    const rows = await run('career', { person: '胡勇春' });
    const mayor = rows.find((r) => r.office === '永康市人民政府' && r.title === '市长');
    expect(mayor).toBeTruthy();
    expect(mayor!.from).toBe('2022-04-01');
    expect(mayor!.to).toBe('2022-04-01');
    expect(mayor!.toBasis).toBe('last seen');
    const evidence = (mayor!.fromEvidence as { properties: Record<string, unknown> }).properties;
    expect(String(evidence.sentence)).toContain('胡勇春');
    expect(typeof evidence.articleId).toBe('string');
    expect(rows[0]!.events).toContain('2022-04-01');
    // By name or by id alike; nobody: no rows.
    expect(await run('career', { person: '胡勇春@金华市' })).toHaveLength(rows.length);
    expect(await run('career', { person: '没有这个人' })).toEqual([]);
  });

  it('ends a tenure at the successor and orders holders by date; several at once have no successor', async () => {
    await write(
      `MERGE (o:Office {id: '测试局'}) SET o.name = '测试局'
       WITH o UNWIND $holds AS h
       MERGE (p:Person {id: h.person}) SET p.name = split(h.person, '@')[0], p.official = true
       CREATE (p)-[:HOLDS {title: h.title, position: '测试局' + h.title, asOf: h.date, sentence: h.person + h.title, articleId: 'test#0', start: 0, end: 1}]->(o)`,
      {
        holds: [
          { person: '甲@测试', title: '局长', date: '2021-01-05' },
          { person: '甲@测试', title: '局长', date: '2021-06-01' },
          { person: '乙@测试', title: '局长', date: '2021-09-01' },
          { person: '乙@测试', title: '局长', date: '2022-02-01' },
          { person: '甲@测试', title: '副局长', date: '2020-03-01' },
          { person: '甲@测试', title: '副局长', date: '2020-05-01' },
          { person: '丙@测试', title: '副局长', date: '2020-04-01' },
          { person: '丁@测试', title: '副局长', date: '2021-03-01' },
        ],
      },
    );
    try {
      const jia = await run('career', { person: '甲@测试' });
      const chief = jia.find((r) => r.title === '局长')!;
      expect(chief.from).toBe('2021-01-05');
      expect(chief.to).toBe('2021-09-01');
      expect(chief.toBasis).toBe('successor');
      expect((chief.successor as { name: string }).name).toBe('乙');
      expect(chief.sightings).toBe(2);
      // 副局长 was held by 丙 at the same time: no successor, the tenure ends when last seen.
      const deputy = jia.find((r) => r.title === '副局长')!;
      expect(deputy.toBasis).toBe('last seen');
      expect(deputy.to).toBe('2020-05-01');
      // The career is ordered by its start.
      expect(jia.map((r) => r.title)).toEqual(['副局长', '局长']);

      const holders = await run('office-holders', { office: '测试局' });
      const chiefs = holders
        .filter((r) => r.title === '局长')
        .map((r) => [r.person, r.firstSeen, r.lastSeen]);
      expect(chiefs).toEqual([
        ['甲', '2021-01-05', '2021-06-01'],
        ['乙', '2021-09-01', '2022-02-01'],
      ]);
      expect(holders.filter((r) => r.title === '副局长').map((r) => r.person)).toEqual(['甲', '丙', '丁']);
    } finally {
      await write(`MATCH (p:Person) WHERE p.id ENDS WITH '@测试' DETACH DELETE p`);
      await write(`MATCH (o:Office {id: '测试局'}) DETACH DELETE o`);
    }
  });

  it("lists a seed office's holders by title and first sighting", async () => {
    const rows = await run('office-holders', { office: '永康市委' });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.person === '胡勇春')).toBe(true);
    const keys = rows.map((r) => `${r.title}\u0000${r.firstSeen ?? '9999'}`);
    expect(keys).toEqual([...keys].sort());
    expect(rows.every((r) => Number(r.sightings) >= 1)).toBe(true);
  });
});
