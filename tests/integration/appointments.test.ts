// Personnel decisions in the graph (APPOINTED) from a real item of ../shared/outside: written by the
// ingest, idempotent, replaced with their file, and used by `career` for the ends of a tenure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import type { CypherResult } from '../../web/contract.ts';
import { buildApp } from '../../web/server/app.ts';
import { clearDatabase, testDatabase } from '../helpers.ts';

const OUTSIDE = path.resolve('../shared/outside');
let db: Database;
let app: FastifyInstance;
let dir: string;

// o25: a county people's congress standing committee removes two deputy county heads and appoints two.
const ITEM = 'o25';

beforeAll(async () => {
  db = testDatabase();
  await clearDatabase(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-appointed-'));
  const gold = JSON.parse(fs.readFileSync(path.join(OUTSIDE, `${ITEM}.json`), 'utf8')) as { home: unknown };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ paper: '测试报', home: gold.home }));
  fs.copyFileSync(path.join(OUTSIDE, `${ITEM}.txt`), path.join(dir, `${ITEM}.txt`));
  await ingestPaths(db, [dir]);
  app = await buildApp({ db });
});
afterAll(async () => {
  await app.close();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(name: string, params: Record<string, string>) {
  const response = await app.inject({ method: 'POST', url: `/api/queries/${name}/run`, payload: { params } });
  expect(response.statusCode, response.body).toBe(200);
  const result = response.json() as CypherResult;
  return result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i]])));
}

const decisions = async () => {
  const { records } = await db.driver.executeQuery(
    `MATCH (p:Person)-[a:APPOINTED]->(o:Office)
     RETURN p.name AS name, a.action AS action, o.id AS office, a.date AS date ORDER BY name, action`,
  );
  return records.map((r) => r.toObject());
};

describe('APPOINTED', () => {
  it('stores each decision of the item once, with its action, office and date; re-ingest changes nothing', async () => {
    const first = await decisions();
    expect(first.map((d) => [d.name, d.action])).toEqual(
      expect.arrayContaining([
        ['邢晟', 'appoint'],
        ['路正阳', 'remove'],
      ]),
    );
    expect(first.find((d) => d.name === '邢晟')!.date).toBe('2015-08-14');
    await ingestPaths(db, [dir], { force: true });
    expect(await decisions()).toEqual(first);
  });

  it('career for a person of ../shared/outside with an appointment returns the office with the appointment date', async () => {
    const rows = await run('career', { person: '邢晟' });
    const row = rows.find((r) => r.fromBasis === 'appointed');
    expect(row, JSON.stringify(rows)).toBeTruthy();
    expect(row!.from).toBe('2015-08-14');
    expect(String(row!.office)).toMatch(/政府$/);
    const evidence = row!.fromEvidence as { type: string; properties: Record<string, unknown> };
    expect(evidence.type).toBe('APPOINTED');
    expect(String(evidence.properties.sentence)).toContain('任命邢晟');
    expect(typeof evidence.properties.articleId).toBe('string');
    // A removal ends the tenure, with its own evidence.
    const removed = (await run('career', { person: '路正阳' })).find((r) => r.toBasis === 'removed');
    expect(removed, 'removal').toBeTruthy();
    expect(removed!.to).toBe('2015-08-14');
    expect(
      String((removed!.toEvidence as { properties: Record<string, unknown> }).properties.sentence),
    ).toContain('免除路正阳');
  });

  it('goes with its file: a new version without the decisions leaves none behind', async () => {
    const file = path.join(dir, `${ITEM}.txt`);
    const original = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, original.replace(/会议还一致通过了新的人事任免决议[^。]*。/, ''));
      await ingestPaths(db, [dir]);
      expect(await decisions()).toEqual([]);
      const { records } = await db.driver.executeQuery(
        'MATCH (p:Person) WHERE p.name IN ["邢晟", "苑华东"] AND NOT (p)--() RETURN count(p) AS n',
      );
      expect(Number(records[0]!.get('n'))).toBe(0);
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});
