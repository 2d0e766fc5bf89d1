// The read-only Cypher runner behind POST /api/cypher and the named queries. Two layers keep it
// read-only: the query's plan (EXPLAIN, nothing executed) must pass the allow-list guard of
// cypher-guard.ts; then it runs in a READ transaction, which Neo4j itself refuses to write in, with a
// timeout. Rows are streamed and the stream is cancelled at `limit`.
import neo4j from 'neo4j-driver';
import type { ManagedTransaction, ResultSummary } from 'neo4j-driver';
import { checkPlan, Refusal } from './cypher-guard.ts';
import { GraphCollector } from '../../graph/collect.ts';
import { relationshipsIn } from '../../graph/evidence.ts';
import type { CypherResult } from '../contract.ts';
import type { Reader } from './database.ts';
import { DatabaseUnavailable, badRequest, cypherErrorBody, HttpError, neo4jCode } from './errors.ts';
import { explorerGraph, rowValue } from './serialize.ts';

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

export interface CypherRun {
  query: string;
  params: Record<string, unknown>;
  limit: number;
}

async function runInTransaction(
  tx: ManagedTransaction,
  { query, params, limit }: CypherRun,
): Promise<Omit<CypherResult, 'elapsedMs'>> {
  let plan: ResultSummary;
  try {
    plan = (await tx.run(`${EXPLAIN}${query}`, params)).summary;
  } catch (error) {
    throw withoutExplain(error);
  }
  try {
    checkPlan(plan, plan.database.name ?? undefined);
  } catch (error) {
    if (error instanceof Refusal) throw badRequest(`${REFUSED}: ${error.message}`);
    throw error;
  }
  const result = tx.run(query, params);
  const collector = new GraphCollector();
  const rows: unknown[][] = [];
  let truncated = false;
  let bytes = 0;
  // Breaking out of the loop cancels the stream: the server stops producing rows.
  for await (const record of result) {
    if (rows.length === limit || bytes > MAX_RESPONSE_BYTES) {
      truncated = true;
      break;
    }
    const values = [...record.values()];
    const row = values.map(rowValue);
    // Rows of huge values are capped by size as well as by count; the canvas graph repeats them, so
    // the response stays within about twice this.
    bytes += JSON.stringify(row).length;
    for (const value of values) collector.addValue(value);
    rows.push(row);
  }
  const columns = [...(await result.keys())];
  // Evidence sentences are resolved for the rows' relationships as well as the graph's.
  return { columns, rows, graph: await explorerGraph(tx, collector, relationshipsIn(rows)), truncated };
}

/** Runs a user's query read-only; Neo4j's own errors become 400 with their code and position. */
export async function runReadOnly(read: Reader, run: CypherRun): Promise<CypherResult> {
  const started = performance.now();
  checkText(run.query);
  try {
    const result = await read((tx) => runInTransaction(tx, run));
    return { ...result, elapsedMs: Math.round(performance.now() - started) };
  } catch (error) {
    if (error instanceof HttpError || error instanceof DatabaseUnavailable) throw error;
    if (neo4jCode(error)) {
      const { error: message, ...extra } = cypherErrorBody(error);
      throw badRequest(message, extra);
    }
    throw error;
  }
}

export function clampLimit(limit: number | undefined): number {
  return Math.min(limit ?? DEFAULT_ROW_LIMIT, MAX_ROW_LIMIT);
}
