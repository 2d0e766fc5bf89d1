// Errors the routes raise and how each becomes an HTTP answer (see the handler in app.ts).
import type { ApiErrorBody } from '../contract.ts';
import { isAuthError, isUnavailable } from '../../db/driver.ts';

/** Raised for failures the client should see as "the database is unavailable" (503). */
export class DatabaseUnavailable extends Error {}

/** A failure the client caused, with the status and body to send. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly extra: Omit<ApiErrorBody, 'error'> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, extra?: Omit<ApiErrorBody, 'error'>) =>
  new HttpError(400, message, extra);
export const notFound = (message: string) => new HttpError(404, message);

/** Our own code for a query stopped by the API's deadline; Neo4j's timeouts carry theirs (…TimedOut…). */
export const QUERY_TIMED_OUT = 'TransactionTimedOut';

/** Neo4j stopped the transaction at the timeout the API gave it. */
export const isTimedOut = (error: unknown): boolean => /TransactionTimedOut/.test(neo4jCode(error) ?? '');

/**
 * A query that ran past its time limit, whether Neo4j stopped it or our deadline (which also covers
 * serialising) did: one status, 400, since asking again gets the same answer (a 503 would invite a
 * retry and tell the page Neo4j is away); the same message, and a code with TransactionTimedOut in it.
 */
export const timedOut = (seconds: number, code = QUERY_TIMED_OUT) =>
  new HttpError(
    400,
    `The query ran past its timeout of ${seconds} s (serialising included) and was stopped; ask for less (LIMIT, fewer columns, a narrower MATCH).`,
    { code },
  );

/** A Neo4j server error (it carries a `Neo.*` status code), as opposed to a driver or network failure. */
export function neo4jCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('Neo.') ? code : undefined;
}

/** Connection and authentication failures of the server's own credentials: the database is unusable. */
export function isDatabaseDown(error: unknown): boolean {
  if (isUnavailable(error)) return true;
  // A query may be *forbidden* (a user's fault); bad server credentials are not the user's fault.
  return isAuthError(error) && neo4jCode(error) !== 'Neo.ClientError.Security.Forbidden';
}

const POSITION = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/** The error body for a failed user query: Neo4j's message verbatim, its code, and where it points. */
export function cypherErrorBody(error: unknown): ApiErrorBody {
  const message = error instanceof Error ? error.message : String(error);
  const body: ApiErrorBody = { error: message };
  const code = neo4jCode(error);
  if (code) body.code = code;
  const match = POSITION.exec(message);
  if (match) body.position = { line: Number(match[1]), column: Number(match[2]), offset: Number(match[3]) };
  return body;
}
