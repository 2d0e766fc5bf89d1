// Namesakes decided "same" are one node in every graph the API draws (start page, latest events,
// expand, a node by its key, named queries on the canvas), with both source ids, and two again after
// "different"; "same" is transitive over three namesakes, and a "different" inside a group splits it
// where it was last joined (cypher/README.md, Identity).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import type {
  ActivityResponse,
  CypherResult,
  ExplorerGraph,
  NeighborsResponse,
  NodeResponse,
  OverviewResponse,
} from '../../web/contract.ts';
import { buildApp } from '../../web/server/app.ts';
import { clearDatabase, paperFolder, testDatabase } from '../helpers.ts';

const TOKEN = 'review-token-for-merge-tests';
let db: Database;
let app: FastifyInstance;
let dir: string;
// The three 王建国 in id order (as Cypher and JavaScript compare strings): a group merges under its first.
const [A, B, C] = ['王建国@金华市', '王建国@衢州市', '王建国@杭州市'].sort() as [string, string, string];

beforeAll(async () => {
  db = testDatabase();
  await clearDatabase(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-namesakes-merge-'));
  const folders = [
    paperFolder(
      dir,
      '开化报',
      { province: '浙江省', city: '衢州市', county: '开化县' },
      '2022-03-02',
      '王建国到华埠镇调研\n3月1日,县委书记王建国到华埠镇调研乡村振兴工作。\n',
    ),
    paperFolder(
      dir,
      '永康日报',
      { province: '浙江省', city: '金华市', county: '永康市' },
      '2023-05-10',
      '王建国调研西城街道\n5月9日,市委副书记王建国到西城街道调研基层治理工作。\n',
    ),
    paperFolder(
      dir,
      '今日淳安',
      { province: '浙江省', city: '杭州市', county: '淳安县' },
      '2024-06-12',
      '王建国到千岛湖镇调研\n6月11日,县长王建国到千岛湖镇调研文旅融合工作。\n',
    ),
  ];
  await ingestPaths(db, folders);
  app = await buildApp({ db, reviewToken: TOKEN });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const get = async <T>(url: string): Promise<T> => {
  const response = await app.inject({ method: 'GET', url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
};

const decide = (a: string, b: string, verdict: string) =>
  app.inject({
    method: 'POST',
    url: '/api/namesakes/decision',
    headers: { 'x-review-token': TOKEN },
    payload: { a, b, verdict },
  });

async function named(name: string, params: Record<string, string>): Promise<CypherResult> {
  const response = await app.inject({ method: 'POST', url: `/api/queries/${name}/run`, payload: { params } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as CypherResult;
}

const key = (id: string) => `Person:${id}`;
/** The 王建国 nodes of a graph: key → the source ids it stands for. */
const people = (graph: ExplorerGraph) =>
  Object.fromEntries(
    graph.nodes
      .filter((n) => n.labels.includes('Person') && n.properties.name === '王建国')
      .map((n) => [n.id, (n.properties.mergedIds as string[] | undefined) ?? [n.properties.id]]),
  );
/** Every edge ends at a node of the graph (nothing points at a merged-away key). */
function wellFormed(graph: ExplorerGraph): void {
  const keys = new Set(graph.nodes.map((n) => n.id));
  expect(graph.nodes.length).toBe(keys.size);
  for (const edge of graph.edges) {
    expect(keys.has(edge.source), edge.source).toBe(true);
    expect(keys.has(edge.target), edge.target).toBe(true);
  }
  expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
}

/** What every view draws of the 王建国s. */
async function views() {
  const latest = await get<OverviewResponse>('/api/graph?limit=50');
  const activity = (await get<ActivityResponse>('/api/activity')).graph;
  const byName = (await named('person-events', { name: '王建国' })).graph;
  for (const graph of [latest, activity, byName]) wellFormed(graph);
  return { latest: people(latest), activity: people(activity), byName: people(byName), graph: latest };
}

async function expand(id: string): Promise<NeighborsResponse> {
  const response = await get<NeighborsResponse>(`/api/nodes/${encodeURIComponent(id)}/neighbors`);
  wellFormed({ nodes: [response.node, ...response.neighbors], edges: response.edges });
  return response;
}

describe('namesakes decided the same are one node on the canvas', () => {
  const degrees = new Map<string, number>();

  it('draws three people before any decision', async () => {
    const { latest, activity, byName, graph } = await views();
    for (const drawn of [latest, activity, byName])
      expect(drawn).toEqual({ [key(A)]: [A], [key(B)]: [B], [key(C)]: [C] });
    expect((await get<ActivityResponse>('/api/activity')).people).toEqual({ shown: 3, total: 3 });
    for (const id of [A, B, C]) degrees.set(id, graph.nodes.find((n) => n.id === key(id))!.degree);
  });

  it('draws a pair decided "same" as one node with both ids, its relationships re-pointed', async () => {
    const response = await decide(A, B, 'same');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ group: [A, B], withdrawn: [] });

    const { latest, activity, byName, graph } = await views();
    for (const drawn of [latest, activity, byName])
      expect(drawn).toEqual({ [key(A)]: [A, B], [key(C)]: [C] });
    // The start page ranks the pair as one official, with the events of both: the busiest of the two
    // people left, where each half alone ties with C.
    const start = await get<ActivityResponse>('/api/activity');
    expect(start.people).toEqual({ shown: 2, total: 2 });
    const busiest = await get<ActivityResponse>('/api/activity?people=1');
    expect(busiest.people).toEqual({ shown: 1, total: 2 });
    const top = busiest.graph.nodes.filter((n) => n.labels.includes('Person'));
    expect(top.map((n) => [n.id, n.weight])).toEqual([[key(A), 2]]);
    expect(busiest.graph.edges.filter((e) => e.type === 'VISITED').map((e) => e.source)).toEqual([
      key(A),
      key(A),
    ]);
    // Both halves' events hang on the one node, and the pair's POSSIBLY_SAME is not a loop on it.
    const attended = graph.edges.filter((e) => e.type === 'ATTENDED' && e.source === key(A));
    expect(attended).toHaveLength(2);
    expect(graph.edges.some((e) => e.source === e.target)).toBe(false);
    // Its degree (what expanding it can bring) is both halves'.
    expect(graph.nodes.find((n) => n.id === key(A))!.degree).toBe(degrees.get(A)! + degrees.get(B)!);

    // Expanding the merged person gives the events of both halves; expanding the event of the
    // merged-away half gives the merged person.
    const own = await expand(key(A));
    expect(own.node.id).toBe(key(A));
    const events = own.neighbors.filter((n) => n.labels.includes('Event'));
    expect(events).toHaveLength(2);
    expect(own.neighbors.some((n) => n.id === key(B))).toBe(false);
    expect(own.edges.filter((e) => e.type === 'ATTENDED').map((e) => e.source)).toEqual([key(A), key(A)]);
    for (const event of events) {
      const around = await expand(event.id);
      expect(people({ nodes: around.neighbors, edges: [] })).toEqual({ [key(A)]: [A, B] });
    }
    // A link that names the merged-away half opens the merged node; expanding it is the same.
    const node = await get<NodeResponse>(`/api/nodes/${encodeURIComponent(key(B))}`);
    expect([node.node.id, node.node.properties.mergedIds]).toEqual([key(A), [A, B]]);
    expect((await expand(key(B))).node.id).toBe(key(A));
  });

  it('pages the neighbours of a node by what is drawn: a merged pair is one of them, in the total too', async () => {
    // C's namesakes A and B (POSSIBLY_SAME) are one node now: its neighbours count them once.
    const all = await expand(key(C));
    const drawn = all.neighbors.length;
    expect(people({ nodes: all.neighbors, edges: [] })).toEqual({ [key(A)]: [A, B] });
    expect(all.total).toBe(drawn);
    // A page as long as the drawn neighbours is full, and one shorter leaves one out, not two.
    for (const limit of [drawn, drawn - 1]) {
      const page = await get<NeighborsResponse>(
        `/api/nodes/${encodeURIComponent(key(C))}/neighbors?limit=${limit}`,
      );
      expect([page.neighbors.length, page.total]).toEqual([limit, drawn]);
    }
  });

  it('makes "same" transitive: A = B and B = C make one node of all three', async () => {
    const response = await decide(B, C, 'same');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().group).toEqual([A, B, C]);
    const { latest, activity, byName } = await views();
    for (const drawn of [latest, activity, byName]) expect(drawn).toEqual({ [key(A)]: [A, B, C] });
    // The review list says which "same" the reviewer made and which follows from them.
    const list = await named('namesakes', {});
    const rows = list.rows.map((r) => Object.fromEntries(list.columns.map((c, i) => [c, r[i]])));
    const verdicts = Object.fromEntries(rows.map((r) => [`${r.a}|${r.b}`, [r.verdict, r.implied]]));
    expect(verdicts).toEqual({
      [`${A}|${B}`]: ['same', false],
      [`${B}|${C}`]: ['same', false],
      [`${A}|${C}`]: ['same', true],
    });
    // An implied "same" cannot be withdrawn on its own: only "different" splits the group.
    expect((await decide(A, C, 'undecided')).statusCode).toBe(409);
    const career = await named('career', { person: C });
    expect(career.rows.length).toBe(3);
  });

  it('splits the group where it was last joined when two of it are decided different', async () => {
    const response = await decide(A, C, 'different');
    expect(response.statusCode, response.body).toBe(200);
    // B = C was the last decision that joined A's side with C: it goes back to the review list.
    expect(response.json()).toMatchObject({ group: [A, B], withdrawn: [{ a: B, b: C }] });
    const { latest, activity, byName } = await views();
    for (const drawn of [latest, activity, byName])
      expect(drawn).toEqual({ [key(A)]: [A, B], [key(C)]: [C] });
    const list = await named('namesakes', {});
    const rows = list.rows.map((r) => Object.fromEntries(list.columns.map((c, i) => [c, r[i]])));
    expect(Object.fromEntries(rows.map((r) => [`${r.a}|${r.b}`, r.verdict]))).toEqual({
      [`${A}|${B}`]: 'same',
      [`${B}|${C}`]: null,
      [`${A}|${C}`]: 'different',
    });
    // "Same" for B and C now would make A and C one: refused until that decision changes.
    const refused = await decide(B, C, 'same');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toContain(`${A} and ${C}`);
  });

  it('draws two people again when the pair is decided "different"', async () => {
    expect((await decide(A, B, 'different')).statusCode).toBe(200);
    const { latest, activity, byName } = await views();
    for (const drawn of [latest, activity, byName])
      expect(drawn).toEqual({ [key(A)]: [A], [key(B)]: [B], [key(C)]: [C] });
    expect((await expand(key(A))).neighbors.filter((n) => n.labels.includes('Event'))).toHaveLength(1);
  });
});
