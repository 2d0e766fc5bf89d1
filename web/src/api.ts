// Typed access to the API server (web/server), shaped by web/contract.ts. The browser talks only to it,
// never to Neo4j.
import type {
  ActivityResponse,
  ApiErrorBody,
  ArticleResponse,
  ArticlesResponse,
  QueriesResponse,
  SchemaResponse,
  CypherResult,
  ExplorerGraph,
  GraphPayload,
  NeighborsResponse,
  NodeResponse,
  SearchResponse,
  TimelineResponse,
} from '../contract.ts';

export type {
  ActivityResponse,
  CypherResult,
  ExplorerGraph,
  ExplorerNode,
  GraphEdge,
  GraphNode,
  GraphPayload,
} from '../contract.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the server did not answer at all (or too late, or the request was cancelled). */
    readonly status: number,
    /** The server's error body: Neo4j's code and the position in the query, when it said. */
    readonly body: ApiErrorBody = { error: message },
    readonly detail: { aborted?: boolean; timedOut?: boolean; retryAfter?: number } = {},
  ) {
    super(message);
    // Callers that cancel their own requests look for this name, as with fetch.
    if (detail.aborted) this.name = 'AbortError';
  }
  /** The server or the database is down or hung (as opposed to a bad request, or 429: busy). */
  get unavailable(): boolean {
    return [0, 502, 503, 504].includes(this.status) && !this.detail.aborted;
  }
  /** Cancelled by the page itself (a newer request replaced it): nothing to show. */
  get aborted(): boolean {
    return this.detail.aborted === true;
  }
}

/**
 * How long the page waits for any answer. The server answers well before (503 by 12 s for the
 * explorer's reads, 35 s for Cypher), so this only fires when the server itself is gone.
 */
const DEADLINE_MS = { read: 15_000, cypher: 45_000 };

async function request<T>(
  url: string,
  init: RequestInit = {},
  { signal, deadlineMs = DEADLINE_MS.read }: { signal?: AbortSignal; deadlineMs?: number } = {},
): Promise<T> {
  const timeout = AbortSignal.timeout(deadlineMs);
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch {
    if (signal?.aborted) throw new ApiError('cancelled', 0, undefined, { aborted: true });
    if (timeout.aborted)
      throw new ApiError(`The server did not answer within ${deadlineMs / 1000} s.`, 0, undefined, {
        timedOut: true,
      });
    throw new ApiError('The cadre-graph server is not reachable.', 0);
  }
  const body = (await response.json().catch(() => ({}))) as Partial<ApiErrorBody>;
  if (!response.ok) {
    const message = body.error ?? `${response.status} ${response.statusText}`;
    const retryAfter = Number(response.headers.get('retry-after')) || undefined;
    throw new ApiError(message, response.status, { ...body, error: message }, { retryAfter });
  }
  return body as T;
}

/**
 * A signal for the newest request of a kind: asking for a new one cancels the one before, so a
 * superseded request (the previous keystroke, the previous view) stops costing the server anything.
 */
export function supersede(): () => AbortSignal {
  let current: AbortController | undefined;
  return () => {
    current?.abort();
    current = new AbortController();
    return current.signal;
  };
}

const post = <T>(url: string, body: unknown, signal?: AbortSignal) =>
  request<T>(
    url,
    { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
    { signal, deadlineMs: DEADLINE_MS.cypher },
  );

const enc = encodeURIComponent;

export const fetchOverview = (limit = 300, signal?: AbortSignal) =>
  request<GraphPayload>(`/api/graph?limit=${limit}`, {}, { signal });

export const searchNodes = (q: string, limit = 10, signal?: AbortSignal) =>
  request<SearchResponse>(`/api/search?q=${enc(q)}&limit=${limit}`, {}, { signal });

export const fetchNode = (id: string, signal?: AbortSignal) =>
  request<NodeResponse>(`/api/nodes/${enc(id)}`, {}, { signal });

export const fetchNeighbors = (id: string, skip: number, limit: number, signal?: AbortSignal) =>
  request<NeighborsResponse>(`/api/nodes/${enc(id)}/neighbors?skip=${skip}&limit=${limit}`, {}, { signal });

export const fetchTimeline = (signal?: AbortSignal) =>
  request<TimelineResponse>('/api/timeline', {}, { signal });

/** The most active officials and the places they visit, aggregated (the start page). */
export const fetchActivity = (
  params: { people: number; from: string | null; to: string | null },
  signal?: AbortSignal,
) => {
  const query = new URLSearchParams({ people: String(params.people) });
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  return request<ActivityResponse>(`/api/activity?${query}`, {}, { signal });
};

/** Headlines, papers and dates of the articles evidence cites (a read: the explorer's deadline). */
export const fetchArticles = (ids: string[], signal?: AbortSignal) =>
  request<ArticlesResponse>(
    '/api/articles/lookup',
    { method: 'POST', body: JSON.stringify({ ids }), headers: { 'content-type': 'application/json' } },
    { signal },
  );

export const fetchQueries = (signal?: AbortSignal) =>
  request<QueriesResponse>('/api/queries', {}, { signal });

export const fetchSchema = (signal?: AbortSignal) => request<SchemaResponse>('/api/schema', {}, { signal });

export const fetchArticle = (id: string, signal?: AbortSignal) =>
  request<ArticleResponse>(`/api/articles/${enc(id)}`, {}, { signal });

export const runNamedQuery = (
  name: string,
  params: Record<string, string>,
  limit = 2000,
  signal?: AbortSignal,
) => post<CypherResult>(`/api/queries/${enc(name)}/run`, { params, limit }, signal);

export const runCypher = (
  query: string,
  params: Record<string, unknown> = {},
  limit = 1000,
  signal?: AbortSignal,
) => post<CypherResult>('/api/cypher', { query, params, limit }, signal);

/** An empty graph, for code paths that need one. */
export const emptyGraph = (): ExplorerGraph => ({ nodes: [], edges: [] });
