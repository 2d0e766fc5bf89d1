// The address bar mirrors the store (view log, selection, filters, search text, language, size mode and
// node positions), so a view can be shared and reloaded. Node ids are stable keys, so a link survives a
// rebuilt database; positions are kept by a short hash of the key, for views up to MAX_POSITIONS nodes.
import type { Lang } from '../i18n.ts';
import type { SizeMode } from '../graph/derive.ts';
import type { TableOf } from '../tables/model.ts';
import { decodeOps, encodeOps, type Op } from './ops.ts';

export const MAX_POSITIONS = 1000;

export interface UrlState {
  ops: Op[];
  selected: string | null;
  second: string | null;
  q: string;
  lang: Lang;
  size: SizeMode;
  hiddenKinds: string[];
  from: string | null;
  to: string | null;
  place: string | null;
  office: string | null;
  /** Positions by positionKey(node id). */
  positions: Record<string, [number, number]>;
  /** The open table: which kind, of what (key and the name its title shows), sorted how. */
  table: UrlTable | null;
}

export interface UrlTable {
  of: TableOf;
  key: string;
  name: string;
  sort: string;
  desc: boolean;
}

const TABLES = new Set<string>(['person', 'place', 'office', 'matrix', 'holders']);

/** `table=[of, key, name, sort, desc]` (JSON, like the view log); anything else: no table. */
function decodeTable(raw: string | null): UrlTable | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return null;
    const [of, key, name, sort, desc] = value as unknown[];
    if (typeof of !== 'string' || !TABLES.has(of) || typeof key !== 'string' || !key) return null;
    return {
      of: of as TableOf,
      key,
      name: typeof name === 'string' ? name : key,
      sort: typeof sort === 'string' && sort.length <= 200 ? sort : '',
      desc: desc === 1 || desc === true,
    };
  } catch {
    return null;
  }
}

/** FNV-1a of the id in base 36: six or seven characters instead of a long event id. */
export function positionKey(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export function readUrl(location: { search: string } = window.location): UrlState {
  const p = new URLSearchParams(location.search);
  let ops: Op[];
  try {
    ops = decodeOps(p.get('ops') ?? '[]');
  } catch {
    ops = [];
  }
  const positions: Record<string, [number, number]> = {};
  for (const item of (p.get('pos') ?? '').split(',')) {
    const [key, x, y] = item.split('~');
    if (key && Number.isFinite(Number(x)) && Number.isFinite(Number(y)))
      positions[key] = [Number(x), Number(y)];
  }
  return {
    ops,
    selected: p.get('sel'),
    second: p.get('sel2'),
    q: p.get('q') ?? '',
    lang: p.get('lang') === 'en' ? 'en' : 'zh',
    size: p.get('size') === 'pagerank' ? 'pagerank' : 'degree',
    hiddenKinds: (p.get('hide') ?? '').split(',').filter(Boolean),
    from: p.get('from'),
    to: p.get('to'),
    place: p.get('place'),
    office: p.get('office'),
    positions,
    table: decodeTable(p.get('table')),
  };
}

const round = (value: number) => String(Math.round(value * 10) / 10);

export function urlOf(state: UrlState, pathname: string): string {
  const p = new URLSearchParams();
  const ops = encodeOps(state.ops);
  if (ops !== '[["o"]]' && ops !== '[]') p.set('ops', ops);
  if (state.selected) p.set('sel', state.selected);
  if (state.second) p.set('sel2', state.second);
  if (state.q) p.set('q', state.q);
  if (state.lang !== 'zh') p.set('lang', state.lang);
  if (state.size !== 'degree') p.set('size', state.size);
  if (state.hiddenKinds.length) p.set('hide', state.hiddenKinds.join(','));
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.place) p.set('place', state.place);
  if (state.office) p.set('office', state.office);
  if (state.table) {
    const { of, key, name, sort, desc } = state.table;
    p.set('table', JSON.stringify([of, key, name, sort, desc ? 1 : 0]));
  }
  const positions = Object.entries(state.positions);
  if (positions.length > 0 && positions.length <= MAX_POSITIONS)
    p.set('pos', positions.map(([key, [x, y]]) => `${key}~${round(x)}~${round(y)}`).join(','));
  const search = p.toString();
  return `${pathname}${search ? `?${search}` : ''}`;
}

export function writeUrl(state: UrlState): void {
  const url = urlOf(state, window.location.pathname);
  if (url !== `${window.location.pathname}${window.location.search}`)
    window.history.replaceState(null, '', url);
}
