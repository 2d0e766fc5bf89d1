// Document identity and real-archive input against the real Neo4j: one row of issue 11's table each.
// A document is its source plus its path; one bad folder, file, name or byte never costs the rest.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import { currentIdOfV2, documentId, documentIdV2, LEDGER_VERSION } from '../../ingest/load/identity.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { canonicalDump, clearDatabase, graphCounts, testDatabase } from '../helpers.ts';

const seeds = path.resolve('seeds');
const seedFiles = fs
  .readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seed = (name: string) => fs.readFileSync(path.join(seeds, name), 'utf8');
/** The seed page that names 市委书记章旭升. */
const ZHANG = '001_2955f14923da8811.txt';
let db: Database;
let dir: string;

const read = () => ({ database: db.database, routing: 'READ' as const });
async function query(cypher: string, params: Record<string, unknown> = {}) {
  return (await db.driver.executeQuery(cypher, params, read())).records.map((r) => r.toObject());
}
/** Facts (relationships) of one document, by source and path (its articles are `<document id>#n`). */
async function factsOf(source: string, doc: string): Promise<number> {
  const [row] = await query(
    `MATCH (a:Article) WHERE a.id STARTS WITH $id + '#'
     RETURN sum(COUNT { (a)--() }) + sum(COUNT { (a)<-[:REPORTED_IN]-(:Event)--() }) AS n`,
    { id: documentId(source, doc) },
  );
  return Number(row?.n ?? 0);
}
async function peopleOf(doc: string): Promise<string[]> {
  const rows = await query(
    'MATCH (p:Person)-[:MENTIONED_IN]->(:Article {doc: $doc}) RETURN DISTINCT p.name AS name ORDER BY name',
    { doc },
  );
  return rows.map((r) => r.name as string);
}

/** `npm run ingest` as a child process against the test database (optionally without root's file powers). */
function ingestCli(args: string[], { unprivileged = false } = {}) {
  const command = [process.execPath, '--import', 'tsx', path.resolve('ingest/cli/ingest.ts'), ...args];
  // Root reads every folder whatever its mode; drop the capabilities that let it, as a normal user has none.
  const wrapped =
    unprivileged && process.getuid?.() === 0
      ? ['setpriv', '--inh-caps=-all', '--bounding-set=-dac_override,-dac_read_search', ...command]
      : command;
  return spawnSync(wrapped[0]!, wrapped.slice(1), {
    encoding: 'utf8',
    env: {
      ...process.env,
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser'),
      NEO4J_PASSWORD: inject('neo4jPassword'),
    },
    timeout: 240_000,
  });
}

beforeAll(() => {
  db = testDatabase();
});
beforeEach(async () => {
  await clearDatabase(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-sources-'));
});
afterAll(async () => db.close());

// Several ingests per test: more than the default time on a busy machine.
describe('document identity', { timeout: 300_000 }, () => {
  it('two folders with the same file names keep both sets of facts', async () => {
    const a = path.join(dir, 'A');
    const b = path.join(dir, 'B');
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    seedFiles.forEach((f, i) => fs.writeFileSync(path.join(a, `${String(i).padStart(5, '0')}.txt`), seed(f)));
    fs.writeFileSync(path.join(b, '00000.txt'), seed(seedFiles[3]!));
    await ingestPaths(db, [a]);
    const sourceA = fs.realpathSync(a);
    const before = await factsOf(sourceA, '00000.txt');
    expect(before).toBeGreaterThan(0);
    const countsA = await graphCounts(db);

    const summary = await ingestPaths(db, [b]);
    expect(summary.written).toBe(1);
    expect(summary.counts.nodesDeleted).toBe(0);
    expect(summary.counts.relationshipsDeleted).toBe(0);
    expect(await factsOf(sourceA, '00000.txt')).toBe(before);
    expect(await factsOf(fs.realpathSync(b), '00000.txt')).toBeGreaterThan(0);
    expect((await graphCounts(db)).Article).toBeGreaterThan(countsA.Article!);

    // Ingesting A again changes nothing: its documents are its own.
    const again = await ingestPaths(db, [a]);
    expect(again.unchanged).toBe(seedFiles.length);
  });

  it('--source names the source, and a manifest paper does when it is not given', async () => {
    fs.writeFileSync(path.join(dir, 'page.txt'), seed(seedFiles[1]!));
    await ingestPaths(db, [dir], { source: '永康日报/archive' });
    const ofPage = `MATCH (d:Document {path: 'page.txt'})
      MATCH (a:Article) WHERE a.id STARTS WITH d.id + '#' RETURN DISTINCT d.source AS source, d.id AS doc, a.id AS id`;
    const named = await query(ofPage);
    expect(named.length).toBeGreaterThan(0);
    for (const row of named) {
      expect(row.source).toBe('永康日报/archive');
      // The source and path are stored once, on the Document; ids are a short hash of the two.
      expect(row.doc).toBe(documentId('永康日报/archive', 'page.txt'));
      expect(row.id).toMatch(/^[0-9a-f]{16}#\d+$/);
    }

    await clearDatabase(db);
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ paper: '永康日报' }));
    await ingestPaths(db, [dir]);
    const [paper] = await query(ofPage);
    expect(paper!.source).toBe('永康日报');
  });

  it('--prune removes exactly the facts of the file that is gone, after --dry-run has listed them', async () => {
    seedFiles.forEach((f) => fs.copyFileSync(path.join(seeds, f), path.join(dir, f)));
    const other = path.join(dir, '..', `${path.basename(dir)}-other`);
    fs.mkdirSync(other);
    fs.copyFileSync(path.join(seeds, seedFiles[0]!), path.join(other, seedFiles[0]!));
    try {
      await ingestPaths(db, [other]);
      await ingestPaths(db, [dir]);
      const source = fs.realpathSync(dir);
      const full = await canonicalDump(db);
      const goneFacts = await factsOf(source, seedFiles[2]!);
      expect(goneFacts).toBeGreaterThan(0);

      fs.rmSync(path.join(dir, seedFiles[2]!));
      const lines: string[] = [];
      const dry = await ingestPaths(db, [dir], { prune: true, dryRun: true, log: (l) => lines.push(l) });
      expect(dry.pruned.map((p) => p.path)).toEqual([seedFiles[2]]);
      expect(lines.join('\n')).toContain(`would prune ${seedFiles[2]}`);
      expect(await canonicalDump(db)).toEqual(full);

      // Without --prune the facts stay.
      await ingestPaths(db, [dir]);
      expect(await factsOf(source, seedFiles[2]!)).toBe(goneFacts);

      const logged: string[] = [];
      const pruned = await ingestPaths(db, [dir], { prune: true, log: (l) => logged.push(l) });
      expect(pruned.pruned.map((p) => p.path)).toEqual([seedFiles[2]]);
      expect(logged.some((l) => l.startsWith(`pruning ${seedFiles[2]}`))).toBe(true);
      expect(await factsOf(source, seedFiles[2]!)).toBe(0);
      expect(
        await query('MATCH (d:Document {source: $source, path: $path}) RETURN d', {
          source,
          path: seedFiles[2],
        }),
      ).toEqual([]);
      // Every other document, of this source and of the other one, is as it was.
      for (const f of seedFiles.filter((f) => f !== seedFiles[2]))
        expect(await factsOf(source, f)).toBeGreaterThan(0);
      expect(await factsOf(fs.realpathSync(other), seedFiles[0]!)).toBeGreaterThan(0);

      // The same as ingesting the remaining files into a fresh database, apart from the other source.
      const after = await canonicalDump(db);
      await clearDatabase(db);
      await ingestPaths(db, [other]);
      await ingestPaths(db, [dir]);
      expect(after).toEqual(await canonicalDump(db));
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('migrates a database from before sources without re-extracting unchanged files', async () => {
    seedFiles.forEach((f) => fs.copyFileSync(path.join(seeds, f), path.join(dir, f)));
    await ingestPaths(db, [dir]);
    const reference = await canonicalDump(db);
    // Turn it into what the ingest before sources wrote: ids keyed by path alone, a Source {doc} ledger.
    await db.driver.executeQuery(
      `MATCH ()-[h:HOLDS]->() MATCH (a:Article {id: h.articleId})
       SET h.articleId = a.doc + substring(a.id, size(split(a.id, '#')[0]))`,
    );
    await db.driver.executeQuery(
      `MATCH (e:Event)-[:REPORTED_IN]->(a:Article)
       WITH e, a, a.doc + substring(a.id, size(split(a.id, '#')[0])) AS v1
       SET e.id = v1 + substring(e.id, size(e.articleId)), e.articleId = v1`,
    );
    await db.driver.executeQuery(
      "MATCH (a:Article) SET a.id = a.doc + substring(a.id, size(split(a.id, '#')[0]))",
    );
    await db.driver.executeQuery(
      `MATCH (d:Document) CREATE (:Source {doc: d.path, hash: d.hash, articles: d.articles, ingestedAt: d.ingestedAt})
       DETACH DELETE d WITH count(*) AS n MATCH (l:Ledger) DELETE l`,
    );
    expect((await graphCounts(db)).Source).toBe(seedFiles.length);

    const summary = await ingestPaths(db, [dir]);
    expect(summary.migrated).toBe(seedFiles.length);
    expect(summary.unchanged).toBe(seedFiles.length);
    expect(summary.written).toBe(0);
    expect(await canonicalDump(db)).toEqual(reference);
    const [ledger] = await query('MATCH (l:Ledger) RETURN l.version AS version');
    expect(ledger!.version).toBe(LEDGER_VERSION);
  });

  it('migrates a version-2 database (ids embedding the source) to short ids without re-extracting', async () => {
    seedFiles.forEach((f) => fs.copyFileSync(path.join(seeds, f), path.join(dir, f)));
    await ingestPaths(db, [dir]);
    const reference = await canonicalDump(db);
    const [shared] = await query(
      'MATCH (e:Event) RETURN e.id AS id, elementId(e) AS element ORDER BY id LIMIT 1',
    );
    // What ledger version 2 wrote: the escaped source and the path in every id, the source on articles.
    const docs = (
      await query('MATCH (d:Document) RETURN d.id AS id, d.source AS source, d.path AS path')
    ).map((d) => ({ ...d, old: documentIdV2(d.source as string, d.path as string) }));
    const v2 = `UNWIND $docs AS d MATCH (doc:Document {id: d.id})
      MATCH (a:Article) WHERE a.id STARTS WITH d.id + '#'`;
    await db.driver.executeQuery(
      `${v2} MATCH ()-[h:HOLDS|APPOINTED {articleId: a.id}]->() SET h.articleId = d.old + substring(a.id, size(d.id))`,
      { docs },
    );
    await db.driver.executeQuery(
      `${v2} MATCH (e:Event)-[:REPORTED_IN]->(a)
       SET e.id = d.old + substring(e.id, size(d.id)), e.articleId = d.old + substring(a.id, size(d.id))`,
      { docs },
    );
    await db.driver.executeQuery(
      `${v2} SET a.id = d.old + substring(a.id, size(d.id)), a.source = d.source
       WITH DISTINCT doc, d SET doc.id = d.old`,
      { docs },
    );
    await db.driver.executeQuery('MATCH (l:Ledger) SET l.version = 2');
    const [old] = await query('MATCH (e:Event) WHERE elementId(e) = $element RETURN e.id AS id', {
      element: shared!.element,
    });
    expect(old!.id).toContain('%2F');

    const summary = await ingestPaths(db, [dir]);
    expect(summary.migrated).toBe(seedFiles.length);
    expect(summary.unchanged).toBe(seedFiles.length);
    expect(summary.written).toBe(0);
    expect(await canonicalDump(db)).toEqual(reference);
    const [ledger] = await query('MATCH (l:Ledger) RETURN l.version AS version');
    expect(ledger!.version).toBe(LEDGER_VERSION);
    // A link shared before the migration names the node it named then.
    expect(currentIdOfV2(old!.id as string)).toBe(shared!.id);
  });
});

describe('one bad thing never costs the rest', () => {
  it('an unreadable sub-folder is reported with its cause; the rest is stored and nothing under it is pruned', async () => {
    fs.mkdirSync(path.join(dir, 'open'));
    fs.mkdirSync(path.join(dir, 'locked'));
    fs.writeFileSync(path.join(dir, 'open', 'page.txt'), seed(seedFiles[1]!));
    fs.writeFileSync(path.join(dir, 'locked', 'page.txt'), seed(seedFiles[4]!));
    await ingestPaths(db, [dir]);
    const lockedFacts = await factsOf(fs.realpathSync(dir), 'locked/page.txt');
    expect(lockedFacts).toBeGreaterThan(0);
    fs.writeFileSync(path.join(dir, 'open', 'new.txt'), seed(ZHANG));
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    try {
      const run = ingestCli(['--prune', dir], { unprivileged: true });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout).toMatch(/locked: cannot read folder \(EACCES\)/);
      expect(run.stderr + run.stdout).not.toMatch(/npm run neo4j/);
      expect(await peopleOf('open/new.txt')).toContain('章旭升');
      expect(await factsOf(fs.realpathSync(dir), 'locked/page.txt')).toBe(lockedFacts);
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });

  it('an unreadable file is reported by path with its cause', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), seed(seedFiles[1]!));
    fs.writeFileSync(path.join(dir, 'b.txt'), seed(seedFiles[0]!));
    fs.chmodSync(path.join(dir, 'b.txt'), 0o000);
    const run = ingestCli([dir], { unprivileged: true });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/failed: .*b\.txt: cannot read \(EACCES\)/);
    expect((await peopleOf('a.txt')).length).toBeGreaterThan(0);
  });

  it('a mostly valid UTF-8 page keeps its articles, with the bad bytes replaced and counted', async () => {
    const text = Buffer.from(seed(seedFiles[1]!));
    // Six stray bytes in the page, each before an ASCII character (so each is one broken sequence).
    const parts: Buffer[] = [];
    let from = 0;
    for (const near of [200, 400, 600, 800, 1000, 1200]) {
      const at = text.findIndex((byte, i) => i >= near && byte < 0x80);
      parts.push(text.subarray(from, at), Buffer.from([0xff]));
      from = at;
    }
    parts.push(text.subarray(from));
    const damaged = Buffer.concat(parts);
    fs.writeFileSync(path.join(dir, 'good.txt'), text);
    fs.writeFileSync(path.join(dir, 'bad.txt'), damaged);
    const summary = await ingestPaths(db, [dir]);
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(2);
    expect(summary.notes).toEqual([
      {
        file: path.join(fs.realpathSync(dir), 'bad.txt'),
        note: expect.stringMatching(/^6 byte sequences not valid UTF-8, replaced with U\+FFFD/),
      },
    ]);
    const [good] = await query("MATCH (a:Article {doc: 'good.txt'}) RETURN count(a) AS n");
    const [bad] = await query("MATCH (a:Article {doc: 'bad.txt'}) RETURN count(a) AS n");
    expect(Number(bad!.n)).toBe(Number(good!.n));
    expect(Number(bad!.n)).toBeGreaterThan(0);
  });

  it('symlinked files are followed once; a loop and a dangling link are reported, never skipped silently', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'real.txt'), seed(seedFiles[1]!));
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.writeFileSync(path.join(dir, 'sub', 'page.txt'), seed(ZHANG));
      fs.symlinkSync(path.join(outside, 'real.txt'), path.join(dir, 'linked.txt'));
      fs.symlinkSync(path.join(dir, 'sub', 'page.txt'), path.join(dir, 'twice.txt'));
      fs.symlinkSync('..', path.join(dir, 'sub', 'loop'));
      fs.symlinkSync('/nonexistent/target.txt', path.join(dir, 'dangling.txt'));
      const summary = await ingestPaths(db, [dir]);
      expect(summary.written).toBe(2);
      expect((await peopleOf('linked.txt')).length).toBeGreaterThan(0);
      expect(await peopleOf('sub/page.txt')).toContain('章旭升');
      expect(summary.failed).toEqual([
        {
          file: path.join(fs.realpathSync(dir), 'dangling.txt'),
          reason: expect.stringMatching(/dangling symbolic link to \/nonexistent\/target\.txt/),
        },
      ]);
      const notes = summary.notes.map((n) => `${path.basename(n.file)}: ${n.note}`);
      expect(notes).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^loop: symbolic link loop/),
          expect.stringMatching(/^(twice\.txt|page\.txt): the same file as/),
        ]),
      );
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a file name with byte 0xFF is read and stored', async () => {
    const name = Buffer.concat([
      Buffer.from(path.join(dir, 'page')),
      Buffer.from([0xff]),
      Buffer.from('.txt'),
    ]);
    fs.writeFileSync(name, seed(ZHANG));
    fs.writeFileSync(path.join(dir, 'plain.txt'), seed(seedFiles[1]!));
    const summary = await ingestPaths(db, [dir]);
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(2);
    expect(await peopleOf('page%FF.txt')).toContain('章旭升');
  });
});

describe('large files', { timeout: 300_000 }, () => {
  it('are read as a stream of parts between news items, and do not stall the other files', async () => {
    // A 3 MB archive of pages (over the 2 MB streaming threshold) and small pages beside it.
    const pages = seedFiles.map(seed).join('\n\n');
    const archive: string[] = [];
    for (let bytes = 0; bytes < 3 * 1024 * 1024; bytes += Buffer.byteLength(pages)) archive.push(pages);
    fs.writeFileSync(path.join(dir, 'a-archive.txt'), archive.join('\n\n'));
    for (const f of seedFiles) fs.copyFileSync(path.join(seeds, f), path.join(dir, `z-${f}`));
    const completed: string[] = [];
    const summary = await ingestPaths(db, [dir], {
      threads: 1,
      onTransaction: (_info, request) => completed.push(...request.sources.map((s) => s.path)),
    });
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(seedFiles.length + 1);
    // With one worker the small files listed after the archive are still written before it ends.
    expect(completed.indexOf('a-archive.txt')).toBe(completed.length - 1);
    expect(completed.length).toBe(seedFiles.length + 1);
    // Every article's offsets point into the decoded file, across parts.
    const text = fs.readFileSync(path.join(dir, 'a-archive.txt'), 'utf8');
    const rows = await query(
      "MATCH (a:Article {doc: 'a-archive.txt'}) RETURN a.id AS id, a.start AS start, a.headline AS headline ORDER BY a.start",
    );
    // Cutting between news items keeps them whole: as many articles as the copies of the pages hold.
    const [single] = await query("MATCH (a:Article) WHERE a.doc STARTS WITH 'z-' RETURN count(a) AS n");
    expect(rows.length).toBeGreaterThanOrEqual(Math.floor(archive.length * Number(single!.n) * 0.95));
    expect(rows.length).toBeLessThanOrEqual(archive.length * Number(single!.n) * 1.05);
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.size).toBe(rows.length);
    for (const row of rows.filter((_, i) => i % 25 === 0)) {
      const headline = (row.headline as string).split(' ')[0]!;
      expect(text.slice(Number(row.start), Number(row.start) + 400)).toContain(headline);
    }
    const [stored] = await query("MATCH (d:Document {path: 'a-archive.txt'}) RETURN d.articles AS n");
    expect(Number(stored!.n)).toBe(rows.length);
  });
});
