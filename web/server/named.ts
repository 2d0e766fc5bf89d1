// The named queries of cypher/queries are ours: each passes the Cypher guard once, when first needed
// (at load, or at first use when Neo4j was down then), and then runs without a plan per request.
import neo4j from 'neo4j-driver';
import type { Database } from '../../db/driver.ts';
import { bindParams, type NamedQuery } from '../../db/named-queries.ts';
import { checkPlan, Refusal } from './cypher-guard.ts';

export class NamedQueryCatalog {
  private readonly checked = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Database,
    readonly queries: Map<string, NamedQuery>,
  ) {}

  /**
   * Checks every query in the background, one after another: fourteen EXPLAINs at once on a cold Neo4j
   * took the 2 cores for seconds and pushed the first page load past its deadline. A query asked for
   * meanwhile is checked at once (ready). A check that fails because Neo4j is away is redone on use.
   */
  async checkAll(): Promise<void> {
    for (const name of this.queries.keys()) await this.ready(name).catch(() => {});
  }

  /** Resolves once the query passed the guard; rejects with why it did not. */
  ready(name: string): Promise<void> {
    let check = this.checked.get(name);
    if (!check) {
      const query = this.queries.get(name);
      if (!query) return Promise.reject(new Error(`no named query ${name}`));
      check = this.check(query);
      this.checked.set(name, check);
      check.catch((error: unknown) => {
        // A query that fails the guard stays failed; anything else (Neo4j away) is tried again.
        if (!(error instanceof Refusal)) this.checked.delete(name);
      });
    }
    return check;
  }

  private async check(query: NamedQuery): Promise<void> {
    const { summary } = await this.db.driver.executeQuery(`EXPLAIN ${query.cypher}`, bindParams(query, {}), {
      database: this.db.database,
      routing: neo4j.routing.READ,
    });
    try {
      checkPlan(summary, summary.database.name ?? undefined);
    } catch (error) {
      if (error instanceof Refusal)
        throw new Refusal(
          `cypher/queries/${query.name}.cypher does not pass the Cypher guard: ${error.message}`,
        );
      throw error;
    }
  }
}

/** Bound parameters as plain JSON for a worker thread (Cypher integers travel as whole numbers). */
export function plainParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      neo4j.isInt(v) ? (v as { toNumber(): number }).toNumber() : v,
    ]),
  );
}
