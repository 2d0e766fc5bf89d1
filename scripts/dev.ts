// `npm run dev`: the API server on PORT+1 and Vite's dev server (hot reload) on PORT, proxying /api.
// Uses the database `npm start` would pick; run `npm start` once first to ingest the seeds.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { appConfig, neo4jConfig } from '../db/config.ts';
import { describeError, openDatabase, waitForDatabase } from '../db/driver.ts';
import { provideDatabase } from '../db/provide.ts';
import { buildApp, WARM_THREADS } from '../web/server/app.ts';
import { checkExposure } from '../web/server/security.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = neo4jConfig();
const { host, port, accessToken, allowedHosts, reviewToken } = appConfig();

try {
  checkExposure(host, accessToken);
  const provided = await provideDatabase(config, (line) => console.log(line));
  const db = openDatabase({ ...config, uri: provided.uri }, { maxRetryMs: 3000, connectionTimeoutMs: 5000 });
  await waitForDatabase(db, 120_000);
  const api = await buildApp({
    db,
    accessToken,
    reviewToken,
    host,
    allowedHosts,
    warmThreads: WARM_THREADS,
    warmPlans: true,
  });
  await api.listen({ host, port: port + 1 });
  process.env.API_URL = `http://${host}:${port + 1}`;
  const vite = await createServer({
    configFile: path.join(repoRoot, 'vite.config.ts'),
    server: { host, port },
  });
  await vite.listen();
  vite.printUrls();
  const stop = () =>
    void Promise.all([vite.close(), api.close()])
      .then(() => db.close())
      .then(() => provided.stop?.())
      .then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`dev: ${describeError(error)}`);
  process.exit(1);
}
