// A person's career (cypher/queries/career.cypher) as rows for the timeline: one per office and title,
// from appointment or first seen to removal, last seen or a successor's first sighting, the evidence of each end, and the
// person's event dates as ticks.
import { runNamedQuery, type CypherResult } from '../api.ts';

export interface Evidence {
  sentence: string | null;
  articleId: string | null;
  start: number | null;
  end: number | null;
}

export type FromBasis = 'appointed' | 'elected' | 'first seen';
export type ToBasis = 'removed' | 'resigned' | 'successor' | 'last seen';
const FROM_BASES: FromBasis[] = ['appointed', 'elected', 'first seen'];
const TO_BASES: ToBasis[] = ['removed', 'resigned', 'successor', 'last seen'];
const oneOf = <T extends string>(list: T[], value: unknown, fallback: T): T =>
  list.includes(value as T) ? (value as T) : fallback;

export interface CareerRow {
  officeId: string;
  office: string;
  title: string;
  position: string;
  from: string | null;
  to: string | null;
  /** What each end rests on: a personnel decision (APPOINTED) or the sightings (HOLDS). */
  fromBasis: FromBasis;
  toBasis: ToBasis;
  successor: { id: string; name: string; since: string } | null;
  sightings: number;
  fromEvidence: Evidence;
  toEvidence: Evidence;
}

export interface Career {
  rows: CareerRow[];
  events: string[];
}

function evidence(value: unknown): Evidence {
  const props = ((value ?? {}) as { properties?: Record<string, unknown> }).properties ?? {};
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    sentence: text(props.sentence),
    articleId: text(props.articleId),
    start: num(props.start),
    end: num(props.end),
  };
}

export function careerOf(result: CypherResult): Career {
  const i = (name: string) => result.columns.indexOf(name);
  const rows = result.rows.map((r) => ({
    officeId: String(r[i('officeId')] ?? ''),
    office: String(r[i('office')] ?? ''),
    title: String(r[i('title')] ?? ''),
    position: String(r[i('position')] ?? ''),
    from: (r[i('from')] as string | null) ?? null,
    to: (r[i('to')] as string | null) ?? null,
    fromBasis: oneOf(FROM_BASES, r[i('fromBasis')], 'first seen'),
    toBasis: oneOf(TO_BASES, r[i('toBasis')], 'last seen'),
    successor: (r[i('successor')] as CareerRow['successor']) ?? null,
    sightings: Number(r[i('sightings')] ?? 0),
    fromEvidence: evidence(r[i('fromEvidence')]),
    toEvidence: evidence(r[i('toEvidence')]),
  }));
  const events = ((result.rows[0]?.[i('events')] as string[] | undefined) ?? []).filter(Boolean);
  return { rows, events };
}

export const fetchCareer = async (person: string): Promise<Career> =>
  careerOf(await runNamedQuery('career', { person }, 500));
