// Offices behind positions, qualified by jurisdiction: in a 永康 paper 市委书记 → 永康市委;
// in a 柯城 paper 区长 → 柯城区人民政府, 市委副书记 → 衢州市委; 省经信厅 → 浙江省经济和信息化厅.
import { lexicon } from './lexicon.ts';
import type { Home } from './types.ts';

const TITLES = lexicon().titles;
const ORGS = lexicon().organisations;
/** Known abbreviations of departments (the 省/市/县 prefix is added from the jurisdiction). */
const ABBREVIATIONS = ORGS.abbreviations;
/** Titles that name a role, not an office (县领导, 专职网格员, 普通干部). */
const ROLE_ONLY = TITLES.roleOnly;

/** Whether a position phrase denotes a public office. Business and civic roles are not. */
export function isOfficialPosition(position: string): boolean {
  const head = TITLES.headEnding(position);
  if (!head) return false;
  if (ORGS.notPublic.test(position)) return false;
  const official = TITLES.official.get(head);
  if (official === 'in-government') return ORGS.publicBody.test(position);
  return official === 'yes';
}

/** Organisation implied by a bare title (区长 → 区人民政府). */
const IMPLIED_ORG: [RegExp, string][] = [
  [/^(?:常务)?副?代?(省|市|县|区|州|镇|乡)长$/, '$1人民政府'],
  [/^副?代?旗长$/, '旗人民政府'],
];

/** Jurisdiction names for the one-character prefixes 省/市/县/区 in this paper. */
export function jurisdictions(home: Home): Record<string, string | undefined> {
  const county = home.county;
  return {
    省: home.province,
    // a county-level city calls itself 市; counties and districts use 市 for their prefecture
    市: county?.endsWith('市') ? county : (home.city ?? undefined),
    县: county?.endsWith('县') ? county : undefined,
    区: county?.endsWith('区') ? county : undefined,
    旗: county?.endsWith('旗') ? county : undefined,
  };
}

/** A position split into its organisation as written (省文化和旅游厅) and its bare title (副厅长). */
export function splitTitle(position: string): { org: string; title: string } {
  const t = TITLES.headEnding(position);
  return t ? { org: position.slice(0, -t.length), title: t } : { org: '', title: position };
}

/**
 * Offices behind a person's positions, in order. A position without an organisation
 * inherits the previous one's (省经信厅党组书记、厅长 → both 省经信厅).
 */
export function officesOf(positions: string[], home: Home): string[] {
  return [...new Set(officeOfEach(positions, home).filter((o): o is string => !!o))];
}

/** The qualified office of each position (aligned with `positions`; null for 县领导, 总书记 ...). */
export function officeOfEach(positions: string[], home: Home): (string | null)[] {
  const j = jurisdictions(home);
  const out: (string | null)[] = [];
  let prevOrg = '';
  for (const p of positions) {
    const split = splitTitle(p);
    const title = split.title;
    let org = split.org
      .replace(/^(原|前|时任)/, '')
      .replace(/(原|前)$/, '')
      .replace(/(党组)?(成员)?$/, '');
    if (ROLE_ONLY.has(title)) {
      out.push(null);
      continue;
    }
    if (!org) {
      const implied = IMPLIED_ORG.find(([re]) => re.test(title));
      if (implied) org = title.replace(implied[0], implied[1]);
      else if (prevOrg) org = prevOrg;
      else {
        out.push(null);
        continue;
      }
    } else if (
      !/^[省市县区州旗镇乡村]/.test(org) &&
      prevOrg &&
      /^[省市县区州旗]/.test(prevOrg) &&
      !hasPlacePrefix(org)
    ) {
      // 市委副书记、政法委书记: the second office sits in the first one's jurisdiction
      org = prevOrg.slice(0, 1) + (prevOrg.startsWith(prevOrg.slice(0, 1) + '委') ? '委' : '') + org;
    }
    prevOrg = org;
    out.push(qualify(org, j));
  }
  return out;
}

function hasPlacePrefix(org: string): boolean {
  return /^[\u4e00-\u9fff]{2,}(省|市|县|区|镇|乡|街道|村)/.test(org);
}

function qualify(org: string, j: Record<string, string | undefined>): string {
  let out = org;
  const first = org[0] ?? '';
  const place = j[first];
  if (place && /^[省市县区旗]/.test(org)) out = place + org.slice(1);
  for (const [abbr, full] of ABBREVIATIONS) {
    const at = out.indexOf(abbr);
    if (at >= 0 && abbr !== full && !out.startsWith(full, at)) {
      out = out.slice(0, at) + full + out.slice(at + abbr.length);
      break;
    }
  }
  return out;
}
