// The API server against the real Neo4j with the seeds ingested.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/driver.ts';
import type { CypherResult, OverviewResponse, TimelineResponse } from '../../web/contract.ts';
import { buildApp } from '../../web/server/app.ts';
import { closeApp, seededApp } from '../helpers.ts';

let db: Database;
let app: FastifyInstance;
beforeAll(async () => ({ db, app } = await seededApp()));
afterAll(() => closeApp(app, db));

describe('GET /api/graph', () => {
  it('returns people, events and places with the edges between them', async () => {
    const response = await app.inject({ url: '/api/graph' });
    expect(response.statusCode).toBe(200);
    const { nodes, edges } = response.json() as {
      nodes: { id: string; labels: string[]; properties: Record<string, unknown> }[];
      edges: { type: string; source: string; target: string }[];
    };
    const labels = new Set(nodes.flatMap((n) => n.labels));
    expect([...labels]).toEqual(expect.arrayContaining(['Person', 'Event', 'Place']));
    const ids = new Set(nodes.map((n) => n.id));
    for (const edge of edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
    const zhang = nodes.find((n) => n.properties.name === '章旭升');
    expect(zhang).toBeDefined();
    expect(edges.some((e) => e.type === 'ATTENDED' && e.source === zhang!.id)).toBe(true);
  });

  it('caps the number of events', async () => {
    const response = await app.inject({ url: '/api/graph?limit=1' });
    const { nodes } = response.json() as { nodes: { labels: string[] }[] };
    expect(nodes.filter((n) => n.labels.includes('Event'))).toHaveLength(1);
  });

  it.each(['limit=0', 'limit=abc', 'limit=99999', 'other=1'])(
    'rejects ?%s with 400 and a message',
    async (query) => {
      const response = await app.inject({ url: `/api/graph?${query}` });
      expect(response.statusCode).toBe(400);
      expect((response.json() as { error: string }).error).toMatch(/\w+/);
      expect(response.body).not.toContain('    at ');
    },
  );
});

describe('paging with totals', () => {
  const events = async () =>
    Number((await db.driver.executeQuery('MATCH (e:Event) RETURN count(e) AS n')).records[0]!.get('n'));

  it('pages the overview, newest first, with the total number of events', async () => {
    const eventsOf = (body: OverviewResponse) =>
      body.nodes.filter((n) => n.labels.includes('Event')).map((n) => n.properties as { date: string });
    const first = (await app.inject({ url: '/api/graph?limit=3' })).json() as OverviewResponse;
    const second = (await app.inject({ url: '/api/graph?limit=3&skip=3' })).json() as OverviewResponse;
    expect(first).toMatchObject({ total: await events(), skip: 0, limit: 3 });
    expect(second.skip).toBe(3);
    const [a, b] = [eventsOf(first), eventsOf(second)];
    expect(a).toHaveLength(3);
    expect(b).toHaveLength(3);
    const dates = [...a, ...b].map((e) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(
      new Set(first.nodes.map((n) => n.id)).has(second.nodes.find((n) => n.labels.includes('Event'))!.id),
    ).toBe(false);
    // Every node comes with its degree, read in the same query.
    for (const node of first.nodes) expect(node.degree).toBeGreaterThan(0);
    // Past the end: the rest, then nothing, and the same total.
    const all = await events();
    const last = (await app.inject({ url: `/api/graph?limit=5&skip=${all - 2}` })).json() as OverviewResponse;
    expect(eventsOf(last)).toHaveLength(2);
    const beyond = (await app.inject({ url: `/api/graph?skip=${all + 10}` })).json() as OverviewResponse;
    expect(beyond).toMatchObject({ nodes: [], edges: [], total: all });
  });

  it('counts the timeline from the date index, every event once', async () => {
    const timeline = (await app.inject({ url: '/api/timeline' })).json() as TimelineResponse;
    expect(timeline.total).toBe(await events());
    expect(timeline.days.reduce((sum, d) => sum + d.events, 0) + timeline.undated).toBe(timeline.total);
    const [day] = timeline.days;
    const one = (
      await app.inject({ url: `/api/timeline?from=${day!.date}&to=${day!.date}` })
    ).json() as TimelineResponse;
    expect(one.days).toEqual([day]);
  });

  it('pages place-events and says how many there are in all', async () => {
    const run = async (params: Record<string, string>) =>
      (
        await app.inject({ method: 'POST', url: '/api/queries/place-events/run', payload: { params } })
      ).json() as CypherResult;
    const everything = await run({ place: '柯城区', limit: '1000' });
    expect(everything.total).toBeGreaterThan(2);
    // Pages count events (a row is an event in one of its places).
    const eventIds = (result: CypherResult) => [
      ...new Set(
        result.rows.map((row) => (row[result.columns.indexOf('e')] as { elementId: string }).elementId),
      ),
    ];
    expect(eventIds(everything)).toHaveLength(everything.total!);
    const page = await run({ place: '柯城区', limit: '2', skip: '1' });
    expect(page.total).toBe(everything.total);
    expect(eventIds(page)).toEqual(eventIds(everything).slice(1, 3));
    expect((await run({ place: 'nowhere' })).total).toBe(0);
  });

  it.each([
    ['co-attendance', { name: '朱素芳' }, 'person'],
    ['busiest-officials', {}, 'person'],
    ['busiest-places', {}, 'place'],
  ])('pages %s, the most first, with the total', async (name, params, column) => {
    const run = async (values: Record<string, string>) =>
      (
        await app.inject({
          method: 'POST',
          url: `/api/queries/${name}/run`,
          payload: { params: { ...params, ...values } },
        })
      ).json() as CypherResult;
    const all = await run({ limit: '1000' });
    expect(all.total).toBeGreaterThan(2);
    expect(all.rows).toHaveLength(all.total!);
    const names = (result: CypherResult) => result.rows.map((row) => row[result.columns.indexOf(column)]);
    const page = await run({ skip: '1', limit: '2' });
    expect(page.total).toBe(all.total);
    expect(names(page)).toEqual(names(all).slice(1, 3));
  });
});

describe('other endpoints', () => {
  it('reports health and counts', async () => {
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok', neo4j: 'up' });
    const stats = (await app.inject({ url: '/api/stats' })).json() as {
      labels: { label: string; count: number }[];
    };
    expect(stats.labels.find((l) => l.label === 'Person')?.count).toBeGreaterThan(0);
  });

  it('lists the named queries with their parameters', async () => {
    const { queries } = (await app.inject({ url: '/api/queries' })).json() as {
      queries: { name: string; params: { name: string }[] }[];
    };
    expect(queries.find((q) => q.name === 'overview')?.params.map((p) => p.name)).toEqual(['skip', 'limit']);
  });

  it('answers 503 with a clear message when Neo4j is not reachable', async () => {
    const down = openDatabase(
      {
        uri: 'bolt://127.0.0.1:1',
        user: 'neo4j',
        password: 'x',
        database: undefined,
        boltPort: 1,
      },
      // The API's own budget (web/server/main.ts uses 3 s); short here to keep the test quick.
      { maxRetryMs: 500 },
    );
    const offline = await buildApp({ db: down });
    try {
      const graph = await offline.inject({ url: '/api/graph' });
      expect(graph.statusCode).toBe(503);
      expect((graph.json() as { error: string }).error).toMatch(/Neo4j is not reachable/);
      expect((await offline.inject({ url: '/api/health' })).statusCode).toBe(503);
    } finally {
      await offline.close();
      await down.close();
    }
  });
});
