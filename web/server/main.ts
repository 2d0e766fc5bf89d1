// `npm run serve`: the API and the built web app against the Neo4j in NEO4J_URI (default: local port).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appConfig, neo4jConfig } from '../../db/config.ts';
import { describeError, openDatabase, type Database } from '../../db/driver.ts';
import { buildApp, WARM_THREADS } from './app.ts';
import { checkExposure } from './security.ts';

export const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');

/** Serves the API and dist/ on host:port (0: any free port); refuses a non-loopback host without a token. */
export async function startServer(
  db: Database,
  host: string,
  port: number,
  accessToken?: string,
  allowedHosts: string[] = [],
) {
  checkExposure(host, accessToken);
  const app = await buildApp({
    db,
    staticDir: distDir,
    accessToken,
    reviewToken: appConfig().reviewToken,
    host,
    allowedHosts,
    warmThreads: WARM_THREADS,
    warmPlans: true,
  });
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { app, url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = neo4jConfig();
  const { host, port, accessToken, allowedHosts } = appConfig();
  const db = openDatabase(
    { ...config, uri: config.uri ?? `bolt://127.0.0.1:${config.boltPort}` },
    { maxRetryMs: 3000, connectionTimeoutMs: 5000 },
  );
  try {
    const { app, url } = await startServer(db, host, port, accessToken, allowedHosts);
    console.log(`cadre-graph is serving ${url}`);
    const stop = () => void app.close().then(() => db.close());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`serve: ${describeError(error)}`);
    await db.close();
    process.exitCode = 1;
  }
}
