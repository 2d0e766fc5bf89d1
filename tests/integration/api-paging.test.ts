// Every list is paged with a total, a cut result says "N of M", and the filters ask only about the
// nodes on screen: the named queries overview, person-place-events, place-members and office-members,
// and the Cypher endpoint's row count, against the real Neo4j with the seeds ingested. Also the
// liveness probe: a busy Neo4j (answers keep coming) is alive, a refused one is not.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/driver.ts';
import type { CypherNodeValue, CypherResult } from '../../web/contract.ts';
import { prober } from '../../web/server/database.ts';
import { closeApp, seededApp } from '../helpers.ts';

let db: Database;
let app: FastifyInstance;
beforeAll(async () => ({ db, app } = await seededApp()));
afterAll(() => closeApp(app, db));

async function run(name: string, params: Record<string, string>, limit?: number): Promise<CypherResult> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/queries/${name}/run`,
    payload: { params, ...(limit ? { limit } : {}) },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as CypherResult;
}

const column = (result: CypherResult, name: string) =>
  result.rows.map((r) => r[result.columns.indexOf(name)]);
const ids = (result: CypherResult, name: string) =>
  column(result, name).map((v) => (v as CypherNodeValue).properties.id as string);

async function scalar<T>(query: string, params: Record<string, unknown> = {}): Promise<T> {
  const { records } = await db.driver.executeQuery(query, params, { routing: 'READ' });
  return records[0]!.get(0) as T;
}

describe('overview (named query): pages with a total', () => {
  it('pages through every event once, newest first, and says how many there are', async () => {
    const events = await scalar<number>('MATCH (e:Event) RETURN count(e)');
    const first = await run('overview', { skip: '0', limit: '5' });
    expect(first.total).toBe(events);
    expect(first.rows).toHaveLength(5);
    const dates = column(first, 'e').map((e) => (e as CypherNodeValue).properties.date as string);
    expect([...dates].sort().reverse()).toEqual(dates);
    const seen: string[] = [];
    for (let skip = 0; skip < events; skip += 40)
      seen.push(...ids(await run('overview', { skip: String(skip), limit: '40' }), 'e'));
    expect(seen).toHaveLength(events);
    expect(new Set(seen).size).toBe(events);
    const past = await run('overview', { skip: String(events), limit: '5' });
    expect(past.rows).toHaveLength(0);
  });
});

describe('person-place-events: skip and limit by event, with the total', () => {
  it('gives consecutive pages of distinct events that add up to the total', async () => {
    const { person, place } = (
      await db.driver.executeQuery(
        `MATCH (p:Person)-[:ATTENDED]->(e:Event)-[:HELD_IN]->(:Place)-[:PART_OF*0..5]->(top:Place {level: 'county'})
         WITH p, top, count(DISTINCT e) AS n ORDER BY n DESC, p.id, top.id LIMIT 1
         RETURN p.id AS person, top.id AS place`,
      )
    ).records[0]!.toObject() as { person: string; place: string };
    const whole = await run('person-place-events', { person, place, limit: '1000' });
    const total = Number(whole.total);
    expect(total).toBeGreaterThan(1);
    expect(new Set(ids(whole, 'e')).size).toBe(total);
    const pages: string[] = [];
    for (let skip = 0; skip < total; skip += 1) {
      const page = await run('person-place-events', { person, place, skip: String(skip), limit: '1' });
      expect(page.total).toBe(total);
      const events = [...new Set(ids(page, 'e'))];
      expect(events).toHaveLength(1);
      pages.push(...events);
    }
    expect(pages).toEqual([...new Set(ids(whole, 'e'))]);
  });
});

describe('place-members and office-members: only the nodes asked about', () => {
  it('answers which of the given places and events lie in a place, and nothing else', async () => {
    const place = await scalar<string>(
      "MATCH (p:Place {level: 'county'})<-[:PART_OF*0..5]-(:Place)<-[:HELD_IN]-(e:Event) RETURN p.id ORDER BY p.id LIMIT 1",
    );
    const inside = await scalar<string[]>(
      'MATCH (:Place {id: $place})<-[:PART_OF*0..5]-(:Place)<-[:HELD_IN]-(e:Event) RETURN collect(DISTINCT e.id)[..3]',
      { place },
    );
    const outside = await scalar<string[]>(
      `MATCH (e:Event) WHERE NOT EXISTS { (e)-[:HELD_IN]->(:Place)-[:PART_OF*0..5]->(:Place {id: $place}) }
       RETURN collect(e.id)[..3]`,
      { place },
    );
    const below = await scalar<string>(
      'MATCH (pl:Place)-[:PART_OF]->(:Place {id: $place}) RETURN pl.id ORDER BY pl.id LIMIT 1',
      { place },
    );
    const asked = [
      ...inside.map((id) => `Event:${id}`),
      ...outside.map((id) => `Event:${id}`),
      `Place:${below}`,
      'Place:no-such-place',
    ];
    const result = await run('place-members', { place, ids: asked.join(',') }, 1);
    expect(result.rows).toHaveLength(1);
    const members = new Set(result.graph.nodes.map((n) => n.id));
    expect(members).toEqual(
      new Set([`Place:${place}`, `Place:${below}`, ...inside.map((id) => `Event:${id}`)]),
    );
    // However many events the place holds, the answer is about what was asked.
    const none = await run('place-members', { place, ids: '' }, 1);
    expect(none.graph.nodes.map((n) => n.id)).toEqual([`Place:${place}`]);
  });

  it('answers which of the given people hold a position in an office', async () => {
    const { office, holder } = (
      await db.driver.executeQuery(
        'MATCH (p:Person)-[:HOLDS]->(o:Office) RETURN o.id AS office, p.id AS holder ORDER BY o.id, p.id LIMIT 1',
      )
    ).records[0]!.toObject() as { office: string; holder: string };
    const stranger = await scalar<string>(
      'MATCH (p:Person) WHERE NOT EXISTS { (p)-[:HOLDS]->(:Office {id: $office}) } RETURN p.id ORDER BY p.id LIMIT 1',
      { office },
    );
    const result = await run('office-members', { office, ids: `Person:${holder},Person:${stranger}` }, 1);
    const people = result.graph.nodes.filter((n) => n.labels.includes('Person')).map((n) => n.id);
    expect(people).toEqual([`Person:${holder}`]);
  });
});

describe('POST /api/cypher: a cut result says how many rows there were', () => {
  it('counts the rows past the limit, exactly when it can', async () => {
    const cut = await app.inject({
      method: 'POST',
      url: '/api/cypher',
      payload: { query: 'UNWIND range(1, 2345) AS i RETURN i', limit: 100 },
    });
    const result = cut.json() as CypherResult;
    expect(result).toMatchObject({ truncated: true, rowTotal: 2345, rowTotalExact: true });
    expect(result.rows).toHaveLength(100);
    const whole = (
      await app.inject({ method: 'POST', url: '/api/cypher', payload: { query: 'RETURN 1 AS one' } })
    ).json() as CypherResult;
    expect(whole.truncated).toBe(false);
    expect(whole.rowTotal).toBeUndefined();
  });

  it('stops counting at its cap and says "at least"', async () => {
    const result = (
      await app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: { query: 'UNWIND range(1, 1000000) AS i RETURN i', limit: 10 },
      })
    ).json() as CypherResult;
    expect(result.truncated).toBe(true);
    expect(result.rowTotalExact).toBe(false);
    expect(result.rowTotal).toBeGreaterThan(10);
    expect(result.rowTotal).toBeLessThan(1_000_000);
  });
});

describe('the liveness probe', () => {
  it('finds a busy Neo4j alive when its probe is late but other answers keep coming', async () => {
    // A deadline of 0 ms: the probe itself always comes too late.
    const alone = prober(db, 0);
    expect(await alone()).toBe(false);
    const busy = prober(db, 0);
    const asked = busy();
    busy.heard();
    expect(await asked).toBe(true);
  });

  it('finds a refused Neo4j down whatever was heard', async () => {
    const down = openDatabase({
      uri: 'bolt://127.0.0.1:1',
      user: 'neo4j',
      password: 'x',
      database: undefined,
      boltPort: 1,
    });
    try {
      const probe = prober(down, 2000);
      const asked = probe();
      probe.heard();
      expect(await asked).toBe(false);
    } finally {
      await down.close();
    }
  });
});
