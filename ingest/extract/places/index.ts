// The place pass of a page, behind one entry point: the home jurisdiction (metadata, masthead, 主办
// line or the county the page mentions most) → the villages in scope (the home city's counties and
// those of towns the page names) → the scan for place mentions → the divisions they resolve to.
import { lexicon } from '../lexicon.ts';
import type { Home } from '../types.ts';
import { addEnding, getGazetteer, type Division, type Gazetteer } from './gazetteer.ts';
import { divisionFromPaper, homeFromDivision, inferHome } from './home.ts';
import { homeCodes, resolvePlaces, settleFarPlaces, type HomeCodes } from './resolve.ts';
import { dropInstitutionPrefixes, scanPlaces, type PlaceHit } from './scan.ts';

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
}

const NO_VILLAGES = new Map<string, Division[]>();
const ENDS_SHORT_FORM = lexicon().places.endsShortForm;

/** Home, scope, scan and resolve for the normalised text of a page. */
export function findPlaces(t: string, { home: given, paper, keep }: PlaceOptions): PlacePass {
  const gaz = getGazetteer();
  // home jurisdiction: metadata, masthead, or the county the page mentions most
  const prelim = dropInstitutionPrefixes(
    t,
    scanPlaces(t, 0, t.length, { gaz, villages: NO_VILLAGES }).filter(keep),
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
  const { villages, endings: villageEndings } = villagesInScope(gaz, codes, prelim);
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
  }).filter((h) => keep(h) && keepShort(h, codes, t));
  const kept = dropInstitutionPrefixes(t, scanned);
  resolvePlaces(kept, codes);
  return { home, hits: settleFarPlaces(kept, codes) };
}

function completeHome(home: Home, gaz: Gazetteer): Home {
  const codes = homeCodes(home, gaz);
  const code = codes.county ?? codes.city ?? codes.province;
  const d = code ? gaz.byCode.get(code) : undefined;
  return d ? { ...homeFromDivision(d, gaz), ...home } : home;
}

interface VillageScope {
  villages: Map<string, Division[]>;
  endings: Map<number, number>;
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
  const endings = new Map<number, number>();
  for (const county of counties) {
    for (const [name, list] of gaz.villages(county)) {
      const cur = villages.get(name);
      villages.set(name, cur ? [...cur, ...list] : list);
      addEnding(endings, name);
    }
  }
  if (scopeCache.size > 64) scopeCache.clear();
  const out = { villages, endings };
  scopeCache.set(key, out);
  return out;
}
const scopeCache = new Map<string, VillageScope>();

// short forms: provinces and cities anywhere; counties only within the home province.
// Outside the home province a short form must end a word (四平 in 四平台 is not 四平市).
function keepShort(h: PlaceHit, codes: HomeCodes, text: string): boolean {
  if (h.kind !== 'short') return true;
  const inHome = (d: Division) => !!codes.province && d.code.startsWith(codes.province);
  h.candidates = h.candidates.filter((d) => d.level !== 'county' || inHome(d));
  if (!h.candidates.length) return false;
  if (h.candidates.some(inHome)) return true;
  const next = text[h.end];
  return next === undefined || !/[\u4e00-\u9fff]/.test(next) || ENDS_SHORT_FORM.has(next);
}
