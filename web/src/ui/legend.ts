// One entry per node kind on screen, with its colour and count; clicking one hides or shows that kind.
import { LABEL_STYLES } from '../graph/style.ts';
import { kindName } from '../i18n.ts';
import { el, swatch } from './dom.ts';

export function renderLegend(
  container: HTMLElement,
  counts: Map<string, number>,
  hiddenKinds: readonly string[],
  onToggle: (kind: string) => void,
): void {
  container.replaceChildren();
  for (const [kind, style] of Object.entries(LABEL_STYLES)) {
    const count = counts.get(kind);
    if (!count && !hiddenKinds.includes(kind)) continue;
    const off = hiddenKinds.includes(kind);
    const item = el(
      'button',
      {
        class: `legend-item${off ? ' off' : ''}`,
        attrs: { type: 'button', 'data-kind': kind, 'aria-pressed': String(!off) },
        onclick: () => onToggle(kind),
      },
      [
        swatch(style.color),
        el('span', { text: `${kindName(kind)} ${kind === kindName(kind) ? '' : kind}`.trim() }),
        el('span', { class: 'count', text: String(count ?? 0) }),
      ],
    );
    container.append(item);
  }
}
