// Converts Neo4j results into the JSON graph the web app renders: every node, relationship and path
// found anywhere in the records (including inside lists and maps), deduplicated by element id. Nodes
// leave with their stable key (nodeKey) as id, and edges point at those keys.
import {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
} from 'neo4j-driver';
import type { Node, Path, Record as Neo4jRecord, Relationship } from 'neo4j-driver';

import { nodeKey, type GraphEdge, type GraphNode, type GraphPayload } from './payload.ts';

export type { GraphEdge, GraphNode, GraphPayload };

/** Plain JSON for a property value: temporal and spatial types become strings. */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  // Strings, numbers and booleans (most values) need none of the type checks below.
  if (typeof value !== 'object') return value;
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value) ||
    isPoint(value)
  ) {
    return String(value);
  }
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plainValue(v)]),
    );
  }
  return value;
}

function plainProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, plainValue(v)]));
}

export class GraphCollector {
  /** By element id. */
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  addRecords(records: Neo4jRecord[]): this {
    for (const record of records) for (const value of record.values()) this.addValue(value);
    return this;
  }

  addValue(value: unknown): void {
    if (value === null || value === undefined) return;
    if (isNode(value)) this.addNode(value as Node);
    else if (isRelationship(value)) this.addEdge(value as Relationship);
    else if (isPath(value)) {
      const path = value as Path;
      this.addNode(path.start);
      for (const segment of path.segments) {
        this.addNode(segment.end);
        this.addEdge(segment.relationship);
      }
    } else if (Array.isArray(value)) for (const item of value) this.addValue(item);
    else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const item of Object.values(value as Record<string, unknown>)) this.addValue(item);
    }
  }

  private addNode(node: Node): void {
    if (this.nodes.has(node.elementId)) return;
    const properties = plainProperties(node.properties);
    this.nodes.set(node.elementId, {
      id: nodeKey(node.labels, properties, node.elementId),
      labels: [...node.labels],
      properties,
    });
  }

  private addEdge(rel: Relationship): void {
    if (this.edges.has(rel.elementId)) return;
    this.edges.set(rel.elementId, {
      id: rel.elementId,
      type: rel.type,
      source: rel.startNodeElementId,
      target: rel.endNodeElementId,
      properties: plainProperties(rel.properties),
    });
  }

  /** The element ids of the nodes, in the order of toPayload().nodes. */
  elementIds(): string[] {
    return [...this.nodes.keys()];
  }

  /** Edges whose endpoints are not both in the result are dropped, so the payload is a valid graph. */
  toPayload(): GraphPayload {
    const edges: GraphEdge[] = [];
    for (const edge of this.edges.values()) {
      const source = this.nodes.get(edge.source);
      const target = this.nodes.get(edge.target);
      if (source && target) edges.push({ ...edge, source: source.id, target: target.id });
    }
    return { nodes: [...this.nodes.values()], edges };
  }
}
