import { LABEL_STYLES } from '../graph/style.ts';

/** One swatch per node kind present in the graph, with its count. */
export function renderLegend(container: HTMLElement, counts: Map<string, number>): void {
  container.replaceChildren();
  for (const [label, style] of Object.entries(LABEL_STYLES)) {
    const count = counts.get(label);
    if (!count) continue;
    const item = document.createElement('div');
    item.className = 'legend-item';
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = style.color;
    const text = document.createElement('span');
    text.textContent = `${style.name} (${count})`;
    item.append(swatch, text);
    container.append(item);
  }
}
