// The API the web app talks to. Every database call is a managed read transaction with parameters;
// the server owns the Neo4j credentials and the browser never sees them.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../db/driver.ts';
import { describeError, isAuthError, isUnavailable } from '../../db/driver.ts';
import { bindParams, loadNamedQueries } from '../../db/named-queries.ts';
import { GraphCollector } from '../../graph/collect.ts';

export interface AppOptions {
  db: Database;
  /** Folder with the built web app (vite build); the API alone when undefined. */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
}

/** Raised for failures the client should see as "the database is unavailable". */
class DatabaseUnavailable extends Error {}

export async function buildApp({ db, staticDir, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: 64 * 1024,
    // Unknown parameters are an error the client should hear about, not something to drop silently.
    ajv: { customOptions: { removeAdditional: false } },
  });
  const queries = loadNamedQueries();

  const read = async <T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> => {
    const session = db.driver.session({ database: db.database, defaultAccessMode: 'READ' });
    try {
      return await session.executeRead(work, { timeout: 30_000 });
    } catch (error) {
      if (isUnavailable(error) || isAuthError(error)) throw new DatabaseUnavailable(describeError(error));
      throw error;
    } finally {
      await session.close();
    }
  };
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof DatabaseUnavailable) {
      return reply.code(503).send({ error: `Neo4j is not reachable: ${error.message}` });
    }
    // Fastify's own 4xx (schema validation, bad JSON, body too large) keep their status and message.
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return reply.code(status).send({ error: describeError(error) });
    app.log.error(error);
    return reply.code(500).send({ error: describeError(error) });
  });

  app.get('/api/health', async (_request, reply) => {
    try {
      await db.driver.verifyConnectivity({ database: db.database });
      return { status: 'ok', neo4j: 'up' };
    } catch (error) {
      return reply.code(503).send({ status: 'degraded', neo4j: 'down', error: describeError(error) });
    }
  });

  app.get('/api/stats', async () => {
    const counts = await read(async (tx) => {
      const result = await tx.run(
        'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label',
      );
      return result.records.map((r) => ({ label: r.get('label') as string, count: Number(r.get('count')) }));
    });
    return { labels: counts };
  });

  app.get('/api/queries', async () => ({
    queries: [...queries.values()].map(({ name, title, description, params }) => ({
      name,
      title,
      description,
      params,
    })),
  }));

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
    async (request) => {
      const overview = queries.get('overview');
      if (!overview) throw new Error('cypher/queries/overview.cypher is missing');
      const params = bindParams(overview, { limit: request.query.limit });
      const records = await read(async (tx) => (await tx.run(overview.cypher, params)).records);
      return new GraphCollector().addRecords(records).toPayload();
    },
  );

  if (staticDir && fs.existsSync(path.join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(staticDir), index: 'index.html' });
    // Client-side routes fall back to the app; unknown API paths stay 404.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.code(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}` });
    });
  }

  return app;
}
