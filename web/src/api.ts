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
    /** HTTP status; 0 when the server did not answer at all. */
    readonly status: number,
    /** The server's error body: Neo4j's code and the position in the query, when it said. */
    readonly body: ApiErrorBody = { error: message },
  ) {
    super(message);
  }
  /** The server or the database is down (as opposed to a bad request). */
  get unavailable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch {
    throw new ApiError('The cadre-graph server is not reachable.', 0);
  }
  const body = (await response.json().catch(() => ({}))) as Partial<ApiErrorBody>;
  if (!response.ok) {
    const message = body.error ?? `${response.status} ${response.statusText}`;
    throw new ApiError(message, response.status, { ...body, error: message });
  }
  return body as T;
}

const post = <T>(url: string, body: unknown) =>
  request<T>(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

const enc = encodeURIComponent;

export const fetchOverview = (limit = 300) => request<GraphPayload>(`/api/graph?limit=${limit}`);

export const searchNodes = (q: string, limit = 10, signal?: AbortSignal) =>
  request<SearchResponse>(`/api/search?q=${enc(q)}&limit=${limit}`, { signal });

export const fetchNode = (id: string) => request<NodeResponse>(`/api/nodes/${enc(id)}`);

export const fetchNeighbors = (id: string, skip: number, limit: number) =>
  request<NeighborsResponse>(`/api/nodes/${enc(id)}/neighbors?skip=${skip}&limit=${limit}`);

export const fetchTimeline = () => request<TimelineResponse>('/api/timeline');

/** The most active officials and the places they visit, aggregated (the start page). */
export const fetchActivity = (params: { people: number; from: string | null; to: string | null }) => {
  const query = new URLSearchParams({ people: String(params.people) });
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  return request<ActivityResponse>(`/api/activity?${query}`);
};

/** Headlines, papers and dates of the articles evidence cites. */
export const fetchArticles = (ids: string[]) => post<ArticlesResponse>('/api/articles/lookup', { ids });

export const fetchQueries = () => request<QueriesResponse>('/api/queries');

export const fetchSchema = () => request<SchemaResponse>('/api/schema');

export const fetchArticle = (id: string) => request<ArticleResponse>(`/api/articles/${enc(id)}`);

export const runNamedQuery = (name: string, params: Record<string, string>, limit = 2000) =>
  post<CypherResult>(`/api/queries/${enc(name)}/run`, { params, limit });

export const runCypher = (query: string, params: Record<string, unknown> = {}, limit = 1000) =>
  post<CypherResult>('/api/cypher', { query, params, limit });

/** An empty graph, for code paths that need one. */
export const emptyGraph = (): ExplorerGraph => ({ nodes: [], edges: [] });
