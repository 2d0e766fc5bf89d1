// The panel's side of web/contract.ts: POST /api/cypher, POST /api/queries/:name/run, GET /api/queries,
// GET /api/schema. Every call resolves (never throws) to a result or to the server's error body, so the
// panel can show Neo4j's message verbatim with its code and position.
import type {
  ApiErrorBody,
  CypherRequest,
  CypherResult,
  NamedQueryRequest,
  QueriesResponse,
  SchemaResponse,
} from '../../contract.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: number; error: ApiErrorBody };

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Reads a response into an outcome; a non-JSON or shapeless error body still gives a message. */
export async function readOutcome<T>(response: Response): Promise<Outcome<T>> {
  let body: unknown;
  const text = await response.text();
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = undefined;
  }
  if (response.ok && body !== undefined) return { ok: true, value: body as T };
  return { ok: false, status: response.status, error: errorBody(response, body, text) };
}

function errorBody(response: Response, body: unknown, text: string): ApiErrorBody {
  if (body && typeof body === 'object' && typeof (body as ApiErrorBody).error === 'string') {
    const { error, code, position } = body as ApiErrorBody;
    const result: ApiErrorBody = { error };
    if (typeof code === 'string') result.code = code;
    if (position && typeof position === 'object' && Number.isFinite(position.line)) {
      result.position = { line: position.line, column: position.column, offset: position.offset };
    }
    return result;
  }
  const detail = text.trim().slice(0, 500);
  return { error: detail || `${response.status} ${response.statusText}`.trim() };
}

async function call<T>(fetchImpl: Fetch, url: string, init?: RequestInit): Promise<Outcome<T>> {
  let response: Response;
  try {
    response = await fetchImpl(url, init);
  } catch (error) {
    return {
      ok: false,
      status: 0,
      error: { error: `The cadre-graph server is not reachable (${String(error)}).` },
    };
  }
  return readOutcome<T>(response);
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: JSON.stringify(body),
});

export interface CypherApi {
  runCypher(request: CypherRequest): Promise<Outcome<CypherResult>>;
  runNamed(name: string, request: NamedQueryRequest): Promise<Outcome<CypherResult>>;
  queries(): Promise<Outcome<QueriesResponse>>;
  schema(): Promise<Outcome<SchemaResponse>>;
}

export function cypherApi(fetchImpl: Fetch = (input, init) => fetch(input, init)): CypherApi {
  const get: RequestInit = { headers: { accept: 'application/json' } };
  return {
    runCypher: (request) => call(fetchImpl, '/api/cypher', post(request)),
    runNamed: (name, request) =>
      call(fetchImpl, `/api/queries/${encodeURIComponent(name)}/run`, post(request)),
    queries: () => call(fetchImpl, '/api/queries', get),
    schema: () => call(fetchImpl, '/api/schema', get),
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
