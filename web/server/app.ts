// The API the web app talks to (the shapes are in ../contract.ts). Every database call is a managed
// read transaction with parameters; the server owns the Neo4j credentials and the browser never sees them.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Database } from '../../db/driver.ts';
import { describeError } from '../../db/driver.ts';
import { loadNamedQueries } from '../../db/named-queries.ts';
import type { RouteContext } from './context.ts';
import { reader } from './database.ts';
import { DatabaseUnavailable, HttpError } from './errors.ts';
import { activityRoutes } from './routes/activity.ts';
import { articleRoutes } from './routes/articles.ts';
import { cypherRoutes } from './routes/cypher.ts';
import { graphRoutes } from './routes/graph.ts';
import { metaRoutes } from './routes/meta.ts';
import { nodeRoutes } from './routes/nodes.ts';
import { searchRoutes } from './routes/search.ts';
import { registerSecurity } from './security.ts';

export interface AppOptions {
  db: Database;
  /** Folder with the built web app (vite build); the API alone when undefined. */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Neo4j stops any API transaction after this long (user Cypher included); 30 s by default. */
  queryTimeoutMs?: number;
  /** When set, every request needs basic auth with this token as the password. */
  accessToken?: string;
}

export async function buildApp({
  db,
  staticDir,
  logger = false,
  queryTimeoutMs = 30_000,
  accessToken,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: 64 * 1024,
    // Unknown parameters are an error the client should hear about, not something to drop silently.
    ajv: { customOptions: { removeAdditional: false } },
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof DatabaseUnavailable) {
      return reply.code(503).send({ error: `Neo4j is not reachable: ${error.message}` });
    }
    if (error instanceof HttpError)
      return reply.code(error.statusCode).send({ error: error.message, ...error.extra });
    // Fastify's own 4xx (schema validation, bad JSON, body too large) keep their status and message.
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return reply.code(status).send({ error: describeError(error) });
    app.log.error(error);
    return reply.code(500).send({ error: describeError(error) });
  });

  await registerSecurity(app, accessToken);

  const context: RouteContext = { db, read: reader(db, queryTimeoutMs), queries: loadNamedQueries() };
  metaRoutes(app, context);
  graphRoutes(app, context);
  searchRoutes(app, context);
  nodeRoutes(app, context);
  cypherRoutes(app, context);
  articleRoutes(app, context);
  activityRoutes(app, context);

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
