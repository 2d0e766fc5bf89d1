// The details panel: a selected node's kind, name and properties. Text only (no innerHTML), so
// whatever the news text contains is shown, never executed.
import { styleOf } from '../graph/style.ts';
import type { NodeAttributes } from '../graph/build.ts';

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

export function renderDetails(container: HTMLElement, node: NodeAttributes | null, neighbours = 0): void {
  container.replaceChildren();
  if (!node) {
    container.append(element('p', '点击节点查看详情 · Click a node to see its properties.', 'hint'));
    return;
  }
  const badge = element('span', styleOf(node.kind).name, 'badge');
  badge.style.background = styleOf(node.kind).color;
  container.append(badge, element('h2', node.label));
  container.append(element('p', `${neighbours} 个相连节点 · ${neighbours} connected`, 'hint'));
  const table = element('dl', undefined, 'properties');
  for (const [key, value] of Object.entries(node.properties).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === null || value === undefined || value === '') continue;
    table.append(element('dt', key), element('dd', formatValue(value)));
  }
  container.append(table);
}
