// The start page's overview graph and the events-per-day timeline. Both read Event.date through its
// range index (cypher/schema.cypher), so their cost follows the page asked for, not the archive's size.
import type { FastifyInstance } from 'fastify';
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { ExplorerNode, GraphEdge, OverviewResponse, TimelineResponse } from '../../contract.ts';
import type { RouteContext } from '../context.ts';
import { completeGraph } from '../lookups.ts';
import { explorerNode, graphEdge } from '../serialize.ts';

/**
 * One page of the most recent events (the date index read backwards: no scan, no sort), each with who
 * attended and where it was held, and every node's degree in the same query.
 */
export const OVERVIEW = `
MATCH (e:Event) WHERE e.date IS NOT NULL
WITH e ORDER BY e.date DESC SKIP $skip LIMIT $limit
RETURN e, COUNT { (e)--() } AS degree,
  [(p:Person)-[a:ATTENDED]->(e) | {n: p, r: a, degree: COUNT { (p)--() }}] AS attended,
  [(e)-[h:HELD_IN]->(pl:Place) | {n: pl, r: h, degree: COUNT { (pl)--() }}] AS heldIn`;

/** Events without a date come after the dated ones (reached only by paging to the very end). */
export const OVERVIEW_UNDATED = `
MATCH (e:Event) WHERE e.date IS NULL
WITH e ORDER BY e.id SKIP $skip LIMIT $limit
RETURN e, COUNT { (e)--() } AS degree,
  [(p:Person)-[a:ATTENDED]->(e) | {n: p, r: a, degree: COUNT { (p)--() }}] AS attended,
  [(e)-[h:HELD_IN]->(pl:Place) | {n: pl, r: h, degree: COUNT { (pl)--() }}] AS heldIn`;

/** From Neo4j's count store: no scan. */
export const EVENT_COUNT = 'MATCH (e:Event) RETURN count(e) AS events';
const DATED_COUNT = 'MATCH (e:Event) WHERE e.date IS NOT NULL RETURN count(e) AS events';

/** Events per day from the date index alone (the dates come with the index entries, in order). */
export const TIMELINE = `
MATCH (e:Event) WHERE e.date >= $from AND e.date <= $to
RETURN e.date AS date, count(*) AS events ORDER BY date`;

type Linked = { n: Node; r: Relationship; degree: unknown };

export function graphRoutes(app: FastifyInstance, { read }: RouteContext): void {
  app.get<{ Querystring: { limit: number; skip: number } }>(
    '/api/graph',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 2000, default: 300 },
            skip: { type: 'integer', minimum: 0, maximum: 10_000_000, default: 0 },
          },
          additionalProperties: false,
        },
      },
    },
    async (request): Promise<OverviewResponse> => {
      const { limit, skip } = request.query;
      return read(request, async (tx) => {
        const page = tx.run(OVERVIEW, { skip: neo4j.int(skip), limit: neo4j.int(limit) });
        const count = tx.run(EVENT_COUNT);
        let records = (await page).records;
        const total = Number((await count).records[0]?.get('events') ?? 0);
        // The dated events ran out on this page: the rest of it comes from the undated ones, if any.
        // (Only then: each query is one more plan to make on a cold Neo4j, the slow part after a restart.)
        if (records.length < limit && skip + records.length < total) {
          const dated =
            records.length > 0
              ? skip + records.length
              : Number((await tx.run(DATED_COUNT)).records[0]?.get('events') ?? 0);
          if (dated < total) {
            const undated = await tx.run(OVERVIEW_UNDATED, {
              skip: neo4j.int(Math.max(0, skip - dated)),
              limit: neo4j.int(limit - records.length),
            });
            records = [...records, ...undated.records];
          }
        }
        // Keyed by element id while collecting; the edges then name their ends by the stable keys.
        const nodes = new Map<string, ExplorerNode>();
        const rels = new Map<string, Relationship>();
        for (const record of records) {
          const event = record.get('e') as Node;
          nodes.set(event.elementId, explorerNode(event, record.get('degree')));
          for (const { n, r, degree } of [
            ...(record.get('attended') as Linked[]),
            ...(record.get('heldIn') as Linked[]),
          ]) {
            if (!nodes.has(n.elementId)) nodes.set(n.elementId, explorerNode(n, degree));
            rels.set(r.elementId, r);
          }
        }
        const keys = new Map([...nodes].map(([elementId, node]) => [elementId, node.id]));
        const edges: GraphEdge[] = [...rels.values()].map((r) => graphEdge(r, keys));
        // Evidence is stored as offsets (graph/evidence.ts): the sentences come in one more query, with
        // the namesake groups.
        return { ...(await completeGraph(tx, { nodes: [...nodes.values()], edges })), total, skip, limit };
      });
    },
  );

  app.get<{ Querystring: { from: string; to: string } }>(
    '/api/timeline',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            // Dates as stored (YYYY-MM-DD); a range keeps the answer to the days asked for.
            from: { type: 'string', maxLength: 10, default: '0000-00-00' },
            to: { type: 'string', maxLength: 10, default: '9999-99-99' },
          },
          additionalProperties: false,
        },
      },
    },
    async (request): Promise<TimelineResponse> => {
      const { from, to } = request.query;
      const { counts, total } = await read(request, async (tx) => {
        const days = tx.run(TIMELINE, { from, to });
        const all = tx.run(EVENT_COUNT);
        return {
          counts: (await days).records.map((r) => ({
            date: r.get('date') as unknown,
            events: Number(r.get('events')),
          })),
          total: Number((await all).records[0]?.get('events') ?? 0),
        };
      });
      const days: TimelineResponse['days'] = [];
      let dated = 0;
      let undated = 0;
      for (const { date, events } of counts) {
        // `--MM-DD` (year unknown) cannot be placed on a time axis.
        if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
          days.push({ date, events });
          dated += events;
        } else undated += events;
      }
      // Events without any date are all those the index does not hold (whole range only).
      const whole = from === '0000-00-00' && to === '9999-99-99';
      if (whole) undated = total - dated;
      return { days, undated, total };
    },
  );
}
