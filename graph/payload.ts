// The graph as the API sends it and the exporters read it: Neo4j nodes and relationships with their
// element ids, labels/types and plain JSON properties. Shared by the server, the web app and the CLI.
import Graph from 'graphology';

export interface GraphNode {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
  /**
   * Set on edges the explorer computes (VISITED: events of a person held in a place; MET: events attended
   * together), which are not relationships in the database: says how the edge was derived. Exports mark
   * them, and the Cypher script leaves them out.
   */
  derived?: string;
}

export interface GraphPayload {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * A node's stable key: `Label:id` from the key property the ingest writes (cypher/README.md), so views,
 * URLs and exports survive a rebuilt database; `~elementId` for the rare node without one.
 */
export function nodeKey(
  labels: readonly string[],
  properties: Record<string, unknown>,
  elementId: string,
): string {
  const id = properties.id ?? properties.doc;
  const label = labels[0];
  return label && (typeof id === 'string' || typeof id === 'number') ? `${label}:${id}` : `~${elementId}`;
}

/** The label and key property value of a stable key; null for an `~elementId` key. */
export function parseNodeKey(key: string): { label: string; id: string } | null {
  if (key.startsWith('~')) return null;
  const colon = key.indexOf(':');
  return colon > 0 ? { label: key.slice(0, colon), id: key.slice(colon + 1) } : null;
}

/** The label shown for a node: its name, else its title or headline, else its id. */
export function nodeCaption(node: GraphNode): string {
  const p = node.properties;
  for (const key of ['name', 'title', 'headline', 'id'])
    if (typeof p[key] === 'string' && p[key]) return p[key] as string;
  return node.id;
}

/**
 * Flat attributes for file formats (GEXF, GraphML, CSV): strings, numbers and booleans only;
 * lists become JSON so nothing is lost, nulls are left out.
 */
export function flatAttributes(
  properties: Record<string, unknown>,
): Record<string, string | number | boolean> {
  const flat: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    flat[key] = typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
  }
  return flat;
}

/** A graphology graph with flat attributes, for the GEXF/JSON writers and for tests. */
export function payloadToGraph(payload: GraphPayload): Graph {
  const graph = new Graph({ multi: true, type: 'directed' });
  for (const node of payload.nodes) {
    // `label` (the caption) and `labels` (the Neo4j labels) are the formats' own; same-named properties give way.
    const { label: _l, labels: _ls, ...rest } = flatAttributes(node.properties);
    graph.mergeNode(node.id, { ...rest, label: nodeCaption(node), labels: node.labels.join(';') });
  }
  for (const edge of payload.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.mergeEdgeWithKey(edge.id, edge.source, edge.target, {
      ...flatAttributes(edge.properties),
      type: edge.type,
      ...(edge.derived ? { derived: edge.derived } : {}),
    });
  }
  return graph;
}
