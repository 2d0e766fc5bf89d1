import { describe, expect, it } from 'vitest';
import {
  clearHistory,
  HISTORY_KEY,
  HISTORY_MAX,
  historyLabel,
  loadHistory,
  pushHistory,
  type KeyValueStorage,
} from '../../../web/src/cypher/history.ts';

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('query history', () => {
  it('keeps the newest first, moves a repeated query up and trims whitespace', () => {
    const storage = memoryStorage();
    pushHistory(storage, 'MATCH (n) RETURN n', 1);
    pushHistory(storage, '  RETURN 1 ', 2);
    const entries = pushHistory(storage, 'MATCH (n) RETURN n', 3);
    expect(entries).toEqual([
      { query: 'MATCH (n) RETURN n', at: 3 },
      { query: 'RETURN 1', at: 2 },
    ]);
    expect(loadHistory(storage)).toEqual(entries);
  });

  it('ignores empty queries and keeps at most HISTORY_MAX entries', () => {
    const storage = memoryStorage();
    expect(pushHistory(storage, '   ', 1)).toEqual([]);
    for (let i = 0; i < HISTORY_MAX + 10; i++) pushHistory(storage, `RETURN ${i}`, i);
    const entries = loadHistory(storage);
    expect(entries).toHaveLength(HISTORY_MAX);
    expect(entries[0]!.query).toBe(`RETURN ${HISTORY_MAX + 9}`);
  });

  it('survives broken, foreign or missing storage', () => {
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: '{not json' }))).toEqual([]);
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: '{"a":1}' }))).toEqual([]);
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: '[{"query":"RETURN 1","at":1},{"q":2}]' }))).toEqual([
      { query: 'RETURN 1', at: 1 },
    ]);
    expect(loadHistory(undefined)).toEqual([]);
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(pushHistory(full, 'RETURN 1', 5)).toEqual([{ query: 'RETURN 1', at: 5 }]);
  });

  it('clears', () => {
    const storage = memoryStorage();
    pushHistory(storage, 'RETURN 1', 1);
    clearHistory(storage);
    expect(loadHistory(storage)).toEqual([]);
  });

  it('labels a query on one line, shortened', () => {
    expect(historyLabel('MATCH (n)\n  RETURN n')).toBe('MATCH (n) RETURN n');
    expect(historyLabel('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
