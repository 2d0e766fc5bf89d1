// Filters by event kind (会议, 调研, 走访慰问 …) and by role (主持, 参加, 陪同 …): chips for the values in
// view; none selected keeps all. The same filters narrow the tables (tables/model.ts).
import { s } from '../tables/strings.ts';
import { el } from './dom.ts';

export function renderEventFilters(
  container: HTMLElement,
  inView: { kinds: string[]; roles: string[] },
  selected: { kinds: readonly string[]; roles: readonly string[] },
  on: { kinds(next: string[]): void; roles(next: string[]): void },
): void {
  const group = (
    label: string,
    testid: string,
    values: string[],
    chosen: readonly string[],
    set: (next: string[]) => void,
  ) => {
    const all = [...new Set([...chosen, ...values])];
    if (all.length === 0) return null;
    return el('div', { class: 'chip-row', attrs: { 'data-testid': testid } }, [
      el('span', { class: 'chip-row-label', text: label }),
      ...all.slice(0, 12).map((value) => {
        const on = chosen.includes(value);
        return el('button', {
          class: `chip toggle${on ? ' on' : ''}`,
          text: value,
          attrs: { type: 'button', 'aria-pressed': String(on), 'data-value': value },
          onclick: () => set(on ? chosen.filter((v) => v !== value) : [...chosen, value]),
        });
      }),
    ]);
  };
  container.replaceChildren(
    ...[
      group(s('eventKind'), 'filter-kinds', inView.kinds, selected.kinds, on.kinds),
      group(s('eventRole'), 'filter-roles', inView.roles, selected.roles, on.roles),
    ].filter((x): x is HTMLDivElement => x !== null),
  );
}
