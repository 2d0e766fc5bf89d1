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
  const we = {
    区: count(text, '我区'),
    县: count(text, '我县') + count(text, '我旗'),
    市: count(text, '我市'),
  };
  const countyScore = new Map<string, number>();
  const cityScore = new Map<string, number>();
  const provinceScore = new Map<string, number>();
  const add = (m: Map<string, number>, code: string, w: number) => m.set(code, (m.get(code) ?? 0) + w);
  const starts = new Set(hits.map((h) => h.start));
  const voters = hits.filter((h) => !visitorsOrigin(text, h, starts));
  // the names of the page by province: a short form counts only beside another name of its province
  const provinces = new Map<string, Set<string>>();
  for (const h of voters)
    for (const c of h.candidates) {
      const p = c.code.slice(0, 2);
      if (!provinces.has(p)) provinces.set(p, new Set());
      provinces.get(p)!.add(h.written);
    }
  const corroborated = (h: PlaceHit, c: Division) => {
    if (h.kind !== 'short' || OWN_ORGAN.test(text.slice(h.end, h.end + 4))) return true;
    const names = provinces.get(c.code.slice(0, 2));
    return !!names && (names.size > 1 || !names.has(h.written));
  };
  // the destination of visitors (…来沭阳考察) is the home county
  for (const h of hits) {
    if (!visitorsDestination(text, h)) continue;
    for (const c of h.candidates) if (c.level === 'county') add(countyScore, c.code, 2 / h.candidates.length);
  }
  for (const h of voters) {
    const w = 1 / h.candidates.length; // ambiguous short forms share their vote
    for (const c of h.candidates) {
      // 振兴 in 乡村振兴, 台前 in 主席台前, 和政 in 党和政府: a word, not a county far away
      if (!corroborated(h, c)) continue;
      if (c.level === 'province') add(provinceScore, c.code, h.kind === 'short' ? w * 0.5 : w);
      else if (c.level === 'county') add(countyScore, c.code, w);
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
  // a page that names only its province (黑龙江省人大常委会…) is the province's
  const bestProvince = byScore(provinceScore)[0];
  if (bestProvince && bestProvince[1] >= 1 && !bestCounty && !bestCity)
    return gaz.byCode.get(bestProvince[0]) ?? null;
  return null;
}

/** 连江团县委, 沭阳县委: a short form before its own organ is the county itself. */
const OWN_ORGAN = /^团?[县市区旗](?:委|政府|人大|政协|纪委|领导)/;

const SENTENCE_END = new Uint8Array(65536);
for (const ch of '。;!?\n') SENTENCE_END[ch.charCodeAt(0)] = 1;
const LAI = '来'.charCodeAt(0);

/**
 * A place in the subject of a visit to the home county (河北省深泽县党政代表团来我县考察, 临沂市罗庄区…
 * 来沭阳考察) is the visitors' origin, not the paper's home.
 */
function visitorsOrigin(text: string, h: PlaceHit, starts: Set<number>): boolean {
  // by character codes: text[e] makes a string of each character read (80 per place mention)
  for (let e = h.end; e < text.length && e - h.end < 80 && !SENTENCE_END[text.charCodeAt(e)]; e++) {
    if (text.charCodeAt(e) !== LAI) continue;
    if (text[e + 1] === '我' && /[县市区旗镇乡]/.test(text[e + 2] ?? '')) return true;
    if (starts.has(e + 1) || (text[e + 1] === '到' && starts.has(e + 2))) return true;
  }
  return false;
}

/** 来沭阳考察, 来到沭阳调研: a visit's destination. */
function visitorsDestination(text: string, h: PlaceHit): boolean {
  return (
    /(?:来|来到)$/.test(text.slice(Math.max(0, h.start - 2), h.start)) &&
    /^(?:开展|进行)?(?:考察|调研|视察|参观|学习|交流|访问)/.test(text.slice(h.end, h.end + 4))
  );
}

function count(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}
