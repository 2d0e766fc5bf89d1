// What a Neo4j store holds: its files by kind, and its properties by label or type (bench:ingest).
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/driver.ts';

/** Index names by the id that names their folder under schema/index (SHOW INDEXES), for storeBreakdown. */
export async function indexNames(db: Database): Promise<Map<string, string>> {
  const { records } = await db.driver.executeQuery(
    'SHOW INDEXES YIELD id, name RETURN id, name',
    {},
    { database: db.database, routing: 'READ' },
  );
  return new Map(records.map((r) => [String(r.get('id')), r.get('name') as string]));
}

/**
 * The store of one database by kind of file: strings, arrays, properties, relationships, nodes, indexes;
 * with `names`, also the `top` largest indexes by name.
 */
export function storeBreakdown(dir: string, names?: Map<string, string>, top = 5): string {
  const kinds = new Map<string, number>();
  const indexes = new Map<string, number>();
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
    const size = fs.statSync(full).size;
    kinds.set(kind, (kinds.get(kind) ?? 0) + size);
    const index = /^schema\/index\/[^/]+\/(\d+)\//.exec(rel)?.[1];
    if (index) {
      const name = names?.get(index) ?? `index ${index}`;
      indexes.set(name, (indexes.get(name) ?? 0) + size);
    }
  }
  const list = (sizes: Map<string, number>) =>
    [...sizes.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, bytes]) => `${k} ${(bytes / 1024 / 1024).toFixed(1)} MB`);
  const byKind = list(kinds).join(', ');
  return names ? `${byKind}; largest indexes: ${list(indexes).slice(0, top).join(', ')}` : byKind;
}

/**
 * Property-store blocks (8 bytes) a value takes in its property record: a record holds 4 blocks and
 * belongs to one node or relationship, and one property is never split across records. Numbers and
 * booleans take 1; a short string is packed inline (a 39-bit header, then 4 bits a character for digits
 * and dashes, 6 for lower-case ASCII, digits and a few signs, 8 for other ASCII and for each UTF-8
 * byte) when it fits 4 blocks, else 1 block points to the string store; arrays point to the array store.
 * So offsets are nearly free, and a Chinese position (12-15 bytes) or an id of 18 ASCII characters
 * takes 3 blocks: records, not strings, make most of a store like this one.
 */
export function propertyBlocks(value: unknown): number {
  if (typeof value !== 'string') return 1;
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(value);
  const bits = !ascii
    ? Buffer.byteLength(value) * 8
    : /^[0-9 .,+\-:]*$/.test(value)
      ? value.length * 4
      : /^[a-z0-9 _.\-:/]*$/.test(value)
        ? value.length * 6
        : value.length * 8;
  const blocks = Math.ceil((39 + bits) / 64);
  return blocks <= 4 ? blocks : 1;
}

/** Property records an entity needs for these values (first fit, largest first), 41 bytes each. */
export function propertyRecords(props: Record<string, unknown>): number {
  const free: number[] = [];
  for (const blocks of Object.values(props)
    .filter((v) => v !== null && v !== undefined)
    .map(propertyBlocks)
    .sort((a, b) => b - a)) {
    const record = free.findIndex((room) => room >= blocks);
    if (record < 0) free.push(4 - blocks);
    else free[record]! -= blocks;
  }
  return free.length;
}

/**
 * What the store holds, by label or type and property: values, UTF-8 bytes, and an estimate of the
 * string and array store they take (Neo4j keeps a string inline in its property record up to about
 * 24 bytes of UTF-8 or ~30 ASCII characters, else in 128-byte records of 120 bytes of payload; arrays of
 * strings always go to the array store).
 */
export async function propertyProfile(db: Database, top = 12): Promise<string> {
  const rows = new Map<string, { count: number; bytes: number; dynamic: number }>();
  const owners = new Map<string, { count: number; records: number }>();
  const add = (owner: string, props: Record<string, unknown>) => {
    if (!('(relationships)' in props)) {
      const own = owners.get(owner) ?? { count: 0, records: 0 };
      own.count++;
      own.records += propertyRecords(props);
      owners.set(owner, own);
    }
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
  const totalRecords = [...owners.values()].reduce((n, o) => n + o.records, 0);
  const byOwner = [...owners.entries()]
    .sort((a, b) => b[1].records - a[1].records)
    .slice(0, 8)
    .map(
      ([owner, o]) =>
        `${owner} ${o.count} × ${(o.records / o.count).toFixed(1)} = ${((o.records * 41) / 1024 / 1024).toFixed(1)} MB`,
    );
  const recordLine = `    property records (41 bytes each, estimated): ${((totalRecords * 41) / 1024 / 1024).toFixed(1)} MB; ${byOwner.join(', ')}`;
  return [
    recordLine,
    ...[...rows.entries()]
      .sort((a, b) => b[1].dynamic - a[1].dynamic || b[1].count - a[1].count)
      .slice(0, top)
      .map(
        ([name, r]) =>
          `    ${name}: ${r.count} values, ${(r.bytes / 1024 / 1024).toFixed(1)} MB UTF-8, ~${(r.dynamic / 1024 / 1024).toFixed(1)} MB in string/array records`,
      ),
  ].join('\n');
}
