// Namesakes: two officials called 王建国 in two cities' papers are two people linked by POSSIBLY_SAME.
// The review list gives each side's evidence; a decision goes through the token-protected write route,
// survives a re-ingest, and "same" merges the two in search, the person panel's queries, career and
// tables.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import type { CypherResult, SearchResponse } from '../../web/contract.ts';
import { buildApp } from '../../web/server/app.ts';
import { clearDatabase, paperFolder, testDatabase } from '../helpers.ts';

const TOKEN = 'review-token-for-tests';
// A pair is kept in id order (as Cypher and JavaScript compare strings); a group is merged under its first.
const IDS = ['王建国@金华市', '王建国@衢州市'].sort();
let db: Database;
let app: FastifyInstance;
let dir: string;
const folders: string[] = [];

beforeAll(async () => {
  db = testDatabase();
  await clearDatabase(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-namesakes-'));
  folders.push(
    paperFolder(
      dir,
      '开化报',
      { province: '浙江省', city: '衢州市', county: '开化县' },
      '2022-03-02',
      '王建国到华埠镇调研\n3月1日,县委书记王建国到华埠镇调研乡村振兴工作。\n',
    ),
  );
  folders.push(
    paperFolder(
      dir,
      '永康日报',
      { province: '浙江省', city: '金华市', county: '永康市' },
      '2023-05-10',
      '王建国调研西城街道\n5月9日,市委副书记王建国到西城街道调研基层治理工作。\n',
    ),
  );
  await ingestPaths(db, folders);
  app = await buildApp({ db, reviewToken: TOKEN });
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

const decide = (verdict: string, token: string | null = TOKEN, server = app) =>
  server.inject({
    method: 'POST',
    url: '/api/namesakes/decision',
    headers: token ? { 'x-review-token': token } : {},
    payload: { a: '王建国@金华市', b: '王建国@衢州市', verdict },
  });

const people = async () => {
  const response = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('王建国')}` });
  return (response.json() as SearchResponse).hits
    .filter((h) => h.label === 'Person')
    .map((h) => h.node.properties.id);
};

interface Side {
  id: string;
  positions: { position: string }[];
  places: { place: string }[];
  first: string;
}

describe('namesakes', () => {
  it('lists the pair with the evidence of each side: positions, places, dates', async () => {
    const [pair, ...rest] = await run('namesakes', {});
    expect(rest).toEqual([]);
    expect([pair!.a, pair!.b]).toEqual(IDS);
    expect(pair!.verdict).toBeNull();
    const sides = new Map((pair!.sides as Side[]).map((s) => [s.id, s]));
    const kaihua = sides.get('王建国@衢州市')!;
    expect(kaihua.positions.map((p) => p.position)).toEqual(['开化县委 书记']);
    expect(kaihua.places.map((p) => p.place)).toContain('华埠镇');
    expect(kaihua.first).toBe('2022-03-01');
    expect(sides.get('王建国@金华市')!.positions.map((p) => p.position)).toEqual(['永康市委 副书记']);
  });

  it('takes a decision only with the review token, and not at all without one configured', async () => {
    expect((await decide('same', null)).statusCode).toBe(401);
    expect((await decide('same', 'wrong')).statusCode).toBe(401);
    const closed = await buildApp({ db });
    try {
      expect((await decide('same', TOKEN, closed)).statusCode).toBe(403);
    } finally {
      await closed.close();
    }
    expect((await decide('maybe')).statusCode).toBe(400);
    // The Cypher endpoint stays read-only.
    const write = await app.inject({
      method: 'POST',
      url: '/api/cypher',
      payload: { query: "CREATE (:NamesakeDecision {id: 'x', verdict: 'same'})" },
    });
    expect(write.statusCode).toBeGreaterThanOrEqual(400);
    expect(await people()).toHaveLength(2);
  });

  it('merges the two when "same", in search, panel, career and tables, across a re-ingest', async () => {
    const response = await decide('same');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().group).toEqual(IDS);

    const merged = async () => {
      expect(await people()).toEqual([IDS[0]]);
      for (const id of IDS) {
        const career = await run('career', { person: id });
        expect(career.map((r) => r.office).sort()).toEqual(['开化县委', '永康市委']);
        const table = await run('table-person-events', { person: id });
        expect(table.map((r) => r.date)).toEqual(['2022-03-01', '2023-05-09']);
        expect(await run('positions-over-time', { name: id })).toHaveLength(2);
      }
      // By name: the group answers once.
      expect(new Set((await run('career', { person: '王建国' })).map((r) => r.person))).toEqual(
        new Set([IDS[0]]),
      );
      expect((await run('namesakes', {}))[0]!.verdict).toBe('same');
    };
    await merged();
    // Re-ingest (forced: every file rewritten, the people deleted and created again) keeps it.
    await ingestPaths(db, folders, { force: true });
    await merged();

    expect((await decide('different')).statusCode).toBe(200);
    expect(await people()).toHaveLength(2);
    expect(await run('career', { person: '王建国@衢州市' })).toHaveLength(1);
    expect((await decide('undecided')).statusCode).toBe(200);
    expect((await run('namesakes', {}))[0]!.verdict).toBeNull();
  });
});
