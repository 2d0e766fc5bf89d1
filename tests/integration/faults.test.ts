// Neo4j going away under the app and under an ingest: the API answers 503 and recovers by itself when
// the database is back; the ingest retries for a bounded time, stops with a message, and a rerun ends
// with the graph of a clean run. Uses a Neo4j of its own, which it stops and restarts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, waitForDatabase, type Database } from '../../db/driver.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../db/local-neo4j.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { buildApp } from '../../web/server/app.ts';
import { canonicalDump, clearDatabase } from '../helpers.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-faults-'));
const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-faults-corpus-'));
const port = Number(process.env.NEO4J_FAULTS_TEST_PORT ?? 7751);
const credentials = { user: 'neo4j', password: 'faults-test-pw' };
const config = { uri: `bolt://127.0.0.1:${port}`, ...credentials, database: undefined, boltPort: port };
let neo4j: LocalNeo4j | undefined;
let db: Database;

// Idempotent both ways, so that a test failing half-way leaves the next one a running Neo4j (its own
// failure, not a cascade of "port in use" or "connection refused").
const start = async () => {
  neo4j ??= await startLocalNeo4j({ root, port, ...credentials });
};
const stop = async () => {
  const running = neo4j;
  neo4j = undefined;
  await running?.stop();
};

beforeAll(async () => {
  for (const file of fs.existsSync('.neo4j/test') ? fs.readdirSync('.neo4j/test') : []) {
    if (file.startsWith('classpath-')) fs.copyFileSync(path.join('.neo4j/test', file), path.join(root, file));
  }
  await start();
  db = openDatabase(config, { maxRetryMs: 1000 });
  const seeds = fs.readdirSync('seeds').filter((f) => f.endsWith('.txt'));
  for (let i = 0; i < 24; i++) {
    for (const seed of seeds)
      fs.copyFileSync(path.join('seeds', seed), path.join(corpus, `${String(i).padStart(2, '0')}-${seed}`));
  }
});
afterAll(async () => {
  await db?.close();
  await stop();
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(corpus, { recursive: true, force: true });
});

describe('Neo4j stopped while the app runs', () => {
  it('answers 503 with a clear message, and works again when Neo4j is back, without a restart', async () => {
    const app = await buildApp({ db });
    // Cypher runs in a worker thread with a driver of its own: it too must drop its dead connections.
    const cypher = () =>
      app.inject({
        method: 'POST',
        url: '/api/cypher',
        payload: { query: 'MATCH (n) RETURN count(n) AS n' },
      });
    try {
      const up = await app.inject({ url: '/api/graph' });
      expect(up.statusCode, up.body).toBe(200);
      const cypherUp = await cypher();
      expect(cypherUp.statusCode, cypherUp.body).toBe(200);
      await stop();
      const down = await app.inject({ url: '/api/graph' });
      expect(down.statusCode).toBe(503);
      expect((down.json() as { error: string }).error).toMatch(/^Neo4j is not reachable/);
      expect((await app.inject({ url: '/api/health' })).statusCode).toBe(503);
      expect((await cypher()).statusCode).toBe(503);

      await start();
      await waitForDatabase(db, 60_000);
      expect((await app.inject({ url: '/api/graph' })).statusCode).toBe(200);
      expect((await cypher()).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok', neo4j: 'up' });
    } finally {
      await app.close();
      await start();
    }
    // It stops and starts a JVM database: about 40 s on a quiet machine, past 120 s at load 18.
  }, 300_000);
});

describe('Neo4j stopped during an ingest', () => {
  let clean: string[];

  it('a clean run gives the reference graph', async () => {
    await clearDatabase(db);
    await ingestPaths(db, [corpus]);
    clean = await canonicalDump(db);
    await clearDatabase(db);
  });

  it('retries for the bounded time, then exits non-zero with a message', async () => {
    const child = spawn(
      'npx',
      ['tsx', 'ingest/cli/ingest.ts', '--batch', '20', '--retry-seconds', '5', corpus],
      {
        env: {
          ...process.env,
          NEO4J_URI: config.uri,
          NEO4J_USER: credentials.user,
          NEO4J_PASSWORD: credentials.password,
        },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    const deadline = Date.now() + 90_000;
    let stored = 0;
    while (Date.now() < deadline && stored < 10) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { records } = await db.driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n');
      stored = Number(records[0]!.get('n'));
    }
    await stop();
    const stoppedAt = Date.now();
    expect(await exited).toBe(1);
    // 5 s of retries, plus the time to notice and to close: well under a minute, never a hang.
    expect(Date.now() - stoppedAt).toBeLessThan(60_000);
    expect(stderr).toMatch(/ingest: .*run the ingest again to finish/s);
  });

  it('a rerun after the restart completes with the graph of the clean run', async () => {
    await start();
    await waitForDatabase(db, 60_000);
    const summary = await ingestPaths(db, [corpus]);
    expect(summary.unchanged).toBeGreaterThanOrEqual(10);
    expect(summary.failed).toEqual([]);
    expect(await canonicalDump(db)).toEqual(clean);
  });
});
