// The bulk path builds the same graph as the incremental one: seeds plus 1,000 generated articles,
// once through `ingestPaths` into the test database, once as CSV through `neo4j-admin database import
// full` into a second local Neo4j, then the schema; the canonical dumps must be equal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { writeCorpus } from '../../bench/corpus.ts';
import { openDatabase, type Database } from '../../db/driver.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../db/local-neo4j.ts';
import { createSchema, importLocally, writeBulkCsv } from '../../ingest/bulk.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { canonicalDump, clearDatabase, testDatabase } from '../helpers.ts';

const port = Number(process.env.NEO4J_BULK_TEST_PORT ?? 7752);
let db: Database;
let work: string;
let corpus: string;
let bulk: LocalNeo4j | undefined;

beforeAll(() => {
  db = testDatabase();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-bulk-'));
  corpus = path.join(work, 'corpus');
  writeCorpus({ dir: corpus, pages: 200, counties: 20 });
});
afterAll(async () => {
  await bulk?.stop();
  await db.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('--bulk', () => {
  it('gives the graph of the incremental ingest', { timeout: 600_000 }, async () => {
    const inputs = [path.resolve('seeds'), corpus];
    await clearDatabase(db);
    const incremental = await ingestPaths(db, inputs);
    expect(incremental.articles).toBeGreaterThan(1000);
    const reference = await canonicalDump(db);

    const csv = await writeBulkCsv(inputs, path.join(work, 'csv'));
    expect(csv.summary.articles).toBe(incremental.articles);
    // The launcher's classpath is resolved once per machine; reuse the test database's copy.
    const root = path.join(work, 'neo4j');
    fs.mkdirSync(root);
    const testRoot = path.resolve(process.env.NEO4J_TEST_ROOT ?? '.neo4j/test');
    for (const f of fs.readdirSync(testRoot).filter((f) => f.startsWith('classpath-')))
      fs.copyFileSync(path.join(testRoot, f), path.join(root, f));
    const output = await importLocally(root, csv.files);
    expect(output).toMatch(/IMPORT DONE/);

    bulk = await startLocalNeo4j({ root, port, user: inject('neo4jUser'), password: 'bulk-test-secret' });
    const bulkDb = openDatabase({
      uri: bulk.uri,
      user: inject('neo4jUser'),
      password: 'bulk-test-secret',
      database: undefined,
      boltPort: 0,
    });
    try {
      await createSchema(bulkDb);
      expect(await canonicalDump(bulkDb)).toEqual(reference);
      // The ledger came with it: an incremental run over the same files finds nothing to do.
      const again = await ingestPaths(bulkDb, inputs);
      expect(again.unchanged).toBe(again.files);
      // And the full-text index was built over the imported names.
      const hits = await bulkDb.driver.executeQuery(
        "CALL db.index.fulltext.queryNodes('search_names', '章旭升') YIELD node RETURN count(node) AS n",
      );
      expect(Number(hits.records[0]!.get('n'))).toBeGreaterThan(0);
    } finally {
      await bulkDb.close();
    }
  });
});
