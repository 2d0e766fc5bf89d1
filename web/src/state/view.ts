// Replays the exploration steps into the set of nodes and edges to show. Data comes from the API
// through a cache, so undo/redo and replays after a reload cost no extra round trips.
import {
  fetchNeighbors,
  fetchNode,
  fetchOverview,
  runNamedQuery,
  type ExplorerGraph,
  type GraphEdge,
  type GraphNode,
} from '../api.ts';
import type { Op } from './ops.ts';

export const PAGE_SIZE = 25;

export interface ViewNode extends GraphNode {
  /** Relationships in the database; null when the API did not say (the overview). */
  degree: number | null;
}

export interface ViewContent {
  nodes: Map<string, ViewNode>;
  edges: Map<string, GraphEdge>;
  /** Expanded nodes: how many neighbours are loaded of how many there are. */
  expansions: Map<string, { loaded: number; total: number; pages: number }>;
  pinned: Set<string>;
  /** The node whose expansion brought a node in: new nodes are placed around it. */
  origin: Map<string, string>;
}

type Expansion = Awaited<ReturnType<typeof fetchNeighbors>>;

export class ViewLoader {
  private readonly cache = new Map<string, Promise<unknown>>();
  /** Graphs handed over by the Cypher panel, by key. */
  readonly graphs = new Map<string, ExplorerGraph>();

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      this.cache.set(key, hit);
      // A failed request is not remembered, so "retry" asks again.
      hit.catch(() => this.cache.delete(key));
    }
    return hit;
  }

  overview = () => this.cached('overview', () => fetchOverview(300));
  node = (id: string) => this.cached(`node:${id}`, () => fetchNode(id));
  neighbors = (id: string, page: number) =>
    this.cached(`nb:${id}:${page}`, () => fetchNeighbors(id, page * PAGE_SIZE, PAGE_SIZE));
  view = (name: string, params: Record<string, string>) =>
    this.cached(`view:${name}:${JSON.stringify(params)}`, () => runNamedQuery(name, params));

  /** Replays the steps; throws the first API error. */
  async evaluate(ops: Op[]): Promise<ViewContent> {
    // Fetch everything in parallel first, then apply in order.
    const data = await Promise.all(ops.map((op) => this.load(op)));
    const content: ViewContent = {
      nodes: new Map(),
      edges: new Map(),
      expansions: new Map(),
      pinned: new Set(),
      origin: new Map(),
    };
    /** Which steps keep each node in view ("seed", or "x:<id>" for an expansion). */
    const keptBy = new Map<string, Set<string>>();
    const keep = (node: ViewNode, by: string, origin?: string) => {
      const existing = content.nodes.get(node.id);
      content.nodes.set(node.id, existing?.degree != null ? existing : node);
      if (!keptBy.has(node.id)) keptBy.set(node.id, new Set());
      keptBy.get(node.id)!.add(by);
      if (origin && !content.origin.has(node.id)) content.origin.set(node.id, origin);
    };
    const addGraph = (graph: { nodes: GraphNode[]; edges: GraphEdge[] }, by: string) => {
      for (const node of graph.nodes) keep(withDegree(node), by);
      for (const edge of graph.edges) content.edges.set(edge.id, edge);
    };
    const reset = () => {
      content.nodes.clear();
      content.edges.clear();
      content.expansions.clear();
      content.pinned.clear();
      content.origin.clear();
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
        case 'overview':
          reset();
          addGraph(loaded as ExplorerGraph, 'seed');
          break;
        case 'start':
          reset();
          keep(withDegree((loaded as { node: GraphNode }).node), 'seed');
          break;
        case 'add':
          keep(withDegree((loaded as { node: GraphNode }).node), 'seed');
          break;
        case 'view':
          reset();
          addGraph(
            op.name === 'co-attendance'
              ? metGraph(loaded as ExplorerGraph, op.params.name ?? '')
              : (loaded as ExplorerGraph),
            'seed',
          );
          break;
        case 'graph': {
          if (op.mode === 'replace') reset();
          addGraph(this.graphs.get(op.key) ?? { nodes: [], edges: [] }, 'seed');
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

  private load(op: Op): Promise<unknown> {
    switch (op.t) {
      case 'overview':
        return this.overview();
      case 'start':
      case 'add':
        return this.node(op.id);
      case 'expand':
        return this.neighbors(op.id, op.page);
      case 'view':
        return this.view(op.name, op.params).then((result) => result.graph);
      default:
        return Promise.resolve(null);
    }
  }
}

function withDegree(node: GraphNode & { degree?: number }): ViewNode {
  return { ...node, degree: typeof node.degree === 'number' ? node.degree : null };
}

/**
 * People who met a person: the co-attendance result turned into person–person edges whose weight is
 * the number of events they attended together.
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
  const centers = [...people.values()]
    .filter((p) => p.properties.id === name || p.properties.name === name)
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
  const used = new Set(centers);
  const edges = [...counts].map(([id, { center, other, events }]) => {
    used.add(other);
    return {
      id,
      type: 'MET',
      source: center,
      target: other,
      properties: { meetings: events.length, weight: events.length },
    };
  });
  return { nodes: graph.nodes.filter((n) => used.has(n.id)), edges };
}
