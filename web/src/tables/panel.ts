// The table drawer: the open table of the store (state.table) with sortable headers, "N of M" and load
// more, the filters it follows, and CSV/XLSX export of all its rows (up to the server's row limit).
import { count } from '../i18n.ts';
import { errorMessage, type Actions } from '../state/actions.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { showArticle } from '../ui/article.ts';
import { button, el } from '../ui/dom.ts';
import { downloadTable, type TableFormat } from './export.ts';
import { fetchTable, MAX_ROWS, PAGE, title, type TableData } from './model.ts';
import { s } from './strings.ts';

// The canvas follows the drawer's size by itself (the renderer observes its container).
export function mountTablePanel(drawer: HTMLElement, store: AppStore, actions: Actions) {
  const status = el('span', { class: 'table-status', attrs: { 'data-testid': 'table-status' } });

  async function exportAs(format: TableFormat) {
    const table = store.getState().table;
    if (!table) return;
    status.textContent = s('exporting');
    try {
      // Every row, not the page on screen, in the order on screen.
      const data = await fetchTable(table.request, store.getState().filters, { limit: MAX_ROWS });
      await downloadTable(data, format, title(table.request));
      status.textContent = s('exported', { n: count(data.rows.length), m: count(data.total) });
    } catch (error) {
      status.textContent = errorMessage(error);
    }
  }

  function filterLine(state: AppState): string {
    const { from, to, eventKinds, roles } = state.filters;
    const parts = [from || to ? s('range', { from: from ?? '…', to: to ?? '…' }) : s('anyDate')];
    parts.push(eventKinds.length ? `${s('eventKind')}: ${eventKinds.join('、')}` : s('allKinds'));
    parts.push(roles.length ? `${s('eventRole')}: ${roles.join('、')}` : s('allRoles'));
    return parts.join(' · ');
  }

  function renderTable(data: TableData, state: AppState): HTMLElement {
    const { request } = data;
    const head = el(
      'tr',
      {},
      data.columns.map((c) => {
        const arrow = request.sort === c.key ? (request.desc ? ' ▼' : ' ▲') : '';
        const th = el('th', { class: c.numeric ? 'num' : '' });
        th.append(
          c.sortable
            ? el('button', {
                class: 'sort',
                text: `${c.label}${arrow}`,
                attrs: { type: 'button', 'data-column': c.key },
                onclick: () => actions.sortTable(c.key),
              })
            : el('span', { text: c.label }),
        );
        return th;
      }),
    );
    const articleColumn = data.columns.findIndex((c) => c.key === 'headline');
    const body = el('tbody');
    data.rows.forEach((row, r) => {
      const tr = el('tr');
      row.forEach((cell, i) => {
        const numeric = typeof cell === 'number';
        const td = el('td', {
          class: numeric ? (cell === 0 ? 'num zero' : 'num') : '',
          text: numeric ? count(cell) : cell,
        });
        const article = data.articles[r];
        if (i === articleColumn && article) {
          td.replaceChildren(
            el('a', {
              text: cell as string,
              attrs: { href: '#' },
              onclick: (e) => (e.preventDefault(), void showArticle(article)),
            }),
          );
        }
        tr.append(td);
      });
      body.append(tr);
    });
    const table = el('table', { class: 'data-table', attrs: { 'data-testid': 'data-table' } }, [
      el('thead', {}, [head]),
      body,
    ]);
    const box = el('div', { class: 'table-scroll' }, [table]);
    if (data.rows.length === 0) {
      const filtered =
        state.filters.from ||
        state.filters.to ||
        state.filters.eventKinds.length ||
        state.filters.roles.length;
      box.append(
        el('p', {
          class: 'hint',
          attrs: { 'data-testid': 'table-empty' },
          text: s('noRows', { why: s(filtered ? 'noRowsFiltered' : 'noRowsAll') }),
        }),
      );
    }
    return box;
  }

  function render(state: AppState) {
    const table = state.table;
    drawer.hidden = !table;
    if (!table) return;
    const { request, data } = table;
    const notice = el('span', { class: 'table-notice', attrs: { 'data-testid': 'table-notice' } });
    const more: HTMLElement[] = [];
    if (data.state === 'done') {
      const v = data.value;
      notice.textContent = s('shownOf', { n: count(v.rows.length), m: count(v.total) });
      if (v.officials && v.officials.total > v.officials.shown)
        notice.textContent += ` · ${s('officialsOf', { n: count(v.officials.shown), m: count(v.officials.total) })}`;
      if (request.of !== 'matrix' && v.rows.length < v.total && request.limit < MAX_ROWS)
        more.push(
          button(s('loadMore', { n: count(Math.min(PAGE, v.total - v.rows.length)) }), actions.moreTable, {
            testid: 'table-more',
          }),
        );
    }
    const header = el('div', { class: 'table-head' }, [
      el('strong', { text: title(request), attrs: { 'data-testid': 'table-title' } }),
      notice,
      ...more,
      el('span', { class: 'hint', text: filterLine(state) }),
      el('span', { class: 'spacer' }),
      button('CSV', () => void exportAs('csv'), { testid: 'table-csv' }),
      button('XLSX', () => void exportAs('xlsx'), { testid: 'table-xlsx' }),
      status,
      button('×', actions.closeTable, { class: 'btn icon', title: s('close'), testid: 'table-close' }),
    ]);
    const content =
      data.state === 'loading'
        ? el('p', { class: 'hint', text: '…' })
        : data.state === 'error'
          ? el('p', { class: 'error', text: data.message }, [button('↻', () => void actions.loadTable())])
          : renderTable(data.value, state);
    drawer.replaceChildren(header, content);
    drawer.dataset.state = data.state;
  }

  store.subscribe((state, prev) => {
    const f = state.filters;
    const p = prev.filters;
    const refetch =
      state.table &&
      prev.table &&
      state.table.request === prev.table.request &&
      (f.from !== p.from || f.to !== p.to || f.eventKinds !== p.eventKinds || f.roles !== p.roles);
    if (refetch) {
      store.setState({ table: { request: state.table!.request, data: { state: 'loading' } } });
      void actions.loadTable();
      return;
    }
    if (
      state.table !== prev.table ||
      state.lang !== prev.lang ||
      (state.table && state.filters !== prev.filters)
    ) {
      render(state);
    }
  });
  render(store.getState());
}
