// POST /api/cypher and POST /api/queries/:name/run against the real Neo4j with the seeds ingested:
// results as rows and graph, Neo4j errors with their position, and read-only enforcement.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/driver.ts';
import type {
  ApiErrorBody,
  CypherNodeValue,
  CypherPathValue,
  CypherRelationshipValue,
  CypherResult,
} from '../../web/contract.ts';
import { buildApp } from '../../web/server/app.ts';
import { reader } from '../../web/server/database.ts';
import { graphCounts, closeApp, seededApp } from '../helpers.ts';

let db: Database;
let app: FastifyInstance;
beforeAll(async () => ({ db, app } = await seededApp()));
afterAll(() => closeApp(app, db));

const post = (query: string, extra: Record<string, unknown> = {}) =>
  app.inject({ method: 'POST', url: '/api/cypher', payload: { query, ...extra } });

async function ok(query: string, extra: Record<string, unknown> = {}): Promise<CypherResult> {
  const response = await post(query, extra);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as CypherResult;
}

describe('POST /api/cypher: results', () => {
  it('returns rows as plain JSON and the nodes and relationships as a graph with degrees', async () => {
    const result = await ok(
      `MATCH p = (a:Person {name: $name})-[r:ATTENDED]->(e:Event)
       RETURN a.name AS name, a, r, p, e.date AS date, 1 AS one, date('2022-04-01') AS day,
              datetime('2022-04-01T08:30:00Z') AS at, [1, 2.5, 'x'] AS list, {k: a.name} AS map
       LIMIT 1`,
      { params: { name: '章旭升' } },
    );
    expect(result.columns).toEqual(['name', 'a', 'r', 'p', 'date', 'one', 'day', 'at', 'list', 'map']);
    expect(result.truncated).toBe(false);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(result.rows).toHaveLength(1);
    const [name, a, r, p, , one, day, at, list, map] = result.rows[0]!;
    expect(name).toBe('章旭升');
    const person = a as CypherNodeValue;
    expect(person).toMatchObject({
      labels: ['Person'],
      properties: { name: '章旭升', pinyin: 'zhang xu sheng' },
    });
    expect(person.elementId).toMatch(/\w/);
    const rel = r as CypherRelationshipValue;
    expect(rel).toMatchObject({ type: 'ATTENDED', startNodeElementId: person.elementId });
    expect(typeof rel.properties.sentence).toBe('string');
    const pathValue = p as CypherPathValue;
    expect(pathValue.nodes.map((n) => n.labels[0])).toEqual(['Person', 'Event']);
    expect(pathValue.relationships.map((x) => x.elementId)).toEqual([rel.elementId]);
    expect(one).toBe(1);
    expect(day).toBe('2022-04-01');
    expect(at).toBe('2022-04-01T08:30:00Z');
    expect(list).toEqual([1, 2.5, 'x']);
    expect(map).toEqual({ k: '章旭升' });

    // The canvas graph names nodes by their stable key (Label:id), edges by element id.
    const { nodes, edges } = result.graph;
    const keyOf = (n: CypherNodeValue) => `${n.labels[0]}:${String(n.properties.id)}`;
    expect(nodes.map((n) => n.id).sort()).toEqual(pathValue.nodes.map(keyOf).sort());
    expect(edges).toEqual([
      expect.objectContaining({ id: rel.elementId, type: 'ATTENDED', source: keyOf(person) }),
    ]);
    const [degree] = (
      await db.driver.executeQuery('MATCH (n) WHERE elementId(n) = $id RETURN COUNT { (n)--() } AS d', {
        id: person.elementId,
      })
    ).records;
    expect(nodes.find((n) => n.id === keyOf(person))?.degree).toBe(Number(degree!.get('d')));
  });

  it('passes unicode parameter names and values, and whole JSON numbers as integers', async () => {
    const result = await ok(
      'MATCH (p:Person {name: $名字}) RETURN p.name AS 名, $n + 1 AS next, range(1, $n) AS r LIMIT $n',
      {
        params: { 名字: '徐旭', n: 3 },
      },
    );
    expect(result.columns).toEqual(['名', 'next', 'r']);
    expect(result.rows).toEqual([['徐旭', 4, [1, 2, 3]]]);
    expect(result.graph).toEqual({ nodes: [], edges: [] });
  });

  it('returns the columns of an empty result', async () => {
    const result = await ok("MATCH (p:Person {name: 'nobody'}) RETURN p, p.name AS name");
    expect(result).toMatchObject({ columns: ['p', 'name'], rows: [], truncated: false });
  });

  it('stops a 10-million-row query at the limit, quickly', async () => {
    const started = Date.now();
    const result = await ok('UNWIND range(1, 10000000) AS x RETURN x');
    expect(result.rows).toHaveLength(1000);
    expect(result.rows[999]).toEqual([1000]);
    expect(result.truncated).toBe(true);
    const small = await ok('UNWIND range(1, 10000000) AS x RETURN x', { limit: 5 });
    expect(small.rows).toEqual([[1], [2], [3], [4], [5]]);
    expect(small.truncated).toBe(true);
    // Reading all 10 million rows would take far longer (and hit the 30 s timeout).
    expect(Date.now() - started).toBeLessThan(15_000);
    // Exactly `limit` rows is not truncated.
    expect((await ok('UNWIND range(1, 5) AS x RETURN x', { limit: 5 })).truncated).toBe(false);
  });

  it('stops a query that runs forever with the configured timeout', async () => {
    const impatient = await buildApp({ db, queryTimeoutMs: 2_000 });
    const started = Date.now();
    const response = await impatient.inject({
      method: 'POST',
      url: '/api/cypher',
      payload: { query: 'UNWIND range(1, 100000000000) AS x WITH x WHERE x < 0 RETURN count(x)' },
    });
    await impatient.close();
    expect(Date.now() - started).toBeLessThan(15_000);
    // Stopped by Neo4j's timeout or, on a loaded machine, by the API's deadline just after: the same
    // status (the query's fault, not Neo4j being away) and the same kind of message either way.
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json() as ApiErrorBody;
    expect(body.code).toMatch(/TransactionTimedOut/);
    expect(body.error).toMatch(/ran past its timeout of \d+ s/);
    // The server is still fine afterwards.
    expect((await ok('RETURN 1 AS x')).rows).toEqual([[1]]);
  });
});

describe('POST /api/cypher: errors', () => {
  it.each([
    ['MATCH (n) RETURN n +', { line: 1, column: 21, offset: 20 }],
    ['SELEC 1', { line: 1, column: 1, offset: 0 }],
    ['MATCH (n)\nRETURN n +', { line: 2, column: 11, offset: 20 }],
  ])('answers a syntax error in %j with 400, the Neo4j code and the position', async (query, position) => {
    const response = await post(query);
    expect(response.statusCode).toBe(400);
    const body = response.json() as ApiErrorBody;
    expect(body.code).toBe('Neo.ClientError.Statement.SyntaxError');
    expect(body.position).toEqual(position);
    // The message quotes the user's own query, not the EXPLAIN the server wraps it in.
    expect(body.error).not.toContain('EXPLAIN');
    expect(response.body).not.toContain('    at ');
  });

  it('answers a missing parameter and a runtime error with their codes', async () => {
    const missing = (await post('RETURN $x AS x')).json() as ApiErrorBody;
    expect(missing.code).toBe('Neo.ClientError.Statement.ParameterMissing');
    const response = await post('UNWIND [1, 0] AS x RETURN 1 / x');
    expect(response.statusCode).toBe(400);
    expect((response.json() as ApiErrorBody).code).toMatch(/^Neo\.ClientError\./);
  });

  it.each([
    ['no query', {}],
    ['empty query', { query: '' }],
    ['blank query', { query: '   ' }],
    ['query not a string', { query: 5 }],
    ['query an object', { query: { text: 'RETURN 1' } }],
    ['limit a string', { query: 'RETURN 1', limit: 'many' }],
    ['limit zero', { query: 'RETURN 1', limit: 0 }],
    ['limit too large', { query: 'RETURN 1', limit: 10_001 }],
    ['params not an object', { query: 'RETURN 1', params: 'x' }],
    ['an unknown field', { query: 'RETURN 1', database: 'system' }],
  ])('rejects a body with %s: 400 and a message', async (_name, payload) => {
    const response = await app.inject({ method: 'POST', url: '/api/cypher', payload });
    expect(response.statusCode, response.body).toBe(400);
    expect((response.json() as ApiErrorBody).error).toMatch(/\w+/);
    expect(response.body).not.toContain('    at ');
  });

  it('rejects invalid JSON and an oversized body with a message', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/cypher',
      headers: { 'content-type': 'application/json' },
      payload: '{"query": ',
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as ApiErrorBody).error).toMatch(/JSON/);
    const big = await post(`RETURN 1 // ${'x'.repeat(100_000)}`);
    expect(big.statusCode).toBe(413);
    expect((big.json() as ApiErrorBody).error).toMatch(/too large/);
  });
});

describe('POST /api/cypher: read-only', () => {
  it.each([
    'CREATE (n:Hacked) RETURN n',
    'MERGE (n:Hacked {a: 1})',
    "MATCH (n:Person) SET n.name = 'x'",
    'MATCH (n:Person) REMOVE n.pinyin',
    'MATCH (n) DETACH DELETE n',
    'MATCH ()-[r:ATTENDED]->() DELETE r',
    'RETURN 1 AS x UNION MATCH (n) SET n.hacked = 1 RETURN 2 AS x',
    'MATCH (n) CALL (n) { SET n.hacked = 1 } IN TRANSACTIONS RETURN count(*)',
    'FOREACH (x IN [1] | CREATE (:Hacked))',
    'CREATE INDEX hacked FOR (n:Person) ON (n.hacked)',
    'DROP INDEX search_names',
    'DROP CONSTRAINT person_id',
    "CALL db.createLabel('Hacked')",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "load  csv from 'https://example.com/x.csv' AS line RETURN line",
    "RETURN 1 /* comment */ LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
    "CALL dbms.security.createUser('eve', 'password123', false)",
    'CALL dbms.components()',
    'CALL `dbms`.listConfig()',
    "CREATE USER eve SET PASSWORD 'password123'",
    'SHOW USERS',
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    // Server state and other clients' queries: refused by the allow-list, whatever the spelling.
    'SHOW TRANSACTIONS',
    'SHOW SETTINGS',
    'SHOW PROCEDURES',
    'SHOW INDEXES',
    "CALL db.stats.retrieve('GRAPH COUNTS')",
    "RETURN 1 AS x UNION CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN 1 AS x",
    'CALL db.prepareForReplanning()',
    "CALL db.stats.stop('QUERIES')",
    "CALL db.stats.clear('QUERIES')",
    "CALL db.stats.collect('QUERIES')",
    'CALL db.resampleOutdatedIndexes()',
    "CALL db.resampleIndex('search_names')",
    'CALL db.clearQueryCaches()',
    'CALL db.info()',
    'CALL tx.setMetaData({a: 1})',
    'CALL \\u0064b.prepareForReplanning()',
    'CALL \\u0064bms.components()',
    'RETURN 1 AS x //\r UNION CALL db.prepareForReplanning() RETURN 1 AS x',
    'RETURN 1 AS x\u001cUNION\u001cCALL db.prepareForReplanning() RETURN 1 AS x',
    'CALL `db`.`prepareForReplanning`()',
    'CALL db.index.fulltext.listAvailableAnalyzers()',
  ])('refuses %j and leaves the graph unchanged', async (query) => {
    const before = await graphCounts(db);
    const response = await post(query);
    expect(response.statusCode, response.body).toBe(400);
    expect((response.json() as ApiErrorBody).error).toMatch(/^Only read queries are allowed here: /);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('refuses what would change server state, and its state stays as it was', async () => {
    const status = async () =>
      (await db.driver.executeQuery('CALL db.stats.status()')).records.map((r) => r.toObject());
    const before = await status();
    for (const query of ["CALL db.stats.collect('QUERIES')", "CALL db.stats.clear('QUERIES')"]) {
      const response = await post(query);
      expect(response.statusCode).toBe(400);
      expect((response.json() as ApiErrorBody).error).toMatch(
        /procedure db\.stats\.\w+ is not on the allow-list/,
      );
    }
    expect(await status()).toEqual(before);
  });

  it('shows no other client its transactions or the server settings', async () => {
    const response = await post('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery');
    expect(response.statusCode).toBe(400);
    expect((response.json() as ApiErrorBody).error).toMatch(/SHOW TRANSACTIONS is an administration command/);
    expect(response.body).not.toContain('neo4j-transaction-');
  });

  it('allows the schema and full-text procedures the app needs, and Cypher functions', async () => {
    expect((await ok('CALL db.labels() YIELD label RETURN label')).rows.length).toBeGreaterThan(0);
    expect((await ok('CALL db.schema.visualization()')).columns).toEqual(['nodes', 'relationships']);
    const found = await ok(
      "CALL db.index.fulltext.queryNodes('search_names', '徐旭') YIELD node RETURN node.name AS name LIMIT 1",
    );
    expect(found.rows).toEqual([['徐旭']]);
    const functions = await ok(
      "RETURN toUpper('a') AS u, size(range(1, 3)) AS n, duration.between(date('2022-01-01'), date('2022-01-02')).days AS d",
    );
    expect(functions.rows).toEqual([['A', 3, 1]]);
  });

  it('still allows the words in strings and comments', async () => {
    const result = await ok("RETURN 'LOAD CSV' AS a, 'dbms.x' AS b // CALL dbms.components()");
    expect(result.rows).toEqual([['LOAD CSV', 'dbms.x']]);
  });

  it('runs in a READ transaction, so Neo4j refuses a write even without the plan check', async () => {
    const before = await graphCounts(db);
    const read = reader(db, { timeoutMs: 2_000, deadlineMs: 2_000 });
    await expect(read((tx) => tx.run('CREATE (:Hacked)'))).rejects.toMatchObject({
      code: expect.stringMatching(/AccessMode|Forbidden/),
    });
    expect(await graphCounts(db)).toEqual(before);
  });
});

describe('POST /api/queries/:name/run', () => {
  const run = (name: string, payload?: unknown) =>
    app.inject({ method: 'POST', url: `/api/queries/${name}/run`, ...(payload ? { payload } : {}) });

  it('runs a named query with its parameters', async () => {
    const response = await run('person-events', { params: { name: '章旭升' } });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as CypherResult;
    expect(result.columns).toEqual(['p', 'a', 'e', 'places', 'date', 'role', 'total']);
    expect(result.rows.length).toBeGreaterThan(0);
    for (const row of result.rows) expect((row[0] as CypherNodeValue).properties.name).toBe('章旭升');
    const zhang = result.graph.nodes.find((n) => n.properties.name === '章旭升');
    expect(zhang?.degree).toBeGreaterThan(0);
    expect(result.graph.edges.some((e) => e.type === 'ATTENDED' && e.source === zhang!.id)).toBe(true);
  });

  it('uses the defaults, converts typed parameters and honours the row limit', async () => {
    const defaults = await run('overview', {});
    expect(defaults.statusCode, defaults.body).toBe(200);
    const limited = (
      await run('busiest-officials', { params: { limit: '3' }, limit: 2 })
    ).json() as CypherResult;
    expect(limited.rows).toHaveLength(2);
    expect(limited.truncated).toBe(true);
    const numeric = (await run('busiest-officials', { params: { limit: 1 } })).json() as CypherResult;
    expect(numeric.rows).toHaveLength(1);
  });

  it('answers 404 for an unknown query and 400 for bad parameters', async () => {
    expect((await run('nope', {})).statusCode).toBe(404);
    for (const payload of [
      { params: { nmae: '章旭升' } },
      { params: { limit: 'abc' } },
      { params: { name: { nested: true } } },
      { query: 'MATCH (n) DETACH DELETE n' },
      { limit: 0 },
    ]) {
      const response = await run(payload.params?.limit ? 'busiest-officials' : 'person-events', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect((response.json() as ApiErrorBody).error).toMatch(/\w+/);
    }
  });
});

describe('when Neo4j is down', () => {
  it('answers 503 with a clear message', async () => {
    const down = openDatabase(
      { uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: undefined, boltPort: 1 },
      { maxRetryMs: 500 },
    );
    const offline = await buildApp({ db: down });
    try {
      for (const request of [
        { method: 'POST' as const, url: '/api/cypher', payload: { query: 'RETURN 1' } },
        { method: 'POST' as const, url: '/api/queries/overview/run', payload: {} },
        { method: 'GET' as const, url: '/api/search?q=徐旭' },
        { method: 'GET' as const, url: '/api/nodes/x/neighbors' },
        { method: 'GET' as const, url: '/api/timeline' },
        { method: 'GET' as const, url: '/api/schema' },
      ]) {
        const response = await offline.inject(request);
        expect(response.statusCode, request.url).toBe(503);
        // The refused connection, or (a worker thread slow to start on a loaded machine) the liveness
        // probe that runs beside a Cypher request, whichever tells first.
        expect((response.json() as ApiErrorBody).error, request.url).toMatch(
          /Neo4j is not reachable|Neo4j did not answer within \d+ s/,
        );
      }
    } finally {
      await offline.close();
      await down.close();
    }
  });
});
