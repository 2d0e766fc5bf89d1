import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from './config.ts';

export interface Database {
  driver: Driver;
  /** What the driver was opened with, so a worker thread can open a driver of its own. */
  config: Neo4jConfig & { uri: string };
  tuning: DriverTuning;
  /** Database name for sessions and executeQuery; undefined means the server default. */
  database: string | undefined;
  close(): Promise<void>;
}

export interface DriverTuning {
  /** How long managed transactions retry transient failures; the API keeps this short. */
  maxRetryMs?: number;
  /** Connections kept open; the API's worker threads need only a couple each. */
  maxPoolSize?: number;
  /** How long opening a connection may take; the API keeps it short to notice a hung server. */
  connectionTimeoutMs?: number;
}

/** Opens a driver; nothing here assumes the local launcher, so Aura or a cluster work the same. */
export function openDatabase(config: Neo4jConfig & { uri: string }, tuning: DriverTuning = {}): Database {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    // Integers come back as JS numbers or bigint instead of neo4j.Integer objects.
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 20_000,
    ...(tuning.connectionTimeoutMs ? { connectionTimeout: tuning.connectionTimeoutMs } : {}),
    maxTransactionRetryTime: tuning.maxRetryMs ?? 15_000,
    ...(tuning.maxPoolSize ? { maxConnectionPoolSize: tuning.maxPoolSize } : {}),
  });
  return { driver, config, tuning, database: config.database, close: () => driver.close() };
}

/** Waits until the server answers, or throws after `timeoutMs` with the last error. */
export async function waitForDatabase(db: Database, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await db.driver.verifyConnectivity({ database: db.database });
      return;
    } catch (error) {
      lastError = error;
      if (isAuthError(error)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`Neo4j did not answer: ${describeError(lastError)}`);
}

export function isAuthError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  return code.startsWith('Neo.ClientError.Security');
}

export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return true;
  // Every pooled connection busy (or stuck on a server that stopped answering) for too long.
  return error instanceof Error && /connection acquisition timed out/i.test(error.message);
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? String(error);
  return String(error);
}
