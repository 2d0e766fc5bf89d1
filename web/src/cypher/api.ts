// The panel's side of web/contract.ts through the app's one HTTP client (../api.ts): every call
// resolves (never throws) to a result or to the server's error body, so the panel can show Neo4j's
// message verbatim with its code and position.
import type {
  ApiErrorBody,
  CypherRequest,
  CypherResult,
  NamedQueryRequest,
  QueriesResponse,
  SchemaResponse,
} from '../../contract.ts';
import { ApiError, fetchQueries, fetchSchema, runCypher, runNamedQuery } from '../api.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; error: ApiErrorBody };

/** A call's result, or the error the server sent (status 0 when it did not answer). */
export async function outcome<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, status: error.status, error: error.body };
    return { ok: false, status: 0, error: { error: error instanceof Error ? error.message : String(error) } };
  }
}

export interface CypherApi {
  runCypher(request: CypherRequest): Promise<Outcome<CypherResult>>;
  runNamed(name: string, request: NamedQueryRequest): Promise<Outcome<CypherResult>>;
  queries(): Promise<Outcome<QueriesResponse>>;
  schema(): Promise<Outcome<SchemaResponse>>;
}

export function cypherApi(): CypherApi {
  return {
    runCypher: (request) => outcome(() => runCypher(request.query, request.params ?? {}, request.limit)),
    runNamed: (name, request) => outcome(() => runNamedQuery(name, request.params ?? {}, request.limit)),
    queries: () => outcome(fetchQueries),
    schema: () => outcome(fetchSchema),
  };
}

export type ErrorKind = 'syntax' | 'refused' | 'unavailable' | 'other';

/** What kind of failure to headline; the message itself is always shown as the server sent it. */
export function errorKind(status: number, error: ApiErrorBody): ErrorKind {
  if (status === 0 || status === 503) return 'unavailable';
  const code = error.code ?? '';
  if (/SyntaxError|InvalidSyntax|42I\d\d|42001/i.test(code)) return 'syntax';
  if (
    /AccessMode|Forbidden|WriteOn|ReadOnly|NotAllowed|Refused/i.test(code) ||
    /read[- ]only|read access mode|only read queries|writ(e|es|ing) (is|are) not allowed|refus/i.test(
      error.error,
    )
  )
    return 'refused';
  return 'other';
}
