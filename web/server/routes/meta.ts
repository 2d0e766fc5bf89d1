// Health, counts, the named queries and the schema (labels, types, keys for the Cypher editor).
import type { FastifyInstance } from 'fastify';
import { describeError } from '../../../db/driver.ts';
import type { QueriesResponse, SchemaResponse } from '../../contract.ts';
import type { RouteContext } from '../context.ts';
import { notAnsweringMessage, within } from '../database.ts';

const noQuery = { querystring: { type: 'object', properties: {}, additionalProperties: false } } as const;

export function metaRoutes(app: FastifyInstance, { read, queries, probe }: RouteContext): void {
  // Never queued behind anything, and answered within 3 s even when Neo4j hangs.
  // Down means refused, or nothing at all came back within 3 s: a Neo4j busy with other requests
  // (they keep finishing) is up, even when the probe itself waits in its queue past 3 s.
  app.get('/api/health', { schema: noQuery }, async (_request, reply) => {
    const alive = await within(probe(), 3000, notAnsweringMessage(3000)).catch((error: unknown) => {
      probe.reason = describeError(error);
      return probe.heardWithin(3000);
    });
    if (alive) return { status: 'ok', neo4j: 'up' };
    return reply.code(503).send({ status: 'degraded', neo4j: 'down', error: probe.reason });
  });

  app.get('/api/stats', { schema: noQuery }, async (request) => {
    const counts = await read(request, async (tx) => {
      const result = await tx.run(
        'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label',
      );
      return result.records.map((r) => ({ label: r.get('label') as string, count: Number(r.get('count')) }));
    });
    return { labels: counts };
  });

  app.get('/api/queries', { schema: noQuery }, async (): Promise<QueriesResponse> => ({
    queries: [...queries.values()].map(({ name, title, description, zh, params }) => ({
      name,
      title,
      description,
      ...(zh ? { zh } : {}),
      params,
    })),
  }));

  app.get('/api/schema', { schema: noQuery }, async (request): Promise<SchemaResponse> =>
    read(request, async (tx) => {
      const list = async (procedure: string, column: string) =>
        (await tx.run(`CALL ${procedure}() YIELD ${column} RETURN ${column} ORDER BY ${column}`)).records.map(
          (r) => r.get(column) as string,
        );
      return {
        labels: await list('db.labels', 'label'),
        relationshipTypes: await list('db.relationshipTypes', 'relationshipType'),
        propertyKeys: await list('db.propertyKeys', 'propertyKey'),
      };
    }),
  );
}
