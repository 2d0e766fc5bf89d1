// The search box: suggestions across people, places, offices and events as you type (Chinese or pinyin),
// from GET /api/search. Enter or a click starts from the hit; the + button adds it to the view. Hits of
// an earlier query never stay listed under a new one: while a query is in flight the list says so.
import { searchNodes } from '../api.ts';
import type { SearchHit } from '../../contract.ts';
import { primaryLabel, styleOf } from '../graph/style.ts';
import { count, kindName, levelName, t } from '../i18n.ts';
import { el, swatch } from './dom.ts';

export interface SearchCallbacks {
  onPick(hit: SearchHit, add: boolean): void;
  onQuery(q: string): void;
  onError(error: unknown): void;
}

function hitDetail(hit: SearchHit): string {
  const p = hit.node.properties;
  const bits = [kindName(hit.label || primaryLabel(hit.node.labels))];
  for (const key of ['jurisdiction', 'level', 'date', 'kind'])
    if (typeof p[key] === 'string' && p[key])
      bits.push(key === 'level' ? levelName(p[key] as string) : (p[key] as string));
  return bits.join(' · ');
}

export function mountSearch(container: HTMLElement, callbacks: SearchCallbacks) {
  const input = el('input', {
    class: 'search-input',
    attrs: {
      type: 'search',
      id: 'search',
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-expanded': 'false',
    },
  });
  const list = el('ul', { class: 'suggestions', attrs: { id: 'suggestions', role: 'listbox' } });
  list.hidden = true;
  container.replaceChildren(input, list);
  let hits: SearchHit[] = [];
  /** The query `hits` answer; the list shows "searching" while the input says something else. */
  let answered = '';
  let active = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const pick = (index: number, add: boolean) => {
    const hit = answered === input.value.trim() ? hits[index] : undefined;
    if (!hit) return;
    close();
    callbacks.onPick(hit, add);
  };
  const render = () => {
    list.replaceChildren();
    const q = input.value.trim();
    const current = answered === q;
    if (!current) list.append(el('li', { class: 'suggestion empty searching', text: t('searching', { q }) }));
    else if (hits.length === 0)
      list.append(el('li', { class: 'suggestion empty', text: t('noHits', { q }) }));
    (current ? hits : []).forEach((hit, index) => {
      const kind = hit.label || primaryLabel(hit.node.labels);
      const item = el(
        'li',
        { class: `suggestion${index === active ? ' active' : ''}`, attrs: { role: 'option' } },
        [
          swatch(styleOf(kind).color),
          el('span', { class: 'caption', text: hit.caption }),
          el('span', { class: 'detail', text: hitDetail(hit) }),
          el('span', {
            class: 'count',
            text: count(hit.node.degree ?? 0),
            title: t('neighbours', { n: count(hit.node.degree ?? 0) }),
          }),
          el('button', {
            class: 'add',
            text: '+',
            title: '+ view',
            attrs: { type: 'button' },
            onclick: (event) => {
              event.stopPropagation();
              pick(index, true);
            },
          }),
        ],
      );
      item.addEventListener('mousedown', (event) => event.preventDefault());
      item.addEventListener('click', () => pick(index, false));
      list.append(item);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const query = async () => {
    const q = input.value.trim();
    callbacks.onQuery(q);
    controller?.abort();
    if (!q) {
      hits = [];
      close();
      return;
    }
    controller = new AbortController();
    try {
      const found = (await searchNodes(q, 10, controller.signal)).hits;
      // A slower answer to an earlier query is dropped.
      if (input.value.trim() !== q) return;
      hits = found;
      answered = q;
      active = 0;
      if (document.activeElement === input) render();
    } catch (error) {
      if ((error as Error).name !== 'AbortError') callbacks.onError(error);
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    if (input.value.trim()) render();
    else close();
    timer = setTimeout(() => void query(), 150);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && hits.length) render();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % Math.max(hits.length, 1);
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(active, event.shiftKey);
    } else if (event.key === 'Escape') {
      close();
      input.blur();
    }
  });
  const setPlaceholder = () => (input.placeholder = t('search'));
  setPlaceholder();
  return {
    input,
    focus: () => input.focus(),
    setValue(q: string) {
      input.value = q;
    },
    relabel: setPlaceholder,
  };
}
