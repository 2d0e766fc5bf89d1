// The place pass of a page, behind one entry point: the home jurisdiction (metadata, masthead, 主办
// line or the county the page mentions most) → the villages in scope (the home city's counties and
// those of towns the page names) → the scan for place mentions → the divisions they resolve to.
import { lexicon } from '../lexicon.ts';
import { EndingIndex } from '../pair-index.ts';
import type { Home } from '../types.ts';
import path from 'node:path';
import {
  getGazetteer,
  shortName,
  townAliases,
  townStem,
  type Division,
  type Gazetteer,
} from './gazetteer.ts';
import { divisionFromPaper, homeFromDivision, inferHome } from './home.ts';
import { homeCodes, resolvePlaces, settleFarPlaces, type HomeCodes } from './resolve.ts';
import { dropInstitutionPrefixes, dropMediaNames, scanPlaces, type PlaceHit } from './scan.ts';

export type { PlaceHit } from './scan.ts';

export interface PlaceOptions {
  /** The home given by metadata (manifest); empty or absent: inferred from the page. */
  home?: Home;
  /** The paper's name from metadata or the masthead (永康日报). */
  paper: string | null;
  /** Whether a mention may be kept (not inside a person's name or a byline). */
  keep: (h: PlaceHit) => boolean;
}

export interface PlacePass {
  home: Home;
  /** Place mentions in text order, each resolved to a division where the gazetteer knows it. */
  hits: PlaceHit[];
  /** The home county and city as a visit's destination (来我县, 来丽考察). */
  destination: HomeDestination;
}

/** The home county and city by code, with their names' short forms (丽水 for 丽水市). */
export interface HomeDestination {
  county?: string;
  countyName?: string;
  city?: string;
  countyShort?: string | null;
  cityShort?: string | null;
}

const NO_VILLAGES = new Map<string, Division[]>();
const ENDS_SHORT_FORM = lexicon().places.endsShortForm;
const ABBREVIATIONS = lexicon().places.abbreviations;

/** Home, scope, scan and resolve for the normalised text of a page. */
export function findPlaces(t: string, { home: given, paper, keep }: PlaceOptions): PlacePass {
  const gaz = getGazetteer();
  // home jurisdiction: metadata, masthead, or the county the page mentions most
  const prelim = dropInstitutionPrefixes(
    t,
    scanPlaces(t, 0, t.length, {
      gaz,
      villages: NO_VILLAGES,
      villageEndings: undefined,
      localStems: undefined,
      homeCounty: undefined,
      towns: undefined,
    }).filter(keep),
  );
  let home: Home = given && Object.keys(given).length ? { ...given } : {};
  if (!home.county && !home.city && !home.province) {
    const sponsor = /中共([\u4e00-\u9fff]{2,10}?)委主办/.exec(t.slice(0, 600));
    const byPaper =
      (paper && divisionFromPaper(paper, gaz, prelim)) ||
      (sponsor && divisionFromPaper(`${sponsor[1]}日报`, gaz, prelim)) ||
      inferHome(t, prelim, gaz);
    if (byPaper) home = homeFromDivision(byPaper, gaz);
  } else {
    home = completeHome(home, gaz);
  }
  const codes = homeCodes(home, gaz);
  const { villages, endings: villageEndings, towns } = villagesInScope(gaz, codes, prelim);
  const localStems = {
    has: (s: string) =>
      (villages.has(`${s}村`) || villages.has(`${s}社区`)) &&
      !(gaz.short.get(s) ?? []).some((d) => [codes.county, codes.city, codes.province].includes(d.code)),
  };
  const scanned = scanPlaces(t, 0, t.length, {
    gaz,
    villages,
    villageEndings,
    localStems,
    homeCounty: codes.county,
    towns,
  }).filter((h) => keep(h) && keepShort(h, codes, t));
  const kept = dropMediaNames(t, dropInstitutionPrefixes(t, scanned));
  resolvePlaces(kept, codes, t);
  const county = codes.county ? gaz.byCode.get(codes.county) : undefined;
  const city = codes.city ? gaz.byCode.get(codes.city) : undefined;
  const destination: HomeDestination = {
    county: county?.code,
    countyName: county?.name,
    city: city?.code,
    countyShort: county ? shortName(county.name, 'county') : null,
    cityShort: city ? shortName(city.name, 'city') : null,
  };
  return { home, hits: settleFarPlaces(kept, codes, t), destination };
}

/**
 * The name a place is listed under, as written: 黔东南州 (not 黔东南苗族侗族自治州), 贺村, 多宝街; a
 * short form that only drops the level suffix takes it back (永康 → 永康市).
 */
function writtenName(h: PlaceHit): string {
  const d = h.division;
  if (!d || d.name === h.written) return h.written;
  const addsSuffix =
    h.kind === 'short' &&
    d.name.length === h.written.length + 1 &&
    d.name.startsWith(h.written) &&
    /[省市县区]$/.test(d.name);
  return addsSuffix ? d.name : h.written;
}

/** One name per place of an item: the fullest written form of each division (宁夏回族自治区 over 宁夏). */
export function placeNames(hits: PlaceHit[]): (h: PlaceHit) => string {
  const best = new Map<string, string>();
  for (const h of hits) {
    if (!h.division) continue;
    const n = writtenName(h);
    const cur = best.get(h.division.code);
    if (!cur || n.length > cur.length) best.set(h.division.code, n);
  }
  return (h) => (h.division ? (best.get(h.division.code) ?? writtenName(h)) : h.written);
}

/**
 * Home from the folders a file sits in, nearest first, when no manifest says it: a folder named after
 * a division (潢川县, 衢州市) or a paper (永康日报).
 */
export function homeFromPath(file: string): Home | undefined {
  const gaz = getGazetteer();
  let dir = path.dirname(path.resolve(file));
  for (let k = 0; k < 4 && dir !== path.dirname(dir); k++, dir = path.dirname(dir)) {
    const name = path.basename(dir).normalize('NFC');
    if (!/^[\u4e00-\u9fff]{2,12}$/.test(name)) continue;
    const exact = (gaz.full.get(name) ?? []).filter((d) => d.level !== 'town');
    const d = exact.length === 1 ? exact[0]! : PAPER.test(name) ? divisionFromPaper(name, gaz, []) : null;
    if (d) return homeFromDivision(d, gaz);
  }
  return undefined;
}
const PAPER = new RegExp(`${lexicon().page.paperEnding}$`);

function completeHome(home: Home, gaz: Gazetteer): Home {
  const codes = homeCodes(home, gaz);
  const code = codes.county ?? codes.city ?? codes.province;
  const d = code ? gaz.byCode.get(code) : undefined;
  return d ? { ...homeFromDivision(d, gaz), ...home } : home;
}

interface VillageScope {
  /** Villages and communities by written name, with the other written forms of the towns in scope. */
  villages: Map<string, Division[]>;
  endings: EndingIndex;
  /** Towns in scope by their stem (河庄坪 → 河庄坪镇). */
  towns: Map<string, Division[]>;
}

// counties whose villages may be named: the home city's, and those of towns the page names
function villagesInScope(gaz: Gazetteer, codes: HomeCodes, prelim: PlaceHit[]): VillageScope {
  const counties = new Set<string>();
  const scope = codes.city ?? codes.county ?? null;
  if (scope) for (const c of gaz.countiesUnder(scope)) counties.add(c.code);
  if (codes.county) counties.add(codes.county);
  const province = codes.province;
  for (const h of prelim) {
    if (h.level !== 'town' || h.candidates.length !== 1) continue;
    const c = h.candidates[0]!;
    if (province && c.code.startsWith(province) && c.parentCode) counties.add(c.parentCode);
  }
  const key = [...counties].sort().join(',');
  const cached = scopeCache.get(key);
  if (cached) return cached;
  const villages = new Map<string, Division[]>();
  const endings = new EndingIndex(12);
  const towns = new Map<string, Division[]>();
  const add = (m: Map<string, Division[]>, name: string, list: Division[]) => {
    const cur = m.get(name);
    m.set(name, cur ? [...cur, ...list] : list);
  };
  for (const county of counties) {
    for (const [name, list] of gaz.villages(county)) {
      add(villages, name, list);
      endings.add(name);
    }
  }
  for (const county of counties) {
    // 西乌旗 for 西乌珠穆沁旗, 科右前旗 for 科尔沁右翼前旗: counties in scope by their usual abbreviation
    const d = gaz.byCode.get(county);
    for (const abbr of (d && ABBREVIATIONS.get(d.name)) || []) {
      add(villages, abbr, [d!]);
      endings.add(abbr);
    }
    for (const t of gaz.townsByCounty.get(county) ?? []) {
      // 石围塘街 for 石围塘街道, 岳村乡 for 岳村街道: spellings the gazetteer does not have
      for (const alias of townAliases(t.name)) {
        if (gaz.full.has(alias)) continue;
        add(villages, alias, [t]);
        endings.add(alias);
      }
      const stem = townStem(t.name);
      if (!stem) continue;
      add(towns, stem, [t]);
      // 在桐村, where 桐村 is a village and the stem of 桐村镇: the town, the higher unit, is meant
      if (villages.has(stem)) add(villages, stem, [t]);
    }
  }
  if (scopeCache.size > 64) scopeCache.clear();
  const out = { villages, endings, towns };
  scopeCache.set(key, out);
  return out;
}
const scopeCache = new Map<string, VillageScope>();

// short forms: provinces and cities anywhere; counties only within the home province.
// Outside the home province a short form must end a word (四平 in 四平台 is not 四平市).
function keepShort(h: PlaceHit, codes: HomeCodes, text: string): boolean {
  if (h.kind !== 'short') return true;
  // no named closure: this runs for every short form, and under tsx a named closure costs a call
  const province = codes.province;
  h.candidates = h.candidates.filter(
    (d) => d.level !== 'county' || (!!province && d.code.startsWith(province)),
  );
  if (!h.candidates.length) return false;
  if (h.candidates.some((d) => !!province && d.code.startsWith(province))) return true;
  const next = text[h.end];
  return next === undefined || !/[\u4e00-\u9fff]/.test(next) || ENDS_SHORT_FORM.has(next);
}
