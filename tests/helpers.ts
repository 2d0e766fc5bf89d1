// Shared by the integration and end-to-end tests.
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/driver.ts';

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
