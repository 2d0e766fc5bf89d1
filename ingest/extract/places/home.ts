// The jurisdiction a page reports from: metadata first, then the masthead (永康日报, 中共永康市委主办),
// then the county most mentioned, preferring the level the page's "我区/我县/我市" points to.
import type { Division, Gazetteer } from './gazetteer.ts';
import { lexicon } from '../lexicon.ts';
import type { Home } from '../types.ts';
import type { PlaceHit } from './scan.ts';

export function homeFromDivision(d: Division, gaz: Gazetteer): Home {
  const home: Home = {};
  for (const a of gaz.ancestors(d.code)) {
    if (a.level === 'province') home.province = a.name;
    else if (a.level === 'city') home.city = a.name;
    else if (a.level === 'county') home.county = a.name;
  }
  if (!home.city && home.province && ['北京市', '天津市', '上海市', '重庆市'].includes(home.province)) {
    home.city = home.province;
  }
  return home;
}

const PAPER_STEM = new RegExp(`^(?:中共)?(.+?)(?:委主办|${lexicon().page.paperEnding})$`);

/** Division named by a masthead or a 主办 line: 永康日报 → 永康市, 衢州日报 → 衢州市. */
export function divisionFromPaper(paper: string, gaz: Gazetteer, hits: PlaceHit[]): Division | null {
  const m = PAPER_STEM.exec(paper);
  const stem = m ? m[1]! : paper;
  const cands = [...(gaz.full.get(stem) ?? []), ...(gaz.short.get(stem) ?? [])].filter(
    (d) => d.level === 'county' || d.level === 'city' || d.level === 'province',
  );
  if (!cands.length) return null;
  if (cands.length === 1) return cands[0]!;
  // ambiguous short form: the candidate whose province or city the page also mentions
  const score = (d: Division) =>
    hits.filter((h) => h.candidates.some((c) => c.code !== d.code && d.code.startsWith(c.code))).length;
  return [...cands].sort((a, b) => score(b) - score(a))[0]!;
}

/** Infers the home division from place mentions and the 我X self-references of the page. */
export function inferHome(text: string, hits: PlaceHit[], gaz: Gazetteer): Division | null {
  const we = { 区: count(text, '我区'), 县: count(text, '我县'), 市: count(text, '我市') };
  const countyScore = new Map<string, number>();
  const cityScore = new Map<string, number>();
  const add = (m: Map<string, number>, code: string, w: number) => m.set(code, (m.get(code) ?? 0) + w);
  for (const h of hits) {
    const w = 1 / h.candidates.length; // ambiguous short forms share their vote
    for (const c of h.candidates) {
      if (c.level === 'county') add(countyScore, c.code, w);
      else if (c.level === 'city') add(cityScore, c.code, w);
      // a full town name is stronger evidence than a short form; unique ones count fully
      else if (c.level === 'town' && c.parentCode)
        add(countyScore, c.parentCode, h.candidates.length === 1 ? 1 : w * 0.5);
    }
  }
  // a county mentioned with its city gets the city's support
  for (const [code, s] of countyScore) {
    const city = code.slice(0, 4);
    if (cityScore.has(city)) countyScore.set(code, s + 0.25 * cityScore.get(city)!);
  }
  const byScore = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  const counties = byScore(countyScore).filter(([code]) => {
    const d = gaz.byCode.get(code)!;
    const suffix = d.name.slice(-1);
    const dominant = Object.entries(we).sort((a, b) => b[1] - a[1])[0]!;
    return dominant[1] === 0 || suffix === dominant[0] || (dominant[0] === '县' && suffix === '旗');
  });
  const bestCounty = counties[0];
  const bestCity = byScore(cityScore)[0];
  if (bestCounty && bestCounty[1] >= 1) {
    const second = counties[1]?.[1] ?? 0;
    // a city paper mentions many of its counties evenly; a county paper mostly itself
    const cityDominates =
      bestCity && we.市 > 0 && bestCity[1] > 2 * bestCounty[1] && second > 0.5 * bestCounty[1];
    if (!cityDominates) return gaz.byCode.get(bestCounty[0]) ?? null;
  }
  if (bestCity && bestCity[1] >= 1) return gaz.byCode.get(bestCity[0]) ?? null;
  return null;
}

function count(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}
