// Namesakes a reviewer decided are one person are one node on the canvas: every graph the API sends
// (start page, expand, named queries and Cypher drawn on the canvas) passes through mergeNamesakes,
// which puts each member of a "same" group under the group's smallest id (what search, career and the
// tables merge them under), re-points the relationships of all members to it and drops the
// duplicates. The node lists every member in `mergedIds`, so the details panel shows both sources.
import type { ManagedTransaction, Node } from 'neo4j-driver';
import type { ExplorerNode, GraphEdge } from '../contract.ts';
import { explorerNode } from './serialize.ts';

/** The property a merged node lists its members' ids in (sorted; the first is the node's own id). */
export const MERGED_IDS = 'mergedIds';

/**
 * The group of each given person id that is in one, with its first member (the canonical node) and
 * the degree of the whole group. "Same" decisions are kept closed over a group (routes/namesakes.ts),
 * so one index seek on each end of a decision finds all of it.
 */
export const GROUPS = `
UNWIND $personIds AS id
CALL (id) {
  MATCH (d:NamesakeDecision {a: id}) WHERE d.verdict = 'same' RETURN d.b AS other
  UNION
  MATCH (d:NamesakeDecision {b: id}) WHERE d.verdict = 'same' RETURN d.a AS other
}
WITH id, collect(other) + [id] AS members
WITH id, members, reduce(m = id, x IN members | CASE WHEN x < m THEN x ELSE m END) AS first
CALL (members) {
  UNWIND members AS member
  MATCH (q:Person {id: member})
  RETURN collect(q.id) AS found, sum(COUNT { (q)--() }) AS degree
}
MATCH (c:Person {id: first})
RETURN id, c, found, degree`;

/** A Person node's key (graph/payload.ts nodeKey): Person:<id>. */
const personKey = (id: string) => `Person:${id}`;

/** Derived edges (VISITED, MET) are counts: two halves' counts to one node add up. */
const COUNTED = ['events', 'weight'] as const;

/** The ids of the people in a graph: GROUPS's $personIds. */
export function peopleIn(nodes: ExplorerNode[]): string[] {
  return [
    ...new Set(
      nodes
        .filter((n) => n.labels.includes('Person') && typeof n.properties.id === 'string')
        .map((n) => n.properties.id as string),
    ),
  ];
}

/** One row of GROUPS. */
export interface GroupRow {
  id: string;
  c: Node;
  found: string[];
  degree: unknown;
}

/**
 * The graph with every merged group as one node. Costs one query when the graph has people, none
 * otherwise; a graph without decided namesakes comes back unchanged.
 */
export async function mergeNamesakes<G extends { nodes: ExplorerNode[]; edges: GraphEdge[] }>(
  tx: ManagedTransaction,
  graph: G,
): Promise<G> {
  const personIds = peopleIn(graph.nodes);
  if (personIds.length === 0) return graph;
  const records = (await tx.run(GROUPS, { personIds })).records;
  return mergeGroups(
    graph,
    records.map((r) => r.toObject() as unknown as GroupRow),
  );
}

/** The graph with the groups GROUPS found for its people merged (no query). */
export function mergeGroups<G extends { nodes: ExplorerNode[]; edges: GraphEdge[] }>(
  graph: G,
  rows: GroupRow[],
): G {
  /** Old key → the node of its group. */
  const merged = new Map<string, ExplorerNode>();
  for (const row of rows) {
    const found = [...row.found].sort();
    if (found.length < 2) continue;
    const node = explorerNode(row.c, row.degree);
    node.properties[MERGED_IDS] = found;
    merged.set(personKey(row.id), node);
  }
  if (merged.size === 0) return graph;
  const keyOf = (key: string) => merged.get(key)?.id ?? key;

  const nodes = new Map<string, ExplorerNode>();
  for (const node of graph.nodes) {
    const into = merged.get(node.id);
    if (!into) {
      if (!nodes.has(node.id)) nodes.set(node.id, node);
      continue;
    }
    const seen = nodes.get(into.id);
    // A weighted view (the start page: events attended) weighs the group by all its members.
    const weight = node.weight === undefined ? seen?.weight : (seen?.weight ?? 0) + node.weight;
    nodes.set(into.id, weight === undefined ? into : { ...into, weight });
  }

  const edges = new Map<string, GraphEdge>();
  for (const edge of graph.edges) {
    const source = keyOf(edge.source);
    const target = keyOf(edge.target);
    if (source === edge.source && target === edge.target) {
      edges.set(edge.id, edge);
      continue;
    }
    // The POSSIBLY_SAME link of the pair (and any other link between two members) is inside the node now.
    if (source === target) continue;
    if (!edge.derived) {
      edges.set(edge.id, { ...edge, source, target });
      continue;
    }
    // A derived edge is named by its ends: the members' edges to one node become one, counts added.
    const id = edge.id.split(edge.source).join(source).split(edge.target).join(target);
    const seen = edges.get(id);
    const properties = { ...edge.properties };
    if (seen)
      for (const key of COUNTED)
        if (typeof seen.properties[key] === 'number' && typeof properties[key] === 'number')
          properties[key] = (seen.properties[key] as number) + (properties[key] as number);
    edges.set(id, { ...edge, id, source, target, properties });
  }
  return { ...graph, nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** One node as the canvas shows it: a merged-away member of a group comes back as the group's node. */
export async function mergedNode(tx: ManagedTransaction, node: ExplorerNode): Promise<ExplorerNode> {
  return (await mergeNamesakes(tx, { nodes: [node], edges: [] })).nodes[0] ?? node;
}
