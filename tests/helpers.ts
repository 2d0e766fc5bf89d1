// Shared by the integration and end-to-end tests.
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Relationship } from 'neo4j-driver';
import { openDatabase, type Database } from '../db/driver.ts';
import { resolveEvidence } from '../graph/evidence.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { buildApp } from '../web/server/app.ts';

export function testDatabase(): Database {
  return openDatabase({
    uri: inject('neo4jUri'),
    user: inject('neo4jUser'),
    password: inject('neo4jPassword'),
    database: undefined,
    boltPort: 0,
  });
}

export async function clearDatabase(db: Database): Promise<void> {
  await db.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: db.database });
}

/** Node and relationship counts by label and type: the fingerprint tests compare across runs. */
export async function graphCounts(db: Database): Promise<Record<string, number>> {
  const { records } = await db.driver.executeQuery(
    `CALL () { MATCH (n) UNWIND labels(n) AS key RETURN key, count(*) AS count
       UNION ALL MATCH ()-[r]->() RETURN type(r) AS key, count(*) AS count }
     RETURN key, sum(count) AS count ORDER BY key`,
    {},
    { database: db.database, routing: 'READ' },
  );
  return Object.fromEntries(records.map((r) => [r.get('key') as string, Number(r.get('count'))]));
}

/**
 * Everything in the graph as sorted lines (labels and properties of nodes, type, endpoint keys and
 * properties of relationships), without element ids or ingest timestamps: equal dumps, equal graphs.
 */
export async function canonicalDump(db: Database): Promise<string[]> {
  const read = { database: db.database, routing: 'READ' as const };
  const nodes = await db.driver.executeQuery(
    'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props',
    {},
    read,
  );
  const rels = await db.driver.executeQuery(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, coalesce(a.id, a.doc) AS from, coalesce(b.id, b.doc) AS to, properties(r) AS props`,
    {},
    read,
  );
  const stable = (props: Record<string, unknown>) => {
    const { ingestedAt: _ignored, ...rest } = props;
    return JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))));
  };
  return [
    ...nodes.records.map(
      (r) => `(${(r.get('labels') as string[]).sort().join(':')} ${stable(r.get('props'))})`,
    ),
    ...rels.records.map(
      (r) => `[${r.get('type')} ${r.get('from')} -> ${r.get('to')} ${stable(r.get('props'))}]`,
    ),
  ].sort();
}

/** The test database holding exactly the seeds: cleared, then the seeds ingested. */
export async function seededDatabase(): Promise<Database> {
  const db = testDatabase();
  await clearDatabase(db);
  await ingestPaths(db, [path.resolve('seeds')]);
  return db;
}

/** The seeded test database and the API over it, as the API's integration tests start from. */
export async function seededApp(): Promise<{ db: Database; app: FastifyInstance }> {
  const db = await seededDatabase();
  return { db, app: await buildApp({ db }) };
}

/** Closes what seededApp opened (either may be missing when its beforeAll failed). */
export async function closeApp(app: FastifyInstance | undefined, db: Database | undefined): Promise<void> {
  await app?.close();
  await db?.close();
}

/**
 * Relationships returned as `r` by a read query, with their evidence (articleId, sentence) resolved the
 * way the API resolves it, plus the query's other columns.
 */
export async function withEvidence(
  db: Database,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<(Record<string, unknown> & { r: Record<string, unknown> })[]> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(async (tx) => {
      const records = (await tx.run(cypher, params)).records;
      const rows = records.map((record) => {
        const rel = record.get('r') as Relationship;
        return { ...record.toObject(), r: { ...rel.properties }, id: rel.elementId, type: rel.type };
      });
      await resolveEvidence(
        tx,
        rows.map((row) => ({ id: row.id, type: row.type, properties: row.r })),
      );
      return rows;
    });
  } finally {
    await session.close();
  }
}

/** Writes a one-page paper (its manifest with home jurisdiction and date, and 01.txt) under `dir/name`. */
export function paperFolder(
  dir: string,
  name: string,
  home: Record<string, string>,
  date: string,
  text: string,
): string {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ paper: name, date, home }));
  fs.writeFileSync(path.join(folder, '01.txt'), text);
  return folder;
}
