// Neo4j values to the JSON the API sends: rows of a Cypher result, and graphs whose nodes carry
// their degree (how many relationships they have in the whole database).
import { isInt, isNode, isPath, isRelationship } from 'neo4j-driver';
import type { Node, Path, Relationship } from 'neo4j-driver';
import { plainValue } from '../../graph/collect.ts';
import { nodeKey, type GraphEdge } from '../../graph/payload.ts';
import type { CypherNodeValue, CypherPathValue, CypherRelationshipValue, ExplorerNode } from '../contract.ts';

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
  if (typeof value !== 'object') return plainValue(value);
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
