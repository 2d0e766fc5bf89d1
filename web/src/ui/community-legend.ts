// The legend of the community colour mode: the largest Louvain groups of co-attendance, each with its
// colour, its size and the member with most links in view.
import { count } from '../i18n.ts';
import type { CommunityLegend } from '../map/controller.ts';
import { s } from '../tables/strings.ts';
import { el, swatch } from './dom.ts';

export function renderCommunityLegend(container: HTMLElement, legend: CommunityLegend | null): void {
  container.replaceChildren();
  if (!legend) return;
  if (legend.people === 0) {
    container.append(el('p', { class: 'hint', text: s('communityNone') }));
    return;
  }
  container.append(
    el('div', { class: 'chip-row-label', text: s('communityLegend', { n: count(legend.total) }) }),
  );
  const list = el('ul', { class: 'community-list', attrs: { 'data-testid': 'community-legend' } });
  legend.groups.forEach((g, i) =>
    list.append(
      el('li', {}, [
        swatch(g.color),
        el('span', { text: `${s('community', { n: i + 1 })} · ${g.lead} · ${count(g.size)}` }),
      ]),
    ),
  );
  if (legend.total > legend.groups.length)
    list.append(
      el('li', {
        class: 'hint',
        text: s('communityOthers', { n: count(legend.total - legend.groups.length) }),
      }),
    );
  container.append(list);
}
