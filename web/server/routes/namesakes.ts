// POST /api/namesakes/decision: a reviewer's decision on a POSSIBLY_SAME pair (same / different
// person, or undecided to withdraw it), stored as a NamesakeDecision node keyed by the two person ids,
// which the ingest never touches, so it survives re-ingest. The one write route of the API: it needs
// the review token (CADRE_REVIEW_TOKEN, in the X-Review-Token header) besides any access token, and
// without a configured token it is off. The Cypher endpoint stays read-only.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ManagedTransaction } from 'neo4j-driver';
import { describeError } from '../../../db/driver.ts';
import type { NamesakeDecisionRequest, NamesakeDecisionResponse } from '../../contract.ts';
import type { RouteContext } from '../context.ts';
import { badRequest, DatabaseUnavailable, HttpError, isDatabaseDown, notFound } from '../errors.ts';
import { groupNamesakes, pairsOf, type PairDecision } from '../namesake-groups.ts';

export const REVIEW_TOKEN_HEADER = 'x-review-token';

const pairId = (a: string, b: string) => `${a}\t${b}`;

const PEOPLE = 'UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN p.id AS id, p.name AS name';

// The groups the two belong to now: "same" is kept closed over a group (each pair of it has a
// decision, the ones the reviewer did not make marked `implied`), so one step finds each group.
const GROUP = `
UNWIND $ids AS id
OPTIONAL MATCH (d:NamesakeDecision) WHERE (d.a = id OR d.b = id) AND d.verdict = 'same'
RETURN collect(DISTINCT d.a) + collect(DISTINCT d.b) + $ids AS ids`;

/** Every decision among the people of the two groups: the reviewer's own, and the implied ones. */
const AMONG = `
UNWIND $ids AS id
MATCH (d:NamesakeDecision {a: id}) WHERE d.b IN $ids
RETURN d.a AS a, d.b AS b, d.verdict AS verdict, coalesce(d.implied, false) AS implied,
       d.decidedAt.epochMillis AS at`;

const DECIDE = `
UNWIND $pairs AS pair
MERGE (d:NamesakeDecision {id: pair.a + '\\t' + pair.b})
SET d.a = pair.a, d.b = pair.b, d.name = $name, d.verdict = pair.verdict,
    d.implied = CASE WHEN pair.implied THEN true END, d.decidedAt = datetime()`;

const WITHDRAW = `UNWIND $ids AS id MATCH (d:NamesakeDecision {id: id}) DELETE d`;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

type Stored = PairDecision & { implied: boolean };

/**
 * Stores the reviewer's decision and re-derives the groups of the people concerned (namesake-groups.ts):
 * "same" joins two groups unless someone of one was decided different from someone of the other
 * (409: change that decision first); "different" and withdrawing a "same" split a group where it was
 * last joined, withdrawing the "same" decisions that now contradict it.
 */
async function decide(
  tx: ManagedTransaction,
  a: string,
  b: string,
  verdict: NamesakeDecisionRequest['verdict'],
): Promise<NamesakeDecisionResponse> {
  const people = (await tx.run(PEOPLE, { ids: [a, b] })).records.map((r) => r.toObject());
  if (people.length < 2) throw notFound(`no person ${people.some((p) => p.id === a) ? b : a}`);
  const name = people[0]!.name as string;
  if (people[1]!.name !== name) throw badRequest('only people of the same name can be the same person');
  const found = (await tx.run(GROUP, { ids: [a, b] })).records[0]!.get('ids') as string[];
  const ids = [...new Set(found)].sort();
  const stored: Stored[] = (await tx.run(AMONG, { ids })).records.map((r) => ({
    a: r.get('a') as string,
    b: r.get('b') as string,
    verdict: r.get('verdict') as PairDecision['verdict'],
    implied: r.get('implied') as boolean,
    at: Number(r.get('at') ?? 0),
  }));
  const pair = pairId(a, b);
  const earlier = stored.find((d) => pairId(d.a, d.b) === pair);
  if (verdict === 'undecided' && earlier?.implied)
    throw new HttpError(
      409,
      `${a} and ${b} are one person only through the group's other decisions; decide them "different" to split the group.`,
    );
  if (verdict === 'same') {
    const conflict = stored.find((d) => d.verdict === 'different' && pairId(d.a, d.b) !== pair);
    if (conflict)
      throw new HttpError(
        409,
        `${conflict.a} and ${conflict.b} were decided different people; "same" for ${a} and ${b} would make them one. Change that decision first.`,
      );
  }
  // The reviewer's decisions after this one (implied ones are derived again below).
  const own = stored.filter((d) => !d.implied && pairId(d.a, d.b) !== pair);
  if (verdict !== 'undecided') own.push({ a, b, verdict, implied: false, at: Number.MAX_SAFE_INTEGER });
  const { groups, withdrawn } = groupNamesakes(ids, own);
  const gone = new Set(withdrawn.map((d) => pairId(d.a, d.b)));
  const explicit = new Set(own.filter((d) => !gone.has(pairId(d.a, d.b))).map((d) => pairId(d.a, d.b)));
  // Implied "same" pairs that are no longer in one group, withdrawn decisions, and a withdrawn pair.
  const inGroup = new Set(groups.flatMap((g) => pairsOf(g).map(([x, y]) => pairId(x, y))));
  const remove = [
    ...stored.filter((d) => d.implied && !inGroup.has(pairId(d.a, d.b))).map((d) => pairId(d.a, d.b)),
    ...gone,
    ...(verdict === 'undecided' ? [pair] : []),
  ];
  if (remove.length > 0) await tx.run(WITHDRAW, { ids: [...new Set(remove)] });
  const write = [
    ...(verdict === 'undecided' ? [] : [{ a, b, verdict, implied: false }]),
    ...[...inGroup]
      .filter((p) => !explicit.has(p) && !stored.some((d) => d.implied && pairId(d.a, d.b) === p))
      .map((p) => {
        const [x, y] = p.split('\t') as [string, string];
        return { a: x, b: y, verdict: 'same', implied: true };
      }),
  ];
  if (write.length > 0) await tx.run(DECIDE, { pairs: write, name });
  const group = groups.find((g) => g.includes(a)) ?? [a];
  return {
    a,
    b,
    verdict,
    group,
    withdrawn: withdrawn.map((d) => ({ a: d.a, b: d.b })),
  };
}

export function namesakeRoutes(
  app: FastifyInstance,
  { db }: RouteContext,
  reviewToken: string | undefined,
): void {
  app.post<{ Body: NamesakeDecisionRequest }>(
    '/api/namesakes/decision',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            a: { type: 'string', minLength: 1, maxLength: 500 },
            b: { type: 'string', minLength: 1, maxLength: 500 },
            verdict: { type: 'string', enum: ['same', 'different', 'undecided'] },
          },
          required: ['a', 'b', 'verdict'],
          additionalProperties: false,
        },
      },
      // Checked before the body is validated or anything is read.
      onRequest: async (request) => {
        if (!reviewToken)
          throw new HttpError(
            403,
            'Namesake decisions are off: start the server with CADRE_REVIEW_TOKEN set.',
          );
        const given = request.headers[REVIEW_TOKEN_HEADER];
        if (typeof given !== 'string' || !sameSecret(given, reviewToken))
          throw new HttpError(401, 'Wrong or missing review token (X-Review-Token).');
      },
    },
    async (request): Promise<NamesakeDecisionResponse> => {
      const [a, b] = [request.body.a, request.body.b].sort() as [string, string];
      if (a === b) throw badRequest('a and b must be two different people');
      const session = db.driver.session({ database: db.database });
      try {
        return await session.executeWrite((tx) => decide(tx, a, b, request.body.verdict), {
          timeout: 30_000,
        });
      } catch (error) {
        if (isDatabaseDown(error)) throw new DatabaseUnavailable(describeError(error));
        throw error;
      } finally {
        await session.close();
      }
    },
  );
}
