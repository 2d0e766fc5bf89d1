// What every route module receives from buildApp.
import type { FastifyRequest } from 'fastify';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../db/driver.ts';
import type { NamedQuery } from '../../db/named-queries.ts';
import type { CypherPool } from './cypher-pool.ts';
import type { Liveness, LivenessOptions, Reader } from './database.ts';
import type { Lanes } from './limits.ts';
import type { NamedQueryCatalog } from './named.ts';

export interface RouteLimits {
  /** Neo4j stops a Cypher or named-query transaction after this long. */
  queryTimeoutMs: number;
  /** A Cypher request is answered within this long, waiting and serialising included. */
  cypherDeadlineMs: number;
  /** The explorer's own reads (and the one-time check of a named query) are answered within this. */
  readDeadlineMs: number;
  /** Rows of a Cypher result stop once their JSON passes this many characters. */
  maxResponseBytes: number;
  /** Records Neo4j sends a Cypher request ahead of it reading them. */
  fetchSize: number;
  /** The same for a named query: ours, paged, with rows of known shape. */
  namedFetchSize: number;
}

export interface RouteContext {
  db: Database;
  /**
   * The explorer's own queries: a slot in the read lane, then a managed READ transaction with a timeout
   * and a deadline, dropped when the client goes away.
   */
  read: <T>(request: FastifyRequest, work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;
  reader: Reader;
  /** How the explorer's reads wait for Neo4j (database.ts whileAlive): other waits on Neo4j use it too. */
  liveness: LivenessOptions;
  /** Whether Neo4j answers at all (a probe, or any other answer meanwhile). */
  probe: Liveness;
  queries: Map<string, NamedQuery>;
  catalog: NamedQueryCatalog;
  lanes: Lanes;
  pool: CypherPool;
  limits: RouteLimits;
}
