// Query history in localStorage: newest first, no duplicates, at most MAX entries. Storage that is
// missing, full or holds something unreadable never breaks the panel.

export const HISTORY_KEY = 'cadre-graph.cypher-history';
export const HISTORY_MAX = 50;

export interface HistoryEntry {
  query: string;
  /** Milliseconds since the epoch of the last run. */
  at: number;
}

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function loadHistory(storage: KeyValueStorage | undefined): HistoryEntry[] {
  let raw: string | null;
  try {
    raw = storage?.getItem(HISTORY_KEY) ?? null;
  } catch {
    return [];
  }
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter(
        (entry): entry is HistoryEntry =>
          !!entry &&
          typeof (entry as HistoryEntry).query === 'string' &&
          typeof (entry as HistoryEntry).at === 'number',
      )
      .slice(0, HISTORY_MAX);
  } catch {
    return [];
  }
}

/** Adds a query at the top (moving it up if it was already there) and saves; returns the new list. */
export function pushHistory(
  storage: KeyValueStorage | undefined,
  query: string,
  at: number = Date.now(),
): HistoryEntry[] {
  const text = query.trim();
  const previous = loadHistory(storage);
  if (!text) return previous;
  const next = [{ query: text, at }, ...previous.filter((entry) => entry.query !== text)].slice(
    0,
    HISTORY_MAX,
  );
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(next));
  } catch {
    // Quota exceeded or storage disabled: the history lives on for this page only.
  }
  return next;
}

export function clearHistory(storage: KeyValueStorage | undefined): void {
  try {
    storage?.removeItem(HISTORY_KEY);
  } catch {
    // Nothing to do: there is no history to clear.
  }
}

/** One line for a history list: whitespace collapsed, cut at `max` characters. */
export function historyLabel(query: string, max = 90): string {
  const line = query.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
