// Subgraph export formats: GEXF (Gephi), GraphML, graphology JSON, CSV (nodes + edges) and a Cypher
// script that recreates the subgraph in another Neo4j. Pure functions of a payload, usable in the
// browser and in Node.
import { write as writeGexf } from 'graphology-gexf';
// The browser build of csv-stringify: the Node one touches `Buffer` when it loads, which breaks the web
// app's exports; this one carries its own and gives the same output in Node (the CLI uses it too).
import { stringify } from 'csv-stringify/browser/esm/sync';
import { create } from 'xmlbuilder2';
import { flatAttributes, payloadToGraph, type GraphPayload } from './payload.ts';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'json', 'csv', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function toGexf(payload: GraphPayload): string {
  return writeGexf(payloadToGraph(payload), { pretty: true });
}

export function toJson(payload: GraphPayload): string {
  return JSON.stringify(payloadToGraph(payload).export(), null, 1);
}

type AttrType = 'string' | 'double' | 'boolean';

/** One GraphML key per attribute name and element kind, typed from the values it takes. */
function graphmlKeys(items: Record<string, string | number | boolean>[]): Map<string, AttrType> {
  const types = new Map<string, AttrType>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item)) {
      const type: AttrType =
        typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';
      const known = types.get(name);
      types.set(name, known && known !== type ? 'string' : type);
    }
  }
  return types;
}

export function toGraphml(payload: GraphPayload): string {
  const graph = payloadToGraph(payload);
  const nodes = graph.mapNodes((key, attributes) => ({ key, attributes }));
  const edges = graph.mapEdges((key, attributes, source, target) => ({ key, attributes, source, target }));
  const nodeKeys = graphmlKeys(nodes.map((n) => n.attributes));
  const edgeKeys = graphmlKeys(edges.map((e) => e.attributes));

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('graphml', {
    xmlns: 'http://graphml.graphdrawing.org/xmlns',
  });
  const keyId = (kind: 'n' | 'e', name: string) => `${kind}_${name}`;
  for (const [name, type] of nodeKeys) {
    root.ele('key', { id: keyId('n', name), for: 'node', 'attr.name': name, 'attr.type': type });
  }
  for (const [name, type] of edgeKeys) {
    root.ele('key', { id: keyId('e', name), for: 'edge', 'attr.name': name, 'attr.type': type });
  }
  const body = root.ele('graph', { id: 'cadre-graph', edgedefault: 'directed' });
  for (const node of nodes) {
    const element = body.ele('node', { id: node.key });
    for (const [name, value] of Object.entries(node.attributes)) {
      element.ele('data', { key: keyId('n', name) }).txt(String(value));
    }
  }
  for (const edge of edges) {
    const element = body.ele('edge', { id: edge.key, source: edge.source, target: edge.target });
    for (const [name, value] of Object.entries(edge.attributes)) {
      element.ele('data', { key: keyId('e', name) }).txt(String(value));
    }
  }
  return root.end({ prettyPrint: true });
}

/**
 * Nodes and edges as two CSV tables: `_id`/`_labels` (`_type`, `_source`, `_target` for edges) from Neo4j,
 * then one column per property, so a property called `id` keeps its own column.
 */
export function toCsv(payload: GraphPayload): { nodes: string; edges: string } {
  const nodeRows = payload.nodes.map((n) => ({
    _id: n.id,
    _labels: n.labels.join(';'),
    ...flatAttributes(n.properties),
  }));
  // Edges the explorer computed (VISITED, MET) say so in a column of their own.
  const anyDerived = payload.edges.some((e) => e.derived);
  const edgeRows = payload.edges.map((e) => ({
    _id: e.id,
    _type: e.type,
    _source: e.source,
    _target: e.target,
    ...(anyDerived ? { _derived: e.derived ?? '' } : {}),
    ...flatAttributes(e.properties),
  }));
  const columns = (rows: Record<string, unknown>[], first: string[]) => [
    ...first,
    ...[...new Set(rows.flatMap((row) => Object.keys(row)))].filter((key) => !first.includes(key)).sort(),
  ];
  const options = { header: true, cast: { boolean: (value: boolean) => String(value) } };
  return {
    nodes: stringify(nodeRows, { ...options, columns: columns(nodeRows, ['_id', '_labels']) }),
    edges: stringify(edgeRows, {
      ...options,
      columns: columns(edgeRows, ['_id', '_type', '_source', '_target', ...(anyDerived ? ['_derived'] : [])]),
    }),
  };
}

// ---- Cypher script -----------------------------------------------------------------------------------

const identifier = (name: string) => `\`${name.replaceAll('`', '``')}\``;

/** A Cypher literal for a JSON value; strings escaped so that no literal spans a line. */
export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    const escaped = value
      .replaceAll('\\', '\\\\')
      .replaceAll("'", "\\'")
      .replaceAll('\n', '\\n')
      .replaceAll('\r', '\\r')
      .replaceAll('\t', '\\t');
    return `'${escaped}'`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== null && v !== undefined,
  );
  return `{${entries.map(([k, v]) => `${identifier(k)}: ${cypherLiteral(v)}`).join(', ')}}`;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const EXPORT_LABEL = 'CadreGraphImport';
const CHUNK = 500;

/** The key property of each label (cypher/schema.cypher's uniqueness constraints). */
export const NODE_KEYS: Record<string, string> = {
  Person: 'id',
  Place: 'id',
  Office: 'id',
  Event: 'id',
  Article: 'id',
  Reporter: 'id',
  Source: 'doc',
};
/** Properties that tell apart several relationships of one type between the same two nodes (ingest/load). */
export const RELATIONSHIP_KEYS: Record<string, string[]> = { HOLDS: ['articleId', 'position'] };

/** How a script finds a node again: by its label's key, or by a temporary export key. */
function nodeRef(node: GraphPayload['nodes'][number]): { label: string; key: string; value: unknown } {
  const label = node.labels.find((l) => l in NODE_KEYS);
  const value = label ? node.properties[NODE_KEYS[label]!] : undefined;
  if (label && value !== undefined && value !== null) return { label, key: NODE_KEYS[label]!, value };
  return { label: EXPORT_LABEL, key: '__exportId', value: node.id };
}

/**
 * A script of statements, one per line group and each ending with `;`, that recreates the subgraph and
 * can run on a database that already holds it: nodes MERGE on the key of their label (Person.id, ...),
 * relationships MERGE between them (HOLDS also on article and position), so running it twice, or on the
 * database it came from, changes nothing. Nodes without a schema key are created with a temporary label
 * and key, removed at the end. Edges the explorer computed (`derived`: VISITED, MET) are not relationships
 * of the database and are left out, as the script's header says. Runs in cypher-shell or statement by
 * statement through a driver.
 */
export function toCypher(input: GraphPayload): string {
  const derived = input.edges.filter((edge) => edge.derived);
  const payload = { nodes: input.nodes, edges: input.edges.filter((edge) => !edge.derived) };
  const lines = [
    `// cadre-graph export: ${payload.nodes.length} nodes, ${payload.edges.length} relationships`,
  ];
  for (const [type, edges] of groupBy(derived, (edge) => edge.type))
    lines.push(
      `// left out: ${edges.length} ${type} edges the explorer derived (${edges[0]!.derived}); they are not relationships in the database`,
    );
  const refs = new Map(payload.nodes.map((node) => [node.id, nodeRef(node)]));
  const byLabels = groupBy(
    payload.nodes,
    (node) => `${refs.get(node.id)!.label}\u0000${node.labels.join(':')}`,
  );
  let temporary = false;
  for (const nodes of byLabels.values()) {
    const ref = refs.get(nodes[0]!.id)!;
    const others = nodes[0]!.labels.filter((l) => l !== ref.label);
    const keyed = ref.label !== EXPORT_LABEL;
    temporary ||= !keyed;
    const extra = (keyed ? others : nodes[0]!.labels).map((l) => `:${identifier(l)}`).join('');
    for (let i = 0; i < nodes.length; i += CHUNK) {
      const rows = nodes.slice(i, i + CHUNK).map((n) => ({ k: refs.get(n.id)!.value, p: n.properties }));
      lines.push(
        `UNWIND ${cypherLiteral(rows)} AS row MERGE (n:${identifier(ref.label)} {${identifier(ref.key)}: row.k}) SET n += row.p${extra ? `, n${extra}` : ''};`,
      );
    }
  }
  const edgeGroups = groupBy(payload.edges, (edge) => {
    const s = refs.get(edge.source);
    const t = refs.get(edge.target);
    return `${edge.type}\u0000${s?.label}\u0000${s?.key}\u0000${t?.label}\u0000${t?.key}`;
  });
  for (const edges of edgeGroups.values()) {
    const first = edges[0]!;
    const s = refs.get(first.source);
    const t = refs.get(first.target);
    if (!s || !t) continue;
    const keys = RELATIONSHIP_KEYS[first.type] ?? [];
    const merge = keys.length
      ? ` {${keys.map((k) => `${identifier(k)}: row.p.${identifier(k)}`).join(', ')}}`
      : '';
    for (let i = 0; i < edges.length; i += CHUNK) {
      const rows = edges
        .slice(i, i + CHUNK)
        .map((e) => ({ s: refs.get(e.source)!.value, t: refs.get(e.target)!.value, p: e.properties }));
      lines.push(
        `UNWIND ${cypherLiteral(rows)} AS row MATCH (a:${identifier(s.label)} {${identifier(s.key)}: row.s}), (b:${identifier(t.label)} {${identifier(t.key)}: row.t}) MERGE (a)-[r:${identifier(first.type)}${merge}]->(b) SET r += row.p;`,
      );
    }
  }
  if (temporary) lines.push(`MATCH (n:${EXPORT_LABEL}) REMOVE n:${EXPORT_LABEL}, n.__exportId;`);
  return `${lines.join('\n')}\n`;
}
