// What every route module receives from buildApp.
import type { Database } from '../../db/driver.ts';
import type { NamedQuery } from '../../db/named-queries.ts';
import type { Reader } from './database.ts';

export interface RouteContext {
  db: Database;
  /** Managed READ transactions with the configured timeout. */
  read: Reader;
  queries: Map<string, NamedQuery>;
}
