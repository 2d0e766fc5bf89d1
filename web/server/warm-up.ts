// Plans for the explorer's own queries, made once at start. On a cold Neo4j the first plan of each
// query costs seconds of its CPU (the first start page under load ran into its 12 s deadline); the
// served app therefore runs each route's query once with parameters that match nothing (or one row)
// before it listens, so a user's first request finds its plan in Neo4j's cache. Read-only, one query
// at a time, each failure ignored: a Neo4j that is away or slow only delays the start by `budgetMs`.
import neo4j from 'neo4j-driver';
import type { Database } from '../../db/driver.ts';
import { LOOKUPS } from './lookups.ts';
import { ARTICLE } from './routes/articles.ts';
import { EVENT_COUNT, OVERVIEW, TIMELINE } from './routes/graph.ts';
import { EXPAND, NODE } from './routes/nodes.ts';
import { SEARCH } from './routes/search.ts';
import { within } from './database.ts';
import { isDatabaseDown } from './errors.ts';

/** Each query with parameters of the types the route sends; a key that names no node matches nothing. */
function warmQueries(): { query: string; params: Record<string, unknown> }[] {
  const none = ['~'];
  const keyed = ['Person', 'Place', 'Event', 'Office'].flatMap((label) => {
    const expand = EXPAND(`${label}:~`)!;
    const node = NODE(`${label}:~`)!;
    return [
      {
        query: expand.query,
        params: { id: expand.id, labels: null, skip: neo4j.int(0), limit: neo4j.int(25) },
      },
      { query: node.query, params: { id: node.id } },
    ];
  });
  return [
    { query: OVERVIEW, params: { skip: neo4j.int(0), limit: neo4j.int(1) } },
    { query: EVENT_COUNT, params: {} },
    { query: TIMELINE, params: { from: '9999-12-31', to: '9999-12-31' } },
    { query: LOOKUPS, params: { nodeIds: none, evidenceIds: none, personIds: none } },
    { query: LOOKUPS, params: { nodeIds: [], evidenceIds: none, personIds: none } },
    ...keyed,
    { query: SEARCH, params: { names: 'warmup', pinyin: null, limit: neo4j.int(1) } },
    { query: SEARCH, params: { names: 'warmup', pinyin: 'warmup', limit: neo4j.int(1) } },
    { query: ARTICLE, params: { id: '~' } },
  ];
}

/** Runs every route query once; resolves after `budgetMs` at the latest, whatever Neo4j does. */
export async function warmUpPlans(db: Database, budgetMs = 15_000): Promise<void> {
  const until = Date.now() + budgetMs;
  for (const { query, params } of warmQueries()) {
    const left = until - Date.now();
    if (left <= 0) return;
    try {
      await within(
        db.driver.executeQuery(query, params, { database: db.database, routing: neo4j.routing.READ }),
        left,
        'warm-up',
      );
    } catch (error) {
      // Neo4j away or slow: the routes say so themselves when asked.
      if (isDatabaseDown(error) || Date.now() >= until) return;
    }
  }
}
