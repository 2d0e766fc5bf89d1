// The graph on the canvas back into the payload the exporters read (graph/payload.ts): node keys are
// stable keys (Label:id), `labels`/`properties` and `relType`/`properties` are what the API sent, and an
// edge the explorer computed keeps its `derived` note.
import type Graph from 'graphology';
import type { GraphEdge, GraphNode, GraphPayload } from '../../../graph/payload.ts';

type Attributes = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function labelsOf(attributes: Attributes): string[] {
  const labels = attributes.labels;
  if (Array.isArray(labels) && labels.every((label) => typeof label === 'string') && labels.length > 0)
    return [...labels];
  if (typeof labels === 'string' && labels) return labels.split(/[;:]/).filter(Boolean);
  return typeof attributes.kind === 'string' && attributes.kind ? [attributes.kind] : [];
}

function typeOf(attributes: Attributes): string {
  for (const key of ['relType', 'type', 'label'] as const) {
    const value = attributes[key];
    // sigma's own edge `type` is the program (arrow, line), not a relationship type.
    if (key === 'type' && (value === 'arrow' || value === 'line')) continue;
    if (typeof value === 'string' && value) return value;
  }
  return 'RELATED_TO';
}

/** Canvas attributes (graphology) → Neo4j-shaped payload; the layout and styling are left out. */
export function canvasToPayload(graph: Graph): GraphPayload {
  const nodes: GraphNode[] = graph.mapNodes((key, attributes: Attributes) => ({
    id: key,
    labels: labelsOf(attributes),
    properties: isRecord(attributes.properties) ? { ...attributes.properties } : {},
  }));
  const edges: GraphEdge[] = graph.mapEdges((key, attributes: Attributes, source, target) => ({
    id: key,
    type: typeOf(attributes),
    source,
    target,
    properties: isRecord(attributes.properties) ? { ...attributes.properties } : {},
    ...(typeof attributes.derived === 'string' && attributes.derived ? { derived: attributes.derived } : {}),
  }));
  return { nodes, edges };
}

/** A query result's graph (ExplorerGraph) as a plain payload: the explorer's `degree` is not exported. */
export function resultToPayload(graph: GraphPayload): GraphPayload {
  const ids = new Set(graph.nodes.map((node) => node.id));
  return {
    nodes: graph.nodes.map(({ id, labels, properties }) => ({ id, labels, properties })),
    edges: graph.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map(({ id, type, source, target, properties, derived }) => ({
        id,
        type,
        source,
        target,
        properties,
        ...(derived ? { derived } : {}),
      })),
  };
}
