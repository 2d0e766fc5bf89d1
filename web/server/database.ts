// Every database call of the API: a managed READ transaction with a timeout, parameters only.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../db/driver.ts';
import { describeError } from '../../db/driver.ts';
import { DatabaseUnavailable, isDatabaseDown } from './errors.ts';

export type Reader = <T>(work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;

/** A reader whose transactions the server stops after `timeoutMs`. */
export function reader(db: Database, timeoutMs: number): Reader {
  return async (work) => {
    const session = db.driver.session({ database: db.database, defaultAccessMode: 'READ' });
    try {
      return await session.executeRead(work, { timeout: timeoutMs });
    } catch (error) {
      if (isDatabaseDown(error)) throw new DatabaseUnavailable(describeError(error));
      throw error;
    } finally {
      await session.close();
    }
  };
}
