// The tables' named queries (cypher/queries/table-*.cypher, place-official-matrix.cypher) against the
// real Neo4j with the seeds ingested: totals, sorting, paging, the filters, and the matrix's cells,
// each checked against Cypher of its own.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import type { CypherResult } from '../../web/contract.ts';
import { closeApp, seededApp } from '../helpers.ts';

let db: Database;
let app: FastifyInstance;
beforeAll(async () => ({ db, app } = await seededApp()));
afterAll(() => closeApp(app, db));

async function run(name: string, params: Record<string, string>, status = 200) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/queries/${name}/run`,
    payload: { params, limit: 10_000 },
  });
  expect(response.statusCode, response.body).toBe(status);
  const result = response.json() as CypherResult;
  const column = (key: string) => result.rows.map((r) => r[result.columns.indexOf(key)]);
  return { result, column };
}

const scalar = async (query: string, params: Record<string, unknown>) =>
  (await db.driver.executeQuery(query, params, { database: db.database })).records[0]!.get(0) as unknown;

/** The seed person with the most events, by id. */
const busiest = async () =>
  String(
    await scalar(
      'MATCH (p:Person)-[:ATTENDED]->(e:Event) WITH p, count(DISTINCT e) AS n RETURN p.id ORDER BY n DESC, p.id LIMIT 1',
      {},
    ),
  );

/** The office whose people attended the most events, by id. */
const busiestOffice = async () =>
  String(
    await scalar(
      'MATCH (o:Office)<-[:HOLDS]-(:Person)-[:ATTENDED]->(e) WITH o, count(e) AS n RETURN o.id ORDER BY n DESC, o.id LIMIT 1',
      {},
    ),
  );

describe('events tables', () => {
  it("a person's events: each with its role, the others who came, the total; roles filter", async () => {
    const person = await busiest();
    const expected = Number(
      await scalar('MATCH (p:Person {id: $id})-[:ATTENDED]->(e:Event) RETURN count(DISTINCT e)', {
        id: person,
      }),
    );
    expect(expected).toBeGreaterThan(0);
    const all = await run('table-person-events', { person });
    expect(all.result.rows).toHaveLength(expected);
    expect(new Set(all.column('total').map(Number))).toEqual(new Set([expected]));
    expect(all.column('others').every((o) => Array.isArray(o))).toBe(true);
    const role = String(all.column('role')[0]);
    const led = await run('table-person-events', { person, roles: role });
    expect(new Set(led.column('role'))).toEqual(new Set([role]));
    expect((await run('table-person-events', { person, roles: '没有这个角色' })).result.rows).toEqual([]);
  });

  it('sorts by a column either way on the server and pages through the whole in that order', async () => {
    const place = '浙江省';
    const all = await run('table-place-events', { place });
    expect(all.result.rows.length).toBeGreaterThan(2);
    const dates = all.column('date').map(String);
    expect(dates).toEqual([...dates].sort());
    const down = (await run('table-place-events', { place, desc: 'true' })).column('date').map(String);
    expect(down).toEqual([...dates].sort().reverse());
    const titles = (await run('table-place-events', { place, sort: 'title' })).column('title').map(String);
    expect(titles).toEqual([...titles].sort());
    const people = (await run('table-place-events', { place, sort: 'person' })).column('person').map(String);
    expect(people).toEqual([...people].sort());
    // Paging: the pages together are the whole, in order, each with the same total.
    const first = await run('table-place-events', { place, limit: '2' });
    const second = await run('table-place-events', { place, skip: '2', limit: '2' });
    expect(first.result.rows).toHaveLength(2);
    expect(Number(first.column('total')[0])).toBe(all.result.rows.length);
    expect([...first.column('event'), ...second.column('event')]).toEqual(all.column('event').slice(0, 4));
  });

  it('filters by kind and dates narrow the rows and the total alike', async () => {
    const all = await run('table-place-events', { place: '柯城区' });
    const kinds = [...new Set(all.column('kind').map(String))];
    expect(kinds.length).toBeGreaterThan(1);
    const one = await run('table-place-events', { place: '柯城区', kinds: kinds[0]! });
    expect(new Set(one.column('kind'))).toEqual(new Set([kinds[0]]));
    expect(one.result.rows.length).toBe(all.column('kind').filter((k) => k === kinds[0]).length);
    const dated = (await run('table-place-events', { place: '浙江省' })).column('date').map(String);
    const day = dated.find((d) => /^\d{4}-/.test(d))!;
    const ranged = await run('table-place-events', { place: '浙江省', from: day, to: day });
    expect(ranged.result.rows.length).toBeGreaterThan(0);
    expect(ranged.column('date').every((d) => d === day)).toBe(true);
    expect(Number(ranged.column('total')[0])).toBe(dated.filter((d) => d === day).length);
  });

  it("a place's table holds the events below it, each once, with who came and the source", async () => {
    const expected = Number(
      await scalar(
        'MATCH (top:Place {name: $n}) MATCH (:Place)-[:PART_OF*0..5]->(top) WITH DISTINCT top ' +
          'MATCH (e:Event)-[:HELD_IN]->(:Place)-[:PART_OF*0..5]->(top) RETURN count(DISTINCT e)',
        { n: '柯城区' },
      ),
    );
    const { result, column } = await run('table-place-events', { place: '柯城区' });
    expect(result.rows).toHaveLength(expected);
    expect(new Set(column('event')).size).toBe(expected);
    expect(column('place').join()).toContain('石梁镇');
    expect(column('people').every((p) => Array.isArray(p))).toBe(true);
    expect(column('headline').every((h) => typeof h === 'string' && h.length > 0)).toBe(true);
  });

  it("an office's table lists its people's events; an unknown office gives no rows, not an error", async () => {
    const office = await busiestOffice();
    const { result, column } = await run('table-office-events', { office, sort: 'person' });
    expect(result.rows.length).toBeGreaterThan(0);
    const people = column('person').map(String);
    expect(people).toEqual([...people].sort());
    const down = (await run('table-office-events', { office, sort: 'person', desc: 'true' })).column(
      'person',
    );
    expect(down).toEqual([...people].reverse());
    expect((await run('table-office-events', { office: '没有这个机构' })).result.rows).toEqual([]);
    await run('table-person-events', { person: '章旭升', from: 'yesterday' }, 400);
  });
});

describe('place × official matrix', () => {
  it('rows are the places below (visited or not), columns the officials, cells the visits', async () => {
    const { result, column } = await run('place-official-matrix', { place: '柯城区' });
    const places = column('place').map(String);
    expect(places).toContain('石梁镇');
    const below = Number(
      await scalar('MATCH (:Place {name: $n})<-[:PART_OF*1..5]-(pl:Place) RETURN count(DISTINCT pl)', {
        n: '柯城区',
      }),
    );
    expect(result.rows).toHaveLength(below);
    expect(Number(column('total')[0])).toBe(below);
    const officials = column('officials')[0] as { id: string; name: string; visits: number }[];
    expect(officials.length).toBeGreaterThan(0);
    // Most active first.
    const visits = officials.map((o) => Number(o.visits));
    expect(visits).toEqual([...visits].sort((a, b) => b - a));
    // One cell checked against a count of its own: 石梁镇 and everything below it.
    const row = result.rows[places.indexOf('石梁镇')]!;
    const cells = row[result.columns.indexOf('cells')] as { id: string; n: number }[];
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      const n = Number(
        await scalar(
          'MATCH (p:Person {id: $id})-[:ATTENDED]->(e:Event)-[:HELD_IN]->(:Place)-[:PART_OF*0..5]->(:Place {name: $pl}) RETURN count(DISTINCT e)',
          { id: cell.id, pl: '石梁镇' },
        ),
      );
      expect(Number(cell.n), cell.id).toBe(n);
    }
    const capped = await run('place-official-matrix', { place: '柯城区', officials: '1', limit: '2' });
    expect(capped.result.rows).toHaveLength(2);
    expect(capped.column('officials')[0]).toHaveLength(1);
    expect(Number(capped.column('totalOfficials')[0])).toBe(Number(column('totalOfficials')[0]));
    expect(Number(capped.column('total')[0])).toBe(below);
  });
});
