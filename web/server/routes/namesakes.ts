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

export const REVIEW_TOKEN_HEADER = 'x-review-token';

const pairId = (a: string, b: string) => `${a}\t${b}`;

const PEOPLE = 'UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN p.id AS id, p.name AS name';

// The groups the two belong to now: "same" decisions are kept closed (every pair of a group has
// one), so one step finds each group.
const GROUP = `
UNWIND $ids AS id
OPTIONAL MATCH (d:NamesakeDecision) WHERE (d.a = id OR d.b = id) AND d.verdict = 'same'
RETURN collect(DISTINCT d.a) + collect(DISTINCT d.b) + $ids AS ids`;

const DECIDE = `
UNWIND $pairs AS pair
MERGE (d:NamesakeDecision {id: pair.a + '\\t' + pair.b})
SET d.a = pair.a, d.b = pair.b, d.name = $name, d.verdict = $verdict, d.decidedAt = datetime()`;

const WITHDRAW = `MATCH (d:NamesakeDecision {id: $id}) DELETE d`;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

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
  if (verdict === 'undecided') {
    await tx.run(WITHDRAW, { id: pairId(a, b) });
    return { a, b, verdict, group: [a] };
  }
  if (verdict === 'different') {
    await tx.run(DECIDE, { pairs: [{ a, b }], name, verdict });
    return { a, b, verdict, group: [a] };
  }
  // "same" joins the two groups: every pair of the union is decided, so reads need one step.
  const found = (await tx.run(GROUP, { ids: [a, b] })).records[0]!.get('ids') as string[];
  const group = [...new Set(found)].sort();
  const pairs = group.flatMap((x, i) => group.slice(i + 1).map((y) => ({ a: x, b: y })));
  await tx.run(DECIDE, { pairs, name, verdict });
  return { a, b, verdict, group };
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
