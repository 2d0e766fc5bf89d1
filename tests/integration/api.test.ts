// The API server against the real Neo4j with the seeds ingested.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/driver.ts';
import { buildApp } from '../../web/server/app.ts';
import { seededDatabase } from '../helpers.ts';

let db: Database;
let app: FastifyInstance;

beforeAll(async () => {
  db = await seededDatabase();
  app = await buildApp({ db });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

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
    expect(queries.find((q) => q.name === 'overview')?.params.map((p) => p.name)).toEqual(['limit']);
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
