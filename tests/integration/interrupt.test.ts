// An ingest killed mid-run (SIGKILL, as a crash would) leaves no half-written file, and a rerun picks up
// where it stopped and ends with exactly the graph of a clean run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { canonicalDump, clearDatabase, testDatabase } from '../helpers.ts';

let db: Database;
const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-interrupt-'));

async function count(cypher: string): Promise<number> {
  const { records } = await db.driver.executeQuery(cypher, {}, { database: db.database, routing: 'READ' });
  return Number(records[0]!.get(0));
}

beforeAll(async () => {
  db = testDatabase();
  // 120 pages: the seeds under many names, each page's officials renamed so the files differ.
  const seeds = fs.readdirSync('seeds').filter((f) => f.endsWith('.txt'));
  const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
  for (let i = 0; i < 24; i++) {
    for (const seed of seeds) {
      const text = fs
        .readFileSync(path.join('seeds', seed), 'utf8')
        .replaceAll('章旭升', `${surnames[i]}旭升`);
      fs.writeFileSync(path.join(corpus, `${String(i).padStart(2, '0')}-${seed}`), text);
    }
  }
});
afterAll(async () => {
  await db.close();
  fs.rmSync(corpus, { recursive: true, force: true });
});

describe('an interrupted ingest', () => {
  let clean: string[];

  it('a clean run gives the reference graph', async () => {
    await clearDatabase(db);
    const summary = await ingestPaths(db, [corpus]);
    expect(summary.failed).toEqual([]);
    clean = await canonicalDump(db);
    expect(clean.length).toBeGreaterThan(1000);
  });

  it('killed mid-run, leaves only whole files behind', async () => {
    await clearDatabase(db);
    // Small transactions, so that the kill lands between commits.
    const child = spawn('npx', ['tsx', 'ingest/cli/ingest.ts', '--batch', '20', corpus], {
      env: {
        ...process.env,
        NEO4J_URI: inject('neo4jUri'),
        NEO4J_USER: inject('neo4jUser'),
        NEO4J_PASSWORD: inject('neo4jPassword'),
      },
      stdio: 'ignore',
      detached: true,
    });
    // Kill as soon as some files are in, long before all are.
    const deadline = Date.now() + 90_000;
    let stored = 0;
    while (Date.now() < deadline && stored < 10) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stored = await count('MATCH (d:Document) RETURN count(d)');
    }
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const files = await count('MATCH (d:Document) RETURN count(d)');
    expect(files).toBeGreaterThanOrEqual(10);
    expect(files).toBeLessThan(120);
    // Every stored article belongs to a file whose ledger entry committed with it.
    expect(
      await count(
        "MATCH (a:Article) WHERE NOT EXISTS { MATCH (:Document {id: split(a.id, '#')[0], path: a.doc}) } RETURN count(a)",
      ),
    ).toBe(0);
    expect(
      await count(`MATCH (d:Document) OPTIONAL MATCH (a:Article) WHERE a.id STARTS WITH d.id + '#'
                   WITH d, count(a) AS articles WHERE articles <> d.articles RETURN count(d)`),
    ).toBe(0);
  });

  it('a rerun skips what is stored, finishes the rest, and equals the clean run', async () => {
    const summary = await ingestPaths(db, [corpus]);
    expect(summary.unchanged).toBeGreaterThanOrEqual(10);
    expect(summary.written).toBe(120 - summary.unchanged);
    expect(await canonicalDump(db)).toEqual(clean);
  });
});
