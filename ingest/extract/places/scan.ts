// Scanning for administrative place mentions: gazetteer names ending in a level suffix (航埠镇,
// 严村村), short forms of provinces, cities and home-province counties (浙江, 衢州, 开化), and, where
// the gazetteer lacks a place, a guess from its suffix when the context marks it as a place; then
// dropping the places that only start a company or institution name.
import { lexicon } from '../lexicon.ts';
import { pairKey, type EndingIndex } from '../pair-index.ts';
import type { PlaceLevel } from '../types.ts';
import type { Division, Gazetteer } from './gazetteer.ts';

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
/** The same words by their last character: one lookup instead of a search through every word. */
const GUESS_BEFORE2_BY_LAST = new Map<string, string[]>();
for (const w of GUESS_BEFORE2) {
  const last = w[w.length - 1]!;
  GUESS_BEFORE2_BY_LAST.set(last, [...(GUESS_BEFORE2_BY_LAST.get(last) ?? []), w]);
}
const GUESS_BEFORE2_LONGEST = Math.max(0, ...GUESS_BEFORE2.map((w) => w.length));

const WORD_AFTER_LEVEL = PLACES.joinsLevelWord;
/** Last characters of the suffixes a place may be guessed from (镇, 乡, 村, 区 of 社区 …). */
const GUESS_END = new Uint8Array(65536);
for (const { suffix } of PLACES.guessSuffixes) GUESS_END[suffix.charCodeAt(suffix.length - 1)] = 1;
const PLACE_WORDS = lexicon().placeWords;

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
  villageEndings?: EndingIndex;
  /** Codes of the home county's and city's own towns and villages whose names begin with a short form. */
  localStems?: { has(stem: string): boolean };
  /** Home county code: its villages need no delimiter before them. */
  homeCounty?: string;
  /** Towns of the counties in scope by stem (河庄坪 → 河庄坪镇). */
  towns?: Map<string, Division[]>;
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
    // each map is asked only for the lengths its own names have (a name is in a map only with its
    // ending indexed); without a village index every length is asked of the villages
    const fullLengths = gaz.fullEndings.endingAt(text, end, from);
    const villageLengths = ctx.villageEndings ? ctx.villageEndings.endingAt(text, end, from) : ~0;
    const lengths = fullLengths | (ctx.villageEndings ? villageLengths : 0);
    for (let len = Math.min(MAX_NAME, end - from); lengths && len >= 2; len--) {
      const bit = 1 << len;
      if (!(lengths & bit)) continue;
      const name = text.slice(end - len, end);
      const v = villageLengths & bit ? villages.get(name) : undefined;
      const f = fullLengths & bit ? gaz.full.get(name) : undefined;
      if (!v && !f) continue;
      if (GENERIC_NAMES.has(name) || ZONE_NAME.test(name)) continue;
      if (!isCjk(name[0])) continue;
      const candidates = [...(f ?? []), ...(v ?? [])];
      // one-character stems (范镇) are only names when they start a word: not in 示范镇; the same
      // for villages of neighbouring counties (东乡村 in 余东乡村)
      const bounded = boundaryBefore(text, end - len, from, hits);
      // ... except the home county's own two-character name (澧县, 沙县)
      if (len === 2 && !bounded && !candidates.some((d) => d.code === ctx.homeCounty)) continue;
      if (!f && !bounded && !(v ?? []).some((d) => ctx.homeCounty && d.code.startsWith(ctx.homeCounty)))
        continue;
      if (notThisPlace(text, name, end, f, candidates)) continue;
      // 筠门岭镇东西街居委会: the gazetteer's 西街居委会 is the end of the village the chain names
      const prev = hits[hits.length - 1];
      if (!f && !bounded && prev && prev.end < end - len && prev.end >= end - len - 2) {
        const gap = text.slice(prev.end, end - len);
        if ([...gap].every((ch) => isCjk(ch) && !'和及与、'.includes(ch))) {
          const level = candidates[0]!.level;
          found = {
            start: prev.end,
            end,
            written: text.slice(prev.end, end),
            level,
            candidates: [],
            kind: 'guess',
          };
          break;
        }
      }
      found = { start: end - len, end, written: name, level: candidates[0]!.level, candidates, kind: 'full' };
      break;
    }
    if (!found && GUESS_END[text.charCodeAt(i)]) found = guess(text, from, end, hits, gaz);
    if (found && !isFalseVillage(text, found)) hits.push(found);
  }
  if (ctx.towns?.size) townsBeforeVillages(text, from, hits, ctx.towns);
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
      // 黔东南州, 延边州: an autonomous prefecture written with 州 keeps it
      const zhou = text[i + len] === '州' && cands.some((d) => d.name.endsWith('自治州')) ? 1 : 0;
      hits.push({
        start: i,
        end: i + len + zhou,
        written: text.slice(i, i + len + zhou),
        level: cands[0]!.level,
        candidates: cands,
        kind: 'short',
      });
      i += len + zhou - 1;
      break;
    }
  }
  sharedSuffixLists(text, from, to, hits, ctx);
  return dedupe(hits);
}

/**
 * A gazetteer name that is not this place here: 代县 in 代县长 (an acting county head), a village
 * 岳村 in 岳村乡, a town written otherwise (海安乡 for 海安街道) in 海安乡村振兴.
 */
function notThisPlace(
  text: string,
  name: string,
  end: number,
  f: Division[] | undefined,
  cands: Division[],
): boolean {
  if (name.length === 2 && text[end] === '长' && cands.every((d) => d.level !== 'village')) return true;
  if (f) return false;
  if (/^(?:乡|镇|街道)/.test(text.slice(end, end + 2))) return true;
  return (
    /[乡镇]$/.test(name) &&
    WORD_AFTER_LEVEL.has(text[end] ?? '') &&
    cands.every((d) => d.level === 'town' && d.name !== name)
  );
}

/** A town written without its level word right before one of its villages (河庄坪赵家岸村). */
function townsBeforeVillages(
  text: string,
  from: number,
  hits: PlaceHit[],
  towns: Map<string, Division[]>,
): void {
  for (let k = hits.length - 1; k >= 0; k--) {
    const h = hits[k]!;
    if (h.kind !== 'full' || (h.level !== 'village' && h.level !== 'community')) continue;
    if (hits[k - 1]?.end === h.start) continue;
    for (const len of [4, 3, 2]) {
      const s0 = h.start - len;
      if (s0 < from) continue;
      const own = towns
        .get(text.slice(s0, h.start))
        ?.filter((t) => h.candidates.some((v) => v.parentCode === t.code));
      if (!own?.length) continue;
      h.candidates = h.candidates.filter((v) => own.some((t) => v.parentCode === t.code));
      // pushed at the end: dedupe sorts the hits (no splice, so a long page stays linear)
      hits.push({
        start: s0,
        end: h.start,
        written: text.slice(s0, h.start),
        level: 'town',
        candidates: own,
        kind: 'full',
      });
      break;
    }
  }
}

/** The level words a list of bare names shares (舞泉、辛安等乡镇, 外坡、新屋两条村, 安村、前卫等镇街). */
const SHARED_LEVEL = /^(?:等|[两二三四五六七八九十几]+[个条])(乡镇|镇街|街镇|街道|镇|乡|村|社区|嘎查|苏木)/;

/**
 * Names written once before a level word they share: each is a place of that level, with its code
 * when a town or village in scope has that stem; a name already written in full before (石东村 …
 * 石东、隔背等村) is that place. The list is read backwards from the shared word.
 */
function sharedSuffixLists(
  text: string,
  from: number,
  to: number,
  hits: PlaceHit[],
  ctx: PlaceScanContext,
): void {
  // the first hit of each written name, built on first need: a list may name a place written before
  let named: Map<string, PlaceHit> | null = null;
  const byName = () => {
    if (!named) {
      named = new Map();
      for (const h of hits) if (!named.has(h.written)) named.set(h.written, h);
    }
    return named;
  };
  for (let i = text.indexOf('、', from); i >= 0 && i < to; i = text.indexOf('、', i + 1)) {
    // the last item of a list: 2-3 characters after the 、, then the shared word
    let m: RegExpExecArray | null = null;
    let lastEnd = -1;
    for (const len of [2, 3]) {
      m = SHARED_LEVEL.exec(text.slice(i + 1 + len, i + 1 + len + 6));
      if (m && [...text.slice(i + 1, i + 1 + len)].every(isCjk)) {
        lastEnd = i + 1 + len;
        break;
      }
      m = null;
    }
    if (!m) continue;
    if (/[级民委干务长]/.test(text[lastEnd + m[0].length] ?? '')) continue;
    const suffix = m[1]!;
    const level: PlaceLevel = /村|嘎查/.test(suffix) ? 'village' : suffix === '社区' ? 'community' : 'town';
    // items backwards: 、-separated runs of 2-3 characters; the first may follow a movement verb
    const items: { start: number; end: number }[] = [{ start: i + 1, end: lastEnd }];
    let sep = i;
    let first: { start: number; end: number } | null = null;
    for (;;) {
      let k = sep;
      while (k > from && isCjk(text[k - 1]) && sep - k < 9) k--;
      const run = text.slice(k, sep);
      if (text[k - 1] === '、' && run.length >= 2 && run.length <= 3) {
        items.unshift({ start: k, end: sep });
        sep = k - 1;
        continue;
      }
      const opener = PLACE_WORDS.opensStops.find((w) => runOpens(run, w));
      if (opener) {
        const rest = run.length - run.lastIndexOf(opener) - opener.length;
        first = { start: sep - rest, end: sep };
      } else if (run.length >= 2 && run.length <= 3 && (k === from || !isCjk(text[k - 1]))) {
        first = { start: k, end: sep };
      }
      break;
    }
    if (!first) continue;
    items.unshift(first);
    const listed: PlaceHit[] = [];
    for (const it of items) {
      const item = text.slice(it.start, it.end);
      if (GENERIC_STEMS.has(item) || PLACES.notPlaceStems.has(item)) {
        listed.length = 0;
        break;
      }
      const full =
        level === 'town'
          ? [`${item}镇`, `${item}乡`, `${item}街道`, `${item}苏木`]
          : level === 'village'
            ? [`${item}村`, `${item}嘎查`]
            : [`${item}社区`];
      const earlier = full.map((n) => byName().get(n)).find((h) => h && h.end <= it.start);
      const cands =
        level === 'town' ? (ctx.towns?.get(item) ?? []) : full.flatMap((n) => ctx.villages.get(n) ?? []);
      listed.push({
        start: it.start,
        end: it.end,
        written: earlier ? earlier.written : item,
        level,
        candidates: earlier ? earlier.candidates : cands,
        kind: earlier ? earlier.kind : cands.length ? 'full' : 'guess',
      });
    }
    if (listed.length >= 2) hits.push(...listed);
    i = lastEnd;
  }
}

/** Whether a list opener word ends `run` just before its last 2-3 characters (分别深入舞泉). */
function runOpens(run: string, w: string): boolean {
  const at = run.lastIndexOf(w);
  if (at < 0) return false;
  const rest = run.length - at - w.length;
  return rest >= 2 && rest <= 3;
}

// 村民/村委 after a guessed village mean the 村 belongs to the next word, not to the name
function boundaryBefore(text: string, start: number, from: number, prior: PlaceHit[]): boolean {
  if (start === from) return true;
  const prev = prior[prior.length - 1];
  return (prev !== undefined && prev.end === start) || startsWord(text, start);
}

/** Whether a name may start at `start`: after a non-Chinese character, a place marker or a marker word. */
export function startsWord(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === undefined || !isCjk(before) || GUESS_BEFORE.has(before)) return true;
  return afterMarkerWord(text, start);
}

/** A marker word (来到, 深入, 参观 …) right before `start`, or with 了 between (参观了). */
function afterMarkerWord(text: string, start: number): boolean {
  const at = text[start - 1] === '了' ? start - 1 : start;
  // near the start of the text startsWith clamps a negative position to 0: the plain search there
  if (at < GUESS_BEFORE2_LONGEST) return GUESS_BEFORE2.some((w) => text.startsWith(w, at - w.length));
  const words = GUESS_BEFORE2_BY_LAST.get(text[at - 1]!);
  return !!words && words.some((w) => text.startsWith(w, at - w.length));
}

/** A word that opens a list of stops (来到, 参观了, 到) right before `start`, and is no other word (得到). */
function afterStopOpener(text: string, start: number): boolean {
  const at = text[start - 1] === '了' ? start - 1 : start;
  const w = PLACE_WORDS.opensStops.find((o) => text.startsWith(o, at - o.length));
  return !!w && !PLACE_WORDS.notMarkers.some((n) => n.length > w.length && text.startsWith(n, at - n.length));
}

/** Whether text[from, to) lies inside one clause of a list (no clause break, not too long). */
function sameClause(text: string, from: number, to: number): boolean {
  if (to - from > 60) return false;
  for (let i = from; i < to; i++) if (',;。:!?\n'.includes(text[i]!)) return false;
  return true;
}

function isFalseVillage(text: string, h: PlaceHit): boolean {
  if (h.kind !== 'guess') return false;
  const next = text[h.end];
  return h.level === 'village' && next !== undefined && PLACES.cancelsVillageGuess.has(next);
}

/** Whether every code unit of s is a CJK character (as [...s].every(isCjk): a surrogate is none). */
function allCjk(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return true;
}

/** A character that is never inside a guessed stem (村 only at its end, before a town's or community's word). */
function notInStem(stem: string, suffix: string): boolean {
  for (let k = 0; k < stem.length; k++) {
    const ch = stem[k]!;
    if (PLACES.notInStem.has(ch) && !(ch === '村' && k === stem.length - 1 && suffix !== '村')) return true;
  }
  return false;
}

function guess(text: string, from: number, end: number, prior: PlaceHit[], gaz: Gazetteer): PlaceHit | null {
  const tail = text.slice(Math.max(from, end - 3), end);
  const found = PLACES.guessSuffixes.find((s) => tail.endsWith(s.suffix));
  if (!found) return null;
  const { suffix, level } = found;
  for (const stemLen of [2, 3, 4]) {
    const start = end - suffix.length - stemLen;
    if (start < from) continue;
    const stem = text.slice(start, end - suffix.length);
    if (!allCjk(stem) || GENERIC_STEMS.has(stem) || PLACES.notPlaceStems.has(stem.slice(0, 2))) continue;
    // one-character generic openers (各, 全, 该 …); 新 opens real names (新屋村, 新安镇) unless a verb follows
    if (GENERIC_STEMS.has(stem.slice(0, 1)) && !NEW_NAME.test(stem)) continue;
    // 村 inside a stem only at its end, before a town's or community's level word (固村镇, 贺村社区)
    if (notInStem(stem, suffix)) continue;
    // 余东乡村 = 余东 + 乡村, 搭建镇村 = 搭建 + 镇村: the level word belongs to the next word
    if ((suffix === '乡' || suffix === '镇') && WORD_AFTER_LEVEL.has(text[end] ?? '')) return null;
    // 委新农村 (省委新农村建设) ends in a generic word; 长治武乡 ends in a county's short form (武乡)
    if (endsWithGeneric(stem + suffix, suffix) || endsWithShort(text, start, end, gaz)) return null;
    const prev = prior[prior.length - 1];
    const chained =
      prev !== undefined && prev.end === start && prev.kind !== 'short' && rank(prev.level) < rank(level);
    const before = text[start - 1];
    const marked =
      start === from ||
      (before !== undefined && (GUESS_BEFORE.has(before) || !isCjk(before))) ||
      afterMarkerWord(text, start);
    // after a movement verb, or inside a list of places (inPlaceList), villages and longer stems are names too
    // a four-character stem only right after its town (三交镇枣圪公式村, 吉仁高勒镇扎嘎斯台嘎查)
    if (stemLen === 4 && !(chained && prev!.level === 'town')) continue;
    if (
      chained ||
      (marked &&
        ((stemLen === 2 && level !== 'village' && level !== 'community') || inPlaceList(text, start, prev)))
    )
      return { start, end, written: stem + suffix, level, candidates: [], kind: 'guess' };
  }
  return null;
}

/** After a movement verb, or inside a list of places (、和及 after a place of the same clause). */
function inPlaceList(text: string, start: number, prev: PlaceHit | undefined): boolean {
  const before = text[start - 1];
  return (
    afterStopOpener(text, start) ||
    ('、和及'.includes(before ?? '') &&
      prev !== undefined &&
      prev.kind !== 'short' &&
      sameClause(text, prev.end, start))
  );
}

/** 新 starting a name, not the verb 新建/新增/新设… or 新农村. */
const NEW_NAME = /^新(?![建增设开修农])/;

/** Whether the name ends in a generic word that reaches two characters into its stem (委新农村: 新农村). */
function endsWithGeneric(name: string, suffix: string): boolean {
  for (let k = 1; k < name.length - suffix.length - 1; k++) {
    const tail = name.slice(k);
    if (GENERIC_NAMES.has(tail) || GENERIC_STEMS.has(tail)) return true;
  }
  return false;
}

/** Whether text[start, end) ends with a county's or city's short form longer than one character. */
function endsWithShort(text: string, start: number, end: number, gaz: Gazetteer): boolean {
  for (let k = start + 1; k <= end - 2; k++) if (gaz.short.has(text.slice(k, end))) return true;
  return false;
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
    // registered company (某某镇某某有限公司) it is a label like any other; a guessed name before a
    // facility is the facility's own (民康社区康复中心)
    if (
      (h.level === 'town' || h.level === 'village' || h.level === 'community') &&
      !found.company &&
      h.kind !== 'guess'
    )
      continue;
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
  // a project or base named after the place (联航飞机制造项目, 尤溪西互通), not 重点项目
  const p = PLACES.projectEnding.exec(run);
  if (
    p &&
    p.index + p[0].length >= 3 &&
    !PLACES.genericProject.test(run) &&
    !NOT_IN_ORG.test(run.slice(0, p.index))
  )
    return { end: from + p.index + p[0].length, company: false };
  // 中心: an institution unless it is one of the jurisdiction's own bodies
  const c = /^(.{1,12}?)中心/.exec(run);
  if (c && !NOT_IN_ORG.test(c[1]!) && !OWN_CENTRE.test(c[0]))
    return { end: from + c[0].length, company: false };
  return null;
}

/**
 * Drops places that are part of an outlet's name (中国江苏网, 江苏在线, 宁夏人大网, 新华社湖北分社,
 * 重庆晨报记者): the place names the medium there. The last place of a chain decides.
 */
export function dropMediaNames(text: string, hits: PlaceHit[]): PlaceHit[] {
  return hits.filter((h, k) => {
    const next = hits[k + 1];
    return (next && next.start === h.end) || !PLACES.mediaAfter.test(text.slice(h.end, h.end + 8));
  });
}
