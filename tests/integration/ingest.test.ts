// The ingest against a real Neo4j: what the seeds say is in the graph, re-runs are idempotent,
// a changed file leaves no stale facts, and a bad file is reported while the rest is stored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { canonicalDump, clearDatabase, graphCounts, testDatabase, withEvidence } from '../helpers.ts';

const seeds = path.resolve('seeds');
let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await clearDatabase(db);
});
afterAll(async () => db.close());

describe('ingest of the seeds', () => {
  let firstCounts: Record<string, number>;

  it('stores articles, people, events and places', async () => {
    const summary = await ingestPaths(db, [seeds]);
    const seedFiles = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).length;
    expect(summary.files).toBe(seedFiles);
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(seedFiles);
    firstCounts = await graphCounts(db);
    for (const key of [
      'Article',
      'Person',
      'Event',
      'Place',
      'ATTENDED',
      'HELD_IN',
      'REPORTED_IN',
      'MENTIONED_IN',
    ]) {
      expect(firstCounts[key], key).toBeGreaterThan(0);
    }
  });

  it('connects 章旭升 to an event on 04-01, with the sentence as evidence', async () => {
    const rows = await withEvidence(
      db,
      `MATCH (p:Person {name: $name})-[r:ATTENDED]->(e:Event)-[:REPORTED_IN]->(art:Article)
       WHERE e.date ENDS WITH '04-01'
       RETURN e.date AS date, r, art.doc AS doc`,
      { name: '章旭升' },
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.doc).toBe('001_2955f14923da8811.txt');
    expect(rows[0]!.r.sentence).toContain('章旭升');
  });

  it('keeps the evidence offsets pointing at the sentence in the source file, each sentence stored once', async () => {
    const rows = await withEvidence(
      db,
      `MATCH ()-[r:ATTENDED|HELD_IN|HOLDS|MENTIONED_IN|REPORTED_IN]->()
       WITH r, coalesce(r.articleId, endNode(r).articleId, startNode(r).articleId, endNode(r).id) AS articleId
       MATCH (art:Article {id: articleId})
       RETURN r, art.doc AS doc`,
    );
    expect(rows.length).toBeGreaterThan(100);
    const texts = new Map<string, string>();
    for (const row of rows) {
      const doc = row.doc as string;
      if (!texts.has(doc))
        texts.set(doc, fs.readFileSync(path.join(seeds, doc), 'utf8').replace(/^\uFEFF/, ''));
      const { start, end, sentence } = row.r as { start: number; end: number; sentence: string };
      expect(typeof sentence).toBe('string');
      expect(texts.get(doc)!.slice(start, end)).toBe(sentence);
    }
    // The relationships keep offsets into the stored article text, not copies of the sentence.
    const [stored] = (
      await db.driver.executeQuery(
        'MATCH ()-[r:ATTENDED|HELD_IN|MENTIONED_IN|REPORTED_IN]->() RETURN count(r.sentence) AS copies, count(r.articleId) AS ids',
        {},
        { database: db.database, routing: 'READ' },
      )
    ).records;
    expect(Number(stored!.get('copies'))).toBeLessThan(rows.length / 50);
    expect(Number(stored!.get('ids'))).toBe(0);
  });

  it('changes nothing when the same files are ingested again', async () => {
    const again = await ingestPaths(db, [seeds]);
    expect(again.unchanged).toBe(again.files);
    expect(again.written).toBe(0);
    expect(await graphCounts(db)).toEqual(firstCounts);
  });

  it('gives the same graph when the files are forced through again', async () => {
    const forced = await ingestPaths(db, [seeds], { force: true });
    expect(forced.written).toBe(forced.files);
    expect(await graphCounts(db)).toEqual(firstCounts);
  });
});

describe('changed and bad files', () => {
  let dir: string;

  beforeAll(async () => {
    await clearDatabase(db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-ingest-'));
    fs.copyFileSync(path.join(seeds, '001_2955f14923da8811.txt'), path.join(dir, 'page.txt'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replaces the facts of a changed file and leaves no stale person behind', async () => {
    await ingestPaths(db, [dir]);
    const before = await graphCounts(db);
    const original = fs.readFileSync(path.join(dir, 'page.txt'), 'utf8');
    // Rename the official everywhere: the old name must disappear from the graph, not linger.
    fs.writeFileSync(path.join(dir, 'page.txt'), original.replaceAll('章旭升', '章明远'));
    const summary = await ingestPaths(db, [dir]);
    expect(summary.written).toBe(1);
    const names = await db.driver.executeQuery(
      'MATCH (p:Person) WHERE p.name IN $names RETURN p.name AS name ORDER BY name',
      { names: ['章旭升', '章明远'] },
      { database: db.database, routing: 'READ' },
    );
    expect(names.records.map((r) => r.get('name'))).toEqual(['章明远']);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('reports a binary file and stores the others', async () => {
    fs.writeFileSync(
      path.join(dir, 'broken.txt'),
      Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x13, 0x37, 0x00, 0x00, 0x89]),
    );
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const summary = await ingestPaths(db, [dir], { force: true });
    expect(summary.failed.map((f) => path.basename(f.file))).toEqual(['broken.txt']);
    expect(summary.failed[0]!.reason.length).toBeGreaterThan(10);
    expect(summary.written).toBe(2);
    const { records } = await db.driver.executeQuery(
      'MATCH (a:Article {doc: $doc}) RETURN count(a) AS n',
      { doc: 'page.txt' },
      {
        database: db.database,
        routing: 'READ',
      },
    );
    expect(Number(records[0]!.get('n'))).toBeGreaterThan(0);
  });
});

describe('a large file', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-large-'));
    // One file holding many pages: far more articles than one transaction takes.
    const pages = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt'));
    const text = Array.from({ length: 8 }, () =>
      pages.map((f) => fs.readFileSync(path.join(seeds, f), 'utf8')).join('\n\n'),
    ).join('\n\n');
    fs.writeFileSync(path.join(dir, 'archive.txt'), text);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes a 50 MB file in its stride and still finds the news at its end', async () => {
    const big = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-50mb-'));
    try {
      const filler =
        '会议指出,要坚持以人民为中心的发展思想,扎实推进各项工作落地见效,不断提升群众的获得感。\n\n'.repeat(
          1000,
        );
      const parts: string[] = [];
      let bytes = 0;
      while (bytes < 50 * 1024 * 1024) {
        parts.push(filler);
        bytes += Buffer.byteLength(filler);
      }
      parts.push(fs.readFileSync(path.join(seeds, '001_2955f14923da8811.txt'), 'utf8'));
      fs.writeFileSync(path.join(big, 'huge.txt'), parts.join(''));
      await clearDatabase(db);
      const summary = await ingestPaths(db, [big]);
      expect(summary.failed).toEqual([]);
      expect(summary.written).toBe(1);
      const { records } = await db.driver.executeQuery(
        "MATCH (:Person {name: '章旭升'})-[:MENTIONED_IN]->(a:Article {doc: 'huge.txt'}) RETURN count(a) AS n",
        {},
        { database: db.database, routing: 'READ' },
      );
      expect(Number(records[0]!.get('n'))).toBeGreaterThan(0);
    } finally {
      fs.rmSync(big, { recursive: true, force: true });
    }
  });

  it('is written in chunks that add up to the graph of a single transaction', async () => {
    await clearDatabase(db);
    const whole = await ingestPaths(db, [dir], { articlesPerTransaction: 100_000 });
    expect(whole.articles).toBeGreaterThan(100);
    const reference = await canonicalDump(db);

    await clearDatabase(db);
    const chunked = await ingestPaths(db, [dir], { articlesPerTransaction: 20 });
    expect(chunked.articles).toBe(whole.articles);
    expect(await canonicalDump(db)).toEqual(reference);

    // And replacing it, chunk by chunk, leaves the same graph again.
    await ingestPaths(db, [dir], { articlesPerTransaction: 20, force: true });
    expect(await canonicalDump(db)).toEqual(reference);
  });
});

describe('encodings', () => {
  it('stores a GB18030 page exactly like its UTF-8 original', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-gb-'));
    try {
      const text = fs.readFileSync(path.join(seeds, '004_f17a095ea133b679.txt'), 'utf8');
      fs.mkdirSync(path.join(dir, 'utf8'));
      fs.mkdirSync(path.join(dir, 'gb'));
      fs.writeFileSync(path.join(dir, 'utf8', 'page.txt'), text);
      fs.writeFileSync(path.join(dir, 'gb', 'page.txt'), iconv.encode(text, 'gb18030'));

      await clearDatabase(db);
      // One source name for both folders, so the documents have the same identity.
      await ingestPaths(db, [path.join(dir, 'utf8')], { source: 'paper' });
      const reference = await canonicalDump(db);
      await clearDatabase(db);
      const summary = await ingestPaths(db, [path.join(dir, 'gb')], { source: 'paper' });
      expect(summary.failed).toEqual([]);
      // The ledger hashes the bytes, which differ; everything read from the text must not.
      const withoutHash = (lines: string[]) =>
        lines.map((line) => line.replace(/"hash":"[0-9a-f]+"/, '"hash":-'));
      const gb = await canonicalDump(db);
      expect(gb.filter((line, i) => line !== reference[i]).length).toBe(1);
      expect(withoutHash(gb)).toEqual(withoutHash(reference));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
