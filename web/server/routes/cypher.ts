// POST /api/cypher (the editor) and POST /api/queries/:name/run (a named query with its parameters):
// both go through the read-only runner of ../cypher.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bindParams } from '../../../db/named-queries.ts';
import type { CypherRequest, CypherResult, NamedQueryRequest } from '../../contract.ts';
import type { RouteContext } from '../context.ts';
import { MAX_ROW_LIMIT, clampLimit, cypherParams, runReadOnly } from '../cypher.ts';
import { badRequest, notFound } from '../errors.ts';

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

export function cypherRoutes(app: FastifyInstance, { read, queries }: RouteContext): void {
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
    async (request): Promise<CypherResult> => {
      const { query, params = {}, limit } = request.body;
      if (!query.trim()) throw badRequest('query must not be empty');
      return runReadOnly(read, {
        query,
        params: cypherParams(params) as Record<string, unknown>,
        limit: clampLimit(limit),
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
    async (request): Promise<CypherResult> => {
      const query = queries.get(request.params.name);
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
      return runReadOnly(read, { query: query.cypher, params, limit: clampLimit(request.body?.limit) });
    },
  );
}
