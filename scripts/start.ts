// `npm start`: a database (NEO4J_URI, Docker Compose or the local launcher), the ingest of seeds/
// (or the folders given as arguments), the web build, and the server. Ctrl-C stops what it started.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { appConfig, neo4jConfig } from '../db/config.ts';
import { describeError, openDatabase, waitForDatabase } from '../db/driver.ts';
import { portProblem } from '../db/port.ts';
import { provideDatabase, type ProvidedDatabase } from '../db/provide.ts';
import { formatSummary, ingestPaths } from '../ingest/pipeline.ts';
import { createProgress } from '../ingest/progress.ts';
import { startServer } from '../web/server/main.ts';
import { checkExposure } from '../web/server/security.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const inputs = process.argv.slice(2);
  const folders = inputs.length > 0 ? inputs : [path.join(repoRoot, 'seeds')];
  const config = neo4jConfig();
  const { host, port, accessToken, allowedHosts } = appConfig();

  let provided: ProvidedDatabase | undefined;
  const shutdown = async (code: number) => {
    await provided?.stop?.();
    process.exit(code);
  };

  try {
    // Before anything starts: an exposed explorer needs a token.
    checkExposure(host, accessToken);
    const busy = await portProblem(host, port);
    if (busy) throw new Error(busy);
    provided = await provideDatabase(config, log);
    log(`Neo4j: ${provided.uri} (${provided.source})`);
    const ingestDb = openDatabase({ ...config, uri: provided.uri });
    try {
      await waitForDatabase(ingestDb, 120_000);
      log(`Ingesting ${folders.join(', ')}...`);
      log(formatSummary(await ingestPaths(ingestDb, folders, { progress: createProgress() })));
    } finally {
      await ingestDb.close();
    }

    log('Building the web app...');
    await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });

    // The server fails fast when Neo4j is down (the page shows it and retries) instead of hanging.
    const db = openDatabase(
      { ...config, uri: provided.uri },
      { maxRetryMs: 3000, connectionTimeoutMs: 5000 },
    );
    const { app, url } = await startServer(db, host, port, accessToken, allowedHosts);
    log(`\ncadre-graph is running: ${url}\nCtrl-C stops it.`);
    const stop = () => {
      log('Stopping...');
      void app
        .close()
        .then(() => db.close())
        .then(() => shutdown(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`start: ${describeError(error)}`);
    await shutdown(1);
  }
}

await main();
