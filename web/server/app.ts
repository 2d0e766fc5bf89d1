// The API the web app talks to (the shapes are in ../contract.ts). Every database call is a managed
// read transaction with parameters; the server owns the Neo4j credentials and the browser never sees them.
// Every request is bounded: a lane with a cap per client and overall (limits.ts), a deadline, and for
// Cypher a worker thread with its own heap (cypher-pool.ts).
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Database } from '../../db/driver.ts';
import { describeError } from '../../db/driver.ts';
import { loadNamedQueries } from '../../db/named-queries.ts';
import type { RouteContext, RouteLimits } from './context.ts';
import { DEFAULT_ROW_LIMIT, MAX_RESPONSE_BYTES } from './cypher.ts';
import { CypherPool } from './cypher-pool.ts';
import { NotAnswering, prober, reader } from './database.ts';
import { DatabaseUnavailable, HttpError, isDatabaseDown } from './errors.ts';
import { Aborted, createLanes, DEFAULT_LANES, TooManyRequests, type LaneConfig } from './limits.ts';
import { registerJsonParser } from './json.ts';
import { NamedQueryCatalog } from './named.ts';
import { clientOf, registerClientSignals } from './requests.ts';
import { activityRoutes } from './routes/activity.ts';
import { articleRoutes } from './routes/articles.ts';
import { cypherRoutes } from './routes/cypher.ts';
import { graphRoutes } from './routes/graph.ts';
import { metaRoutes } from './routes/meta.ts';
import { namesakeRoutes } from './routes/namesakes.ts';
import { nodeRoutes } from './routes/nodes.ts';
import { searchRoutes } from './routes/search.ts';
import { registerSecurity, type LoginBackoff } from './security.ts';
import { warmUpPlans } from './warm-up.ts';

/** Worker threads of the served app: one per running slot of the Cypher and named-query lanes. */
export const WARM_THREADS = DEFAULT_LANES.cypher.running + DEFAULT_LANES.named.running;

export interface AppOptions {
  db: Database;
  /** Folder with the built web app (vite build); the API alone when undefined. */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** Neo4j stops a Cypher or named-query transaction after this long; 30 s by default. */
  queryTimeoutMs?: number;
  /** A Cypher request is answered within this long, queueing and serialising included; 35 s. */
  cypherDeadlineMs?: number;
  /**
   * The explorer's own reads (search, expand, overview…) are answered within this long; 12 s, under
   * the page's own 15 s. One still running after `hungAfterMs` (2 s) asks the liveness probe, which
   * waits up to 6 s: a hung Neo4j is answered 503 within 10 s, a slow or busy one gets its answer.
   */
  readDeadlineMs?: number;
  hungAfterMs?: number;
  /** Rows of a Cypher result stop once their JSON passes this many characters (16 MB). */
  maxResponseBytes?: number;
  /** Worker threads for Cypher and named queries, and the heap of each. */
  cypherThreads?: number;
  workerHeapMb?: number;
  /**
   * Worker threads started with the app (and restarted when one is stopped) rather than on first use:
   * starting one takes seconds on a busy machine. The served app starts them all; tests need not.
   */
  warmThreads?: number;
  lanes?: LaneConfig;
  /**
   * Run each route's query once before serving (warm-up.ts), so the first requests find their plans
   * made: the served app does; tests need not.
   */
  warmPlans?: boolean;
  /** When set, every request needs basic auth with this token as the password (16+ characters). */
  accessToken?: string;
  /** How wrong tokens slow a client down (security.ts; tests pass one with a longer first wait). */
  loginBackoff?: LoginBackoff;
  /** The address the server listens on (127.0.0.1): the Host header must name it, or be loopback. */
  host?: string;
  /** Further names the Host header may carry (CADRE_ALLOWED_HOSTS). */
  allowedHosts?: string[];
  /** The token of the one write route (namesake decisions); the route is off without it. */
  reviewToken?: string;
}

export async function buildApp({
  db,
  staticDir,
  logger = false,
  queryTimeoutMs = 30_000,
  cypherDeadlineMs = queryTimeoutMs + 5_000,
  readDeadlineMs = 12_000,
  hungAfterMs = 2_000,
  maxResponseBytes = MAX_RESPONSE_BYTES,
  lanes: laneConfig = DEFAULT_LANES,
  cypherThreads = laneConfig.cypher.running + laneConfig.named.running,
  workerHeapMb = 384,
  warmThreads = 0,
  warmPlans = false,
  accessToken,
  loginBackoff,
  host = '127.0.0.1',
  allowedHosts = [],
  reviewToken,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: 64 * 1024,
    // A client that sends its request slowly cannot hold a connection for ever.
    requestTimeout: 60_000,
    // Unknown parameters are an error the client should hear about, not something to drop silently.
    ajv: { customOptions: { removeAdditional: false } },
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof TooManyRequests)
      return reply
        .code(429)
        .header('retry-after', String(error.retryAfterSeconds))
        .send({ error: error.message });
    if (error instanceof NotAnswering)
      return reply.code(503).header('retry-after', '5').send({ error: error.message });
    if (error instanceof DatabaseUnavailable || isDatabaseDown(error)) {
      return reply
        .code(503)
        .send({ error: `Neo4j is not reachable: ${error instanceof Error ? error.message : String(error)}` });
    }
    // Nobody is listening any more; the status only shows in logs.
    if (error instanceof Aborted || (error as Error).name === 'AbortError')
      return reply.code(499).send({ error: describeError(error) });
    if (error instanceof HttpError)
      return reply.code(error.statusCode).send({ error: error.message, ...error.extra });
    // Fastify's own 4xx (schema validation, bad JSON, body too large) keep their status and message.
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500)
      return reply.code(status).send({ error: describeError(error) });
    app.log.error(error);
    return reply.code(500).send({ error: describeError(error) });
  });

  await registerSecurity(app, { accessToken, backoff: loginBackoff, host, allowedHosts });
  registerClientSignals(app);
  registerJsonParser(app);

  const queries = loadNamedQueries();
  const catalog = new NamedQueryCatalog(db, queries);
  // The route queries' plans first (the start page needs them), then the named queries' checks.
  if (warmPlans) await warmUpPlans(db);
  void catalog.checkAll();
  // Asked early and given long: a probe queued behind heavy work on a busy Neo4j still gets through.
  const probe = prober(db, 6_000);
  const pool = new CypherPool(db, { threads: cypherThreads, warmThreads, heapMb: workerHeapMb, probe });
  app.addHook('onClose', () => pool.close());
  await pool.ready();
  const limits: RouteLimits = {
    queryTimeoutMs,
    cypherDeadlineMs,
    readDeadlineMs,
    maxResponseBytes,
    // Rows in flight per request: small enough that 1 MB rows cannot pile up in Neo4j's buffers.
    fetchSize: Math.min(DEFAULT_ROW_LIMIT, 100),
    // A page of a named query in one batch: at 100 its 1,000 rows took ten round trips more than the
    // driver's default (place-events at 1.7x the driver's time, bench:api).
    namedFetchSize: DEFAULT_ROW_LIMIT,
  };
  const lanes = createLanes(laneConfig);
  const liveness = { deadlineMs: readDeadlineMs, probeAfterMs: hungAfterMs, probe };
  const read = reader(db, { timeoutMs: readDeadlineMs, heard: probe.heard, ...liveness });
  const context: RouteContext = {
    db,
    read: (request, work) =>
      lanes.read.run(clientOf(request), request.gone, () => read(work, { signal: request.gone })),
    reader: read,
    liveness,
    probe,
    queries,
    catalog,
    lanes,
    pool,
    limits,
  };
  metaRoutes(app, context);
  graphRoutes(app, context);
  searchRoutes(app, context);
  nodeRoutes(app, context);
  cypherRoutes(app, context);
  articleRoutes(app, context);
  activityRoutes(app, context);
  namesakeRoutes(app, context, reviewToken);

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
