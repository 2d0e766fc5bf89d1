// Writes one source file's facts to Neo4j in a single managed write transaction: the previous version
// of the file is removed and the new one written together, so a crash leaves either the old file or the
// new one, never half of either, and a changed file leaves no stale edges behind.
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

// Nodes that only this file's articles and events touched are deleted with them; shared people and
// places stay because other files still connect to them.
const REMOVE_DOCUMENT = `
MATCH (a:Article {doc: $doc})
OPTIONAL MATCH (a)<-[:REPORTED_IN]-(e:Event)
OPTIONAL MATCH (e)<-[:ATTENDED]-(attendee)
OPTIONAL MATCH (e)-[:HELD_IN]->(venue)
OPTIONAL MATCH (a)<-[:MENTIONED_IN|WROTE]-(mentioned)
WITH collect(DISTINCT a) AS articles, collect(DISTINCT e) AS events,
     collect(DISTINCT attendee) + collect(DISTINCT venue) + collect(DISTINCT mentioned) AS touched
FOREACH (x IN events | DETACH DELETE x)
FOREACH (x IN articles | DETACH DELETE x)
WITH touched
UNWIND touched AS n
WITH DISTINCT n
WHERE NOT (n)--()
DELETE n`;

const WRITE_ARTICLES = `
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row`;

const WRITE_PEOPLE = `
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
ON CREATE SET p.name = row.name, p.jurisdiction = row.jurisdiction, p.official = row.official
ON MATCH SET p.official = p.official OR row.official`;

const WRITE_PLACES = `
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
SET p.name = row.name, p.level = row.level, p.code = row.code`;

const WRITE_PERSON_MENTIONS = `
UNWIND $rows AS row
MATCH (p:Person {id: row.nodeId}), (a:Article {id: row.articleId})
MERGE (p)-[r:MENTIONED_IN]->(a)
SET r.positions = row.positions, r.sentence = row.sentence, r.start = row.start, r.end = row.end`;

const WRITE_PLACE_MENTIONS = `
UNWIND $rows AS row
MATCH (p:Place {id: row.nodeId}), (a:Article {id: row.articleId})
MERGE (p)-[r:MENTIONED_IN]->(a)
SET r.sentence = row.sentence, r.start = row.start, r.end = row.end`;

const WRITE_EVENTS = `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MERGE (e:Event {id: row.id})
SET e.title = row.title, e.kind = row.kind, e.date = row.date, e.partOfDay = row.partOfDay,
    e.articleId = row.articleId
MERGE (e)-[r:REPORTED_IN]->(a)
SET r.sentence = row.sentence, r.start = row.start, r.end = row.end`;

const WRITE_ATTENDED = `
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}), (e:Event {id: row.eventId})
MERGE (p)-[r:ATTENDED]->(e)
SET r.role = row.role, r.articleId = row.articleId, r.sentence = row.sentence, r.start = row.start,
    r.end = row.end`;

const WRITE_HELD_IN = `
UNWIND $rows AS row
MATCH (e:Event {id: row.eventId}), (p:Place {id: row.placeId})
MERGE (e)-[:HELD_IN]->(p)`;

const WRITE_REPORTERS = `
UNWIND $rows AS row
MATCH (a:Article {id: row.articleId})
MERGE (r:Reporter {id: row.reporterId})
ON CREATE SET r.name = row.name
MERGE (r)-[:WROTE]->(a)`;

const WRITE_SOURCE = `
MERGE (s:Source {doc: $doc})
SET s.hash = $hash, s.articles = $articles, s.ingestedAt = datetime()`;

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

async function runAll(tx: ManagedTransaction, batch: GraphBatch, hash: string): Promise<WriteCounts> {
  const total = zeroCounts();
  const steps: [string, Record<string, unknown>][] = [
    [REMOVE_DOCUMENT, { doc: batch.doc }],
    [WRITE_ARTICLES, { rows: batch.articles }],
    [WRITE_PEOPLE, { rows: batch.people }],
    [WRITE_PLACES, { rows: batch.places }],
    [WRITE_PERSON_MENTIONS, { rows: batch.personMentions }],
    [WRITE_PLACE_MENTIONS, { rows: batch.placeMentions }],
    [WRITE_EVENTS, { rows: batch.events }],
    [WRITE_ATTENDED, { rows: batch.attended }],
    [WRITE_HELD_IN, { rows: batch.heldIn }],
    [WRITE_REPORTERS, { rows: batch.wrote }],
    [WRITE_SOURCE, { doc: batch.doc, hash, articles: batch.articles.length }],
  ];
  for (const [query, params] of steps) addCounts(total, countsOf(await tx.run(query, params)));
  return total;
}

/** Replaces everything stored for `batch.doc` with the batch, atomically; records `hash` in the ledger. */
export async function writeDocument(db: Database, batch: GraphBatch, hash: string): Promise<WriteCounts> {
  const session = db.driver.session({ database: db.database });
  try {
    // executeWrite retries transient failures (leader switch, deadlock) with the whole transaction.
    return await session.executeWrite((tx) => runAll(tx, batch, hash));
  } finally {
    await session.close();
  }
}

/** The content hash recorded for `doc` by the last successful write, if any. */
export async function storedHash(db: Database, doc: string): Promise<string | null> {
  const { records } = await db.driver.executeQuery(
    'MATCH (s:Source {doc: $doc}) RETURN s.hash AS hash',
    { doc },
    { database: db.database, routing: 'READ' },
  );
  return (records[0]?.get('hash') as string | undefined) ?? null;
}
