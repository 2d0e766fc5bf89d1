// GET /api/activity: the start page of a big archive. Not the latest 300 events (a hairball at 10,000
// articles) but who went where: the most active officials and the places their events were held in,
// aggregated into weighted person → place edges, with how many officials are left out.
import type { FastifyInstance } from 'fastify';
import type { Node } from 'neo4j-driver';
import { bindParams } from '../../../db/named-queries.ts';
import type { ActivityResponse, ExplorerNode, GraphEdge } from '../../contract.ts';
import type { RouteContext } from '../context.ts';
import { mergeNamesakes } from '../namesake-merge.ts';
import { explorerNode } from '../serialize.ts';

/** What a VISITED edge stands for: it is counted here, not stored (exports say so). */
export const DERIVED_VISIT = 'events of the person held in the place; counted, not stored';

const date = { type: 'string', pattern: '^\\d{4}-\\d\\d-\\d\\d$' } as const;

export function activityRoutes(app: FastifyInstance, { read, queries }: RouteContext): void {
  app.get<{ Querystring: { people: number; places: number; from?: string; to?: string } }>(
    '/api/activity',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            people: { type: 'integer', minimum: 1, maximum: 500, default: 30 },
            places: { type: 'integer', minimum: 1, maximum: 50, default: 5 },
            from: date,
            to: date,
          },
          additionalProperties: false,
        },
      },
    },
    async (request): Promise<ActivityResponse> => {
      const activity = queries.get('activity');
      const counted = queries.get('activity-events');
      if (!activity || !counted) throw new Error('cypher/queries/activity*.cypher are missing');
      const { people, places, from, to } = request.query;
      const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      return read(request, async (tx) => {
        const rows = (await tx.run(activity.cypher, bindParams(activity, { people, places, ...range })))
          .records;
        const events = Number(
          (await tx.run(counted.cypher, bindParams(counted, range))).records[0]?.get('events') ?? 0,
        );
        const nodes = new Map<string, ExplorerNode>();
        const edges: GraphEdge[] = [];
        let total = 0;
        for (const row of rows) {
          total = Number(row.get('totalPeople'));
          const person = {
            ...explorerNode(row.get('p') as Node, row.get('degree')),
            weight: Number(row.get('events')),
          };
          nodes.set(person.id, person);
          for (const visit of row.get('places') as { pl: Node; visits: unknown; degree: unknown }[]) {
            const place = explorerNode(visit.pl, visit.degree);
            const visits = Number(visit.visits);
            const known = nodes.get(place.id);
            nodes.set(place.id, { ...place, weight: (known?.weight ?? 0) + visits });
            edges.push({
              id: `visit:${person.id}->${place.id}`,
              type: 'VISITED',
              source: person.id,
              target: place.id,
              properties: { events: visits, weight: visits },
              derived: DERIVED_VISIT,
            });
          }
        }
        return {
          graph: await mergeNamesakes(tx, { nodes: [...nodes.values()], edges }),
          people: { shown: rows.length, total },
          events,
        };
      });
    },
  );
}
