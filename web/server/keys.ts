// Stable node keys (Label:id, graph/payload.ts) back to the node, inside the route's own query: each
// label's MATCH is one index seek on its key constraint, and the label only picks one of these fixed
// texts (an allow-list), so input never becomes Cypher and no extra round trip finds the node first.
import { parseNodeKey } from '../../graph/payload.ts';
import { currentIdOfV2 } from '../../ingest/load/identity.ts';

/** The key property of each label (cypher/schema.cypher's constraints). */
const KEY_PROPERTY: Record<string, string> = {
  Person: 'id',
  Place: 'id',
  Office: 'id',
  Event: 'id',
  Article: 'id',
  Reporter: 'id',
  Source: 'doc',
};

/** A node without a key property is named by its element id (`~elementId`). */
const BY_ELEMENT_ID = 'MATCH (n) WHERE elementId(n) = $id';

/**
 * A query for each way of naming a node: `body` after a MATCH that binds `n` to the node `$id` names.
 * Built once, when the route module loads.
 */
export function byKey(body: string): (key: string) => { query: string; id: string } | null {
  const queries = new Map(
    Object.entries(KEY_PROPERTY).map(([label, property]) => [
      label,
      `MATCH (n:${label} {${property}: $id})\n${body}`,
    ]),
  );
  const anyNode = `${BY_ELEMENT_ID}\n${body}`;
  return (key) => {
    const parsed = parseNodeKey(key);
    if (!parsed) return { query: anyNode, id: key.slice(1) };
    const query = queries.get(parsed.label);
    if (!query) return null;
    // A link shared before ledger version 3 names an article or event by its id of then; ids of that
    // form map to today's ids without a look-up (they are hashes of the same source and path).
    const renamed = parsed.label === 'Article' || parsed.label === 'Event' ? currentIdOfV2(parsed.id) : null;
    return { query, id: renamed ?? parsed.id };
  };
}
