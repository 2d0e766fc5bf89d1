// Writes extracted facts to Neo4j in managed write transactions with UNWIND ... MERGE. A transaction
// first removes what the batch's files stored before and then writes them anew, so a crash leaves either
// the old version of a file or the new one (never half an article), a changed file leaves no stale
// edges, and the ledger (:Source {doc, hash}) is written in the same transaction as the facts.
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { Database } from '../../db/driver.ts';
import type { GraphBatch } from './graph-batch.ts';
import { documentId, documentIdV2, LEDGER_VERSION, type DocumentKey } from './identity.ts';

export interface WriteCounts {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export const zeroCounts = (): WriteCounts => ({
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
});

export function addCounts(into: WriteCounts, from: WriteCounts): void {
  for (const key of Object.keys(into) as (keyof WriteCounts)[]) into[key] += from[key];
}

/** A ledger entry: a document written completely, with the hash of what was read. */
export interface SourceEntry extends DocumentKey {
  hash: string;
  articles: number;
}

/** A document whose stored facts a transaction removes first; `id` null for one from before sources. */
export interface ReplaceKey {
  id: string | null;
  path: string;
}

// ---- removal of the previous version of some files -------------------------------------------------
// Every statement starts from unique keys or indexed values (hints where the planner has a choice), so
// its plan stays linear in its rows whatever the statistics say; tests/integration/write-plans.test.ts
// EXPLAINs each one on a populated database.

// A document's articles are `<document id>#<n>` (load/identity.ts): one prefix seek of the key index.
const ARTICLE_IDS = `
UNWIND $docs AS doc
MATCH (a:Article) USING INDEX a:Article(id)
WHERE a.id STARTS WITH doc + '#'
RETURN collect(a.id) AS ids`;

// Articles written before documents had sources (ledger version 1): keyed by their path alone.
const LEGACY_ARTICLE_IDS = `
UNWIND $paths AS path
MATCH (a:Article {doc: path}) USING INDEX a:Article(doc)
WHERE a.id STARTS WITH path + '#'
RETURN collect(a.id) AS ids`;

// What the old articles touched: candidates for deletion once their last link is gone. HOLDS are found
// by one equality seek per article: the planner may serve a hint on \`IN $ids\` with a scan of the whole
// index, depending on its statistics.
const TOUCHED = `
CALL () {
  UNWIND $ids AS id
  MATCH (a:Article {id: id}) USING INDEX a:Article(id)
  MATCH (n)-[:MENTIONED_IN|WROTE]->(a)
  RETURN collect(DISTINCT elementId(n)) AS mentioned
}
CALL () {
  UNWIND $ids AS id
  MATCH ()-[h:HOLDS {articleId: id}]->(o:Office) USING INDEX SEEK h:HOLDS(articleId)
  RETURN collect(DISTINCT elementId(o)) AS offices
}
CALL () {
  UNWIND $ids AS id
  MATCH ()-[h:APPOINTED {articleId: id}]->(o:Office) USING INDEX SEEK h:APPOINTED(articleId)
  RETURN collect(DISTINCT elementId(o)) AS appointedTo
}
RETURN mentioned, offices + appointedTo AS offices`;

const REMOVE_HOLDS = `
UNWIND $ids AS id
MATCH ()-[h:HOLDS {articleId: id}]->() USING INDEX SEEK h:HOLDS(articleId)
DELETE h`;

const REMOVE_APPOINTED = `
UNWIND $ids AS id
MATCH ()-[h:APPOINTED {articleId: id}]->() USING INDEX SEEK h:APPOINTED(articleId)
DELETE h`;

const REMOVE_ARTICLES = `
UNWIND $ids AS id
MATCH (a:Article {id: id}) USING INDEX a:Article(id)
OPTIONAL MATCH (a)<-[:REPORTED_IN]-(e:Event)
WITH a, collect(e) AS events
FOREACH (e IN events | DETACH DELETE e)
DETACH DELETE a`;

const REMOVE_ORPHANS = `
UNWIND $elementIds AS elementId
MATCH (n) WHERE elementId(n) = elementId
  AND CASE
    WHEN n:Person THEN NOT (n)-[:ATTENDED|MENTIONED_IN|HOLDS|APPOINTED]-()
    WHEN n:Reporter THEN NOT (n)-[:WROTE]-()
    WHEN n:Office THEN NOT (n)<-[:HOLDS|APPOINTED]-()
    ELSE false
  END
DETACH DELETE n`;

// A place stays while anything refers to it: a mention, an event, an office, or a place inside it.
// Run once per level, so a chain village → town → county → city → province empties from the bottom.
const REMOVE_UNUSED_PLACES = `
UNWIND $elementIds AS elementId
MATCH (p) WHERE elementId(p) = elementId AND p:Place
  AND NOT (p)-[:MENTIONED_IN]->() AND NOT ()-[:HELD_IN]->(p)
  AND NOT ()-[:GOVERNS]->(p) AND NOT ()-[:PART_OF]->(p)
DETACH DELETE p`;

const PLACE_CANDIDATES = `
UNWIND $elementIds AS elementId
MATCH (p) WHERE elementId(p) = elementId AND p:Place
OPTIONAL MATCH (p)-[:PART_OF*1..6]->(ancestor:Place)
WITH collect(DISTINCT elementId(p)) + collect(DISTINCT elementId(ancestor)) AS ids
RETURN ids`;

// ---- writes -----------------------------------------------------------------------------------------
// Nodes shared between documents (places, offices, people, reporters) are MERGEd on their unique key.
// Relationships that come from an article are CREATEd between nodes bound by their keys: the
// transaction removed that article's previous relationships first and the rows are deduplicated
// (graph-batch.ts), so there is nothing to match, and no MERGE has to look through the edges that
// earlier articles left between the same two nodes (a city's secretary and its party committee have
// one HOLDS per article that names them).

const WRITE_PLACES = `
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
SET p.code = row.code, p.name = row.name, p.level = row.level, p.pinyin = row.pinyin, p.initials = row.initials
WITH p, row WHERE row.parentId IS NOT NULL
MERGE (parent:Place {id: row.parentId})
MERGE (p)-[:PART_OF]->(parent)`;

// Aliases are a sorted set of the forms written, and the jurisdiction the first known one in sort
// order, so the result does not depend on the order in which files are written (nor on the path).
const WRITE_OFFICES = `
UNWIND $rows AS row
MERGE (o:Office {id: row.id})
SET o.name = row.name, o.pinyin = row.pinyin, o.initials = row.initials,
    o.jurisdiction = CASE WHEN row.jurisdiction IS NULL THEN o.jurisdiction
                          WHEN o.jurisdiction IS NULL OR row.jurisdiction < o.jurisdiction THEN row.jurisdiction
                          ELSE o.jurisdiction END,
    o.alias = reduce(joined = '', alias IN COLLECT {
                UNWIND split(coalesce(o.alias, '') + ' ' + row.alias, ' ') AS alias
                WITH DISTINCT alias WHERE alias <> ''
                RETURN alias ORDER BY alias
              } | CASE joined WHEN '' THEN alias ELSE joined + ' ' + alias END)
WITH o, row WHERE row.placeId IS NOT NULL
MATCH (p:Place {id: row.placeId}) USING INDEX p:Place(id)
MERGE (o)-[:GOVERNS]->(p)`;

const WRITE_PEOPLE = `
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
ON CREATE SET p.name = row.name, p.pinyin = row.pinyin, p.initials = row.initials, p.jurisdiction = row.jurisdiction, p.official = row.official
ON MATCH SET p.official = p.official OR row.official`;

const WRITE_ARTICLES = `
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row, a.start = toInteger(row.start), a.end = toInteger(row.end)`;

const WRITE_REPORTERS = `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId}) USING INDEX a:Article(id)
MERGE (r:Reporter {id: row.reporterId})
ON CREATE SET r.name = row.name
CREATE (r)-[:WROTE]->(a)`;

// Evidence is offsets into the article's stored text; the sentence itself is stored only where that
// text cannot give it back (graph-batch.ts), and the API resolves it (graph/evidence.ts).
const WRITE_MENTIONS = (label: 'Person' | 'Place') => `
UNWIND $rows AS row
MATCH (n:${label} {id: row.nodeId}) USING INDEX n:${label}(id)
MATCH (a:Article {id: row.articleId}) USING INDEX a:Article(id)
CREATE (n)-[r:MENTIONED_IN]->(a)
SET r.asWritten = row.asWritten, r.positions = CASE WHEN size(row.positions) > 0 THEN row.positions END,
    r.sentence = row.sentence,
    r.start = toInteger(row.start), r.end = toInteger(row.end)`;

const WRITE_HOLDS = `
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}) USING INDEX p:Person(id)
MATCH (o:Office {id: row.officeId}) USING INDEX o:Office(id)
CREATE (p)-[h:HOLDS]->(o)
SET h.articleId = row.articleId, h.position = row.position, h.title = row.title, h.asOf = row.asOf,
    h.sentence = row.sentence, h.start = toInteger(row.start), h.end = toInteger(row.end)`;

// A personnel decision, stored like a HOLDS sighting: by article (indexed, for replacing the file),
// with the offsets of its sentence.
const WRITE_APPOINTED = `
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}) USING INDEX p:Person(id)
MATCH (o:Office {id: row.officeId}) USING INDEX o:Office(id)
CREATE (p)-[h:APPOINTED]->(o)
SET h.articleId = row.articleId, h.action = row.action, h.position = row.position, h.title = row.title,
    h.date = row.date, h.asOf = row.asOf,
    h.sentence = row.sentence, h.start = toInteger(row.start), h.end = toInteger(row.end)`;

const WRITE_EVENTS = `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId}) USING INDEX a:Article(id)
MERGE (e:Event {id: row.id})
SET e.title = row.title, e.kind = row.kind, e.date = row.date, e.partOfDay = row.partOfDay,
    e.articleId = row.articleId
CREATE (e)-[r:REPORTED_IN]->(a)
SET r.sentence = row.sentence, r.start = toInteger(row.start), r.end = toInteger(row.end)`;

const WRITE_HELD_IN = `
UNWIND $rows AS row
MATCH (e:Event {id: row.eventId}) USING INDEX e:Event(id)
MATCH (p:Place {id: row.placeId}) USING INDEX p:Place(id)
CREATE (e)-[:HELD_IN]->(p)`;

const WRITE_ATTENDED = `
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}) USING INDEX p:Person(id)
MATCH (e:Event {id: row.eventId}) USING INDEX e:Event(id)
CREATE (p)-[r:ATTENDED]->(e)
SET r.role = row.role, r.sentence = row.sentence, r.start = toInteger(row.start), r.end = toInteger(row.end)`;

// The same name in two jurisdictions stays two people, linked for the analyst to judge.
// One index seek per name; only names held by more than one person go on to pair up.
const LINK_POSSIBLY_SAME = `
UNWIND $names AS name
MATCH (p:Person {name: name}) USING INDEX p:Person(name)
WITH name, collect(p) AS people
WHERE size(people) > 1
UNWIND people AS a
UNWIND people AS b
WITH a, b
WHERE a.id < b.id
MERGE (a)-[:POSSIBLY_SAME]->(b)`;

const WRITE_DOCUMENTS = `
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.source = row.source, d.path = row.path, d.hash = row.hash, d.articles = toInteger(row.articles),
    d.ingestedAt = datetime()`;

const REMOVE_DOCUMENTS = `
UNWIND $ids AS id
MATCH (d:Document {id: id}) USING INDEX d:Document(id)
DELETE d`;

const REMOVE_LEGACY_LEDGER = `
UNWIND $paths AS path
MATCH (s:Source {doc: path}) USING INDEX s:Source(doc)
DELETE s`;

function countsOf(result: QueryResult): WriteCounts {
  const updates = result.summary.counters.updates();
  return {
    nodesCreated: updates.nodesCreated,
    nodesDeleted: updates.nodesDeleted,
    relationshipsCreated: updates.relationshipsCreated,
    relationshipsDeleted: updates.relationshipsDeleted,
    propertiesSet: updates.propertiesSet,
  };
}

async function removeDocuments(
  tx: ManagedTransaction,
  docs: ReplaceKey[],
  total: WriteCounts,
): Promise<void> {
  if (docs.length === 0) return;
  const current = docs.flatMap((d) => (d.id === null ? [] : [d.id]));
  const legacy = docs.filter((d) => d.id === null).map((d) => d.path);
  const ids: string[] = [];
  if (current.length)
    ids.push(...((await tx.run(ARTICLE_IDS, { docs: current })).records[0]?.get('ids') as string[]));
  if (legacy.length) {
    ids.push(...((await tx.run(LEGACY_ARTICLE_IDS, { paths: legacy })).records[0]?.get('ids') as string[]));
    addCounts(total, countsOf(await tx.run(REMOVE_LEGACY_LEDGER, { paths: legacy })));
  }
  if (ids.length === 0) return;
  const touched = (await tx.run(TOUCHED, { ids })).records[0]!;
  const mentioned = touched.get('mentioned') as string[];
  const offices = touched.get('offices') as string[];
  const places = (await tx.run(PLACE_CANDIDATES, { elementIds: mentioned })).records[0]?.get(
    'ids',
  ) as string[];

  addCounts(total, countsOf(await tx.run(REMOVE_HOLDS, { ids })));
  addCounts(total, countsOf(await tx.run(REMOVE_APPOINTED, { ids })));
  addCounts(total, countsOf(await tx.run(REMOVE_ARTICLES, { ids })));
  addCounts(total, countsOf(await tx.run(REMOVE_ORPHANS, { elementIds: [...mentioned, ...offices] })));
  for (let level = 0; level < 6; level++) {
    const result = await tx.run(REMOVE_UNUSED_PLACES, { elementIds: places });
    addCounts(total, countsOf(result));
    if (result.summary.counters.updates().nodesDeleted === 0) break;
  }
}

async function writeBatch(
  tx: ManagedTransaction,
  batch: GraphBatch,
  removeDocs: ReplaceKey[],
  sources: SourceEntry[],
  forget: string[] = [],
): Promise<WriteCounts> {
  const total = zeroCounts();
  await removeDocuments(tx, removeDocs, total);
  if (forget.length) addCounts(total, countsOf(await tx.run(REMOVE_DOCUMENTS, { ids: forget })));
  const steps: [string, Record<string, unknown>][] = [
    [WRITE_PLACES, { rows: batch.places }],
    [WRITE_OFFICES, { rows: batch.offices }],
    [WRITE_PEOPLE, { rows: batch.people }],
    [WRITE_ARTICLES, { rows: batch.articles }],
    [WRITE_REPORTERS, { rows: batch.wrote }],
    [WRITE_MENTIONS('Person'), { rows: batch.personMentions }],
    [WRITE_MENTIONS('Place'), { rows: batch.placeMentions }],
    [WRITE_HOLDS, { rows: batch.holds }],
    [WRITE_APPOINTED, { rows: batch.appointed }],
    [WRITE_EVENTS, { rows: batch.events }],
    [WRITE_HELD_IN, { rows: batch.heldIn }],
    [WRITE_ATTENDED, { rows: batch.attended }],
    [LINK_POSSIBLY_SAME, { names: [...new Set(batch.people.map((p) => p.name))] }],
    [WRITE_DOCUMENTS, { rows: sources }],
  ];
  for (const [query, params] of steps) {
    const rows = (params.rows ?? params.names) as unknown[];
    if (rows.length > 0) addCounts(total, countsOf(await tx.run(query, params)));
  }
  return total;
}

export interface WriteRequest {
  batch: GraphBatch;
  /** Documents whose previously stored facts this transaction removes first. */
  replaceDocs: ReplaceKey[];
  /** Ledger entries for the documents this transaction completes. */
  sources: SourceEntry[];
  /** Ledger entries to delete (documents pruned because their file is gone). */
  forget?: string[];
}

/** Applies one request in one managed write transaction (retried whole on transient errors). */
export async function writeGraph(db: Database, request: WriteRequest): Promise<WriteCounts> {
  const session = db.driver.session({ database: db.database });
  try {
    return await session.executeWrite((tx) =>
      writeBatch(tx, request.batch, request.replaceDocs, request.sources, request.forget),
    );
  } finally {
    await session.close();
  }
}

const OPEN_LEDGER = 'MERGE (l:Ledger {id: $id}) ON CREATE SET l.version = $version';

/** Every statement the ingest writes with, by name: tests/integration/write-plans.test.ts EXPLAINs them all. */
export const WRITE_STATEMENTS: Record<string, string> = {
  ARTICLE_IDS,
  LEGACY_ARTICLE_IDS,
  TOUCHED,
  REMOVE_HOLDS,
  REMOVE_APPOINTED,
  REMOVE_ARTICLES,
  REMOVE_ORPHANS,
  REMOVE_UNUSED_PLACES,
  PLACE_CANDIDATES,
  WRITE_PLACES,
  WRITE_OFFICES,
  WRITE_PEOPLE,
  WRITE_ARTICLES,
  WRITE_REPORTERS,
  WRITE_PERSON_MENTIONS: WRITE_MENTIONS('Person'),
  WRITE_PLACE_MENTIONS: WRITE_MENTIONS('Place'),
  WRITE_HOLDS,
  WRITE_APPOINTED,
  WRITE_EVENTS,
  WRITE_HELD_IN,
  WRITE_ATTENDED,
  LINK_POSSIBLY_SAME,
  WRITE_DOCUMENTS,
  REMOVE_DOCUMENTS,
  REMOVE_LEGACY_LEDGER,
  CLAIM_LEGACY: '',
  OPEN_LEDGER,
};

/**
 * Plans every write statement once, in a transaction that is rolled back, so the first real
 * transaction does not pay for planning fourteen statements (seconds on a cold server). Runs while
 * the workers extract the first files.
 */
export async function warmUp(db: Database): Promise<void> {
  const session = db.driver.session({ database: db.database });
  const tx = session.beginTransaction();
  const none = '\u0000warm-up';
  const evidence = { articleId: none, sentence: null, start: 0, end: 1 };
  const rows: Record<string, Record<string, unknown>> = {
    WRITE_PLACES: {
      rows: [{ id: none, code: null, name: none, level: 'town', parentId: null, pinyin: '', initials: '' }],
    },
    WRITE_OFFICES: {
      rows: [
        { id: none, name: none, alias: '', jurisdiction: null, placeId: null, pinyin: '', initials: '' },
      ],
    },
    WRITE_PEOPLE: {
      rows: [{ id: none, name: none, pinyin: '', initials: '', official: false, jurisdiction: none }],
    },
    WRITE_ARTICLES: {
      rows: [
        {
          id: none,
          doc: none,
          headline: '',
          text: null,
          paper: null,
          date: null,
          start: 0,
          end: 1,
        },
      ],
    },
    WRITE_REPORTERS: { rows: [{ reporterId: none, name: none, articleId: none }] },
    WRITE_PERSON_MENTIONS: { rows: [{ nodeId: none, asWritten: none, positions: [], ...evidence }] },
    WRITE_PLACE_MENTIONS: { rows: [{ nodeId: none, asWritten: none, positions: [], ...evidence }] },
    WRITE_HOLDS: {
      rows: [{ personId: none, officeId: none, title: '', position: '', asOf: null, ...evidence }],
    },
    WRITE_APPOINTED: {
      rows: [
        {
          personId: none,
          officeId: none,
          action: 'appoint',
          position: '',
          title: '',
          date: null,
          asOf: null,
          ...evidence,
        },
      ],
    },
    WRITE_EVENTS: { rows: [{ id: none, title: '', kind: '', date: null, partOfDay: null, ...evidence }] },
    WRITE_HELD_IN: { rows: [{ eventId: none, placeId: none }] },
    WRITE_ATTENDED: { rows: [{ personId: none, eventId: none, role: '', ...evidence }] },
    LINK_POSSIBLY_SAME: { names: [none] },
    WRITE_DOCUMENTS: { rows: [{ id: none, source: none, path: none, hash: '', articles: 0 }] },
    ARTICLE_IDS: { docs: [none] },
    TOUCHED: { ids: [none] },
    REMOVE_HOLDS: { ids: [none] },
    REMOVE_APPOINTED: { ids: [none] },
    REMOVE_ARTICLES: { ids: [none] },
    REMOVE_ORPHANS: { elementIds: [none] },
    REMOVE_UNUSED_PLACES: { elementIds: [none] },
    PLACE_CANDIDATES: { elementIds: [none] },
  };
  try {
    for (const [name, params] of Object.entries(rows)) await tx.run(WRITE_STATEMENTS[name]!, params);
  } finally {
    await tx.rollback().catch(() => {});
    await session.close();
  }
}

/** The content hashes recorded by the last successful writes of these documents, by id. */
export async function storedHashes(db: Database, ids: string[]): Promise<Map<string, string>> {
  const { records } = await db.driver.executeQuery(
    'UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.hash AS hash',
    { ids },
    { database: db.database, routing: 'READ' },
  );
  return new Map(records.map((r) => [r.get('id') as string, r.get('hash') as string]));
}

/** Ledger entries from before sources (version 1), by path. */
export async function legacyHashes(
  db: Database,
  paths: string[],
): Promise<Map<string, { hash: string; articles: number }>> {
  const { records } = await db.driver.executeQuery(
    'UNWIND $paths AS path MATCH (s:Source {doc: path}) RETURN s.doc AS path, s.hash AS hash, s.articles AS articles',
    { paths },
    { database: db.database, routing: 'READ' },
  );
  return new Map(
    records.map((r) => [
      r.get('path') as string,
      { hash: r.get('hash') as string, articles: Number(r.get('articles') ?? 0) },
    ]),
  );
}

/** Every document the ledger holds for a source: what --prune compares the folder with. */
export async function sourceDocuments(
  db: Database,
  source: string,
): Promise<{ id: string; path: string; articles: number }[]> {
  const { records } = await db.driver.executeQuery(
    'MATCH (d:Document {source: $source}) RETURN d.id AS id, d.path AS path, d.articles AS articles ORDER BY path',
    { source },
    { database: db.database, routing: 'READ' },
  );
  return records.map((r) => ({
    id: r.get('id') as string,
    path: r.get('path') as string,
    articles: Number(r.get('articles') ?? 0),
  }));
}

/**
 * The ledger's format version, after migrating a version-2 database (see migrateV2). A database written
 * before sources (no version, `Source {doc}` entries) is version 1: its entries are claimed by the first
 * source that holds the same path (see pipeline). Returns the number of version-1 entries left and how
 * many version-2 documents were migrated. `write` false (a dry run) changes nothing.
 */
export async function openLedger(
  db: Database,
  write: boolean,
  log: (line: string) => void = () => {},
): Promise<{ version: number; legacy: number; migrated: number }> {
  const read = { database: db.database, routing: 'READ' as const };
  const legacyCount = async () =>
    Number(
      (await db.driver.executeQuery('MATCH (s:Source) RETURN count(s) AS n', {}, read)).records[0]!.get('n'),
    );
  const found = await db.driver.executeQuery(
    'MATCH (l:Ledger {id: $id}) RETURN l.version AS version',
    { id: 'ingest' },
    read,
  );
  const stored = found.records[0]?.get('version') as number | undefined;
  if (stored !== undefined && stored > LEDGER_VERSION) {
    throw new Error(
      `this database was written by a newer ingest (ledger version ${stored}, this one knows ${LEDGER_VERSION}); update cadre-graph`,
    );
  }
  let migrated = 0;
  if (write && stored === 2) {
    migrated = await migrateV2(db, log);
    await db.driver.executeQuery(
      SET_LEDGER_VERSION,
      { id: 'ingest', version: LEDGER_VERSION },
      { database: db.database },
    );
  }
  if (write && stored === undefined) {
    await db.driver.executeQuery(
      OPEN_LEDGER,
      { id: 'ingest', version: LEDGER_VERSION },
      { database: db.database },
    );
  }
  const version = write ? LEDGER_VERSION : (stored ?? 1);
  return { version, legacy: await legacyCount(), migrated };
}

const SET_LEDGER_VERSION = 'MATCH (l:Ledger {id: $id}) SET l.version = $version';

// What a renamed article (old → new id) takes with it in both migrations: the articleId on its events'
// HELD_IN and ATTENDED (after `e` is bound), and on the HOLDS that cite it.
const RENAME_EVENT_EVIDENCE = `
  WITH e
  CALL (e, new) {
    MATCH (e)-[h:HELD_IN]->() WHERE h.articleId IS NOT NULL
    SET h.articleId = new
  }
  CALL (e, new) {
    MATCH (e)<-[p:ATTENDED]-() WHERE p.articleId IS NOT NULL
    SET p.articleId = new
  }
`;
const RENAME_HOLDS = `
CALL (old, new) {
  MATCH ()-[h:HOLDS]->() USING INDEX SEEK h:HOLDS(articleId) WHERE h.articleId = old
  SET h.articleId = new
}
`;

// Ledger version 2 → 3: a document's articles, events and the articleId of HOLDS and APPOINTED (and of any evidence
// relationship that stores one) take ids built on the hashed document id; Article.source goes (the
// Document keeps it). Nothing is re-extracted. Articles are found by path, then by source.
const MIGRATE_V2_ARTICLES = `
UNWIND $docs AS d
MATCH (a:Article {doc: d.path}) USING INDEX a:Article(doc)
WHERE a.source = d.source AND a.id STARTS WITH d.old + '#'
WITH a, a.id AS old, d.id + substring(a.id, size(d.old)) AS new
SET a.id = new
REMOVE a.source
WITH a, old, new
CALL (a, new) {
  MATCH (a)<-[r:MENTIONED_IN|REPORTED_IN]-() WHERE r.articleId IS NOT NULL
  SET r.articleId = new
}
CALL (a, old, new) {
  MATCH (a)<-[:REPORTED_IN]-(e:Event)
  SET e.articleId = new, e.id = new + substring(e.id, size(old))
${RENAME_EVENT_EVIDENCE}}
${RENAME_HOLDS}CALL (old, new) {
  MATCH ()-[d:APPOINTED]->() USING INDEX SEEK d:APPOINTED(articleId) WHERE d.articleId = old
  SET d.articleId = new
}
RETURN count(*) AS articles`;

const MIGRATE_V2_DOCUMENTS = `
UNWIND $docs AS d
MATCH (doc:Document {id: d.old}) USING INDEX doc:Document(id)
SET doc.id = d.id`;

/**
 * Moves every version-2 document (and the articles of a file whose write was interrupted, which have
 * no ledger entry yet) to hashed ids, a transaction per 200 documents. Safe to interrupt: what is left
 * still has its version-2 form and is found again by the next run.
 */
async function migrateV2(db: Database, log: (line: string) => void): Promise<number> {
  const read = { database: db.database, routing: 'READ' as const };
  // One pass over the ledger and the articles that still carry a source: a one-off read.
  const pairs = new Map<string, { source: string; path: string }>();
  const add = (source: string, path: string) => pairs.set(`${source}\u0000${path}`, { source, path });
  for (const r of (
    await db.driver.executeQuery(
      "MATCH (d:Document) WHERE d.id CONTAINS '/' RETURN d.source AS source, d.path AS path",
      {},
      read,
    )
  ).records)
    add(r.get('source') as string, r.get('path') as string);
  for (const r of (
    await db.driver.executeQuery(
      'MATCH (a:Article) WHERE a.source IS NOT NULL RETURN DISTINCT a.source AS source, a.doc AS path',
      {},
      read,
    )
  ).records)
    add(r.get('source') as string, r.get('path') as string);
  const docs = [...pairs.values()].map(({ source, path }) => ({
    source,
    path,
    old: documentIdV2(source, path),
    id: documentId(source, path),
  }));
  if (docs.length)
    log(`migrating ${docs.length} documents to ledger version ${LEDGER_VERSION} (short ids)...`);
  for (let i = 0; i < docs.length; i += 200) {
    const slice = docs.slice(i, i + 200);
    const session = db.driver.session({ database: db.database });
    try {
      await session.executeWrite(async (tx) => {
        await tx.run(MIGRATE_V2_ARTICLES, { docs: slice });
        await tx.run(MIGRATE_V2_DOCUMENTS, { docs: slice });
      });
    } finally {
      await session.close();
    }
  }
  return docs.length;
}

// A version-1 document whose content did not change moves under its source without re-extraction:
// its articles, events and the articleId of the evidence relationships that store one take the new ids.
const CLAIM_LEGACY = `
UNWIND $claims AS c
MATCH (a:Article {doc: c.path}) USING INDEX a:Article(doc)
WHERE a.id STARTS WITH c.path + '#'
WITH c, a, a.id AS old, c.docId + substring(a.id, size(c.path)) AS new
SET a.id = new
WITH a, old, new
CALL (a, new) {
  MATCH (a)<-[r:MENTIONED_IN]-() WHERE r.articleId IS NOT NULL
  SET r.articleId = new
}
CALL (a, old, new) {
  MATCH (a)<-[r:REPORTED_IN]-(e:Event)
  SET r.articleId = CASE WHEN r.articleId IS NULL THEN null ELSE new END, e.articleId = new,
      e.id = new + substring(e.id, size(old))
${RENAME_EVENT_EVIDENCE}}
${RENAME_HOLDS}RETURN count(*) AS articles`;

WRITE_STATEMENTS.CLAIM_LEGACY = CLAIM_LEGACY;
WRITE_STATEMENTS.MIGRATE_V2_ARTICLES = MIGRATE_V2_ARTICLES;
WRITE_STATEMENTS.MIGRATE_V2_DOCUMENTS = MIGRATE_V2_DOCUMENTS;
WRITE_STATEMENTS.SET_LEDGER_VERSION = SET_LEDGER_VERSION;

export interface LegacyClaim {
  path: string;
  source: string;
  docId: string;
  hash: string;
  articles: number;
}

/** Moves unchanged version-1 documents under their source, with their ledger entries, in one transaction. */
export async function claimLegacy(db: Database, claims: LegacyClaim[]): Promise<WriteCounts> {
  const session = db.driver.session({ database: db.database });
  try {
    return await session.executeWrite(async (tx) => {
      const total = zeroCounts();
      addCounts(total, countsOf(await tx.run(CLAIM_LEGACY, { claims })));
      addCounts(total, countsOf(await tx.run(REMOVE_LEGACY_LEDGER, { paths: claims.map((c) => c.path) })));
      addCounts(
        total,
        countsOf(
          await tx.run(WRITE_DOCUMENTS, {
            rows: claims.map((c) => ({
              id: c.docId,
              source: c.source,
              path: c.path,
              hash: c.hash,
              articles: c.articles,
            })),
          }),
        ),
      );
      return total;
    });
  } finally {
    await session.close();
  }
}
