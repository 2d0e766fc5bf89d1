// The view log: the exploration as a list of steps. The view on screen is always the result of replaying
// the steps up to the cursor, so undo/redo and a shared URL need nothing but this list. Node ids are
// stable keys (Label:id), so a URL still works after the database is rebuilt.
export type Mode = 'replace' | 'merge';

export type Op =
  /** Start page: the most active officials and where they went (replaces the view). */
  | { t: 'overview'; people?: number }
  /** Start from one node, e.g. a search hit (replaces the view). */
  | { t: 'start'; id: string }
  /** Add one node to the view. */
  | { t: 'add'; id: string }
  /** Load the next page of a node's neighbours. */
  | { t: 'expand'; id: string; page: number }
  /** Remove the neighbours that expanding the node brought in (pinned nodes stay). */
  | { t: 'collapse'; id: string }
  | { t: 'remove'; id: string }
  | { t: 'pin'; id: string; on: boolean }
  /** A named query's graph; `limit` grows with "load more". */
  | { t: 'view'; name: string; params: Record<string, string>; mode?: Mode; limit?: number }
  /** A Cypher query from the drawer, kept by its text and parameters. */
  | { t: 'cypher'; query: string; params: Record<string, unknown>; limit: number; mode: Mode };

export const replaces = (op: Op) =>
  op.t === 'overview' ||
  op.t === 'start' ||
  ((op.t === 'view' || op.t === 'cypher') && (op.mode ?? 'replace') === 'replace');

export interface ViewLog {
  ops: Op[];
  cursor: number;
}

export const logOf = (ops: Op[]): ViewLog => ({ ops, cursor: ops.length });
export const current = (log: ViewLog): Op[] => log.ops.slice(0, log.cursor);
export const canUndo = (log: ViewLog) => log.cursor > 1;
export const canRedo = (log: ViewLog) => log.cursor < log.ops.length;

export function push(log: ViewLog, op: Op): ViewLog {
  const ops = [...log.ops.slice(0, log.cursor), op];
  return { ops, cursor: ops.length };
}

/** Replaces the last step (a "load more" of the same view is not a step of its own). */
export function amend(log: ViewLog, op: Op): ViewLog {
  const ops = [...log.ops.slice(0, log.cursor - 1), op];
  return { ops, cursor: ops.length };
}

export const undo = (log: ViewLog): ViewLog => (canUndo(log) ? { ...log, cursor: log.cursor - 1 } : log);
export const redo = (log: ViewLog): ViewLog => (canRedo(log) ? { ...log, cursor: log.cursor + 1 } : log);

/** Compact form of the steps for the address bar: only those since the last view-replacing one. */
export function encodeOps(ops: Op[]): string {
  let start = 0;
  ops.forEach((op, i) => {
    if (replaces(op)) start = i;
  });
  const tuples = ops.slice(start).map((op): unknown[] => {
    switch (op.t) {
      case 'overview':
        return op.people ? ['o', op.people] : ['o'];
      case 'start':
        return ['s', op.id];
      case 'add':
        return ['a', op.id];
      case 'expand':
        return ['x', op.id, op.page];
      case 'collapse':
        return ['c', op.id];
      case 'remove':
        return ['r', op.id];
      case 'pin':
        return ['p', op.id, op.on ? 1 : 0];
      case 'view':
        return ['v', op.name, op.params, op.mode === 'merge' ? 1 : 0, op.limit ?? 0];
      case 'cypher':
        return ['q', op.query, op.params, op.mode === 'merge' ? 1 : 0, op.limit];
    }
  });
  return JSON.stringify(tuples);
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export function decodeOps(text: string): Op[] {
  const tuples: unknown = JSON.parse(text);
  if (!Array.isArray(tuples)) throw new Error('bad ops');
  const ops: Op[] = [];
  for (const tuple of tuples as unknown[]) {
    if (!Array.isArray(tuple)) continue;
    const [tag, a, b, c, d] = tuple as unknown[];
    const id = String(a);
    if (tag === 'o') ops.push(typeof a === 'number' ? { t: 'overview', people: a } : { t: 'overview' });
    else if (tag === 's') ops.push({ t: 'start', id });
    else if (tag === 'a') ops.push({ t: 'add', id });
    else if (tag === 'x') ops.push({ t: 'expand', id, page: Number(b) || 0 });
    else if (tag === 'c') ops.push({ t: 'collapse', id });
    else if (tag === 'r') ops.push({ t: 'remove', id });
    else if (tag === 'p') ops.push({ t: 'pin', id, on: b === 1 });
    else if (tag === 'v') {
      const params = Object.fromEntries(Object.entries(record(b)).map(([k, v]) => [k, String(v)]));
      ops.push({
        t: 'view',
        name: id,
        params,
        mode: c === 1 ? 'merge' : 'replace',
        limit: Number(d) || undefined,
      });
    } else if (tag === 'q')
      ops.push({
        t: 'cypher',
        query: id,
        params: record(b),
        mode: c === 1 ? 'merge' : 'replace',
        limit: Number(d) || 1000,
      });
  }
  return ops;
}
