// The guard of the Cypher endpoint: a query runs only when Neo4j's own plan of it (EXPLAIN, nothing
// executed) is a pure read of this database, contains no SHOW or administration operator, and calls
// only procedures and functions on the allow-lists below. The plan is read after Neo4j has parsed the
// query, so comments, `\uXXXX` escapes, odd whitespace and quoting cannot hide a call from it.
import type { ResultSummary } from 'neo4j-driver';

/** The procedures the app needs: schema look-ups for the editor and full-text search. */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.index.fulltext.queryNodes',
]);

/**
 * The functions in a namespace that may be called: Cypher's own (Neo4j 5.26, SHOW FUNCTIONS WHERE
 * isBuiltIn) less graph.* (other graphs). Plugins (APOC and the like) can only add functions in a
 * namespace, since Neo4j reserves the root one for Cypher's own functions; so a call outside a namespace
 * is one of Cypher's functions or a planner internal such as getDegree() and passes, and any plugin
 * function is refused unless it is listed here.
 */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set(
  [
    'point.distance point.withinBBox vector.similarity.cosine vector.similarity.euclidean',
    ...['date', 'datetime', 'localdatetime', 'localtime', 'time'].map(
      (t) => `${t}.realtime ${t}.statement ${t}.transaction ${t}.truncate`,
    ),
    'datetime.fromepoch datetime.fromepochmillis',
    'duration.between duration.inDays duration.inMonths duration.inSeconds',
  ]
    .join(' ')
    .split(/\s+/)
    .map((name) => name.toLowerCase()),
);

/** Why a query is refused, for a message that names the refused thing. */
export class Refusal extends Error {}

const QUERY_TYPES: Record<string, string> = {
  rw: 'reads and writes',
  w: 'writes',
  s: 'changes the schema or runs an administration command',
};

/**
 * Operators that read but act on the server rather than on the graph: SHOW TRANSACTIONS, SHOW
 * SETTINGS, SHOW PROCEDURES…, TERMINATE, administration commands, and LOAD CSV (files, URLs).
 */
function refusedOperator(name: string): string | undefined {
  if (name === 'LoadCSV') return 'LOAD CSV reads files and URLs from the server';
  if (name.startsWith('Show')) {
    const what = name
      .slice(4)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toUpperCase();
    return `SHOW ${what} is an administration command`;
  }
  if (name.startsWith('Terminate')) return 'TERMINATE TRANSACTIONS is an administration command';
  if (name === 'AdministrationCommand' || name === 'SystemProcedureCall')
    return 'administration commands are not allowed';
  return undefined;
}

interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: PlanNode[];
}

function* operators(plan: PlanNode | false | undefined): Generator<PlanNode> {
  if (!plan) return;
  yield plan;
  for (const child of plan.children ?? []) yield* operators(child);
}

/**
 * The names called as functions in one of Neo4j's plan descriptions. Neo4j prints these from its own
 * syntax tree: strings quoted, names that need it in backticks, no comments. A name is a call when "("
 * follows it; a name after ":" is a label or type (`e:Event(date)` in an index seek).
 */
export function calledNames(details: string): string[] {
  const names: string[] = [];
  // One token at a time: a string, a name (plain or `quoted`), or any other character.
  const token = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`((?:[^`]|``)*)`|([\p{L}_][\p{L}\p{N}_]*)|(\S)/gu;
  let chain: string[] = [];
  let chainAfter = '';
  let pendingDot = false;
  let previous = '';
  for (let match = token.exec(details); match; match = token.exec(details)) {
    const [, quoted, plain, other] = match;
    if (quoted !== undefined || plain !== undefined) {
      const part = quoted !== undefined ? quoted.replace(/``/g, '`') : plain!;
      if (pendingDot) chain.push(part);
      else {
        chainAfter = previous;
        chain = [part];
      }
      pendingDot = false;
      previous = 'name';
      continue;
    }
    if (other === '.' && chain.length > 0 && !pendingDot) {
      pendingDot = true;
      continue;
    }
    if (other === '(' && chain.length > 0 && !pendingDot && chainAfter !== ':' && chainAfter !== '$')
      names.push(chain.join('.'));
    chain = [];
    pendingDot = false;
    previous = other ?? 'string';
  }
  return names;
}

/** The procedure a ProcedureCall operator calls: its description starts "db.labels() :: (...)". */
function procedureOf(details: string): { name: string; args: string } {
  const open = details.indexOf('(');
  const name = (open < 0 ? details : details.slice(0, open)).trim().replace(/`/g, '');
  // The arguments are up to " :: ", where the output signature starts.
  const signature = details.lastIndexOf(' :: (');
  const args = open < 0 ? '' : details.slice(open, signature > open ? signature : undefined);
  return { name, args };
}

function checkFunction(name: string): void {
  if (!name.includes('.') || ALLOWED_FUNCTIONS.has(name.toLowerCase())) return;
  throw new Refusal(`the function ${name}() is not on the allow-list of this endpoint.`);
}

/**
 * Throws a Refusal unless the plan is a pure read of `database` that calls only allowed procedures
 * and functions. `summary` is the summary of `EXPLAIN <query>`.
 */
export function checkPlan(summary: ResultSummary, database: string | undefined): void {
  const type = summary.queryType;
  for (const op of operators(summary.plan as PlanNode | false)) {
    // Operators carry their database after an @: "ProcedureCall@neo4j", "AdministrationCommand@system".
    const [name = '', where] = op.operatorType.split('@');
    const refused = refusedOperator(name);
    if (refused) throw new Refusal(`${refused}.`);
    if (database && where && where !== database)
      throw new Refusal(`the query reads the database ${where}; only ${database} is served here.`);
    const details = typeof op.arguments?.Details === 'string' ? op.arguments.Details : '';
    if (name === 'ProcedureCall') {
      const { name: procedure, args } = procedureOf(details);
      if (!ALLOWED_PROCEDURES.has(procedure))
        throw new Refusal(
          `the procedure ${procedure} is not on the allow-list of this endpoint (allowed: ${[...ALLOWED_PROCEDURES].join(', ')}).`,
        );
      for (const called of calledNames(args)) checkFunction(called);
    } else {
      for (const called of calledNames(details)) checkFunction(called);
    }
  }
  if (type !== 'r') throw new Refusal(`this query ${QUERY_TYPES[type] ?? `is of type ${type}`}.`);
}
