// The explorer's read endpoints (search, nodes and neighbours, timeline, schema, overview degrees)
// against the real Neo4j with the seeds ingested.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import type {
  ActivityResponse,
  ApiErrorBody,
  ExplorerNode,
  NeighborsResponse,
  NodeResponse,
  OverviewResponse,
  SchemaResponse,
  SearchResponse,
  TimelineResponse,
} from '../../web/contract.ts';
import { closeApp, seededApp } from '../helpers.ts';

let db: Database;
let app: FastifyInstance;
beforeAll(async () => ({ db, app } = await seededApp()));
afterAll(() => closeApp(app, db));

const get = async <T>(url: string, status = 200): Promise<T> => {
  const response = await app.inject({ url });
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
};

const search = (q: string, limit?: number) =>
  get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);

const cypher = async (query: string, params: Record<string, unknown> = {}) =>
  (await db.driver.executeQuery(query, params, { database: db.database, routing: 'READ' })).records;

/** The element id and the stable key (Label:id) of the one node with this label and name, from Neo4j. */
async function nodeOf(label: string, name: string): Promise<{ elementId: string; key: string }> {
  const [record] = await cypher(
    `MATCH (n:${label} {name: $name}) RETURN elementId(n) AS elementId, n.id AS id`,
    { name },
  );
  return { elementId: record!.get('elementId') as string, key: `${label}:${record!.get('id') as string}` };
}

/** The stable key of a node, as Cypher (the API's ids: graph/payload.ts nodeKey). */
const KEY = "labels(m)[0] + ':' + coalesce(m.id, m.doc)";

describe('GET /api/search', () => {
  it('finds a person by Chinese name (cjk analyzer), with a degree', async () => {
    const { hits } = await search('徐旭');
    const [first] = hits;
    expect(first).toMatchObject({ label: 'Person', caption: '徐旭' });
    expect(first!.score).toBeGreaterThan(0);
    expect(first!.node.labels).toContain('Person');
    expect(first!.node.degree).toBeGreaterThan(0);
  });

  it('finds offices and events by an abbreviation as written (经信厅)', async () => {
    const { hits } = await search('经信厅');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.label)).toEqual(expect.arrayContaining(['Office']));
    for (const hit of hits) {
      const text = JSON.stringify(hit.node.properties);
      expect(text).toMatch(/经信|信厅/);
    }
  });

  it.each(['zhang xusheng', 'zhang xu sheng', 'zhangxusheng', 'Zhang XuSheng', 'zhang xush'])(
    'finds 章旭升 by pinyin "%s"',
    async (q) => {
      const { hits } = await search(q);
      expect(hits[0]).toMatchObject({ label: 'Person', caption: '章旭升' });
    },
  );

  it.each([
    '"',
    '徐旭"',
    '(徐旭',
    '徐旭~',
    '*',
    '?',
    'a:b',
    '\\',
    '/',
    '[1 TO 2]',
    '{',
    '!',
    '^2',
    'AND',
    'OR NOT',
    '&&',
    '||',
    '-徐旭',
    '+',
  ])('answers 200 for Lucene syntax in the input: %s', async (q) => {
    const response = await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(Array.isArray((response.json() as SearchResponse).hits)).toBe(true);
  });

  it('still finds the name next to special characters', async () => {
    expect((await search('徐旭~')).hits[0]?.caption).toBe('徐旭');
    expect((await search('"徐旭"')).hits[0]?.caption).toBe('徐旭');
  });

  it('respects the limit', async () => {
    expect((await search('浙江', 2)).hits.length).toBeLessThanOrEqual(2);
  });

  it.each(['q=', 'q=%20%20', '', 'q=a&limit=0', 'q=a&limit=abc', 'q=a&limit=1000', 'q=a&other=1'])(
    'rejects ?%s with 400 and a message',
    async (query) => {
      const response = await app.inject({ url: `/api/search?${query}` });
      expect(response.statusCode).toBe(400);
      expect((response.json() as ApiErrorBody).error).toMatch(/\w+/);
      expect(response.body).not.toContain('    at ');
    },
  );
});

describe('GET /api/nodes/:id', () => {
  it('returns the node with its degree', async () => {
    const { elementId, key: id } = await nodeOf('Person', '徐旭');
    const { node } = await get<NodeResponse>(`/api/nodes/${encodeURIComponent(id)}`);
    const [record] = await cypher('MATCH (n) WHERE elementId(n) = $id RETURN COUNT { (n)--() } AS degree', {
      id: elementId,
    });
    expect(node).toMatchObject({ id, labels: ['Person'], degree: Number(record!.get('degree')) });
    expect(node.properties.name).toBe('徐旭');
  });

  it.each([
    'Person:nobody@nowhere',
    'Nope:1',
    '~4:00000000-0000-0000-0000-000000000000:999999',
    'garbage',
    '%22%27%29',
  ])('answers 404 for an unknown id %s', async (id) => {
    const response = await app.inject({ url: `/api/nodes/${id}` });
    expect(response.statusCode).toBe(404);
    expect((response.json() as ApiErrorBody).error).toMatch(/no node/);
    expect((await app.inject({ url: `/api/nodes/${id}/neighbors` })).statusCode).toBe(404);
  });
});

describe('GET /api/nodes/:id/neighbors', () => {
  let id: string;
  let elementId: string;
  let expected: { id: string; degree: number }[];

  beforeAll(async () => {
    ({ key: id, elementId } = await nodeOf('Place', '柯城区'));
    const records = await cypher(
      `MATCH (n)--(m) WHERE elementId(n) = $id WITH DISTINCT m
       RETURN ${KEY} AS id, COUNT { (m)--() } AS degree`,
      { id: elementId },
    );
    expected = records.map((r) => ({ id: r.get('id') as string, degree: Number(r.get('degree')) }));
  });

  const neighbors = (query: string) =>
    get<NeighborsResponse>(`/api/nodes/${encodeURIComponent(id)}/neighbors?${query}`);

  it('counts all neighbours and pages through them busiest first, without repeats', async () => {
    expect(expected.length).toBeGreaterThan(5);
    const seen: ExplorerNode[] = [];
    for (let skip = 0; skip < expected.length; skip += 5) {
      const page = await neighbors(`skip=${skip}&limit=5`);
      expect(page).toMatchObject({ total: expected.length, skip, limit: 5 });
      expect(page.node.id).toBe(id);
      expect(page.neighbors.length).toBe(Math.min(5, expected.length - skip));
      // Every edge joins the node to a neighbour on this page.
      const onPage = new Set(page.neighbors.map((n) => n.id));
      for (const edge of page.edges) {
        expect([edge.source, edge.target]).toContain(id);
        expect(onPage.has(edge.source === id ? edge.target : edge.source)).toBe(true);
      }
      for (const n of page.neighbors)
        expect(page.edges.some((e) => e.source === n.id || e.target === n.id)).toBe(true);
      seen.push(...page.neighbors);
    }
    expect(new Set(seen.map((n) => n.id)).size).toBe(expected.length);
    const degrees = new Map(expected.map((e) => [e.id, e.degree]));
    for (const n of seen) expect(n.degree).toBe(degrees.get(n.id));
    const order = seen.map((n) => n.degree);
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it('is empty past the end and keeps the total', async () => {
    const page = await neighbors(`skip=${expected.length}&limit=5`);
    expect(page).toMatchObject({ total: expected.length, neighbors: [], edges: [] });
  });

  it('filters by label, and the total follows the filter', async () => {
    const articles = await cypher(
      'MATCH (n)--(m:Article) WHERE elementId(n) = $id RETURN count(DISTINCT m) AS c',
      { id: elementId },
    );
    const page = await neighbors('labels=Article&limit=200');
    expect(page.total).toBe(Number(articles[0]!.get('c')));
    expect(page.neighbors.every((n) => n.labels.includes('Article'))).toBe(true);
    const none = await neighbors(`labels=${encodeURIComponent('Nope`) DETACH DELETE n //')}`);
    expect(none).toMatchObject({ total: 0, neighbors: [] });
  });

  it.each(['limit=0', 'limit=201', 'skip=-1', 'skip=x', 'depth=2'])('rejects ?%s with 400', async (query) => {
    const response = await app.inject({ url: `/api/nodes/${encodeURIComponent(id)}/neighbors?${query}` });
    expect(response.statusCode).toBe(400);
    expect((response.json() as ApiErrorBody).error).toMatch(/\w+/);
  });
});

describe('GET /api/timeline', () => {
  it('counts events per day, and those without a year as undated', async () => {
    const timeline = await get<TimelineResponse>('/api/timeline');
    const [record] = await cypher('MATCH (e:Event) RETURN count(e) AS c');
    const total = timeline.days.reduce((sum, d) => sum + d.events, 0) + timeline.undated;
    expect(total).toBe(Number(record!.get('c')));
    expect(timeline.days.length).toBeGreaterThan(0);
    for (const day of timeline.days) {
      expect(day.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(day.events).toBeGreaterThan(0);
    }
    const dates = timeline.days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    const [undated] = await cypher(
      "MATCH (e:Event) WHERE e.date IS NULL OR e.date STARTS WITH '--' RETURN count(e) AS c",
    );
    expect(timeline.undated).toBe(Number(undated!.get('c')));
  });
});

describe('GET /api/activity', () => {
  it('ranks officials by events attended and links each to the places of their events, counted', async () => {
    const activity = await get<ActivityResponse>('/api/activity?people=3&places=2');
    const [counted] = await cypher(
      'MATCH (p:Person {official: true})-[:ATTENDED]->(:Event) RETURN count(DISTINCT p) AS people',
    );
    expect(activity.people).toEqual({ shown: 3, total: Number(counted!.get('people')) });
    const people = activity.graph.nodes.filter((n) => n.labels.includes('Person'));
    expect(people).toHaveLength(3);
    const weights = people.map((p) => p.weight!);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const [top] = await cypher(
      'MATCH (p:Person {official: true})-[:ATTENDED]->(e:Event) WITH p, count(DISTINCT e) AS n RETURN max(n) AS n',
    );
    expect(weights[0]).toBe(Number(top!.get('n')));
    expect(activity.graph.edges.length).toBeGreaterThan(0);
    for (const edge of activity.graph.edges) {
      expect(edge.type).toBe('VISITED');
      // Not a relationship in the database: exports mark it and the Cypher script leaves it out.
      expect(edge.derived).toMatch(/not stored/);
      const [visits] = await cypher(
        `MATCH (p:Person {id: $person})-[:ATTENDED]->(e:Event)-[:HELD_IN]->(:Place {id: $place})
         RETURN count(DISTINCT e) AS n`,
        { person: edge.source.replace(/^Person:/, ''), place: edge.target.replace(/^Place:/, '') },
      );
      expect(edge.properties.events).toBe(Number(visits!.get('n')));
    }
    expect(activity.events).toBe(Number((await cypher('MATCH (e:Event) RETURN count(e) AS n'))[0]!.get('n')));
  });

  it('narrows to a date range, says when nothing falls in it, and refuses a malformed date', async () => {
    const none = await get<ActivityResponse>('/api/activity?from=1900-01-01&to=1900-12-31');
    expect(none).toMatchObject({
      people: { shown: 0, total: 0 },
      events: 0,
      graph: { nodes: [], edges: [] },
    });
    await get<ApiErrorBody>('/api/activity?from=2022-4-1', 400);
    await get<ApiErrorBody>('/api/activity?people=0', 400);
  });
});

describe('GET /api/schema', () => {
  it('lists labels, relationship types and property keys', async () => {
    const schema = await get<SchemaResponse>('/api/schema');
    expect(schema.labels).toEqual(
      expect.arrayContaining(['Person', 'Event', 'Place', 'Office', 'Article', 'Reporter', 'Document']),
    );
    expect(schema.relationshipTypes).toEqual(
      expect.arrayContaining(['ATTENDED', 'HELD_IN', 'HOLDS', 'GOVERNS', 'PART_OF', 'MENTIONED_IN']),
    );
    expect(schema.propertyKeys).toEqual(expect.arrayContaining(['name', 'pinyin', 'title', 'date', 'start']));
  });
});

describe('GET /api/graph', () => {
  it('gives every node its degree', async () => {
    const { nodes } = await get<OverviewResponse>('/api/graph?limit=5');
    expect(nodes.length).toBeGreaterThan(0);
    const records = await cypher(
      `MATCH (m) WHERE ${KEY} IN $ids RETURN ${KEY} AS id, COUNT { (m)--() } AS degree`,
      { ids: nodes.map((n) => n.id) },
    );
    const degrees = new Map(records.map((r) => [r.get('id') as string, Number(r.get('degree'))]));
    for (const node of nodes) expect(node.degree).toBe(degrees.get(node.id));
  });
});
