// Scanning for administrative place mentions: gazetteer names ending in a level suffix (航埠镇,
// 严村村), short forms of provinces, cities and home-province counties (浙江, 衢州, 开化), and, where
// the gazetteer lacks a place, a guess from its suffix when the context marks it as a place; then
// dropping the places that only start a company or institution name.
import { lexicon } from '../lexicon.ts';
import type { PlaceLevel } from '../types.ts';
import { pairKey, type Division, type Gazetteer } from './gazetteer.ts';

export interface PlaceHit {
  start: number;
  end: number;
  /** The name as written (永康, 航埠镇). */
  written: string;
  level: PlaceLevel;
  candidates: Division[];
  kind: 'full' | 'short' | 'guess';
  /** Resolved division, when the gazetteer knows it. */
  division?: Division | null;
}

const PLACES = lexicon().places;
/** Characters that end a full administrative name, as a lookup table by UTF-16 code. */
const SUFFIX_END = PLACES.suffixEnd;
const MAX_NAME = 12;

/** Gazetteer names that are also common nouns (小城镇, 开发区...): never matched. */
const GENERIC_NAMES = PLACES.genericNames;

/**
 * Gazetteer units that are parks and zones, not settlements (工业园区, 经济开发区, 高新区 ...): the
 * gazetteer lists some as town-level units, but in news they are projects and sites, never places.
 */
const ZONE_NAME = PLACES.zoneName;

/** Stems that make a level word generic (美丽乡村, 示范村, 争先社区), never a guessed place. */
const GENERIC_STEMS = PLACES.genericStems;

/** Words after a short form that show it is a road, company or institution name, not the place. */
const NOT_AFTER_SHORT = PLACES.notAfterShort;

/** Words before a guessed place that mark the start of a place name (any non-Chinese character does too). */
const GUESS_BEFORE = lexicon().placeWords.startsPlaceChars;
const GUESS_BEFORE2 = lexicon().placeWords.startsPlaceWords;

const WORD_AFTER_LEVEL = PLACES.joinsLevelWord;
/** Last characters of the suffixes a place may be guessed from (镇, 乡, 村, 区 of 社区 …). */
const GUESS_END = new Uint8Array(65536);
for (const { suffix } of PLACES.guessSuffixes) GUESS_END[suffix.charCodeAt(suffix.length - 1)] = 1;

/** Level from a name's suffix, for places the gazetteer lacks. */
export function levelFromSuffix(name: string): PlaceLevel | null {
  return PLACES.levelOfSuffix(name);
}

function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff;
}

export interface PlaceScanContext {
  gaz: Gazetteer;
  /** Villages and communities of the counties in scope, by written name. */
  villages: Map<string, Division[]>;
  /** Endings index of the village names (see Gazetteer.fullEndings). */
  villageEndings?: Map<number, number>;
  /** Codes of the home county's and city's own towns and villages whose names begin with a short form. */
  localStems?: { has(stem: string): boolean };
  /** Home county code: its villages need no delimiter before them. */
  homeCounty?: string;
}

/** All place mentions in text[from, to), non-overlapping, in text order. */
export function scanPlaces(text: string, from: number, to: number, ctx: PlaceScanContext): PlaceHit[] {
  const hits: PlaceHit[] = [];
  const { gaz, villages } = ctx;
  // 1. full names (and guesses) ending at a suffix character
  for (let i = from; i < to; i++) {
    if (!SUFFIX_END[text.charCodeAt(i)]) continue;
    const end = i + 1;
    let found: PlaceHit | null = null;
    const key = i > from ? pairKey(text, i - 1) : 0;
    const lengths = (gaz.fullEndings.get(key) ?? 0) | (ctx.villageEndings?.get(key) ?? 0);
    for (let len = Math.min(MAX_NAME, end - from); lengths && len >= 2; len--) {
      if (!(lengths & (1 << len))) continue;
      const name = text.slice(end - len, end);
      const v = villages.get(name);
      const f = gaz.full.get(name);
      if (!v && !f) continue;
      if (GENERIC_NAMES.has(name) || ZONE_NAME.test(name)) continue;
      if (!isCjk(name[0])) continue;
      const candidates = [...(f ?? []), ...(v ?? [])];
      // one-character stems (范镇) are only names when they start a word: not in 示范镇; the same
      // for villages of neighbouring counties (东乡村 in 余东乡村)
      const bounded = boundaryBefore(text, end - len, from, hits);
      if (len === 2 && !bounded) continue;
      if (!f && !bounded && !(v ?? []).some((d) => ctx.homeCounty && d.code.startsWith(ctx.homeCounty)))
        continue;
      found = { start: end - len, end, written: name, level: candidates[0]!.level, candidates, kind: 'full' };
      break;
    }
    if (!found && GUESS_END[text.charCodeAt(i)]) found = guess(text, from, end, hits);
    if (found && !isFalseVillage(text, found)) hits.push(found);
  }
  // 2. short forms (浙江, 衢州, 永康) not followed by a suffix, road or institution word
  for (let i = from; i < to - 1; i++) {
    if (!gaz.shortFirst[text.charCodeAt(i)]) continue;
    const lengths = gaz.shortPrefixes.get(pairKey(text, i));
    if (!lengths) continue;
    for (let len = 4; len >= 2; len--) {
      if (i + len > to || !(lengths & (1 << len))) continue;
      const s = text.slice(i, i + len);
      const cands = gaz.short.get(s);
      if (!cands) continue;
      const after = text.slice(i + len, i + len + 4);
      if (NOT_AFTER_SHORT.test(after)) continue;
      if (ctx.localStems?.has(s)) continue; // 山西 in a county that has a 山西村
      hits.push({
        start: i,
        end: i + len,
        written: s,
        level: cands[0]!.level,
        candidates: cands,
        kind: 'short',
      });
      i += len - 1;
      break;
    }
  }
  return dedupe(hits);
}

// 村民/村委 after a guessed village mean the 村 belongs to the next word, not to the name
function boundaryBefore(text: string, start: number, from: number, prior: PlaceHit[]): boolean {
  if (start === from) return true;
  const before = text[start - 1];
  if (before === undefined || !isCjk(before) || GUESS_BEFORE.has(before)) return true;
  const prev = prior[prior.length - 1];
  return (
    (prev !== undefined && prev.end === start) ||
    GUESS_BEFORE2.some((w) => text.startsWith(w, start - w.length))
  );
}

function isFalseVillage(text: string, h: PlaceHit): boolean {
  if (h.kind !== 'guess') return false;
  const next = text[h.end];
  return h.level === 'village' && next !== undefined && PLACES.cancelsVillageGuess.has(next);
}

function guess(text: string, from: number, end: number, prior: PlaceHit[]): PlaceHit | null {
  const tail = text.slice(Math.max(from, end - 3), end);
  const found = PLACES.guessSuffixes.find((s) => tail.endsWith(s.suffix));
  if (!found) return null;
  const { suffix, level } = found;
  for (const stemLen of [2, 3]) {
    const start = end - suffix.length - stemLen;
    if (start < from) continue;
    const stem = text.slice(start, end - suffix.length);
    if (![...stem].every(isCjk) || GENERIC_STEMS.has(stem) || GENERIC_STEMS.has(stem.slice(0, 1))) continue;
    if ([...stem].some((ch) => PLACES.notInStem.has(ch))) continue;
    // 余东乡村 = 余东 + 乡村, 搭建镇村 = 搭建 + 镇村: the level word belongs to the next word
    if ((suffix === '乡' || suffix === '镇') && WORD_AFTER_LEVEL.has(text[end] ?? '')) return null;
    const prev = prior[prior.length - 1];
    const chained =
      prev !== undefined && prev.end === start && prev.kind !== 'short' && rank(prev.level) < rank(level);
    const before = text[start - 1];
    const marked =
      start === from ||
      (before !== undefined && (GUESS_BEFORE.has(before) || !isCjk(before))) ||
      GUESS_BEFORE2.some((w) => text.startsWith(w, start - w.length));
    if (chained || (marked && stemLen === 2 && level !== 'village' && level !== 'community')) {
      return { start, end, written: stem + suffix, level, candidates: [], kind: 'guess' };
    }
  }
  return null;
}

const RANK: Record<PlaceLevel, number> = {
  province: 0,
  city: 1,
  county: 2,
  town: 3,
  village: 4,
  community: 4,
};
/** Province 0 … village 4: a lower rank encloses a higher one. */
export function rank(l: PlaceLevel): number {
  return RANK[l];
}

function dedupe(hits: PlaceHit[]): PlaceHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PlaceHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      if (h.end - h.start > last.end - last.start) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

const ORGS = lexicon().organisations;
/** Name endings of companies and institutions: a place name that starts one is not a mention. */
const INSTITUTION_END = ORGS.institution;
/** 中心 of a jurisdiction's own bodies (融媒体中心, 政务服务中心): offices of the place, kept. */
const OWN_CENTRE = ORGS.ownCentre;
/** Words that cannot sit inside an organisation name: they start a new clause (在X镇新建…中心). */
const NOT_IN_ORG = ORGS.notInName;

/**
 * Drops place mentions that only start the name of a company or institution (江西绿源食品有限公司,
 * 曲阜市三孔景区管理服务中心, 宁都县人民医院): the place is a brand or registration prefix there, and
 * the organisation is neither a place nor, in this engine, an office. Government and party bodies
 * of a jurisdiction (柯城区人民政府, 永康市委, 永康市融媒体中心, 狮岭村村委会) stay place mentions:
 * the body is the jurisdiction acting, and its holders' offices point at it (see holds).
 * Places chained before the dropped one (宁都县青塘镇卫生院) go with it.
 */
export function dropInstitutionPrefixes(text: string, hits: PlaceHit[]): PlaceHit[] {
  const drop = new Set<PlaceHit>();
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k]!;
    const next = hits[k + 1];
    // only the last place of a chain (宁都县青塘镇) starts the organisation's own words
    if (next && next.start === h.end) continue;
    const found = institutionEnd(text, h.end);
    if (!found) continue;
    const end = found.end;
    // a town or village before a facility locates it (坎田村文化广场, 青塘镇卫生院); before a
    // registered company (某某镇某某有限公司) it is a label like any other
    if ((h.level === 'town' || h.level === 'village' || h.level === 'community') && !found.company) continue;
    drop.add(h);
    for (let j = k - 1; j >= 0 && hits[j]!.end === hits[j + 1]!.start; j--) drop.add(hits[j]!);
    for (let j = k + 1; j < hits.length && hits[j]!.start < end; j++) drop.add(hits[j]!);
  }
  return drop.size ? hits.filter((h) => !drop.has(h)) : hits;
}

const COMPANY_END = ORGS.company;

/** End of an institution name whose own words start at `from` (company: a registered firm), or null. */
function institutionEnd(text: string, from: number): { end: number; company: boolean } | null {
  let e = from;
  while (e < text.length && e - from < 16 && isCjk(text[e])) e++;
  const run = text.slice(from, e);
  if (!run) return null;
  const m = INSTITUTION_END.exec(run);
  const best = m && !NOT_IN_ORG.test(run.slice(0, m.index)) ? from + m.index + m[0].length : -1;
  if (best >= 0) return { end: best, company: COMPANY_END.test(text.slice(from, best)) };
  // 中心: an institution unless it is one of the jurisdiction's own bodies
  const c = /^(.{1,12}?)中心/.exec(run);
  if (c && !NOT_IN_ORG.test(c[1]!) && !OWN_CENTRE.test(c[0]))
    return { end: from + c[0].length, company: false };
  return null;
}
