// The namesake review list (cypher/queries/namesakes.cypher): POSSIBLY_SAME pairs with each side's
// evidence, and the decision route (POST /api/namesakes/decision, with the review token).
import { ApiError, runNamedQuery, type CypherResult } from '../api.ts';
import type { NamesakeDecisionRequest, NamesakeDecisionResponse } from '../../contract.ts';

export type Verdict = NamesakeDecisionRequest['verdict'];
export type Filter = 'all' | 'undecided' | 'same' | 'different';

export interface Side {
  id: string;
  name: string;
  scope: string | null;
  positions: { position: string; since: string | null; until: string | null; n: number }[];
  places: { place: string; n: number }[];
  first: string | null;
  last: string | null;
  articles: number;
  events: number;
}

export interface Pair {
  name: string;
  a: string;
  b: string;
  /** The two sides in id order (a, b). */
  sides: [Side, Side];
  verdict: 'same' | 'different' | null;
  /** "Same" only because both were decided the same as a third (nothing to withdraw on this pair). */
  implied: boolean;
  decidedAt: string | null;
}

export interface PairPage {
  pairs: Pair[];
  total: number;
}

export const PAGE = 50;

export function pairsOf(result: CypherResult): PairPage {
  const i = (name: string) => result.columns.indexOf(name);
  const pairs = result.rows.map((r): Pair => {
    const a = String(r[i('a')]);
    const b = String(r[i('b')]);
    const sides = (r[i('sides')] as Side[]) ?? [];
    const side = (id: string) => sides.find((s) => s.id === id)!;
    const verdict = r[i('verdict')];
    return {
      name: String(r[i('name')] ?? ''),
      a,
      b,
      sides: [side(a), side(b)],
      verdict: verdict === 'same' || verdict === 'different' ? verdict : null,
      implied: r[i('implied')] === true,
      decidedAt: (r[i('decidedAt')] as string | null) ?? null,
    };
  });
  return { pairs, total: Number(result.rows[0]?.[i('total')] ?? 0) };
}

export async function fetchPairs(decided: Filter, limit: number): Promise<PairPage> {
  return pairsOf(await runNamedQuery('namesakes', { decided, skip: '0', limit: String(limit) }, limit));
}

export async function decide(
  a: string,
  b: string,
  verdict: Verdict,
  token: string,
): Promise<NamesakeDecisionResponse> {
  let response: Response;
  try {
    response = await fetch('/api/namesakes/decision', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-review-token': token },
      body: JSON.stringify({ a, b, verdict }),
    });
  } catch {
    throw new ApiError('The cadre-graph server is not reachable.', 0);
  }
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new ApiError(body.error ?? `${response.status}`, response.status);
  return body as NamesakeDecisionResponse;
}
