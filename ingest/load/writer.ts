// Writes extracted facts to Neo4j in managed write transactions with UNWIND ... MERGE. A transaction
// first removes what the batch's files stored before and then writes them anew, so a crash leaves either
// the old version of a file or the new one (never half an article), a changed file leaves no stale
// edges, and the ledger (:Source {doc, hash}) is written in the same transaction as the facts.
import type { ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { Database } from '../../db/driver.ts';
import type { GraphBatch } from './graph-batch.ts';

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

export interface SourceEntry {
  doc: string;
  hash: string;
  articles: number;
}

// ---- removal of the previous version of some files -------------------------------------------------

const ARTICLE_IDS = `
MATCH (a:Article) WHERE a.doc IN $docs
RETURN collect(a.id) AS ids`;

// What the old articles touched: candidates for deletion once their last link is gone.
const TOUCHED = `
CALL () {
  MATCH (n)-[:MENTIONED_IN|WROTE]->(a:Article) WHERE a.id IN $ids
  RETURN collect(DISTINCT elementId(n)) AS mentioned
}
CALL () {
  MATCH ()-[h:HOLDS]->(o:Office) WHERE h.articleId IN $ids
  RETURN collect(DISTINCT elementId(o)) AS offices
}
RETURN mentioned, offices`;

const REMOVE_HOLDS = `
MATCH ()-[h:HOLDS]->() WHERE h.articleId IN $ids
DELETE h`;

const REMOVE_ARTICLES = `
MATCH (a:Article) WHERE a.id IN $ids
OPTIONAL MATCH (a)<-[:REPORTED_IN]-(e:Event)
WITH a, collect(e) AS events
FOREACH (e IN events | DETACH DELETE e)
DETACH DELETE a`;

const REMOVE_ORPHANS = `
UNWIND $elementIds AS elementId
MATCH (n) WHERE elementId(n) = elementId
  AND CASE
    WHEN n:Person THEN NOT (n)-[:ATTENDED|MENTIONED_IN|HOLDS]-()
    WHEN n:Reporter THEN NOT (n)-[:WROTE]-()
    WHEN n:Office THEN NOT (n)<-[:HOLDS]-()
    ELSE false
  END
DETACH DELETE n`;

// A place stays while anything refers to it: a mention, an event, an office, or a place inside it.
// Run once per level, so a chain village → town → county → city → province empties from the bottom.
const REMOVE_UNUSED_PLACES = `
UNWIND $elementIds AS elementId
MATCH (p:Place) WHERE elementId(p) = elementId
  AND NOT (p)-[:MENTIONED_IN]->() AND NOT ()-[:HELD_IN]->(p)
  AND NOT ()-[:GOVERNS]->(p) AND NOT ()-[:PART_OF]->(p)
DETACH DELETE p`;

const PLACE_CANDIDATES = `
UNWIND $elementIds AS elementId
MATCH (p:Place) WHERE elementId(p) = elementId
OPTIONAL MATCH (p)-[:PART_OF*1..6]->(ancestor:Place)
WITH collect(DISTINCT elementId(p)) + collect(DISTINCT elementId(ancestor)) AS ids
RETURN ids`;

// ---- writes -----------------------------------------------------------------------------------------

const WRITE_PLACES = `
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
SET p.code = row.code, p.name = row.name, p.level = row.level, p.pinyin = row.pinyin, p.initials = row.initials
WITH p, row WHERE row.parentId IS NOT NULL
MERGE (parent:Place {id: row.parentId})
MERGE (p)-[:PART_OF]->(parent)`;

const WRITE_OFFICES = `
UNWIND $rows AS row
MERGE (o:Office {id: row.id})
SET o.name = row.name, o.jurisdiction = row.jurisdiction, o.pinyin = row.pinyin, o.initials = row.initials,
    o.alias = CASE WHEN o.alias IS NULL OR o.alias = '' THEN row.alias
                   WHEN row.alias = '' OR o.alias CONTAINS row.alias THEN o.alias
                   ELSE o.alias + ' ' + row.alias END
WITH o, row WHERE row.placeId IS NOT NULL
MATCH (p:Place {id: row.placeId})
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
MATCH (a:Article {id: row.articleId})
MERGE (r:Reporter {id: row.reporterId})
ON CREATE SET r.name = row.name
MERGE (r)-[:WROTE]->(a)`;

const WRITE_MENTIONS = (label: 'Person' | 'Place') => `
UNWIND $rows AS row
MATCH (n:${label} {id: row.nodeId}), (a:Article {id: row.articleId})
MERGE (n)-[r:MENTIONED_IN]->(a)
SET r.articleId = row.articleId, r.asWritten = row.asWritten, r.positions = row.positions, r.sentence = row.sentence,
    r.start = toInteger(row.start), r.end = toInteger(row.end)`;

const WRITE_HOLDS = `
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}), (o:Office {id: row.officeId})
MERGE (p)-[h:HOLDS {articleId: row.articleId, position: row.position}]->(o)
SET h.title = row.title, h.asOf = row.asOf, h.sentence = row.sentence, h.start = toInteger(row.start), h.end = toInteger(row.end)`;

const WRITE_EVENTS = `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MERGE (e:Event {id: row.id})
SET e.title = row.title, e.kind = row.kind, e.date = row.date, e.partOfDay = row.partOfDay,
    e.articleId = row.articleId
MERGE (e)-[r:REPORTED_IN]->(a)
SET r.articleId = row.articleId, r.sentence = row.sentence, r.start = toInteger(row.start), r.end = toInteger(row.end)`;

const WRITE_HELD_IN = `
UNWIND $rows AS row
MATCH (e:Event {id: row.eventId}), (p:Place {id: row.placeId})
MERGE (e)-[r:HELD_IN]->(p)
SET r.articleId = row.articleId, r.sentence = row.sentence, r.start = toInteger(row.start), r.end = toInteger(row.end)`;

const WRITE_ATTENDED = `
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}), (e:Event {id: row.eventId})
MERGE (p)-[r:ATTENDED]->(e)
SET r.role = row.role, r.articleId = row.articleId, r.sentence = row.sentence, r.start = toInteger(row.start),
    r.end = toInteger(row.end)`;

// The same name in two jurisdictions stays two people, linked for the analyst to judge.
// One index seek per name; only names held by more than one person go on to pair up.
const LINK_POSSIBLY_SAME = `
UNWIND $names AS name
MATCH (p:Person {name: name})
WITH name, collect(p) AS people
WHERE size(people) > 1
UNWIND people AS a
UNWIND people AS b
WITH a, b
WHERE a.id < b.id
MERGE (a)-[:POSSIBLY_SAME]->(b)`;

const WRITE_SOURCES = `
UNWIND $rows AS row
MERGE (s:Source {doc: row.doc})
SET s.hash = row.hash, s.articles = toInteger(row.articles), s.ingestedAt = datetime()`;

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

async function removeDocuments(tx: ManagedTransaction, docs: string[], total: WriteCounts): Promise<void> {
  if (docs.length === 0) return;
  const ids = (await tx.run(ARTICLE_IDS, { docs })).records[0]?.get('ids') as string[];
  if (ids.length === 0) return;
  const touched = (await tx.run(TOUCHED, { ids })).records[0]!;
  const mentioned = touched.get('mentioned') as string[];
  const offices = touched.get('offices') as string[];
  const places = (await tx.run(PLACE_CANDIDATES, { elementIds: mentioned })).records[0]?.get(
    'ids',
  ) as string[];

  addCounts(total, countsOf(await tx.run(REMOVE_HOLDS, { ids })));
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
  removeDocs: string[],
  sources: SourceEntry[],
): Promise<WriteCounts> {
  const total = zeroCounts();
  await removeDocuments(tx, removeDocs, total);
  const steps: [string, Record<string, unknown>][] = [
    [WRITE_PLACES, { rows: batch.places }],
    [WRITE_OFFICES, { rows: batch.offices }],
    [WRITE_PEOPLE, { rows: batch.people }],
    [WRITE_ARTICLES, { rows: batch.articles }],
    [WRITE_REPORTERS, { rows: batch.wrote }],
    [WRITE_MENTIONS('Person'), { rows: batch.personMentions }],
    [WRITE_MENTIONS('Place'), { rows: batch.placeMentions }],
    [WRITE_HOLDS, { rows: batch.holds }],
    [WRITE_EVENTS, { rows: batch.events }],
    [WRITE_HELD_IN, { rows: batch.heldIn }],
    [WRITE_ATTENDED, { rows: batch.attended }],
    [LINK_POSSIBLY_SAME, { names: [...new Set(batch.people.map((p) => p.name))] }],
    [WRITE_SOURCES, { rows: sources }],
  ];
  for (const [query, params] of steps) {
    const rows = (params.rows ?? params.names) as unknown[];
    if (rows.length > 0) addCounts(total, countsOf(await tx.run(query, params)));
  }
  return total;
}

export interface WriteRequest {
  batch: GraphBatch;
  /** Files whose previously stored facts this transaction removes first. */
  replaceDocs: string[];
  /** Ledger entries for the files this transaction completes. */
  sources: SourceEntry[];
}

/** Applies one request in one managed write transaction (retried whole on transient errors). */
export async function writeGraph(db: Database, request: WriteRequest): Promise<WriteCounts> {
  const session = db.driver.session({ database: db.database });
  try {
    return await session.executeWrite((tx) =>
      writeBatch(tx, request.batch, request.replaceDocs, request.sources),
    );
  } finally {
    await session.close();
  }
}

/** The content hashes recorded by the last successful writes of these files. */
export async function storedHashes(db: Database, docs: string[]): Promise<Map<string, string>> {
  const { records } = await db.driver.executeQuery(
    'UNWIND $docs AS doc MATCH (s:Source {doc: doc}) RETURN s.doc AS doc, s.hash AS hash',
    { docs },
    { database: db.database, routing: 'READ' },
  );
  return new Map(records.map((r) => [r.get('doc') as string, r.get('hash') as string]));
}
