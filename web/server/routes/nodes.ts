// One node, and its neighbours a page at a time (busiest first), for expanding a node on the canvas.
// Nodes are addressed by their stable key (Label:id, see graph/payload.ts nodeKey), found by the route's
// one query (keys.ts byKey).
import type { FastifyInstance } from 'fastify';
import neo4j, { type ManagedTransaction, type Node, type Relationship } from 'neo4j-driver';
import type { ExplorerNode, NeighborsResponse, NodeResponse } from '../../contract.ts';
import type { RouteContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { byKey } from '../keys.ts';
import { completeGraph } from '../lookups.ts';
import { mergedNode } from '../namesake-merge.ts';
import { explorerNode, graphEdge } from '../serialize.ts';

const idParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 2000 } },
  required: ['id'],
  additionalProperties: false,
} as const;

// The label filter is a parameter, never part of the Cypher text.
const NEIGHBOUR = 'm <> n AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))';

/**
 * After the MATCH of `n` (keys.ts): the total, one page of neighbours by degree, the edges to them.
 * A person a reviewer decided is the same as namesakes (routes/namesakes.ts) expands as the whole
 * group: `members` are n and those namesakes, and the neighbours and edges are all of theirs
 * (namesake-merge.ts then draws the group as one node). Neighbours decided the same are one
 * neighbour, as they are drawn: counted and paged as one group (its members' degrees added), so a
 * page of 25 draws 25 and the total counts what can be drawn.
 */
export const EXPAND = byKey(`CALL (n) {
  CALL (n) {
    MATCH (d:NamesakeDecision {a: n.id}) WHERE n:Person AND d.verdict = 'same' RETURN d.b AS other
    UNION
    MATCH (d:NamesakeDecision {b: n.id}) WHERE n:Person AND d.verdict = 'same' RETURN d.a AS other
  }
  RETURN collect(other) AS ids
}
CALL (ids) {
  OPTIONAL MATCH (q:Person) WHERE q.id IN ids
  RETURN collect(q) AS found
}
WITH n, [n] + found AS members
CALL (n, members) {
  UNWIND members AS x
  MATCH (x)--(m) WHERE ${NEIGHBOUR} AND NOT m IN members
  WITH DISTINCT m
  CALL (m) {
    CALL (m) {
      MATCH (d:NamesakeDecision {a: m.id}) WHERE m:Person AND d.verdict = 'same' RETURN d.b AS other
      UNION
      MATCH (d:NamesakeDecision {b: m.id}) WHERE m:Person AND d.verdict = 'same' RETURN d.a AS other
    }
    RETURN collect(other) AS others
  }
  WITH m, COUNT { (m)--() } AS degree,
       CASE WHEN size(others) = 0 THEN elementId(m)
            ELSE 'Person:' + reduce(k = m.id, o IN others | CASE WHEN o < k THEN o ELSE k END) END AS grouped
  WITH grouped, collect({m: m, degree: degree}) AS ms, sum(degree) AS degree
  ORDER BY degree DESC, coalesce(ms[0].m.name, ms[0].m.title, ms[0].m.headline, ms[0].m.id, '') ASC, grouped ASC
  WITH collect(ms) AS groups
  RETURN size(groups) AS total, reduce(acc = [], g IN groups[$skip..($skip + $limit)] | acc + g) AS page
}
CALL (members, page) {
  UNWIND page AS p
  WITH p.m AS m
  UNWIND members AS x
  MATCH (x)-[r]-(m)
  RETURN collect(DISTINCT r) AS edges
}
RETURN n, COUNT { (n)--() } AS degree, members, total, page, edges`);

export const NODE = byKey('RETURN n, COUNT { (n)--() } AS degree');

async function findNode(tx: ManagedTransaction, key: string): Promise<ExplorerNode> {
  const found = NODE(key);
  const record = found ? (await tx.run(found.query, { id: found.id })).records[0] : undefined;
  if (!record) throw notFound(`no node with id ${key}`);
  // A namesake merged into another comes back as the node of its group.
  return mergedNode(tx, explorerNode(record.get('n') as Node, record.get('degree')));
}

export function nodeRoutes(app: FastifyInstance, { read }: RouteContext): void {
  app.get<{ Params: { id: string } }>(
    '/api/nodes/:id',
    { schema: { params: idParams, querystring: { type: 'object', additionalProperties: false } } },
    async (request): Promise<NodeResponse> => ({
      node: await read(request, (tx) => findNode(tx, request.params.id)),
    }),
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
      const key = request.params.id;
      const { skip, limit } = request.query;
      const wanted = request.query.labels
        ?.split(',')
        .map((l) => l.trim())
        .filter(Boolean);
      const labels = wanted && wanted.length > 0 ? wanted : null;
      return read(request, async (tx) => {
        // One round trip: the node, the count (so the client knows how many pages there are), one page
        // of neighbours ordered by their degree, and the edges to them.
        const found = EXPAND(key);
        const result = found
          ? await tx.run(found.query, {
              id: found.id,
              labels,
              skip: neo4j.int(skip),
              limit: neo4j.int(limit),
            })
          : null;
        const record = result?.records[0];
        if (!record) throw notFound(`no node with id ${key}`);
        const page = record.get('page') as { m: Node; degree: unknown }[];
        const node = explorerNode(record.get('n') as Node, record.get('degree'));
        const neighbors = page.map((p) => explorerNode(p.m, p.degree));
        const members = (record.get('members') as Node[]).map((m) => explorerNode(m, 0));
        const keys = new Map([
          [(record.get('n') as Node).elementId, node.id],
          ...(record.get('members') as Node[]).map(
            (m, i) => [m.elementId, members[i]!.id] as [string, string],
          ),
          ...page.map((p, i) => [p.m.elementId, neighbors[i]!.id] as [string, string]),
        ]);
        const edges = (record.get('edges') as Relationship[]).map((r) => graphEdge(r, keys));
        // The edges' evidence, and one node per group for the node, its namesakes decided the same and
        // any of the neighbours' namesakes, with the edges of all members re-pointed to it: one query.
        const merged = await completeGraph(tx, { nodes: [node, ...members.slice(1), ...neighbors], edges });
        const [first, ...rest] = merged.nodes;
        return {
          node: first!,
          total: Number(record.get('total')),
          skip,
          limit,
          neighbors: rest,
          edges: merged.edges,
        };
      });
    },
  );
}
