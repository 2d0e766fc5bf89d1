// Neo4j values to the JSON the API sends: rows of a Cypher result, and graphs whose nodes carry
// their degree (how many relationships they have in the whole database).
import { isInt, isNode, isPath, isRelationship } from 'neo4j-driver';
import type { ManagedTransaction, Node, Path, Relationship } from 'neo4j-driver';
import { GraphCollector, plainValue } from '../../graph/collect.ts';
import { resolveEvidence, type EvidenceBag } from '../../graph/evidence.ts';
import { nodeKey, type GraphEdge, type GraphNode } from '../../graph/payload.ts';
import type {
  CypherNodeValue,
  CypherPathValue,
  CypherRelationshipValue,
  ExplorerGraph,
  ExplorerNode,
} from '../contract.ts';

const plainProperties = (properties: Record<string, unknown>) =>
  plainValue(properties) as Record<string, unknown>;

function nodeJson(node: Node): CypherNodeValue {
  return {
    elementId: node.elementId,
    labels: [...node.labels],
    properties: plainProperties(node.properties),
  };
}

function relationshipJson(rel: Relationship): CypherRelationshipValue {
  return {
    elementId: rel.elementId,
    type: rel.type,
    startNodeElementId: rel.startNodeElementId,
    endNodeElementId: rel.endNodeElementId,
    properties: plainProperties(rel.properties),
  };
}

function pathJson(path: Path): CypherPathValue {
  return {
    nodes: [path.start, ...path.segments.map((s) => s.end)].map(nodeJson),
    relationships: path.segments.map((s) => relationshipJson(s.relationship)),
  };
}

/** One value of a result row as plain JSON (integers as numbers, temporal and spatial values as strings). */
export function rowValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isNode(value)) return nodeJson(value as Node);
  if (isRelationship(value)) return relationshipJson(value as Relationship);
  if (isPath(value)) return pathJson(value as Path);
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(rowValue);
  // Cypher has no byte arrays in our model, but procedures may return them.
  if (ArrayBuffer.isView(value)) return Array.from(value as Uint8Array);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, rowValue(v)]),
    );
  }
  return plainValue(value);
}

/**
 * Adds each node's degree, read in the same transaction as the nodes themselves; `elementIds` are the
 * nodes' element ids in the same order.
 */
export async function withDegrees(
  tx: ManagedTransaction,
  nodes: GraphNode[],
  elementIds: string[],
): Promise<ExplorerNode[]> {
  if (nodes.length === 0) return [];
  const result = await tx.run(
    'UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id RETURN id, COUNT { (n)--() } AS degree',
    { ids: elementIds },
  );
  const degree = new Map(result.records.map((r) => [r.get('id') as string, Number(r.get('degree'))]));
  return nodes.map((n, i) => ({ ...n, degree: degree.get(elementIds[i]!) ?? 0 }));
}

/** Also fills the evidence (article id, sentence) of `extra` relationships, in the same query. */
export async function explorerGraph(
  tx: ManagedTransaction,
  collector: GraphCollector,
  extra: EvidenceBag[] = [],
): Promise<ExplorerGraph> {
  const payload = collector.toPayload();
  await resolveEvidence(tx, [...payload.edges, ...extra]);
  return { nodes: await withDegrees(tx, payload.nodes, collector.elementIds()), edges: payload.edges };
}

/** An ExplorerNode (id = its stable key) from a node and a degree the query already computed. */
export function explorerNode(node: Node, degree: unknown): ExplorerNode {
  const properties = plainProperties(node.properties);
  return {
    id: nodeKey(node.labels, properties, node.elementId),
    labels: [...node.labels],
    properties,
    degree: Number(degree),
  };
}

/** A relationship as a canvas edge between stable keys; `keys` maps element ids to keys. */
export function graphEdge(rel: Relationship, keys: Map<string, string>): GraphEdge {
  return {
    id: rel.elementId,
    type: rel.type,
    source: keys.get(rel.startNodeElementId) ?? `~${rel.startNodeElementId}`,
    target: keys.get(rel.endNodeElementId) ?? `~${rel.endNodeElementId}`,
    properties: plainProperties(rel.properties),
  };
}
