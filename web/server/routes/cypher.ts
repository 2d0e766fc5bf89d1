// POST /api/cypher (the editor) and POST /api/queries/:name/run (a named query with its parameters):
// each waits for a slot in its lane (limits.ts), then runs in a worker thread (cypher-pool.ts); the
// response comes back already serialised.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bindParams } from '../../../db/named-queries.ts';
import type { CypherRequest, NamedQueryRequest } from '../../contract.ts';
import type { RouteContext } from '../context.ts';
import type { CypherTask } from '../cypher.ts';
import { MAX_ROW_LIMIT, clampLimit } from '../cypher.ts';
import { NotAnswering, whileAlive } from '../database.ts';
import { badRequest, notFound, timedOut } from '../errors.ts';
import type { Lane } from '../limits.ts';
import { plainParams } from '../named.ts';
import { clientOf, withDeadline } from '../requests.ts';

const limit = { type: 'integer', minimum: 1, maximum: MAX_ROW_LIMIT } as const;

/**
 * Fastify's ajv coerces types (query strings need "10" to become 10), which would also turn a body's
 * `"query": 5` into "5"; a query that is not a string is refused before validation.
 */
async function queryMustBeAString(request: FastifyRequest): Promise<void> {
  const body = request.body as { query?: unknown } | null | undefined;
  if (body && typeof body === 'object' && 'query' in body && typeof body.query !== 'string')
    throw badRequest('body/query must be string');
}

export function cypherRoutes(
  app: FastifyInstance,
  { pool, lanes, catalog, limits, liveness }: RouteContext,
): void {
  /** Waits for a slot, runs the task, sends the worker's JSON; all within the Cypher deadline. */
  async function run(
    request: FastifyRequest,
    reply: FastifyReply,
    lane: Lane,
    task: Omit<CypherTask, 'maxBytes' | 'timeoutMs' | 'fetchSize'>,
    fetchSize = limits.fetchSize,
  ) {
    const budget = limits.cypherDeadlineMs;
    let started = false;
    // Still waiting for a slot at the deadline: the server is busy (503, retry). Running by then: the
    // query is too slow, the same answer as Neo4j's own timeout gets (errors.ts timedOut).
    const deadline = withDeadline(request, budget, () =>
      started
        ? timedOut(Math.round(budget / 1000))
        : new NotAnswering(
            `The query was not answered within ${Math.round(budget / 1000)} s; retry shortly.`,
          ),
    );
    try {
      const outcome = await lane.run(clientOf(request), deadline.signal, () => {
        started = true;
        return pool.run(
          {
            ...task,
            maxBytes: limits.maxResponseBytes,
            timeoutMs: limits.queryTimeoutMs,
            fetchSize,
          },
          { signal: deadline.signal, deadlineMs: budget },
        );
      });
      if (!outcome.ok) return reply.code(outcome.status).send(outcome.body);
      return reply.type('application/json; charset=utf-8').send(outcome.json);
    } finally {
      deadline.clear();
    }
  }

  app.post<{ Body: CypherRequest }>(
    '/api/cypher',
    {
      preValidation: queryMustBeAString,
      schema: {
        body: {
          type: 'object',
          properties: {
            query: { type: 'string', minLength: 1, maxLength: 50_000 },
            params: { type: 'object' },
            limit,
          },
          required: ['query'],
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const { query, params = {}, limit } = request.body;
      if (!query.trim()) throw badRequest('query must not be empty');
      return run(request, reply, lanes.cypher, {
        query,
        params,
        check: true,
        limit: clampLimit(limit),
        metadata: { app: 'cadre-graph', route: 'cypher' },
      });
    },
  );

  app.post<{ Params: { name: string }; Body: NamedQueryRequest | undefined }>(
    '/api/queries/:name/run',
    {
      schema: {
        params: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 1, maxLength: 100 } },
          required: ['name'],
          additionalProperties: false,
        },
        body: {
          type: 'object',
          properties: {
            // Strings as a form sends them; numbers and booleans are accepted and converted the same way.
            params: {
              type: 'object',
              additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
            },
            limit,
          },
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => {
      const query = catalog.queries.get(request.params.name);
      if (!query) throw notFound(`no named query ${request.params.name}`);
      const values = request.body?.params ?? {};
      const unknown = Object.keys(values).filter((k) => !query.params.some((p) => p.name === k));
      if (unknown.length > 0)
        throw badRequest(
          `unknown parameter ${unknown.join(', ')} for ${query.name} (it takes ${
            query.params.map((p) => p.name).join(', ') || 'none'
          })`,
        );
      let params: Record<string, unknown>;
      try {
        params = bindParams(query, values);
      } catch (error) {
        throw badRequest((error as Error).message);
      }
      // Ours were checked once (named.ts); only the first use after a start with Neo4j away waits here.
      await whileAlive(catalog.ready(query.name), liveness, request.gone);
      return run(
        request,
        reply,
        lanes.named,
        {
          query: query.cypher,
          params: plainParams(params),
          check: false,
          limit: clampLimit(request.body?.limit),
          metadata: { app: 'cadre-graph', route: `queries/${query.name}` },
        },
        limits.namedFetchSize,
      );
    },
  );
}
