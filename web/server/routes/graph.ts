// The start page's overview graph and the events-per-day timeline.
import type { FastifyInstance } from 'fastify';
import { bindParams } from '../../../db/named-queries.ts';
import { GraphCollector } from '../../../graph/collect.ts';
import type { OverviewResponse, TimelineResponse } from '../../contract.ts';
import type { RouteContext } from '../context.ts';
import { explorerGraph } from '../serialize.ts';

export function graphRoutes(app: FastifyInstance, { read, queries }: RouteContext): void {
  app.get<{ Querystring: { limit: number } }>(
    '/api/graph',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { limit: { type: 'integer', minimum: 1, maximum: 2000, default: 300 } },
          additionalProperties: false,
        },
      },
    },
    async (request): Promise<OverviewResponse> => {
      const overview = queries.get('overview');
      if (!overview) throw new Error('cypher/queries/overview.cypher is missing');
      const params = bindParams(overview, { limit: request.query.limit });
      return read(request, async (tx) => {
        const records = (await tx.run(overview.cypher, params)).records;
        return explorerGraph(tx, new GraphCollector().addRecords(records));
      });
    },
  );

  app.get(
    '/api/timeline',
    { schema: { querystring: { type: 'object', properties: {}, additionalProperties: false } } },
    async (request): Promise<TimelineResponse> => {
      const counts = await read(request, async (tx) => {
        const result = await tx.run(
          'MATCH (e:Event) RETURN e.date AS date, count(*) AS events ORDER BY date',
        );
        return result.records.map((r) => ({
          date: r.get('date') as unknown,
          events: Number(r.get('events')),
        }));
      });
      const days: TimelineResponse['days'] = [];
      let undated = 0;
      for (const { date, events } of counts) {
        // `--MM-DD` (year unknown) and missing dates cannot be placed on a time axis.
        if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) days.push({ date, events });
        else undated += events;
      }
      return { days, undated };
    },
  );
}
