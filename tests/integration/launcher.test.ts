// The local launcher on its own port and folder: auth is on, a stop is clean, and a restart keeps the data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/driver.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../db/local-neo4j.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-launcher-'));
const port = Number(process.env.NEO4J_LAUNCHER_TEST_PORT ?? 7689);
const credentials = { user: 'neo4j', password: 'launcher-test-pw' };
let running: LocalNeo4j | undefined;

// The classpath is resolved once per pom; reuse the test run's cache instead of asking Maven again.
for (const file of fs.existsSync('.neo4j/test') ? fs.readdirSync('.neo4j/test') : []) {
  if (file.startsWith('classpath-')) fs.copyFileSync(path.join('.neo4j/test', file), path.join(root, file));
}

afterAll(async () => {
  await running?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

async function withDriver<T>(password: string, work: (db: ReturnType<typeof openDatabase>) => Promise<T>) {
  const db = openDatabase({
    uri: `bolt://127.0.0.1:${port}`,
    ...credentials,
    password,
    database: undefined,
    boltPort: port,
  });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

describe('local Neo4j launcher', () => {
  it('starts with authentication on and refuses a wrong password', async () => {
    running = await startLocalNeo4j({ root, port, ...credentials });
    expect(running.uri).toBe(`bolt://127.0.0.1:${port}`);
    await withDriver(credentials.password, async (db) => {
      await db.driver.executeQuery("CREATE (:Probe {note: '重启后仍在'})");
    });
    await expect(withDriver('wrong-password', (db) => db.driver.verifyConnectivity())).rejects.toThrow(
      /authentication|unauthorized/i,
    );
  });

  it('stops cleanly and keeps the data for the next start', async () => {
    await running!.stop();
    expect(running!.process.exitCode !== null || running!.process.signalCode !== null).toBe(true);
    expect(fs.readFileSync(path.join(root, 'neo4j.log'), 'utf8')).toContain('Neo4j stopping');

    running = await startLocalNeo4j({ root, port, ...credentials });
    const notes = await withDriver(credentials.password, async (db) => {
      const { records } = await db.driver.executeQuery('MATCH (p:Probe) RETURN p.note AS note');
      return records.map((r) => r.get('note'));
    });
    expect(notes).toEqual(['重启后仍在']);
  });

  it('explains why it cannot start when the port is taken', async () => {
    await expect(startLocalNeo4j({ root: path.join(root, 'second'), port, ...credentials })).rejects.toThrow(
      `port ${port} on 127.0.0.1 is already in use`,
    );
  });
});
