import { afterEach, describe, expect, it, vi } from 'vitest';
import { cypherApi, errorKind } from '../../../web/src/cypher/api.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The app's API client calls the global fetch; each test puts its own in place. */
function stubFetch(answer: (url: string, init?: RequestInit) => Promise<Response>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return answer(url, init);
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('the Cypher panel on the app API client', () => {
  it('posts the query, parameters and limit as JSON and returns the result', async () => {
    const calls = stubFetch(async () =>
      json(200, {
        columns: ['n'],
        rows: [[1]],
        graph: { nodes: [], edges: [] },
        truncated: false,
        elapsedMs: 3,
      }),
    );
    const outcome = await cypherApi().runCypher({ query: 'RETURN 1 AS n', limit: 5 });
    expect(outcome).toMatchObject({ ok: true, value: { columns: ['n'], rows: [[1]] } });
    expect(calls[0]!.url).toBe('/api/cypher');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init?.body))).toEqual({
      query: 'RETURN 1 AS n',
      params: {},
      limit: 5,
    });
  });

  it('encodes the name of a named query in its URL', async () => {
    const calls = stubFetch(async () => json(200, {}));
    await cypherApi().runNamed('co attendance/x', { params: { name: '胡勇春' } });
    expect(calls[0]!.url).toBe('/api/queries/co%20attendance%2Fx/run');
  });

  it('keeps the error body of a 400: message verbatim, code and position', async () => {
    const body = {
      error: "Invalid input 'RETRUN': expected ... (line 1, column 10 (offset: 9))",
      code: 'Neo.ClientError.Statement.SyntaxError',
      position: { line: 1, column: 10, offset: 9 },
    };
    stubFetch(async () => json(400, body));
    expect(await cypherApi().runCypher({ query: 'x' })).toEqual({ ok: false, status: 400, error: body });
  });

  it('turns an unreachable server or a non-JSON answer into a message', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await cypherApi().schema()).toMatchObject({ ok: false, status: 0 });
    stubFetch(async () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }));
    expect(await cypherApi().schema()).toEqual({
      ok: false,
      status: 502,
      error: { error: '502 Bad Gateway' },
    });
  });

  it('tells a syntax error, a refused write and an unavailable database apart', () => {
    expect(errorKind(400, { error: 'x', code: 'Neo.ClientError.Statement.SyntaxError' })).toBe('syntax');
    expect(errorKind(400, { error: 'Only read queries are allowed here: this query writes.' })).toBe(
      'refused',
    );
    expect(
      errorKind(400, {
        error: 'Writing in read access mode not allowed.',
        code: 'Neo.ClientError.Statement.AccessMode',
      }),
    ).toBe('refused');
    expect(errorKind(503, { error: 'Neo4j is not reachable' })).toBe('unavailable');
    expect(
      errorKind(400, { error: 'Unknown function', code: 'Neo.ClientError.Statement.SemanticError' }),
    ).toBe('other');
  });
});
