// The Cypher endpoint caps the size of a response, not only its number of rows.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import type { CypherResult } from '../../web/contract.ts';
import { buildApp } from '../../web/server/app.ts';
import { MAX_RESPONSE_BYTES } from '../../web/server/cypher.ts';
import { testDatabase } from '../helpers.ts';

let db: Database;
let app: FastifyInstance;
beforeAll(async () => {
  db = testDatabase();
  app = await buildApp({ db });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('response size', () => {
  it('stops adding rows of huge values at the size cap and says it truncated', async () => {
    const big = 'x'.repeat(30_000);
    const response = await app.inject({
      method: 'POST',
      url: '/api/cypher',
      payload: { query: 'UNWIND range(1, 2000) AS i RETURN i, $big AS big', params: { big }, limit: 2000 },
    });
    expect(response.statusCode).toBe(200);
    const result = response.json() as CypherResult;
    expect(result.truncated).toBe(true);
    // 2,000 rows would be 60 MB; it stopped just past the cap.
    expect(result.rows.length).toBeLessThan(2000);
    expect(result.rows.length * big.length).toBeGreaterThan(MAX_RESPONSE_BYTES);
    expect(response.body.length).toBeLessThan(2 * MAX_RESPONSE_BYTES);
  });
});
