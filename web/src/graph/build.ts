// Turns an API payload into a graphology graph with the attributes sigma renders.
import Graph from 'graphology';
import type { GraphPayload } from '../api.ts';
import { displayName, edgeLabel, primaryLabel, styleOf } from './style.ts';

export interface NodeAttributes {
  label: string;
  kind: string;
  color: string;
  size: number;
  x: number;
  y: number;
  labels: string[];
  properties: Record<string, unknown>;
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

export function buildGraph(payload: GraphPayload): CadreGraph {
  const graph: CadreGraph = new Graph({ multi: true, type: 'directed' });
  const count = Math.max(payload.nodes.length, 1);
  payload.nodes.forEach((node, index) => {
    const kind = primaryLabel(node.labels);
    // Start on a circle; ForceAtlas2 then spreads the graph out from there.
    const angle = (2 * Math.PI * index) / count;
    graph.mergeNode(node.id, {
      label: displayName(node.labels, node.properties),
      kind,
      color: styleOf(kind).color,
      size: 4,
      x: Math.cos(angle) * 100,
      y: Math.sin(angle) * 100,
      labels: node.labels,
      properties: node.properties,
    });
  });
  for (const edge of payload.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.mergeEdgeWithKey(edge.id, edge.source, edge.target, {
      label: edgeLabel(edge.type, edge.properties),
      type: 'arrow',
      relType: edge.type,
      size: 1,
      color: '#c9ced6',
      properties: edge.properties,
    });
  }
  // Size by degree so the busiest officials and places stand out.
  graph.forEachNode((node) => {
    graph.setNodeAttribute(node, 'size', 4 + Math.min(14, Math.sqrt(graph.degree(node)) * 3));
  });
  return graph;
}
