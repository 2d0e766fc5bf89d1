// The graph model on the seeds, through the named queries the app and the export CLI run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Node } from 'neo4j-driver';
import type { Database } from '../../db/driver.ts';
import { bindParams, loadNamedQueries } from '../../db/named-queries.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { seededDatabase, withEvidence } from '../helpers.ts';

let db: Database;
const queries = loadNamedQueries();

async function named(name: string, values: Record<string, string> = {}) {
  const query = queries.get(name)!;
  const { records } = await db.driver.executeQuery(query.cypher, bindParams(query, values), {
    database: db.database,
    routing: 'READ',
  });
  return records;
}

beforeAll(async () => {
  db = await seededDatabase();
});
afterAll(async () => db.close());

describe('named queries on the seeds', () => {
  it('who attended what where: 徐旭 on 01-12 in 航埠镇', async () => {
    const rows = await named('person-events', { name: '徐旭' });
    const visit = rows.find((r) => String(r.get('date')).endsWith('01-12'));
    expect(visit).toBeDefined();
    const places = (visit!.get('places') as { end: Node }[]).map((p) => p.end.properties.name);
    expect(places).toContain('航埠镇');
  });

  it('everything in a place and below it: 柯城区 includes the event in 航埠镇', async () => {
    const rows = await named('place-events', { place: '柯城区' });
    const held = rows.map((r) => (r.get('pl') as Node).properties.name);
    expect(held).toContain('航埠镇');
  });

  it('people who met: 胡勇春 shared the 04-01 meeting with the city leaders', async () => {
    const rows = await named('co-attendance', { name: '胡勇春' });
    const met = Object.fromEntries(rows.map((r) => [r.get('person'), Number(r.get('meetings'))]));
    expect(met['郑云涛']).toBe(1);
  });

  it("an official's positions: 胡勇春 is 市委副书记 of 永康市委 and 市长", async () => {
    const rows = await named('positions-over-time', { name: '胡勇春' });
    const held = rows.map((r) => `${r.get('position')}@${r.get('office')}`);
    expect(held).toEqual(expect.arrayContaining(['市委副书记@永康市委', '市长@永康市人民政府']));
    for (const row of rows) expect(row.get('evidence')).toContain('胡勇春');
  });

  it('the shortest connection between two people is a path that ends at both', async () => {
    const rows = await named('shortest-connection', { from: '章旭升', to: '胡勇春' });
    expect(rows).toHaveLength(1);
    const names = rows[0]!.get('path') as { start: Node; end: Node };
    expect([names.start.properties.name, names.end.properties.name]).toEqual(['章旭升', '胡勇春']);
  });

  it('busiest officials and places in a date range', async () => {
    const officials = await named('busiest-officials', { from: '2022-04-01', to: '2022-04-01' });
    expect(officials.map((r) => r.get('person'))).toEqual(expect.arrayContaining(['章旭升', '胡勇春']));
    const none = await named('busiest-officials', { from: '1990-01-01', to: '1990-12-31' });
    expect(none).toHaveLength(0);
    const places = await named('busiest-places', {});
    expect(places.length).toBeGreaterThan(0);
  });

  it('full-text search finds people by name and offices by their abbreviation', async () => {
    const person = await named('search', { q: '徐旭' });
    expect(person.map((r) => r.get('name'))).toContain('徐旭');
    const office = await named('search', { q: '经信厅' });
    expect(office.map((r) => r.get('name'))).toContain('浙江省经济和信息化厅');
  });
});

describe('structure', () => {
  it('石梁镇 is PART_OF 柯城区, and the chain reaches the province', async () => {
    const { records } = await db.driver.executeQuery(
      `MATCH path = (:Place {name: '石梁镇'})-[:PART_OF*]->(top:Place {level: 'province'})
       RETURN [n IN nodes(path) | n.name] AS chain`,
      {},
      { database: db.database, routing: 'READ' },
    );
    expect(records[0]?.get('chain')).toEqual(['石梁镇', '柯城区', '衢州市', '浙江省']);
  });

  it('an office governs its jurisdiction: 永康市委 → 永康市', async () => {
    const { records } = await db.driver.executeQuery(
      "MATCH (:Person {name: '章旭升'})-[:HOLDS]->(o:Office)-[:GOVERNS]->(p:Place) RETURN o.name AS office, p.name AS place",
      {},
      { database: db.database, routing: 'READ' },
    );
    expect(records.map((r) => `${r.get('office')}→${r.get('place')}`)).toContain('永康市委→永康市');
  });

  it('every relationship read from text carries its evidence', async () => {
    const rows = await withEvidence(
      db,
      'MATCH ()-[r:ATTENDED|HELD_IN|HOLDS|MENTIONED_IN|REPORTED_IN]->() RETURN r, type(r) AS type',
    );
    expect([...new Set(rows.map((row) => row.type))].sort()).toEqual([
      'ATTENDED',
      'HELD_IN',
      'HOLDS',
      'MENTIONED_IN',
      'REPORTED_IN',
    ]);
    const missing = rows.filter(
      (row) => !row.r.articleId || !row.r.sentence || row.r.start == null || row.r.end == null,
    );
    expect(missing.map((row) => row.type)).toEqual([]);
  });
});

describe('entity resolution across jurisdictions', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-same-'));
    const page = (paper: string, county: string, town: string) =>
      `${paper}\n\n# 县委书记王建国到${town}调研\n\n本报讯 3月2日上午,县委书记王建国到${town}调研农业生产工作。\n`;
    for (const [name, paper, county, town, city, province] of [
      ['a.txt', '宁都报', '宁都县', '青塘镇', '赣州市', '江西省'],
      ['b.txt', '正定报', '正定县', '新城铺镇', '石家庄市', '河北省'],
    ]) {
      const sub = path.join(dir, name!.replace('.txt', ''));
      fs.mkdirSync(sub);
      fs.writeFileSync(path.join(sub, name!), page(paper!, county!, town!));
      fs.writeFileSync(
        path.join(sub, 'manifest.json'),
        JSON.stringify({ paper, home: { province, city, county } }),
      );
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps one name in two jurisdictions as two people, linked POSSIBLY_SAME', async () => {
    const summary = await ingestPaths(db, [dir]);
    expect(summary.failed).toEqual([]);
    const { records } = await db.driver.executeQuery(
      `MATCH (p:Person {name: '王建国'}) OPTIONAL MATCH (p)-[s:POSSIBLY_SAME]-(:Person)
       RETURN p.id AS id, count(s) AS links ORDER BY id`,
      {},
      { database: db.database, routing: 'READ' },
    );
    expect(records.map((r) => [r.get('id'), Number(r.get('links'))])).toEqual([
      ['王建国@石家庄市', 1],
      ['王建国@赣州市', 1],
    ]);
  });

  it('lets a view ask for one of the namesakes by id', async () => {
    const byName = await named('person-events', { name: '王建国' });
    const byId = await named('person-events', { name: '王建国@赣州市' });
    expect(byName).toHaveLength(2);
    expect(byId).toHaveLength(1);
    expect((byId[0]!.get('p') as Node).properties.id).toBe('王建国@赣州市');
  });
});
