// The details panel: a selected node's kind, name, properties and connections with their evidence.
// Text only (no innerHTML), so whatever the news text contains is shown, never executed.
import type { CadreGraph, NodeAttributes } from '../graph/build.ts';
import { styleOf } from '../graph/style.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.join('、');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface Connection {
  relation: string;
  other: NodeAttributes;
  sentence: string | null;
}

/** The node's edges as a reader would list them: relation label, the node at the other end, evidence. */
export function connectionsOf(graph: CadreGraph, node: string): Connection[] {
  return graph.mapEdges(node, (_edge, attributes, source, target) => {
    const other = graph.getNodeAttributes(source === node ? target : source);
    const sentence = attributes.properties.sentence;
    return { relation: attributes.label, other, sentence: typeof sentence === 'string' ? sentence : null };
  });
}

export function renderDetails(
  container: HTMLElement,
  node: NodeAttributes | null,
  connections: Connection[] = [],
) {
  container.replaceChildren();
  if (!node) {
    container.append(element('p', '点击节点查看详情 · Click a node to see its properties.', 'hint'));
    return;
  }
  const badge = element('span', styleOf(node.kind).name, 'badge');
  badge.style.background = styleOf(node.kind).color;
  container.append(badge, element('h2', node.label));

  const table = element('dl', undefined, 'properties');
  for (const [key, value] of Object.entries(node.properties).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === null || value === undefined || value === '') continue;
    table.append(element('dt', key), element('dd', formatValue(value)));
  }
  container.append(table);

  container.append(element('h3', `关联 · Connections (${connections.length})`));
  const list = element('ul', undefined, 'connections');
  for (const connection of connections) {
    const item = element('li');
    const head = element('div', undefined, 'connection-head');
    const dot = element('span', undefined, 'swatch');
    dot.style.background = styleOf(connection.other.kind).color;
    head.append(
      element('span', connection.relation, 'relation'),
      dot,
      element('span', connection.other.label),
    );
    item.append(head);
    if (connection.sentence) item.append(element('blockquote', connection.sentence, 'evidence'));
    list.append(item);
  }
  container.append(list);
}
