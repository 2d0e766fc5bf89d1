// The address bar mirrors the state (steps, selection, filters, search text, language, size mode), so a
// view can be shared and reloaded.
import type { Lang } from '../i18n.ts';
import type { SizeMode } from '../graph/metrics.ts';
import { decodeOps, encodeOps, type Op } from './ops.ts';

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
}

export function readUrl(location: Location = window.location): UrlState {
  const p = new URLSearchParams(location.search);
  let ops: Op[];
  try {
    ops = decodeOps(p.get('ops') ?? '[]');
  } catch {
    ops = [];
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
  };
}

export function writeUrl(state: UrlState): void {
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
  const search = p.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
  if (url !== `${window.location.pathname}${window.location.search}`)
    window.history.replaceState(null, '', url);
}
