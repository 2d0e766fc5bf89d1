// Stable node keys (Label:id, graph/payload.ts) back to the node: one index seek on the key constraint
// of the label. The label picks one of these fixed queries (an allow-list): input never becomes Cypher.
import type { ManagedTransaction } from 'neo4j-driver';
import { parseNodeKey } from '../../graph/payload.ts';

const BY_KEY: Record<string, string> = {
  Person: 'MATCH (n:Person {id: $id}) RETURN elementId(n) AS id',
  Place: 'MATCH (n:Place {id: $id}) RETURN elementId(n) AS id',
  Office: 'MATCH (n:Office {id: $id}) RETURN elementId(n) AS id',
  Event: 'MATCH (n:Event {id: $id}) RETURN elementId(n) AS id',
  Article: 'MATCH (n:Article {id: $id}) RETURN elementId(n) AS id',
  Reporter: 'MATCH (n:Reporter {id: $id}) RETURN elementId(n) AS id',
  Source: 'MATCH (n:Source {doc: $id}) RETURN elementId(n) AS id',
};

/** The element id of the node a key names, or null when there is none. */
export async function resolveNodeKey(tx: ManagedTransaction, key: string): Promise<string | null> {
  const parsed = parseNodeKey(key);
  const query = parsed
    ? BY_KEY[parsed.label]
    : 'MATCH (n) WHERE elementId(n) = $id RETURN elementId(n) AS id';
  if (!query) return null;
  const result = await tx.run(query, { id: parsed ? parsed.id : key.slice(1) });
  return (result.records[0]?.get('id') as string | undefined) ?? null;
}
