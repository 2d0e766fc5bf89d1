// Administrative place mentions: gazetteer names ending in a level suffix (航埠镇, 严村村), short
// forms of provinces, cities and home-province counties (浙江, 衢州, 开化), and, where the
// gazetteer lacks a place, a guess from its suffix when the context marks it as a place.
import { pairKey, type Division, type Gazetteer } from './gazetteer.ts';
import type { Home, PlaceLevel } from './types.ts';

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

/** Characters that end a full administrative name, as a lookup table by UTF-16 code. */
const SUFFIX_END = new Uint8Array(65536);
for (const ch of '省市州盟县区旗镇乡道处村木') SUFFIX_END[ch.charCodeAt(0)] = 1;
const MAX_NAME = 12;

/** Gazetteer names that are also common nouns (小城镇, 开发区...): never matched. */
const GENERIC_NAMES = new Set([
  '小城镇',
  '中心镇',
  '街道',
  '城区',
  '开发区',
  '高新区',
  '新区',
  '社区',
  '未来社区',
  '新农村',
  '城中村',
  '山村',
  '乡村',
  '城镇',
  '集镇',
  '古镇',
  '新镇',
  '老街',
  '园区',
  '工业区',
  '强村',
  '富村',
  '文明村',
  '县城',
  '都市',
]);

/** Stems that make a level word generic (美丽乡村, 示范村, 争先社区), never a guessed place. */
const GENERIC_STEMS = new Set([
  '美丽',
  '未来',
  '现代',
  '争先',
  '示范',
  '中心',
  '特色',
  '文明',
  '和谐',
  '平安',
  '智慧',
  '数字',
  '幸福',
  '先进',
  '模范',
  '星级',
  '精品',
  '生态',
  '老旧',
  '城中',
  '新型',
  '农村',
  '城市',
  '试点',
  '重点',
  '历史',
  '文化',
  '名镇',
  '强镇',
  '卫生',
  '教育',
  '旅游',
  '共富',
  '红色',
  '绿色',
  '善治',
  '法治',
  '整洁',
  '无废',
  '森林',
  '园林',
  '样板',
  '小城',
  '城乡',
  '乡镇',
  '镇村',
  '村社',
  '全域',
  '所在',
  '各个',
  '周边',
  '附近',
  '当地',
  '本地',
  '外地',
  '邻近',
  '该',
  '各',
  '全',
  '本',
  '每',
  '一个',
  '两个',
  '多个',
  '这个',
  '那个',
  '此',
  '某',
  '新',
  '老',
  '大',
  '小',
  '村镇',
  '属地',
  '所属',
  '辖区',
  '各地',
  '基层',
  '偏远',
  '边远',
  '贫困',
  '山区',
  '沿海',
  '沿江',
  '城郊',
  '近郊',
  '远郊',
  '街镇',
  '一般',
  '重要',
  '明星',
  '网红',
  '宜居',
  '宜业',
  '魅力',
  '活力',
  '品质',
  '田园',
  '古村',
  '传统',
  '少数民族',
]);

/** Words after a short form that show it is a road, company or institution name, not the place. */
const NOT_AFTER_SHORT =
  /^(?:路|街|大道|大街|巷|弄|桥|大桥|隧道|公园|广场|小区|花园|大厦|中心|酒店|宾馆|饭店|银行|公司|集团|有限|学院|大学|中学|小学|医院|站|港|机场|高速|湾|湖|江|河|山|村|镇|乡|社区|县|区|市|省|街道|人$)/;

/** Characters before a guessed place that mark the start of a place name. */
const GUESS_BEFORE = new Set('在到赴至于从和与及、,.:;(“" \n到往'.split(''));
const GUESS_BEFORE2 = [
  '来到',
  '前往',
  '走进',
  '深入',
  '位于',
  '地处',
  '开进',
  '驻扎',
  '走访',
  '调研',
  '视察',
  '考察',
];

const WORD_AFTER_LEVEL = new Set('村贤镇愁亲风土里情音邻野域街长干级'.split(''));

const LEVEL_OF_SUFFIX: [RegExp, PlaceLevel][] = [
  [/(社区|居委会)$/, 'community'],
  [/村$/, 'village'],
  [/(镇|乡|街道|办事处|苏木)$/, 'town'],
  [/(县|区|旗)$/, 'county'],
  [/(州|盟|地区)$/, 'city'],
  [/省$/, 'province'],
];

/** Level from a name's suffix, for places the gazetteer lacks. */
export function levelFromSuffix(name: string): PlaceLevel | null {
  for (const [re, level] of LEVEL_OF_SUFFIX) if (re.test(name)) return level;
  if (name.endsWith('市')) return 'city';
  return null;
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
  localStems?: Set<string>;
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
      if (GENERIC_NAMES.has(name)) continue;
      const v = villages.get(name);
      const f = gaz.full.get(name);
      if (!v && !f) continue;
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
    if (!found) found = guess(text, from, end, hits);
    if (found && !isFalseVillage(text, found)) hits.push(found);
  }
  // 2. short forms (浙江, 衢州, 永康) not followed by a suffix, road or institution word
  for (let i = from; i < to - 1; i++) {
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
  return h.level === 'village' && next !== undefined && '民庄落级播集里干务委'.includes(next);
}

function guess(text: string, from: number, end: number, prior: PlaceHit[]): PlaceHit | null {
  const tail = text.slice(Math.max(from, end - 3), end);
  let suffix = '';
  for (const s of ['办事处', '街道', '社区', '镇', '乡', '村']) {
    if (tail.endsWith(s)) {
      suffix = s;
      break;
    }
  }
  if (!suffix) return null;
  const level = levelFromSuffix(suffix)!;
  for (const stemLen of [2, 3]) {
    const start = end - suffix.length - stemLen;
    if (start < from) continue;
    const stem = text.slice(start, end - suffix.length);
    if (![...stem].every(isCjk) || GENERIC_STEMS.has(stem) || GENERIC_STEMS.has(stem.slice(0, 1))) continue;
    if (/[的了在和与及等是有个们这那其乡镇村区县市省名位多千百万几]/.test(stem)) continue;
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
function rank(l: PlaceLevel): number {
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

/** Picks each hit's division: the enclosing place written just before it, then the home area. */
export function resolvePlaces(hits: PlaceHit[], home: HomeCodes): void {
  let prev: PlaceHit | null = null;
  for (const h of hits) {
    if (!h.candidates.length) {
      h.division = null;
    } else {
      const parent = prev && prev.end === h.start && prev.division ? prev.division.code : null;
      h.division = pick(h.candidates, parent, home);
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
