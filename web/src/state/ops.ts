// The exploration as a list of steps. The view on screen is always the result of replaying the steps
// up to the history cursor, so undo/redo and a shared URL need nothing but this list.
export type Op =
  /** Start page: the latest events (replaces the view). */
  | { t: 'overview' }
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
  /** A named query's graph (replaces the view). */
  | { t: 'view'; name: string; params: Record<string, string> }
  /** A graph handed over by the Cypher panel; kept in memory only (not in the URL). */
  | { t: 'graph'; key: string; mode: 'merge' | 'replace' };

export const replaces = (op: Op) =>
  op.t === 'overview' || op.t === 'start' || op.t === 'view' || (op.t === 'graph' && op.mode === 'replace');

/** Undo/redo over the steps. */
export class History {
  private ops: Op[] = [];
  private cursor = 0;

  constructor(initial: Op[] = []) {
    this.ops = [...initial];
    this.cursor = this.ops.length;
  }

  push(op: Op): void {
    this.ops = [...this.ops.slice(0, this.cursor), op];
    this.cursor = this.ops.length;
  }

  /** The steps in effect. */
  current(): Op[] {
    return this.ops.slice(0, this.cursor);
  }

  canUndo = () => this.cursor > 1;
  canRedo = () => this.cursor < this.ops.length;

  undo(): boolean {
    if (!this.canUndo()) return false;
    this.cursor -= 1;
    return true;
  }

  redo(): boolean {
    if (!this.canRedo()) return false;
    this.cursor += 1;
    return true;
  }
}

/** Compact, URL-safe-ish form of the steps for the address bar (graphs from Cypher are left out). */
export function encodeOps(ops: Op[]): string {
  // Only the steps since the last view-replacing one matter.
  let start = 0;
  ops.forEach((op, i) => {
    if (replaces(op) && op.t !== 'graph') start = i;
  });
  const tuples = ops.slice(start).flatMap((op): unknown[][] => {
    switch (op.t) {
      case 'overview':
        return [['o']];
      case 'start':
        return [['s', op.id]];
      case 'add':
        return [['a', op.id]];
      case 'expand':
        return [['x', op.id, op.page]];
      case 'collapse':
        return [['c', op.id]];
      case 'remove':
        return [['r', op.id]];
      case 'pin':
        return [['p', op.id, op.on ? 1 : 0]];
      case 'view':
        return [['v', op.name, op.params]];
      case 'graph':
        return [];
    }
  });
  return JSON.stringify(tuples);
}

export function decodeOps(text: string): Op[] {
  const tuples: unknown = JSON.parse(text);
  if (!Array.isArray(tuples)) throw new Error('bad ops');
  const ops: Op[] = [];
  for (const tuple of tuples as unknown[][]) {
    const [tag, a, b] = tuple;
    const id = String(a);
    if (tag === 'o') ops.push({ t: 'overview' });
    else if (tag === 's') ops.push({ t: 'start', id });
    else if (tag === 'a') ops.push({ t: 'add', id });
    else if (tag === 'x') ops.push({ t: 'expand', id, page: Number(b) || 0 });
    else if (tag === 'c') ops.push({ t: 'collapse', id });
    else if (tag === 'r') ops.push({ t: 'remove', id });
    else if (tag === 'p') ops.push({ t: 'pin', id, on: b === 1 });
    else if (tag === 'v') ops.push({ t: 'view', name: id, params: (b ?? {}) as Record<string, string> });
  }
  return ops;
}
