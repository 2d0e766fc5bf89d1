// The graphology graph sigma renders, kept in step with the view content: nodes and edges are added and
// removed in place, so positions survive expand/collapse/undo.
import Graph from 'graphology';
import type { ExplorerGraph, GraphEdge, GraphPayload } from '../api.ts';
import type { ViewContent, ViewNode } from '../state/view.ts';
import { displayName, edgeLabel, primaryLabel, styleOf } from './style.ts';

export interface NodeAttributes {
  /** The caption (name, title, headline); exporters read it. */
  label: string;
  /** The primary Neo4j label. */
  kind: string;
  color: string;
  size: number;
  x: number;
  y: number;
  labels: string[];
  properties: Record<string, unknown>;
  /** Relationships in the database, null when unknown. */
  degree: number | null;
  /** Pinned: ForceAtlas2 and noverlap leave it where it is. */
  fixed: boolean;
}

export interface EdgeAttributes {
  label: string;
  type: 'line' | 'arrow';
  relType: string;
  size: number;
  color: string;
  properties: Record<string, unknown>;
}

export type CadreGraph = Graph<NodeAttributes, EdgeAttributes>;

export const newGraph = (): CadreGraph => new Graph({ multi: true, type: 'directed' });

function nodeAttributes(node: ViewNode, x: number, y: number, fixed = false): NodeAttributes {
  const kind = primaryLabel(node.labels);
  return {
    label: displayName(node.labels, node.properties),
    kind,
    color: styleOf(kind).color,
    size: 5,
    x,
    y,
    labels: node.labels,
    properties: node.properties,
    degree: node.degree,
    fixed,
  };
}

function edgeAttributes(edge: GraphEdge): EdgeAttributes {
  const weight = typeof edge.properties.weight === 'number' ? edge.properties.weight : 1;
  return {
    label: edgeLabel(edge.type, edge.properties),
    type: edge.type === 'MET' ? 'line' : 'arrow',
    relType: edge.type,
    size: edge.type === 'MET' ? Math.min(8, 1 + weight) : 1,
    color: edge.type === 'MET' ? '#d98b96' : '#c9ced6',
    properties: edge.properties,
  };
}

/** Brings the graph in line with the view content; returns the ids of the nodes it added. */
export function syncGraph(graph: CadreGraph, content: ViewContent): string[] {
  graph.forEachNode((id) => {
    if (!content.nodes.has(id)) graph.dropNode(id);
  });
  graph.forEachEdge((id) => {
    if (!content.edges.has(id)) graph.dropEdge(id);
  });
  const added: string[] = [];
  // Centre of what is already there, for nodes that nothing brought in.
  let cx = 0;
  let cy = 0;
  graph.forEachNode((_id, a) => {
    cx += a.x / graph.order;
    cy += a.y / graph.order;
  });
  const fresh = [...content.nodes.values()].filter((n) => !graph.hasNode(n.id));
  const around = new Map<string, number>();
  fresh.forEach((node, index) => {
    const origin = content.origin.get(node.id);
    const anchor = origin && graph.hasNode(origin) ? graph.getNodeAttributes(origin) : null;
    let x: number;
    let y: number;
    if (anchor) {
      const k = around.get(origin!) ?? 0;
      around.set(origin!, k + 1);
      const angle = k * 2.399963; // golden angle: an even spread however many come
      const radius = 12 + 4 * Math.sqrt(k);
      x = anchor.x + Math.cos(angle) * radius;
      y = anchor.y + Math.sin(angle) * radius;
    } else {
      const angle = (2 * Math.PI * index) / Math.max(fresh.length, 1);
      const radius = graph.order === 0 ? 100 : 30;
      x = cx + Math.cos(angle) * radius;
      y = cy + Math.sin(angle) * radius;
    }
    graph.addNode(node.id, nodeAttributes(node, x, y));
    added.push(node.id);
  });
  for (const node of content.nodes.values()) {
    const fixed = content.pinned.has(node.id);
    graph.mergeNodeAttributes(node.id, { fixed, degree: node.degree, properties: node.properties });
  }
  for (const edge of content.edges.values())
    if (!graph.hasEdge(edge.id))
      graph.addEdgeWithKey(edge.id, edge.source, edge.target, edgeAttributes(edge));
  return added;
}

/** A whole graph from an API payload (the benchmark and the exporters' tests use it). */
export function buildGraph(payload: GraphPayload | ExplorerGraph): CadreGraph {
  const graph = newGraph();
  const nodes = new Map(
    payload.nodes.map((n) => [n.id, { ...n, degree: 'degree' in n ? (n.degree as number) : null }]),
  );
  syncGraph(graph, {
    nodes,
    edges: new Map(payload.edges.map((e) => [e.id, e])),
    expansions: new Map(),
    pinned: new Set(),
    origin: new Map(),
  });
  return graph;
}
