// Resolving place mentions to divisions: the enclosing place written just before, then the home
// area; and settling towns far from home that the page does not support.
import type { Home, PlaceLevel } from '../types.ts';
import type { Division, Gazetteer } from './gazetteer.ts';
import { rank, startsWord, type PlaceHit } from './scan.ts';

/** Picks each hit's division: the enclosing place written just before it, then the home area. */
export function resolvePlaces(hits: PlaceHit[], home: HomeCodes, text = ''): void {
  let prev: PlaceHit | null = null;
  for (const h of hits) {
    if (!h.candidates.length) {
      h.division = null;
    } else {
      const parent = prev && prev.end === h.start && prev.division ? prev.division.code : null;
      h.division = pick(prefecturesBeforeOrgan(text, h), parent, home);
      if (h.division) h.level = h.division.level;
    }
    prev = h;
  }
}

export interface HomeCodes {
  province?: string;
  city?: string;
  county?: string;
}

function pick(cands: Division[], parent: string | null, home: HomeCodes): Division | null {
  if (cands.length === 1) return cands[0]!;
  const scopes = [parent, home.county, home.city, home.province].filter((s): s is string => !!s);
  for (const scope of scopes) {
    const inScope = cands.filter((c) => c.code.startsWith(scope) && c.code !== scope);
    if (inScope.length) return higherFirst(inScope);
    const same = cands.find((c) => c.code === scope);
    if (same) return same;
  }
  return higherFirst(cands);
}

// 吉林 is both a province and a city: the higher level wins when nothing else decides
function higherFirst(cands: Division[]): Division {
  return [...cands].sort((a, b) => rank(a.level) - rank(b.level))[0]!;
}

/** The division codes of a Home given by names (浙江省/衢州市/柯城区). */
export function homeCodes(home: Home, gaz: Gazetteer): HomeCodes {
  const out: HomeCodes = {};
  const find = (name: string | undefined, level: PlaceLevel, within?: string): string | undefined => {
    if (!name) return undefined;
    const c = (gaz.full.get(name) ?? gaz.short.get(name) ?? []).filter(
      (d) => d.level === level && (!within || d.code.startsWith(within)),
    );
    return c[0]?.code;
  };
  out.province = find(home.province, 'province');
  out.city =
    find(home.city, 'city', out.province) ??
    (out.province && ['11', '12', '31', '50'].includes(out.province) ? out.province : undefined);
  out.county = find(home.county, 'county', out.city ?? out.province);
  return out;
}

/** A town name found in this many provinces is a generic word (城关镇, 太平镇, 新市镇). */
const GENERIC_SPREAD = 3;

/**
 * Towns resolved outside the home province with nothing on the page to support them: a
 * candidate whose county, city or province the page also names is taken; else a name spread over
 * several provinces is a generic word here (dropped), and a rarer one (周庄镇, 天荒坪镇) stays a
 * place but keeps no code rather than a guess from the other end of the country.
 */
function farTownIsWord(text: string, h: PlaceHit): boolean {
  if (/[乡镇]$/.test(h.written) && text[h.end] === '村') return true;
  return /(?:乡镇|城镇|集镇|村镇)$/.test(h.written) && !startsWord(text, h.start);
}

/**
 * 阿勒泰地委, 延边州委: a short form shared by a prefecture and a county names the prefecture when
 * the prefecture's own organ follows it.
 */
function prefecturesBeforeOrgan(text: string, h: PlaceHit): Division[] {
  if (h.kind !== 'short' || h.candidates.length < 2) return h.candidates;
  if (!/^(?:地委|地区|行署|州委|州政府|盟委|行政公署)/.test(text.slice(h.end, h.end + 4)))
    return h.candidates;
  const cities = h.candidates.filter((d) => d.level === 'city');
  return cities.length ? cities : h.candidates;
}

export function settleFarPlaces(hits: PlaceHit[], home: HomeCodes, text = ''): PlaceHit[] {
  const province = home.province;
  if (!province) return hits;
  const named = new Set<string>();
  for (const h of hits) {
    const d = h.division;
    if (d && (d.level === 'province' || d.level === 'city' || d.level === 'county')) named.add(d.code);
  }
  const out: PlaceHit[] = [];
  let prev: PlaceHit | null = null;
  for (const h of hits) {
    const d = h.division;
    const far = d && d.level === 'town' && h.kind === 'full' && !d.code.startsWith(province);
    const chained = !!(
      prev &&
      prev.end === h.start &&
      prev.division &&
      d &&
      d.code.startsWith(prev.division.code)
    );
    // a far town that starts 乡村/镇村 (东方红乡村) or ends a word (部分乡镇 is no 分乡镇) is that word
    if (far && !chained && text && farTownIsWord(text, h)) {
      prev = h;
      continue;
    }
    if (far && !chained) {
      const towns = h.candidates.filter((c) => c.level === 'town');
      const backed = towns.find((c) => [6, 4, 2].some((n) => named.has(c.code.slice(0, n))));
      if (backed) h.division = backed;
      else if (new Set(towns.map((c) => c.code.slice(0, 2))).size >= GENERIC_SPREAD) {
        prev = h;
        continue;
      } else h.division = null;
    }
    out.push(h);
    prev = h;
  }
  return out;
}
