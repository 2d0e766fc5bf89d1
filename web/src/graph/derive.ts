// Store → graphology graph. Each transition builds the next graph in one pass and the renderer swaps it
// in (sigma.setGraph: one refresh), instead of dropping and adding nodes one by one under sigma, which
// re-ran every reducer on every dropNode. Display values (caption, colour, size, edge label) are
// computed here once per node and cached across transitions; the reducers only look them up.
import Graph from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { GraphEdge } from '../api.ts';
import { count, lang } from '../i18n.ts';
import type { ViewContent, ViewNode } from '../state/view.ts';
import { displayName, edgeLabel, primaryLabel, styleOf } from './style.ts';

export type SizeMode = 'degree' | 'pagerank';

export interface NodeAttributes {
  /** What sigma draws: the caption, and "+N" when more neighbours exist than are shown. */
  label: string;
  /** The plain caption (name, title with date, headline); exporters and search read it. */
  caption: string;
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
  /** What the view weighs the node by (shared events, events attended), when it does. */
  weight: number | null;
  /** Pinned: ForceAtlas2 and noverlap leave it where it is. */
  fixed: boolean;
}

export interface EdgeAttributes {
  label: string;
  type: 'line' | 'arrow';
  relType: string;
  size: number;
  color: string;
  /** Weighted edges (shared events, visits) keep their label at every zoom. */
  weighted: boolean;
  properties: Record<string, unknown>;
  /** How the explorer computed the edge, when it is not a relationship in the database. */
  derived: string | null;
}

export type CadreGraph = Graph<NodeAttributes, EdgeAttributes>;

export const newGraph = (): CadreGraph => new Graph({ multi: true, type: 'directed' });

/** Captions by language and node id: worked out once per node, not per reducer call. */
const captions = new Map<string, string>();
function captionOf(node: ViewNode): string {
  const key = `${lang()}\u0000${node.id}`;
  let caption = captions.get(key);
  if (caption === undefined) {
    caption = displayName(node.labels, node.properties);
    captions.set(key, caption);
  }
  return caption;
}

const WEIGHTED = new Set(['MET', 'VISITED']);

function edgeAttributes(edge: GraphEdge): EdgeAttributes {
  const weighted = WEIGHTED.has(edge.type);
  const weight = typeof edge.properties.weight === 'number' ? edge.properties.weight : 1;
  return {
    label: edgeLabel(edge.type, edge.properties),
    type: weighted ? 'line' : 'arrow',
    relType: edge.type,
    size: weighted ? Math.min(8, 1 + Math.sqrt(weight) * 1.5) : 1,
    color: edge.type === 'MET' ? '#d98b96' : edge.type === 'VISITED' ? '#9bc4a8' : '#c9ced6',
    weighted,
    properties: edge.properties,
    derived: edge.derived ?? null,
  };
}

const GOLDEN_ANGLE = 2.399963;

export interface DeriveInput {
  content: ViewContent;
  /** The graph on screen: positions carry over. */
  previous: CadreGraph | null;
  /** A position kept from before (a shared URL, an earlier view), by node id. */
  saved: (id: string) => readonly [number, number] | undefined;
  size: SizeMode;
}

/** The next graph, and the ids of nodes that had no position yet (the layout places them). */
export function deriveGraph({ content, previous, saved, size }: DeriveInput): {
  graph: CadreGraph;
  added: string[];
} {
  const graph = newGraph();
  const added: string[] = [];
  const degreeInView = new Map<string, number>();
  for (const edge of content.edges.values()) {
    degreeInView.set(edge.source, (degreeInView.get(edge.source) ?? 0) + 1);
    degreeInView.set(edge.target, (degreeInView.get(edge.target) ?? 0) + 1);
  }
  const around = new Map<string, number>();
  let loose = 0;
  const fresh: ViewNode[] = [];
  // Centre of the nodes that have a place already, for new nodes that nothing brought in.
  let cx = 0;
  let cy = 0;
  let kept = 0;
  for (const node of content.nodes.values()) {
    const before = previous?.hasNode(node.id) ? previous.getNodeAttributes(node.id) : null;
    const restored = before ? undefined : saved(node.id);
    const position = before
      ? { x: before.x, y: before.y }
      : restored
        ? { x: restored[0], y: restored[1] }
        : null;
    if (position) {
      cx += position.x;
      cy += position.y;
      kept++;
    } else fresh.push(node);
    graph.addNode(node.id, attributesOf(node, content, degreeInView, position ?? { x: 0, y: 0 }));
  }
  if (kept) {
    cx /= kept;
    cy /= kept;
  }
  // New nodes: around the node whose expansion brought them, else on a spiral around the centre.
  const spiral = kept < 2 ? 12 : 6;
  const freshIds = new Set(fresh.map((n) => n.id));
  for (const node of fresh) {
    const origin = content.origin.get(node.id);
    const anchor =
      origin && graph.hasNode(origin) && !freshIds.has(origin) ? graph.getNodeAttributes(origin) : null;
    let x: number;
    let y: number;
    if (anchor) {
      const k = around.get(origin!) ?? 0;
      around.set(origin!, k + 1);
      const radius = 12 + 4 * Math.sqrt(k);
      x = anchor.x + Math.cos(k * GOLDEN_ANGLE) * radius;
      y = anchor.y + Math.sin(k * GOLDEN_ANGLE) * radius;
    } else {
      const radius = spiral * Math.sqrt(loose + 1);
      x = cx + Math.cos(loose * GOLDEN_ANGLE) * radius;
      y = cy + Math.sin(loose * GOLDEN_ANGLE) * radius;
      loose++;
    }
    graph.mergeNodeAttributes(node.id, { x, y });
    added.push(node.id);
  }
  for (const edge of content.edges.values())
    graph.addEdgeWithKey(edge.id, edge.source, edge.target, edgeAttributes(edge));
  applySizes(graph, size);
  return { graph, added };
}

function attributesOf(
  node: ViewNode,
  content: ViewContent,
  degreeInView: Map<string, number>,
  position: { x: number; y: number },
): NodeAttributes {
  const kind = primaryLabel(node.labels);
  const caption = captionOf(node);
  const expansion = content.expansions.get(node.id);
  const shown = degreeInView.get(node.id) ?? 0;
  // "+N": neighbours in the database not on screen (after an expansion: not loaded yet).
  const rest = expansion
    ? expansion.total - expansion.loaded
    : node.degree != null && node.weight === undefined
      ? node.degree - shown
      : 0;
  return {
    label: rest > 0 ? `${caption} +${count(rest)}` : caption,
    caption,
    kind,
    color: styleOf(kind).color,
    size: 5,
    x: position.x,
    y: position.y,
    labels: node.labels,
    properties: node.properties,
    degree: node.degree,
    weight: node.weight ?? null,
    fixed: content.pinned.has(node.id),
  };
}

/**
 * Node size: by the view's weight when it has one (shared events, events attended), else by degree
 * (in the database when known) or PageRank on screen. Set while the graph is built, before sigma sees it.
 */
export function applySizes(graph: CadreGraph, mode: SizeMode): void {
  if (graph.order === 0) return;
  let maxWeight = 0;
  graph.forEachNode((_n, a) => {
    if (a.weight !== null && a.weight > maxWeight) maxWeight = a.weight;
  });
  const ranks = mode === 'pagerank' ? pagerank(graph, { getEdgeWeight: null }) : null;
  const maxRank = ranks ? Math.max(...Object.values(ranks)) : 1;
  graph.updateEachNodeAttributes((node, a) => {
    let size: number;
    if (ranks) size = 4 + 16 * Math.sqrt((ranks[node] ?? 0) / maxRank);
    else if (a.weight !== null && maxWeight > 0) size = 4 + 16 * Math.sqrt(a.weight / maxWeight);
    else size = 4 + Math.min(16, Math.sqrt(a.degree ?? graph.degree(node)) * 2.2);
    a.size = size;
    return a;
  });
}

/** A whole graph from an API payload (the benchmark and the exporters' tests use it). */
export function buildGraph(payload: {
  nodes: { id: string; labels: string[]; properties: Record<string, unknown>; degree?: number }[];
  edges: GraphEdge[];
}): CadreGraph {
  const content: ViewContent = {
    nodes: new Map(
      payload.nodes.map((n) => [n.id, { ...n, degree: typeof n.degree === 'number' ? n.degree : null }]),
    ),
    edges: new Map(payload.edges.map((e) => [e.id, e])),
    expansions: new Map(),
    pinned: new Set(),
    origin: new Map(),
    notices: [],
  };
  return deriveGraph({ content, previous: null, saved: () => undefined, size: 'degree' }).graph;
}
