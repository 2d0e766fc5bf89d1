// The read-only Cypher runner behind POST /api/cypher and the named queries. Two layers keep it
// read-only: the query's plan (EXPLAIN, nothing executed) must pass the allow-list guard of
// cypher-guard.ts; then it runs in a READ transaction, which Neo4j itself refuses to write in, with a
// timeout. It runs in a worker thread (cypher-pool.ts): rows are streamed, turned into JSON one record
// at a time and the stream cancelled at the row or size limit, so however large a result, the API's
// main thread never decodes or serialises it.
import neo4j from 'neo4j-driver';
import type { ManagedTransaction, ResultSummary } from 'neo4j-driver';
import { checkPlan, Refusal } from './cypher-guard.ts';
import { GraphCollector } from '../../graph/collect.ts';
import type { Database } from '../../db/driver.ts';
import { describeError } from '../../db/driver.ts';
import type { ApiErrorBody } from '../contract.ts';
import {
  badRequest,
  cypherErrorBody,
  HttpError,
  isDatabaseDown,
  isTimedOut,
  neo4jCode,
  timedOut,
} from './errors.ts';
import { completeGraph } from './lookups.ts';
import { RowJson } from './row-json.ts';
import { rowValue } from './serialize.ts';

export const DEFAULT_ROW_LIMIT = 1000;
export const MAX_ROW_LIMIT = 10_000;
/** Rows stop being added once their JSON passes this size (characters). */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

const REFUSED = 'Only read queries are allowed here';

/**
 * The query without string literals and comments, and with `quoted` names unquoted, for the quick text
 * check below. Neo4j's plan (cypher-guard.ts) is the guard; this only refuses the obvious early.
 */
function scrub(query: string): string {
  return query.replace(
    /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`((?:[^`]|``)*)`|\/\/[^\n\r]*|\/\*[\s\S]*?\*\//g,
    (_token, quoted: string | undefined) => (quoted !== undefined ? quoted.replace(/``/g, '`') : ' '),
  );
}

function checkText(query: string): void {
  const text = scrub(query);
  if (/\bload\s+csv\b/i.test(text))
    throw badRequest(`${REFUSED}: LOAD CSV reads files and URLs from the server.`);
  if (/\bdbms\s*\./i.test(text)) throw badRequest(`${REFUSED}: dbms procedures act on the server.`);
}

const EXPLAIN = 'EXPLAIN ';

/**
 * Errors of the EXPLAIN step quote and point into "EXPLAIN <query>": give the user positions and the
 * quoted text of their own query.
 */
function withoutExplain(error: unknown): unknown {
  if (!(error instanceof Error) || !neo4jCode(error)) return error;
  const shift = EXPLAIN.length;
  let message = error.message.replace(
    /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/g,
    (_all, line: string, column: string, offset: string) => {
      const col = line === '1' ? Math.max(1, Number(column) - shift) : Number(column);
      return `(line ${line}, column ${col} (offset: ${Math.max(0, Number(offset) - shift)}))`;
    },
  );
  // Neo4j quotes the line in error with a caret under it; only line 1 carries the prefix.
  if (message.includes(`"${EXPLAIN}`)) {
    message = message.replace(`"${EXPLAIN}`, '"').replace(new RegExp(`\\n {${shift}}( *)\\^`), '\n$1^');
  }
  error.message = message;
  return error;
}

/** JSON numbers that are whole become Cypher integers (LIMIT $n, range($a, $b) need them). */
export function cypherParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(cypherParams);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cypherParams(v)]));
  }
  return value;
}

/** One query for a worker thread of cypher-pool.ts: plain data only (it is copied between threads). */
export interface CypherTask {
  query: string;
  /** Plain JSON; whole numbers become Cypher integers. */
  params: Record<string, unknown>;
  /** A user's query: plan it and pass the allow-list first. Named queries were checked at load. */
  check: boolean;
  limit: number;
  /** Rows stop once their JSON passes this many characters. */
  maxBytes: number;
  /** Neo4j stops the transaction after this long. */
  timeoutMs: number;
  /** Records Neo4j sends before waiting for us to ask for more: bounds what is in flight. */
  fetchSize: number;
  /** Shows in SHOW TRANSACTIONS, so an operator can tell API transactions apart. */
  metadata: Record<string, string>;
}

/** The response, serialised in the worker: the main thread only sends it. */
export type CypherOutcome = { ok: true; json: string } | { ok: false; status: number; body: ApiErrorBody };

/** A cut result counts the rows it leaves out up to this many, for at most this long. */
export const COUNT_BEYOND_ROWS = 100_000;
const COUNT_BEYOND_MS = 2_000;

/** The query's results as JSON text, with the row and size limits applied record by record. */
async function runInTransaction(tx: ManagedTransaction, task: CypherTask, started: number): Promise<string> {
  const params = cypherParams(task.params) as Record<string, unknown>;
  if (task.check) {
    let plan: ResultSummary;
    try {
      plan = (await tx.run(`${EXPLAIN}${task.query}`, params)).summary;
    } catch (error) {
      throw withoutExplain(error);
    }
    try {
      checkPlan(plan, plan.database.name ?? undefined);
    } catch (error) {
      if (error instanceof Refusal) throw badRequest(`${REFUSED}: ${error.message}`);
      throw error;
    }
  }
  const result = tx.run(task.query, params);
  const collector = new GraphCollector();
  // Rows as JSON text, made once; the evidence of their relationships is filled in at the end.
  const rows = new RowJson();
  let truncated = false;
  let bytes = 0;
  // Rows past the row limit are counted, not built, for a while, so that a cut result can say "N of M".
  let beyond = 0;
  let countedUntil = 0;
  let counted = true;
  // Breaking out of the loop cancels the stream: the server stops producing rows.
  for await (const record of result) {
    if (rows.length === task.limit) {
      if (!truncated) countedUntil = performance.now() + COUNT_BEYOND_MS;
      truncated = true;
      beyond++;
      if (beyond >= COUNT_BEYOND_ROWS || performance.now() > countedUntil) {
        counted = false;
        break;
      }
      continue;
    }
    const values = [...record.values()];
    const row = rows.prepare(values.map(rowValue));
    const { size } = row;
    // The canvas graph repeats the nodes and relationships of the rows, so the response stays within
    // about twice the cap.
    if (bytes + size > task.maxBytes) {
      if (rows.length === 0)
        throw new HttpError(
          413,
          `The first row alone is ${mb(size)} of JSON, more than the ${mb(task.maxBytes)} a response may hold; return fewer or smaller values.`,
        );
      truncated = true;
      counted = false;
      break;
    }
    bytes += size;
    for (const value of values) collector.addValue(value);
    rows.add(row);
  }
  const columns = [...(await result.keys())];
  // Evidence sentences are resolved for the rows' relationships as well as the graph's, in one query
  // after the stream (a query run while it is open would make the driver buffer the rest of it).
  // The canvas shows namesakes decided the same as one node; the rows stay as Neo4j returned them.
  const payload = collector.toPayload();
  const graph = await completeGraph(
    tx,
    { nodes: payload.nodes.map((n) => ({ ...n, degree: 0 })), edges: payload.edges },
    { extra: rows.bags, degreesOf: collector.elementIds() },
  );
  const elapsedMs = Math.round(performance.now() - started);
  // A paged named query says how many rows there are in all in a `total` column of every row.
  const at = task.check ? -1 : columns.indexOf('total');
  const first = rows.firstRow;
  const total =
    at < 0 ? '' : first ? `,"total":${JSON.stringify(first[at])}` : task.params.skip ? '' : ',"total":0';
  // All the rows there are (exact) or at least (the count stopped); only for a cut result.
  const all = truncated ? `,"rowTotal":${rows.length + beyond},"rowTotalExact":${counted}` : '';
  return `{"columns":${JSON.stringify(columns)},"rows":${rows.toJson()},"graph":${JSON.stringify(graph)},"truncated":${truncated}${total}${all},"elapsedMs":${elapsedMs}}`;
}

const mb = (chars: number) => `${(chars / 1024 / 1024).toFixed(1)} MB`;

/** Runs a task read-only; every failure becomes the status and body the client should get. */
export async function runCypherTask(db: Database, task: CypherTask): Promise<CypherOutcome> {
  const started = performance.now();
  const session = db.driver.session({
    database: db.database,
    defaultAccessMode: 'READ',
    fetchSize: task.fetchSize,
  });
  try {
    if (task.check) checkText(task.query);
    const json = await session.executeRead((tx) => runInTransaction(tx, task, started), {
      timeout: task.timeoutMs,
      metadata: task.metadata,
    });
    return { ok: true, json };
  } catch (caught) {
    const error = isTimedOut(caught) ? timedOut(task.timeoutMs / 1000, neo4jCode(caught)) : caught;
    if (error instanceof HttpError)
      return { ok: false, status: error.statusCode, body: { error: error.message, ...error.extra } };
    if (isDatabaseDown(error))
      return { ok: false, status: 503, body: { error: `Neo4j is not reachable: ${describeError(error)}` } };
    if (neo4jCode(error)) return { ok: false, status: 400, body: cypherErrorBody(error) };
    return { ok: false, status: 500, body: { error: describeError(error) } };
  } finally {
    await session.close();
  }
}

export function clampLimit(limit: number | undefined): number {
  return Math.min(limit ?? DEFAULT_ROW_LIMIT, MAX_ROW_LIMIT);
}
