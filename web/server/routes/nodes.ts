// One node, and its neighbours a page at a time (busiest first), for expanding a node on the canvas.
import type { FastifyInstance } from 'fastify';
import neo4j, { type ManagedTransaction, type Node, type Relationship } from 'neo4j-driver';
import type { ExplorerNode, NeighborsResponse, NodeResponse } from '../../contract.ts';
import type { RouteContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { explorerNode, graphEdge } from '../serialize.ts';

const idParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['id'],
  additionalProperties: false,
} as const;

// The label filter is a parameter, never part of the Cypher text.
const NEIGHBOUR =
  'elementId(n) = $id AND m <> n AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))';

async function findNode(tx: ManagedTransaction, id: string): Promise<ExplorerNode> {
  const result = await tx.run('MATCH (n) WHERE elementId(n) = $id RETURN n, COUNT { (n)--() } AS degree', {
    id,
  });
  const record = result.records[0];
  if (!record) throw notFound(`no node with id ${id}`);
  return explorerNode(record.get('n') as Node, record.get('degree'));
}

export function nodeRoutes(app: FastifyInstance, { read }: RouteContext): void {
  app.get<{ Params: { id: string } }>(
    '/api/nodes/:id',
    { schema: { params: idParams, querystring: { type: 'object', additionalProperties: false } } },
    async (request): Promise<NodeResponse> => ({ node: await read((tx) => findNode(tx, request.params.id)) }),
  );

  app.get<{ Params: { id: string }; Querystring: { skip: number; limit: number; labels?: string } }>(
    '/api/nodes/:id/neighbors',
    {
      schema: {
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            skip: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 25 },
            labels: { type: 'string', maxLength: 1000 },
          },
          additionalProperties: false,
        },
      },
    },
    async (request): Promise<NeighborsResponse> => {
      const { id } = request.params;
      const { skip, limit } = request.query;
      const wanted = request.query.labels
        ?.split(',')
        .map((l) => l.trim())
        .filter(Boolean);
      const labels = wanted && wanted.length > 0 ? wanted : null;
      return read(async (tx) => {
        const node = await findNode(tx, id);
        // Count first, so the client knows how many pages there are.
        const counted = await tx.run(`MATCH (n)--(m) WHERE ${NEIGHBOUR} RETURN count(DISTINCT m) AS total`, {
          id,
          labels,
        });
        const total = Number(counted.records[0]?.get('total') ?? 0);
        const page = await tx.run(
          `MATCH (n)--(m) WHERE ${NEIGHBOUR}
           WITH DISTINCT m
           WITH m, COUNT { (m)--() } AS degree
           ORDER BY degree DESC, coalesce(m.name, m.title, m.headline, m.id, '') ASC, elementId(m) ASC
           SKIP $skip LIMIT $limit
           RETURN m, degree`,
          { id, labels, skip: neo4j.int(skip), limit: neo4j.int(limit) },
        );
        const neighbors = page.records.map((r) => explorerNode(r.get('m') as Node, r.get('degree')));
        const edges = await tx.run(
          `MATCH (n)-[r]-(m) WHERE elementId(n) = $id AND elementId(m) IN $ids RETURN DISTINCT r`,
          { id, ids: neighbors.map((m) => m.id) },
        );
        return {
          node,
          total,
          skip,
          limit,
          neighbors,
          edges: edges.records.map((r) => graphEdge(r.get('r') as Relationship)),
        };
      });
    },
  );
}
