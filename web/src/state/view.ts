// Replays the view log into the nodes and edges to show, with what the view leaves out (notices: "N of
// M", "nothing because ..."). Data comes from the API through a cache, so undo/redo and replays after a
// reload cost no extra round trips.
import {
  fetchActivity,
  fetchNeighbors,
  fetchNode,
  runCypher,
  runNamedQuery,
  type ActivityResponse,
  type CypherResult,
  type ExplorerGraph,
  type GraphEdge,
  type GraphNode,
} from '../api.ts';
import { replaces, type Op } from './ops.ts';

export const PAGE_SIZE = 25;
/** Events per page of a place's or a person's events view. */
export const VIEW_PAGE = 1000;
export const OVERVIEW_PEOPLE = 30;

export interface ViewNode extends GraphNode {
  /** Relationships in the database; null when the API did not say. */
  degree: number | null;
  /** What the view weighs the node by (shared events, events attended), when it does. */
  weight?: number;
}

export type Notice =
  | { kind: 'overview'; shown: number; total: number; events: number; more: number }
  | { kind: 'truncated'; shown: number; total: number | null; more: boolean; unit?: 'events' | 'people' }
  | { kind: 'empty'; reason: EmptyReason; vars: Record<string, string> };

export type EmptyReason =
  | 'noPath'
  | 'noMeetings'
  | 'noPersonEvents'
  | 'noPlaceEvents'
  | 'noVisitEvents'
  | 'noRowsView'
  | 'noGraph'
  | 'empty';

export interface ViewContent {
  nodes: Map<string, ViewNode>;
  edges: Map<string, GraphEdge>;
  /** Expanded nodes: how many neighbours are loaded of how many there are. */
  expansions: Map<string, { loaded: number; total: number; pages: number }>;
  pinned: Set<string>;
  /** The node whose expansion brought a node in: new nodes are placed around it. */
  origin: Map<string, string>;
  notices: Notice[];
}

type Expansion = Awaited<ReturnType<typeof fetchNeighbors>>;

export interface Range {
  from: string | null;
  to: string | null;
}

/** The name part of an id (章旭升@金华市 → 章旭升), for messages. */
const shortName = (value: string | undefined) => (value ?? '').split('@')[0] ?? '';

export class ViewLoader {
  private readonly cache = new Map<string, { promise: Promise<unknown>; settled: boolean }>();
  private readonly signals = new Map<string, AbortSignal>();

  private cached<T>(key: string, load: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const entry = this.cache.get(key) as { promise: Promise<T>; settled: boolean } | undefined;
    // A request cancelled before it finished (its view was superseded) is asked again.
    if (entry && (entry.settled || !this.signals.get(key)?.aborted)) return entry.promise;
    const fresh = { promise: load(), settled: false };
    this.cache.set(key, fresh);
    if (signal) this.signals.set(key, signal);
    else this.signals.delete(key);
    fresh.promise.then(
      () => (fresh.settled = true),
      // A failed request is not remembered, so "retry" asks again.
      () => this.cache.get(key) === fresh && this.cache.delete(key),
    );
    return fresh.promise;
  }

  /** Forgets every answer: after a namesake decision the same steps draw a different graph. */
  forget(): void {
    this.cache.clear();
    this.signals.clear();
  }

  /** Hands over a result already fetched (the Cypher drawer's), so replaying it costs nothing. */
  prime(op: Op, result: CypherResult): void {
    this.cache.set(this.keyOf(op), { promise: Promise.resolve(result), settled: true });
  }

  private keyOf(op: Op): string {
    if (op.t === 'view') return `view:${op.name}:${JSON.stringify(op.params)}:${op.limit ?? ''}`;
    if (op.t === 'cypher') return `cypher:${op.query}:${JSON.stringify(op.params)}:${op.limit}`;
    return JSON.stringify(op);
  }

  private load(op: Op, range: Range, signal?: AbortSignal): Promise<unknown> {
    switch (op.t) {
      case 'overview': {
        const params = { people: op.people ?? OVERVIEW_PEOPLE, ...range };
        return this.cached(`overview:${JSON.stringify(params)}`, () => fetchActivity(params, signal), signal);
      }
      case 'start':
      case 'add':
        return this.cached(`node:${op.id}`, () => fetchNode(op.id, signal), signal);
      case 'expand':
        return this.cached(
          `nb:${op.id}:${op.page}`,
          () => fetchNeighbors(op.id, op.page * PAGE_SIZE, PAGE_SIZE, signal),
          signal,
        );
      case 'view':
        return this.cached(
          this.keyOf(op),
          () => runNamedQuery(op.name, pagedParams(op), 10_000, signal),
          signal,
        );
      case 'cypher':
        return this.cached(this.keyOf(op), () => runCypher(op.query, op.params, op.limit, signal), signal);
      default:
        return Promise.resolve(null);
    }
  }

  /**
   * Replays the steps; throws the first API error. The date range narrows the overview; the signal
   * cancels the requests when a newer view replaces this one.
   */
  async evaluate(
    log: Op[],
    range: Range = { from: null, to: null },
    signal?: AbortSignal,
  ): Promise<ViewContent> {
    // What came before the last step that replaced the view leaves nothing behind: skip it.
    let first = 0;
    log.forEach((op, i) => {
      if (replaces(op)) first = i;
    });
    const ops = log.slice(first);
    // Fetch everything in parallel first, then apply in order.
    const data = await Promise.all(ops.map((op) => this.load(op, range, signal)));
    const content: ViewContent = {
      nodes: new Map(),
      edges: new Map(),
      expansions: new Map(),
      pinned: new Set(),
      origin: new Map(),
      notices: [],
    };
    /** Which steps keep each node in view ("seed", or "x:<id>" for an expansion). */
    const keptBy = new Map<string, Set<string>>();
    const keep = (node: ViewNode, by: string, origin?: string) => {
      const existing = content.nodes.get(node.id);
      content.nodes.set(node.id, existing?.degree != null && node.weight === undefined ? existing : node);
      let owners = keptBy.get(node.id);
      if (!owners) keptBy.set(node.id, (owners = new Set()));
      owners.add(by);
      if (origin && !content.origin.has(node.id)) content.origin.set(node.id, origin);
    };
    const addGraph = (graph: { nodes: ViewNode[]; edges: GraphEdge[] }) => {
      for (const node of graph.nodes) keep(node, 'seed');
      for (const edge of graph.edges) content.edges.set(edge.id, edge);
    };
    const reset = () => {
      content.nodes.clear();
      content.edges.clear();
      content.expansions.clear();
      content.pinned.clear();
      content.origin.clear();
      content.notices = [];
      keptBy.clear();
    };
    const drop = (id: string) => {
      content.nodes.delete(id);
      keptBy.delete(id);
      content.expansions.delete(id);
    };

    ops.forEach((op, i) => {
      const loaded = data[i];
      switch (op.t) {
        case 'overview': {
          reset();
          const activity = loaded as ActivityResponse;
          addGraph(activity.graph);
          content.notices.push({
            kind: 'overview',
            shown: activity.people.shown,
            total: activity.people.total,
            events: activity.events,
            more: Math.min(OVERVIEW_PEOPLE, activity.people.total - activity.people.shown),
          });
          if (activity.graph.nodes.length === 0)
            content.notices.push({ kind: 'empty', reason: 'empty', vars: {} });
          break;
        }
        case 'start':
          reset();
          keep(withDegree((loaded as { node: GraphNode }).node), 'seed');
          break;
        case 'add':
          keep(withDegree((loaded as { node: GraphNode }).node), 'seed');
          break;
        case 'view':
        case 'cypher': {
          if ((op.mode ?? 'replace') === 'replace') reset();
          const result = loaded as CypherResult;
          const graph =
            op.t === 'view' && op.name === 'co-attendance'
              ? metGraph(result.graph, op.params.name ?? '')
              : result.graph;
          addGraph({ nodes: graph.nodes.map(withDegree), edges: graph.edges });
          content.notices = content.notices.filter((n) => n.kind !== 'truncated' && n.kind !== 'empty');
          const notice = resultNotice(op, result, graph);
          if (notice) content.notices.push(notice);
          break;
        }
        case 'expand': {
          const page = loaded as Expansion;
          keep(withDegree(page.node), 'seed');
          for (const neighbor of page.neighbors) keep(withDegree(neighbor), `x:${op.id}`, op.id);
          for (const edge of page.edges) content.edges.set(edge.id, edge);
          const before = content.expansions.get(op.id);
          const pages = Math.max(before?.pages ?? 0, op.page + 1);
          content.expansions.set(op.id, {
            pages,
            total: page.total,
            loaded: Math.min(page.total, Math.max(before?.loaded ?? 0, page.skip + page.neighbors.length)),
          });
          break;
        }
        case 'collapse':
          content.expansions.delete(op.id);
          for (const [id, by] of keptBy) {
            by.delete(`x:${op.id}`);
            if (by.size === 0 && !content.pinned.has(id)) drop(id);
          }
          break;
        case 'remove':
          drop(op.id);
          content.pinned.delete(op.id);
          break;
        case 'pin':
          if (op.on) content.pinned.add(op.id);
          else content.pinned.delete(op.id);
          break;
      }
    });
    for (const [id, edge] of content.edges)
      if (!content.nodes.has(edge.source) || !content.nodes.has(edge.target)) content.edges.delete(id);
    return content;
  }
}

/** The named query's parameters with its page size: the views that page take `limit`. */
function pagedParams(op: Extract<Op, { t: 'view' }>): Record<string, string> {
  return PAGED_VIEWS.has(op.name)
    ? { ...op.params, limit: String(op.limit ?? viewPage(op.name)) }
    : op.params;
}

/** A page of a view: events by the thousand, people (each with all their shared events) by 200. */
export const viewPage = (name: string): number => (PEOPLE_VIEWS.has(name) ? 200 : VIEW_PAGE);
const PAGED_VIEWS = new Set(['place-events', 'person-events', 'person-place-events', 'co-attendance']);
/** Views whose `total` counts people (one a row), not events. */
const PEOPLE_VIEWS = new Set(['co-attendance']);

/** What a query's result leaves out, or why it is empty. */
function resultNotice(
  op: Extract<Op, { t: 'view' | 'cypher' }>,
  result: CypherResult,
  graph: ExplorerGraph,
): Notice | null {
  const totalColumn = result.columns.indexOf('total');
  const total = totalColumn >= 0 && result.rows[0] ? Number(result.rows[0][totalColumn]) : null;
  if (graph.nodes.length === 0) {
    if (op.t === 'cypher')
      return {
        kind: 'empty',
        reason: result.rows.length ? 'noGraph' : 'noRowsView',
        vars: { rows: String(result.rows.length), title: 'Cypher', params: JSON.stringify(op.params) },
      };
    const p = op.params;
    const reasons: Record<string, [EmptyReason, Record<string, string>]> = {
      'shortest-connection': ['noPath', { a: shortName(p.from), b: shortName(p.to) }],
      'co-attendance': ['noMeetings', { name: shortName(p.name) }],
      'person-events': ['noPersonEvents', { name: shortName(p.name) }],
      'place-events': ['noPlaceEvents', { name: shortName(p.place) }],
      'person-place-events': ['noVisitEvents', { name: shortName(p.person), place: shortName(p.place) }],
    };
    const [reason, vars] = reasons[op.name] ?? [
      'noRowsView',
      {
        title: op.name,
        params: Object.entries(p)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', '),
      },
    ];
    return { kind: 'empty', reason, vars };
  }
  if (op.t === 'view' && op.name === 'co-attendance' && graph.edges.length === 0)
    return { kind: 'empty', reason: 'noMeetings', vars: { name: shortName(op.params.name) } };
  if (total !== null) {
    if (op.t === 'view' && PEOPLE_VIEWS.has(op.name)) {
      const shown = result.rows.length;
      if (shown < total) return { kind: 'truncated', shown, total, more: true, unit: 'people' };
    } else {
      const shown = graph.nodes.filter((n) => n.labels.includes('Event')).length;
      if (shown < total) return { kind: 'truncated', shown, total, more: true };
    }
  }
  if (result.truncated) return { kind: 'truncated', shown: result.rows.length, total: null, more: true };
  return null;
}

/** The API's node as the view keeps it; once per node of a cached answer, not at every replay. */
const viewNodes = new WeakMap<GraphNode, ViewNode>();
function withDegree(node: GraphNode & { degree?: number; weight?: number }): ViewNode {
  let viewNode = viewNodes.get(node);
  if (!viewNode) {
    viewNode = {
      ...node,
      degree: typeof node.degree === 'number' ? node.degree : null,
      weight: typeof node.weight === 'number' ? node.weight : undefined,
    };
    viewNodes.set(node, viewNode);
  }
  return viewNode;
}

/**
 * People who met a person: the co-attendance result turned into person–person edges whose weight is
 * the number of events they attended together; each person weighs as many shared events.
 */
export function metGraph(graph: ExplorerGraph, name: string): ExplorerGraph {
  const people = new Map(graph.nodes.filter((n) => n.labels.includes('Person')).map((n) => [n.id, n]));
  const attendees = new Map<string, Set<string>>();
  for (const edge of graph.edges) {
    if (edge.type !== 'ATTENDED' || !people.has(edge.source)) continue;
    if (!attendees.has(edge.target)) attendees.set(edge.target, new Set());
    attendees.get(edge.target)!.add(edge.source);
  }
  // The view asks by person id (name@scope), a user by name: either identifies the centre.
  // A person merged with namesakes (the server's mergedIds) is the centre under any member's id.
  const centers = [...people.values()]
    .filter(
      (p) =>
        p.properties.id === name ||
        p.properties.name === name ||
        (Array.isArray(p.properties.mergedIds) && p.properties.mergedIds.includes(name)),
    )
    .map((p) => p.id);
  const counts = new Map<string, { center: string; other: string; events: string[] }>();
  for (const [event, who] of attendees)
    for (const center of centers) {
      if (!who.has(center)) continue;
      for (const other of who) {
        if (other === center) continue;
        const key = `met:${center}:${other}`;
        if (!counts.has(key)) counts.set(key, { center, other, events: [] });
        counts.get(key)!.events.push(event);
      }
    }
  const weight = new Map<string, number>();
  const edges = [...counts].map(([id, { center, other, events }]) => {
    weight.set(other, (weight.get(other) ?? 0) + events.length);
    weight.set(center, Math.max(weight.get(center) ?? 0, events.length));
    return {
      id,
      type: 'MET',
      source: center,
      target: other,
      properties: { meetings: events.length, weight: events.length },
      derived: 'events both attended; counted, not stored',
    };
  });
  for (const center of centers) if (!weight.has(center)) weight.set(center, 1);
  return {
    nodes: graph.nodes
      .filter((n) => weight.has(n.id))
      .map((n) => ({ ...n, weight: weight.get(n.id) }) as ExplorerGraph['nodes'][number]),
    edges,
  };
}
