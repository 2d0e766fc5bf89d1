// The namesake review drawer: each POSSIBLY_SAME pair with the evidence of both sides side by side
// (positions with their dates, the places of their events, when they were reported), and buttons that
// store the decision through the review route. The token is asked once and kept for the tab only.
import { count } from '../i18n.ts';
import { errorMessage } from '../state/actions.ts';
import { s } from '../tables/strings.ts';
import { button, el } from '../ui/dom.ts';
import { decide, fetchPairs, PAGE, type Filter, type Pair, type Side, type Verdict } from './model.ts';

const TOKEN_KEY = 'cadre-review-token';

export interface NamesakePanel {
  toggle(): void;
  readonly open: boolean;
  /** After a language switch. */
  relabel(): void;
}

export function mountNamesakePanel(
  drawer: HTMLElement,
  toggleBox: HTMLElement,
  on: { openPerson(id: string): void; decided(): void },
): NamesakePanel {
  let filter: Filter = 'all';
  let limit = PAGE;
  const status = el('span', { class: 'table-status', attrs: { 'data-testid': 'namesakes-status' } });
  const token = el('input', {
    class: 'input',
    attrs: { type: 'password', 'data-testid': 'review-token', autocomplete: 'off' },
  });
  token.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
  token.addEventListener('change', () => sessionStorage.setItem(TOKEN_KEY, token.value));
  const select = el('select', { class: 'select', attrs: { 'data-testid': 'namesakes-filter' } });
  select.addEventListener('change', () => {
    filter = select.value as Filter;
    void load();
  });
  const list = el('div', { class: 'table-scroll namesakes', attrs: { 'data-testid': 'namesakes-list' } });

  function sideCard(side: Side | undefined): HTMLElement {
    if (!side) return el('div', { class: 'namesake-side' });
    const range = (a: string | null, b: string | null) =>
      a && b && a !== b ? `${a} – ${b}` : (a ?? b ?? '');
    return el('div', { class: 'namesake-side', attrs: { 'data-person': side.id } }, [
      el('button', {
        class: 'link',
        text: `${side.name} · ${side.scope ?? side.id}`,
        attrs: { type: 'button', 'data-testid': 'namesake-open' },
        onclick: () => on.openPerson(side.id),
      }),
      el('div', {
        class: 'hint',
        text: s('namesakeReported', {
          from: range(side.first, side.last) || '?',
          n: count(side.articles),
          m: count(side.events),
        }),
      }),
      el('div', { class: 'namesake-label', text: s('namesakePositions') }),
      el(
        'ul',
        {},
        side.positions.length
          ? side.positions.map((p) =>
              el('li', {
                text: `${p.position} (${range(p.since, p.until) || s('careerUndated')}, ${count(p.n)})`,
              }),
            )
          : [el('li', { class: 'hint', text: '—' })],
      ),
      el('div', { class: 'namesake-label', text: s('namesakePlaces') }),
      el('div', {
        text: side.places.length ? side.places.map((p) => `${p.place} ${count(p.n)}`).join('、') : '—',
      }),
    ]);
  }

  function pairRow(pair: Pair): HTMLElement {
    const verdictText = pair.implied
      ? s('namesakeImplied')
      : pair.verdict
        ? s(pair.verdict === 'same' ? 'namesakeSame' : 'namesakeDifferent')
        : s('namesakeUndecided');
    const act = (verdict: Verdict) => async () => {
      const secret = token.value.trim();
      if (!secret) {
        status.textContent = s('namesakeNeedToken');
        token.focus();
        return;
      }
      sessionStorage.setItem(TOKEN_KEY, secret);
      status.textContent = '…';
      try {
        await decide(pair.a, pair.b, verdict, secret);
        status.textContent = s('namesakeSaved', { name: pair.name });
        on.decided();
        await load();
      } catch (error) {
        status.textContent = errorMessage(error);
      }
    };
    return el(
      'div',
      {
        class: `namesake-pair ${pair.verdict ?? 'open'}`,
        attrs: { 'data-testid': 'namesake-pair', 'data-verdict': pair.verdict ?? '' },
      },
      [
        el('div', { class: 'namesake-sides' }, [sideCard(pair.sides[0]), sideCard(pair.sides[1])]),
        el('div', { class: 'namesake-actions' }, [
          el('strong', { text: verdictText, attrs: { 'data-testid': 'namesake-verdict' } }),
          button(s('namesakeSame'), () => void act('same')(), { testid: 'namesake-same' }),
          button(s('namesakeDifferent'), () => void act('different')(), { testid: 'namesake-different' }),
          pair.verdict && !pair.implied
            ? button(s('namesakeUndo'), () => void act('undecided')(), { testid: 'namesake-undo' })
            : null,
        ]),
      ],
    );
  }

  const notice = el('span', { class: 'table-notice', attrs: { 'data-testid': 'namesakes-notice' } });
  async function load() {
    notice.textContent = '…';
    try {
      const page = await fetchPairs(filter, limit);
      notice.textContent = s('shownOf', { n: count(page.pairs.length), m: count(page.total) });
      list.replaceChildren(...page.pairs.map(pairRow));
      if (page.pairs.length === 0)
        list.append(
          el('p', {
            class: 'hint',
            attrs: { 'data-testid': 'namesakes-empty' },
            text: s(filter === 'all' ? 'namesakesNone' : 'namesakesNoneFiltered'),
          }),
        );
      if (page.pairs.length < page.total)
        list.append(
          button(
            s('loadMore', { n: count(Math.min(PAGE, page.total - page.pairs.length)) }),
            () => {
              limit += PAGE;
              void load();
            },
            { testid: 'namesakes-more' },
          ),
        );
      drawer.dataset.state = 'done';
    } catch (error) {
      notice.textContent = errorMessage(error);
      drawer.dataset.state = 'error';
    }
  }

  function render() {
    select.replaceChildren(
      ...(['all', 'undecided', 'same', 'different'] as const).map((f) =>
        el('option', { text: s(`namesakesFilter_${f}`), attrs: { value: f } }),
      ),
    );
    select.value = filter;
    token.placeholder = s('namesakeToken');
    drawer.replaceChildren(
      el('div', { class: 'table-head' }, [
        el('strong', { text: s('namesakes') }),
        notice,
        select,
        el('span', { class: 'spacer' }),
        token,
        status,
        button('×', () => panel.toggle(), {
          class: 'btn icon',
          title: s('close'),
          testid: 'namesakes-close',
        }),
      ]),
      list,
    );
  }

  const toggleButton = button('', () => panel.toggle(), { class: 'btn small', testid: 'namesakes-toggle' });
  const label = () => {
    toggleButton.textContent = s('namesakes');
    toggleButton.classList.toggle('on', !drawer.hidden);
  };
  toggleBox.replaceChildren(toggleButton);
  label();

  const panel: NamesakePanel = {
    get open() {
      return !drawer.hidden;
    },
    relabel() {
      label();
      if (!drawer.hidden) render();
    },
    toggle() {
      drawer.hidden = !drawer.hidden;
      if (!drawer.hidden) {
        render();
        drawer.dataset.state = 'loading';
        void load();
      }
      label();
    },
  };
  return panel;
}
