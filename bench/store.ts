// What a Neo4j store holds: its files by kind, and its properties by label or type (bench:ingest).
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/driver.ts';

/** The store of one database by kind of file: strings, arrays, properties, relationships, nodes, indexes. */
export function storeBreakdown(dir: string): string {
  const kinds = new Map<string, number>();
  if (!fs.existsSync(dir)) return '';
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full);
    const kind = rel.startsWith('schema/index/fulltext')
      ? 'full-text indexes'
      : rel.startsWith('schema/')
        ? 'range indexes'
        : /propertystore\.db\.strings$/.test(rel)
          ? 'strings'
          : /propertystore\.db\.arrays$/.test(rel)
            ? 'arrays'
            : /propertystore\.db$/.test(rel)
              ? 'properties'
              : /relationshipstore\.db$/.test(rel)
                ? 'relationships'
                : /nodestore\.db$/.test(rel)
                  ? 'nodes'
                  : 'other';
    kinds.set(kind, (kinds.get(kind) ?? 0) + fs.statSync(full).size);
  }
  return [...kinds.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, bytes]) => `${kind} ${(bytes / 1024 / 1024).toFixed(1)} MB`)
    .join(', ');
}

/**
 * What the store holds, by label or type and property: values, UTF-8 bytes, and an estimate of the
 * string and array store they take (Neo4j keeps a string inline in its property record up to about
 * 24 bytes of UTF-8 or ~30 ASCII characters, else in 128-byte records of 120 bytes of payload; arrays of
 * strings always go to the array store).
 */
export async function propertyProfile(db: Database, top = 12): Promise<string> {
  const rows = new Map<string, { count: number; bytes: number; dynamic: number }>();
  const add = (owner: string, props: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(props)) {
      const name = `${owner}.${key}`;
      const row = rows.get(name) ?? { count: 0, bytes: 0, dynamic: 0 };
      row.count++;
      if (typeof value === 'string') {
        const bytes = Buffer.byteLength(value);
        row.bytes += bytes;
        // eslint-disable-next-line no-control-regex
        const inline = /^[\x00-\x7f]*$/.test(value) ? value.length <= 30 : bytes <= 24;
        if (!inline) row.dynamic += Math.ceil(bytes / 120) * 128;
      } else if (Array.isArray(value)) {
        const bytes = value.reduce((n: number, v) => n + Buffer.byteLength(String(v)) + 4, 0);
        row.bytes += bytes;
        row.dynamic += Math.ceil(bytes / 120) * 128;
      }
      rows.set(name, row);
    }
  };
  const read = { database: db.database, routing: 'READ' as const };
  const labels = (await db.driver.executeQuery('CALL db.labels()', {}, read)).records.map(
    (r) => r.get(0) as string,
  );
  for (const label of labels) {
    // Label names come from the database itself, not from input.
    const { records } = await db.driver.executeQuery(
      `MATCH (n:\`${label}\`) RETURN properties(n) AS p`,
      {},
      read,
    );
    for (const r of records) add(`:${label}`, r.get('p') as Record<string, unknown>);
  }
  const types = (await db.driver.executeQuery('CALL db.relationshipTypes()', {}, read)).records.map(
    (r) => r.get(0) as string,
  );
  for (const type of types) {
    const { records } = await db.driver.executeQuery(
      `MATCH ()-[r:\`${type}\`]->() RETURN properties(r) AS p`,
      {},
      read,
    );
    add(`[:${type}]`, { '(relationships)': null });
    for (const r of records) add(`[:${type}]`, r.get('p') as Record<string, unknown>);
  }
  return [...rows.entries()]
    .sort((a, b) => b[1].dynamic - a[1].dynamic || b[1].count - a[1].count)
    .slice(0, top)
    .map(
      ([name, r]) =>
        `    ${name}: ${r.count} values, ${(r.bytes / 1024 / 1024).toFixed(1)} MB UTF-8, ~${(r.dynamic / 1024 / 1024).toFixed(1)} MB in string/array records`,
    )
    .join('\n');
}
