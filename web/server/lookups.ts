// What a graph needs besides its own query: the evidence sentences of its relationships
// (graph/evidence.ts), the degree of nodes its query did not count, and the namesake groups of its
// people (namesake-merge.ts). All three in one query: each was a round trip of its own, in a row,
// which made expand and the named queries cost about twice their own query (bench:api).
import type { ManagedTransaction } from 'neo4j-driver';
import type { ExplorerNode, GraphEdge } from '../contract.ts';
import {
  applyEvidence,
  evidenceWanted,
  RESOLVE,
  type Evidence,
  type EvidenceBag,
} from '../../graph/evidence.ts';
import { GROUPS, mergeGroups, peopleIn, type GroupRow } from './namesake-merge.ts';

/** Fixed subqueries over $nodeIds, $evidenceIds and $personIds; an empty list costs nothing. */
export const LOOKUPS = `
CALL () {
  UNWIND $nodeIds AS id
  MATCH (n) WHERE elementId(n) = id
  RETURN collect({id: id, degree: COUNT { (n)--() }}) AS degrees
}
CALL () {
  CALL () {${RESOLVE}
  }
  RETURN collect({id: id, articleId: articleId, start: start, end: end, sentence: sentence}) AS evidence
}
CALL () {
  CALL () {${GROUPS}
  }
  RETURN collect({id: id, c: c, found: found, degree: degree}) AS groups
}
RETURN degrees, evidence, groups`;

export interface CompleteOptions {
  /** Relationships elsewhere in the response (rows of a Cypher result) that need their evidence too. */
  extra?: EvidenceBag[];
  /** The element ids of the graph's nodes, in order, when their degrees are still to be read. */
  degreesOf?: string[];
}

/**
 * The graph with its relationships' evidence filled in (in place), the degrees read when asked for,
 * and every namesake group merged into one node. One query, none when there is nothing to look up.
 */
export async function completeGraph<G extends { nodes: ExplorerNode[]; edges: GraphEdge[] }>(
  tx: Pick<ManagedTransaction, 'run'>,
  graph: G,
  { extra = [], degreesOf = [] }: CompleteOptions = {},
): Promise<G> {
  const wanted = evidenceWanted([...graph.edges, ...extra]);
  const evidenceIds = [...new Set(wanted.map((b) => b.id))];
  const personIds = peopleIn(graph.nodes);
  if (evidenceIds.length === 0 && personIds.length === 0 && degreesOf.length === 0) return graph;
  const record = (await tx.run(LOOKUPS, { nodeIds: degreesOf, evidenceIds, personIds })).records[0]!;
  applyEvidence(wanted, record.get('evidence') as Evidence[]);
  if (degreesOf.length > 0) {
    const degree = new Map(
      (record.get('degrees') as { id: string; degree: number }[]).map((d) => [d.id, Number(d.degree)]),
    );
    graph.nodes.forEach((node, i) => (node.degree = degree.get(degreesOf[i]!) ?? 0));
  }
  return mergeGroups(graph, record.get('groups') as GroupRow[]);
}
