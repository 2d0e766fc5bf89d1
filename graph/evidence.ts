// Evidence is stored once: relationships read from text keep the offsets of their sentence in the
// article's text (and the sentence itself only where that text cannot give it back), and most of them
// do not repeat the article id their endpoints already carry. This fills in `articleId` and `sentence`
// of the relationships a response carries, in one query, so clients and exports see the same fields
// as before: the source sentence stays one click away.
import type { ManagedTransaction } from 'neo4j-driver';

/** Relationship types whose facts come from a sentence of an article. */
export const EVIDENCE_TYPES = new Set([
  'HOLDS',
  'APPOINTED',
  'ATTENDED',
  'HELD_IN',
  'REPORTED_IN',
  'MENTIONED_IN',
]);

export interface EvidenceBag {
  /** The relationship's element id. */
  id: string;
  type: string;
  properties: Record<string, unknown>;
}

// The article of a relationship: its own articleId (HOLDS, and data written before), else the event's
// (ATTENDED ends at an event, HELD_IN starts at one), else the article it ends at (MENTIONED_IN,
// REPORTED_IN). An event's HELD_IN (and an ATTENDED without offsets) reads from the event's own sentence,
// stored once on its REPORTED_IN. Substring offsets are in UTF-16 code units, as the extractor counts them.
// The relationships are grouped by article, so that each article's text is read once (and only when a
// sentence is to be cut from it), however many of its relationships a response carries.
export const RESOLVE = `
UNWIND $evidenceIds AS id
MATCH (x)-[r]->(y) WHERE elementId(r) = id
WITH id, r, x, y,
     CASE WHEN r.start IS NULL THEN CASE type(r) WHEN 'HELD_IN' THEN x WHEN 'ATTENDED' THEN y END END AS event
OPTIONAL MATCH (event)-[report:REPORTED_IN]->(:Article)
WITH coalesce(r.articleId, CASE type(r) WHEN 'ATTENDED' THEN y.articleId WHEN 'HELD_IN' THEN x.articleId ELSE y.id END) AS articleId,
     collect({id: id, start: coalesce(r.start, report.start), end: coalesce(r.end, report.end),
              stored: coalesce(r.sentence, report.sentence)}) AS asked
OPTIONAL MATCH (a:Article {id: articleId})
WITH articleId, asked, a.start AS base,
     CASE WHEN any(q IN asked WHERE q.stored IS NULL AND q.start IS NOT NULL) THEN a.text END AS text
UNWIND asked AS q
RETURN q.id AS id, articleId, q.start AS start, q.end AS end,
       coalesce(q.stored, CASE WHEN q.start IS NOT NULL AND text IS NOT NULL AND q.start >= base
                               THEN substring(text, q.start - base, q.end - q.start) END) AS sentence`;

/** The relationships among `bags` whose evidence is to be looked up (RESOLVE's $evidenceIds). */
export function evidenceWanted(bags: EvidenceBag[]): EvidenceBag[] {
  return bags.filter(
    (b) =>
      EVIDENCE_TYPES.has(b.type) &&
      (b.properties.sentence == null || b.properties.articleId == null || b.properties.start == null),
  );
}

/** One row of RESOLVE. */
export interface Evidence {
  id: string;
  articleId: string | null;
  sentence: string | null;
  start: number | null;
  end: number | null;
}

/** Fills in place what RESOLVE found for the wanted bags. */
export function applyEvidence(wanted: EvidenceBag[], rows: Evidence[]): void {
  const found = new Map(rows.map((r) => [r.id, r]));
  for (const bag of wanted) {
    const evidence = found.get(bag.id);
    if (!evidence) continue;
    bag.properties.articleId ??= evidence.articleId;
    bag.properties.sentence ??= evidence.sentence;
    bag.properties.start ??= evidence.start;
    bag.properties.end ??= evidence.end;
  }
}

/** Fills `articleId`, `sentence` and the offsets in place on evidence relationships that lack them. */
export async function resolveEvidence(
  tx: Pick<ManagedTransaction, 'run'>,
  bags: EvidenceBag[],
): Promise<void> {
  const wanted = evidenceWanted(bags);
  if (wanted.length === 0) return;
  const evidenceIds = [...new Set(wanted.map((b) => b.id))];
  const result = await tx.run(RESOLVE, { evidenceIds });
  applyEvidence(
    wanted,
    result.records.map((r) => r.toObject() as unknown as Evidence),
  );
}

/** Relationships anywhere in JSON rows as the API sends them ({elementId, type, startNodeElementId, properties}). */
export function relationshipsIn(value: unknown, out: EvidenceBag[] = []): EvidenceBag[] {
  if (Array.isArray(value)) for (const item of value) relationshipsIn(item, out);
  else if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (
      typeof v.elementId === 'string' &&
      typeof v.type === 'string' &&
      'startNodeElementId' in v &&
      v.properties
    ) {
      out.push({ id: v.elementId, type: v.type, properties: v.properties as Record<string, unknown> });
    } else for (const item of Object.values(v)) relationshipsIn(item, out);
  }
  return out;
}
