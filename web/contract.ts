// The HTTP API between the web app (web/src) and its server (web/server): request and response shapes.
// Types only, imported by both sides, so a change here is a change to both.
import type { GraphEdge, GraphNode, GraphPayload } from '../graph/payload.ts';

export type { GraphEdge, GraphNode, GraphPayload };

/** A node as the explorer receives it: the Neo4j node plus how many neighbours it has in the database. */
export interface ExplorerNode extends GraphNode {
  /** Total number of relationships of the node in the database (shown before expanding). */
  degree: number;
  /** What an aggregated view weighs the node by (events attended in the overview). */
  weight?: number;
}

export interface ExplorerGraph {
  nodes: ExplorerNode[];
  edges: GraphEdge[];
}

/** Every error response: a message for people, and for Cypher errors the Neo4j code and position. */
export interface ApiErrorBody {
  error: string;
  /** Neo4j status code, e.g. Neo.ClientError.Statement.SyntaxError; TransactionTimedOut for our deadline. */
  code?: string;
  /** Where in the query the error is, when Neo4j says (1-based line and column, 0-based offset). */
  position?: { line: number; column: number; offset: number };
}

// GET /api/health -> 200 { status: 'ok', neo4j: 'up' } | 503 { status: 'degraded', neo4j: 'down', error }
export interface HealthResponse {
  status: 'ok' | 'degraded';
  neo4j: 'up' | 'down';
  error?: string;
}

// GET /api/graph?limit=300&skip=0 -> the overview: one page of the latest events (dated ones newest
// first, then the undated), who attended, where; `total` events in the database.
export interface OverviewResponse extends ExplorerGraph {
  total: number;
  skip: number;
  limit: number;
}

// GET /api/search?q=徐旭&limit=10
// People, places, offices and events by Chinese name/title/alias (full-text, cjk) or by pinyin
// (`zhang xusheng`, `zhangxusheng`, `zxs` need not all work; `zhang xu sheng` and `zhang xusheng` must).
export interface SearchHit {
  node: ExplorerNode;
  /** The primary label: Person, Place, Office, Event, Article or Reporter. */
  label: string;
  /** Text to show: name, or title for events. */
  caption: string;
  score: number;
}
export interface SearchResponse {
  hits: SearchHit[];
}

// GET /api/nodes/:id -> one node (id = its stable key `Label:id`, e.g. Person:章旭升@金华市, URL-encoded)
export interface NodeResponse {
  node: ExplorerNode;
}

// GET /api/nodes/:id/neighbors?skip=0&limit=25[&labels=Person,Event]
// Counts first, then fetches one page, ordered by degree (busiest first) then name: a county node with
// 2,000 neighbours comes 25 at a time. `edges` connect the node to the page's neighbours.
export interface NeighborsResponse {
  node: ExplorerNode;
  total: number;
  skip: number;
  limit: number;
  neighbors: ExplorerNode[];
  edges: GraphEdge[];
}

// GET /api/timeline[?from=YYYY-MM-DD&to=YYYY-MM-DD] -> event counts per day (dates with unknown year,
// and for the whole range events without a date, are counted under `undated`); `total` events in all.
export interface TimelineResponse {
  days: { date: string; events: number }[];
  undated: number;
  total: number;
}

// GET /api/schema -> for the Cypher editor's autocompletion
export interface SchemaResponse {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

// GET /api/queries -> the named queries of cypher/queries (unchanged)
export interface NamedQueryInfo {
  name: string;
  title: string;
  description: string;
  /** The Chinese title and description, when the query's header has them. */
  zh?: { title?: string; description?: string };
  params: {
    name: string;
    type: 'string' | 'integer' | 'float' | 'boolean' | 'date';
    default: string;
    description: string;
  }[];
}
export interface QueriesResponse {
  queries: NamedQueryInfo[];
}

// POST /api/cypher { query, params?, limit? } -> 200 CypherResult | 400 ApiErrorBody (syntax error,
// write refused, ...) | 503 when Neo4j is down.
// POST /api/queries/:name/run { params?, limit? } -> the same CypherResult for a named query.
// Read-only on the server: EXPLAIN first and refuse anything but read queries, then run in a READ
// transaction with a timeout; at most `limit` rows (default 1000, max 10000) are returned.
export interface CypherRequest {
  query: string;
  params?: Record<string, unknown>;
  limit?: number;
}
export interface NamedQueryRequest {
  params?: Record<string, string>;
  limit?: number;
}
/** How a node appears in `CypherResult.rows`. */
export interface CypherNodeValue {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
/** How a relationship appears in `CypherResult.rows`. */
export interface CypherRelationshipValue {
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, unknown>;
}
/** How a path appears in `CypherResult.rows`: its nodes in order and the relationships between them. */
export interface CypherPathValue {
  nodes: CypherNodeValue[];
  relationships: CypherRelationshipValue[];
}
export interface CypherResult {
  columns: string[];
  /** Row values as plain JSON; nodes/relationships/paths appear as { elementId, labels|type, properties }. */
  rows: unknown[][];
  /** Every node and relationship found in the rows, for the canvas. */
  graph: ExplorerGraph;
  /** True when more rows existed than `limit`. */
  truncated: boolean;
  /** For a paged named query (one with a `total` column, like place-events): all its rows. */
  total?: number;
  /**
   * A cut result only: how many rows the query gave in all, exact when `rowTotalExact`; otherwise at
   * least this many (rows beyond the limit are counted up to 100,000 and for 2 s; a cut by size is not).
   */
  rowTotal?: number;
  rowTotalExact?: boolean;
  elapsedMs: number;
}

// GET /api/activity?people=30[&from=YYYY-MM-DD&to=YYYY-MM-DD] -> the start page: the most active
// officials (by events attended in the range) and the places their events were held in, aggregated as
// `VISITED` edges {events} (not stored relationships). Each person node carries `weight` = events.
export interface ActivityResponse {
  graph: ExplorerGraph;
  people: { shown: number; total: number };
  /** Events in the range. */
  events: number;
}

// POST /api/articles/lookup { ids } -> headline, paper and date of each article (evidence sources)
export interface ArticleInfo {
  id: string;
  headline: string;
  doc: string;
  paper: string | null;
  date: string | null;
}
export interface ArticlesResponse {
  articles: ArticleInfo[];
}

// GET /api/articles/:id -> the article a piece of evidence comes from (id = Article.id, URL-encoded)
export interface ArticleResponse {
  id: string;
  headline: string;
  doc: string;
  paper: string | null;
  date: string | null;
  /** Offset of the article in its source file: evidence offsets minus this index into `text`. */
  start: number;
  text: string | null;
}

/** POST /api/namesakes/decision (needs the X-Review-Token header): a reviewer's verdict on a pair. */
export interface NamesakeDecisionRequest {
  a: string;
  b: string;
  verdict: 'same' | 'different' | 'undecided';
}

export interface NamesakeDecisionResponse extends NamesakeDecisionRequest {
  /** Every person id now taken as one person with `a` (connected by "same" decisions), sorted. */
  group: string[];
  /** Earlier "same" decisions this one contradicted, withdrawn (undecided again). */
  withdrawn: { a: string; b: string }[];
}
