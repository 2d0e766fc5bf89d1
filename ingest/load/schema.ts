// Applies cypher/schema.cypher: constraints and indexes, each statement idempotent.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../db/driver.ts';

const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher/schema.cypher');

/** Splits a Cypher script into statements: `//` comment lines dropped, statements end with `;`. */
export function splitStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export async function applySchema(db: Database): Promise<number> {
  const statements = splitStatements(fs.readFileSync(schemaFile, 'utf8'));
  for (const statement of statements) {
    // Schema commands cannot share a transaction with writes; each runs in its own.
    await db.driver.executeQuery(statement, {}, { database: db.database });
  }
  // Writes right after creation should use the indexes, so wait until they are online.
  await db.driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database: db.database });
  return statements.length;
}
