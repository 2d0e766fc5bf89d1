// Every write statement of the ingest has a plan linear in its rows: on a populated database, EXPLAIN
// of each (with rows of a real page) shows no scan of all nodes, of a label, or of a relationship index
// or type. A plan that flips to a scan turns one transaction quadratic (issue 11: 50 s for 2,294 rows).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.ts';
import type { Database } from '../../db/driver.ts';
import { extractText } from '../../ingest/extract/index.ts';
import { toGraphBatch } from '../../ingest/load/graph-batch.ts';
import { documentId, documentIdV2 } from '../../ingest/load/identity.ts';
import { WRITE_STATEMENTS } from '../../ingest/load/writer.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { clearDatabase, testDatabase } from '../helpers.ts';

const FORBIDDEN = /^(AllNodesScan|NodeByLabelScan|\w*RelationshipIndexScan|\w*RelationshipTypeScan)$/;

interface Plan {
  operatorType: string;
  children: Plan[];
}
const operators = (plan: Plan): string[] => [
  plan.operatorType.split('@')[0]!,
  ...plan.children.flatMap(operators),
];

let db: Database;
let corpus: string;
const OUTSIDE = path.resolve('../shared/outside');

beforeAll(async () => {
  db = testDatabase();
  await clearDatabase(db);
  corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-plans-'));
  writeCorpus({ dir: corpus, pages: 200, counties: 10 });
  // ../shared/outside reports personnel decisions, so APPOINTED is populated too.
  await ingestPaths(db, [path.resolve('seeds'), corpus, OUTSIDE]);
  await db.driver.executeQuery('CALL db.awaitIndexes(60)');
});
afterAll(async () => {
  fs.rmSync(corpus, { recursive: true, force: true });
  await db.close();
});

describe('write plans', () => {
  it('are linear in their rows: no all-nodes, label, relationship-index or relationship-type scan', async () => {
    const file = path.resolve('seeds/001_2955f14923da8811.txt');
    const text = fs.readFileSync(file, 'utf8');
    const source = fs.realpathSync('seeds');
    const docId = documentId(source, path.basename(file));
    const batch = toGraphBatch(extractText(text, docId), text, { path: path.basename(file) });
    const { records } = await db.driver.executeQuery(
      `MATCH (a:Article) WHERE a.id STARTS WITH $docId + '#' OPTIONAL MATCH (a)<-[:MENTIONED_IN]-(n)
       RETURN collect(DISTINCT a.id) AS ids, collect(DISTINCT elementId(n)) AS elementIds`,
      { docId },
    );
    const ids = records[0]!.get('ids') as string[];
    // The seed page reports no appointments: take the rows of an outside item that does.
    const decisions = fs.readFileSync(path.join(OUTSIDE, 'o27.txt'), 'utf8');
    const appointed = toGraphBatch(extractText(decisions, 'o27.txt'), decisions).appointed;
    expect(appointed.length).toBeGreaterThan(0);
    const elementIds = records[0]!.get('elementIds') as string[];
    expect(ids.length).toBeGreaterThan(0);
    const params: Record<string, Record<string, unknown>> = {
      ARTICLE_IDS: { docs: [docId] },
      LEGACY_ARTICLE_IDS: { paths: [path.basename(file)] },
      TOUCHED: { ids },
      REMOVE_HOLDS: { ids },
      REMOVE_APPOINTED: { ids },
      REMOVE_ARTICLES: { ids },
      REMOVE_ORPHANS: { elementIds },
      REMOVE_UNUSED_PLACES: { elementIds },
      PLACE_CANDIDATES: { elementIds },
      WRITE_PLACES: { rows: batch.places },
      WRITE_OFFICES: { rows: batch.offices },
      WRITE_PEOPLE: { rows: batch.people },
      WRITE_ARTICLES: { rows: batch.articles },
      WRITE_REPORTERS: { rows: batch.wrote },
      WRITE_PERSON_MENTIONS: { rows: batch.personMentions },
      WRITE_PLACE_MENTIONS: { rows: batch.placeMentions },
      WRITE_HOLDS: { rows: batch.holds },
      WRITE_APPOINTED: { rows: appointed },
      WRITE_EVENTS: { rows: batch.events },
      WRITE_HELD_IN: { rows: batch.heldIn },
      WRITE_ATTENDED: { rows: batch.attended },
      LINK_POSSIBLY_SAME: { names: batch.people.map((p) => p.name) },
      WRITE_DOCUMENTS: { rows: [{ id: docId, source, path: 'x', hash: 'h', articles: 1 }] },
      REMOVE_DOCUMENTS: { ids: [docId] },
      REMOVE_LEGACY_LEDGER: { paths: ['x'] },
      CLAIM_LEGACY: { claims: [{ path: 'x', source, docId, hash: 'h', articles: 1 }] },
      OPEN_LEDGER: { id: 'ingest', version: 3 },
      SET_LEDGER_VERSION: { id: 'ingest', version: 3 },
      MIGRATE_V2_ARTICLES: {
        docs: [
          { source, path: path.basename(file), old: documentIdV2(source, path.basename(file)), id: docId },
        ],
      },
      MIGRATE_V2_DOCUMENTS: { docs: [{ old: documentIdV2(source, path.basename(file)), id: docId }] },
    };
    expect(Object.keys(params).sort()).toEqual(Object.keys(WRITE_STATEMENTS).sort());
    const scans: string[] = [];
    for (const [name, statement] of Object.entries(WRITE_STATEMENTS)) {
      const result = await db.driver.executeQuery(`EXPLAIN ${statement}`, params[name]);
      const found = operators(result.summary.plan as unknown as Plan).filter((op) => FORBIDDEN.test(op));
      if (found.length) scans.push(`${name}: ${found.join(', ')}`);
    }
    expect(scans).toEqual([]);
  });
});
