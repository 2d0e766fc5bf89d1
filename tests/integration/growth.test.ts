// The explorer's routes do work in proportion to their answer, not to the archive: each route's query
// is PROFILEd on the seeds plus a synthetic corpus (bench/corpus.ts), then on ten times that corpus,
// and its db hits may grow less than 1.5x where its answer stays the same. (150 → 1,500 synthetic
// articles keeps CI quick; the index-backed plans do not depend on the size, so the ratio is the proof.)
// The timeline is not here: its answer is a count per day of every event, so its work grows with them
// (it reads only the date index, 1 db hit per event).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/corpus.ts';
import { bindParams, loadNamedQueries } from '../../db/named-queries.ts';
import type { Database } from '../../db/driver.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { ARTICLE } from '../../web/server/routes/articles.ts';
import { OVERVIEW, TIMELINE } from '../../web/server/routes/graph.ts';
import { EXPAND, NODE } from '../../web/server/routes/nodes.ts';
import { SEARCH } from '../../web/server/routes/search.ts';
import { clearDatabase, testDatabase } from '../helpers.ts';

const SMALL_PAGES = 30;
const FACTOR = 10;

let db: Database;
const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-growth-'));

interface Probe {
  name: string;
  query: string | (() => Promise<string>);
  params: () => Promise<Record<string, unknown>>;
}

interface Measure {
  dbHits: number;
  /** What the answer is: rows, or the total it reports. */
  answer: string;
}

function dbHits(plan: { dbHits?: number; children?: unknown[] }): number {
  return (plan.dbHits ?? 0) + (plan.children ?? []).reduce<number>((sum, c) => sum + dbHits(c as never), 0);
}

async function idOf(query: string, params: Record<string, unknown> = {}): Promise<string> {
  const { records } = await db.driver.executeQuery(query, params, { routing: 'READ' });
  return records[0]!.get(0) as string;
}

const zhang = async () => `Person:${await idOf("MATCH (p:Person {name: '章旭升'}) RETURN p.id")}`;
/** The route's query for a node key, as the route runs it. */
const byKey = (queries: (key: string) => { query: string; id: string } | null, key: string) => {
  const found = queries(key);
  if (!found) throw new Error(`no query for ${key}`);
  return found;
};
const namedPlaceEvents = loadNamedQueries().get('place-events')!;

const probes: Probe[] = [
  {
    name: 'overview (GET /api/graph?limit=50)',
    query: OVERVIEW,
    params: async () => ({ skip: neo4j.int(0), limit: neo4j.int(50) }),
  },
  {
    name: 'expand (GET /api/nodes/:id/neighbors)',
    query: async () => byKey(EXPAND, await zhang()).query,
    params: async () => ({
      id: byKey(EXPAND, await zhang()).id,
      labels: null,
      skip: neo4j.int(0),
      limit: neo4j.int(25),
    }),
  },
  {
    name: 'node (GET /api/nodes/:id)',
    query: async () => byKey(NODE, await zhang()).query,
    params: async () => ({ id: byKey(NODE, await zhang()).id }),
  },
  {
    name: 'search (GET /api/search?q=章旭升)',
    query: SEARCH,
    params: async () => ({ names: '章旭升', pinyin: null, limit: neo4j.int(10) }),
  },
  {
    name: 'article (GET /api/articles/:id)',
    query: ARTICLE,
    params: async () => ({
      id: await idOf(
        "MATCH (:Person {name: '章旭升'})-[:MENTIONED_IN]->(a:Article) RETURN a.id ORDER BY a.id LIMIT 1",
      ),
    }),
  },
  {
    name: 'place-events (a seed county, a page of 50)',
    query: namedPlaceEvents.cypher,
    params: async () => bindParams(namedPlaceEvents, { place: '柯城区', limit: '50' }),
  },
  // The panels' named queries for seed people, places and offices: answers the synthetic corpus does
  // not change. (busiest-*, activity and the timeline rank or count everything, so their answers grow.)
  ...(
    [
      ['person-events', { name: '章旭升', limit: '50' }],
      ['co-attendance', { name: '朱素芳', limit: '50' }],
      ['person-place-events', { person: '徐旭', place: '柯城区', limit: '50' }],
      ['positions-over-time', { name: '胡勇春' }],
      ['place-members', { place: '柯城区' }],
      ['office-members', { office: '永康市委' }],
    ] as const
  ).map(([name, values]): Probe => {
    const query = loadNamedQueries().get(name)!;
    return {
      name: `${name} (${Object.values(values).join(', ')})`,
      query: query.cypher,
      params: async () => bindParams(query, values),
    };
  }),
];

async function measure(probe: Probe): Promise<Measure> {
  const params = await probe.params();
  const query = typeof probe.query === 'string' ? probe.query : await probe.query();
  const { summary, records } = await db.driver.executeQuery(`PROFILE ${query}`, params, {
    routing: 'READ',
  });
  const first = records[0]?.toObject() ?? {};
  const answer = 'total' in first ? `total ${String(first.total)}` : `${records.length} rows`;
  return { dbHits: dbHits(summary.profile as never), answer };
}

/** For the record only: the start page's and the timeline's queries before they used the date index. */
const before: Probe[] = [
  {
    name: 'overview before (label scan and sort)',
    query: `MATCH (e:Event) WITH e ORDER BY e.date IS NULL, e.date DESC, e.id LIMIT $limit
      OPTIONAL MATCH attended = (:Person)-[:ATTENDED]->(e) OPTIONAL MATCH heldIn = (e)-[:HELD_IN]->(:Place)
      RETURN e, collect(DISTINCT attended) AS attended, collect(DISTINCT heldIn) AS heldIn`,
    params: async () => ({ limit: neo4j.int(50) }),
  },
  {
    name: 'timeline before (label scan)',
    query: 'MATCH (e:Event) RETURN e.date AS date, count(*) AS events ORDER BY date',
    params: async () => ({}),
  },
  {
    name: 'timeline (date index only)',
    query: TIMELINE,
    params: async () => ({ from: '0000-00-00', to: '9999-99-99' }),
  },
];

const small = new Map<string, Measure>();
const large = new Map<string, Measure>();

beforeAll(async () => {
  db = testDatabase();
  await clearDatabase(db);
  writeCorpus({ dir: corpus, pages: SMALL_PAGES });
  await ingestPaths(db, [path.resolve('seeds'), corpus]);
  for (const probe of [...probes, ...before]) small.set(probe.name, await measure(probe));
  // The same generator with more pages: the first pages are the same files, so they are kept as they
  // are and only the new ones are written.
  writeCorpus({ dir: corpus, pages: SMALL_PAGES * FACTOR });
  await ingestPaths(db, [path.resolve('seeds'), corpus]);
  for (const probe of [...probes, ...before]) large.set(probe.name, await measure(probe));
  const { records } = await db.driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n');
  console.log(`growth: ${records[0]!.get('n')} articles in the large database`);
  for (const probe of [...probes, ...before]) {
    const [s, l] = [small.get(probe.name)!, large.get(probe.name)!];
    console.log(
      `growth: ${probe.name}: ${s.dbHits} → ${l.dbHits} db hits (${(l.dbHits / s.dbHits).toFixed(2)}x), answer ${s.answer} → ${l.answer}`,
    );
  }
});
afterAll(async () => {
  await db.close();
  fs.rmSync(corpus, { recursive: true, force: true });
});

describe(`db hits from ${SMALL_PAGES * 5} to ${SMALL_PAGES * 5 * FACTOR} synthetic articles`, () => {
  it.each(probes.map((p) => p.name))('%s: the same answer for less than 1.5x the db hits', (name) => {
    const [s, l] = [small.get(name)!, large.get(name)!];
    expect(l.answer).toBe(s.answer);
    expect(l.dbHits / s.dbHits).toBeLessThan(1.5);
  });
});
