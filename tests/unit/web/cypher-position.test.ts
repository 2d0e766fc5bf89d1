import { describe, expect, it } from 'vitest';
import { errorRange, lineColumnOf, offsetOf, positionFromMessage } from '../../../web/src/cypher/position.ts';

describe('error positions', () => {
  const query = 'MATCH (p:Person)\nRETRUN p.name';

  it('marks the word at the position the server reports', () => {
    const range = errorRange(query, { error: 'Invalid input', position: { line: 2, column: 1, offset: 17 } });
    expect(range).toMatchObject({ from: 17, to: 23, line: 2, column: 1 });
    expect(query.slice(range!.from, range!.to)).toBe('RETRUN');
  });

  it('reads the position from the message when the body has none', () => {
    const message = "Invalid input 'RETRUN': expected 'RETURN' (line 2, column 1 (offset: 17))";
    expect(positionFromMessage(message)).toEqual({ line: 2, column: 1, offset: 17 });
    expect(errorRange(query, { error: message })).toMatchObject({ from: 17, to: 23 });
    expect(errorRange(query, { error: 'no position here' })).toBeNull();
  });

  it('prefers line and column when the offset disagrees with them', () => {
    const range = errorRange(query, { error: '', position: { line: 2, column: 1, offset: 99 } });
    expect(range).toMatchObject({ from: 17, to: 23 });
  });

  it('marks one character on punctuation and the last one at the very end', () => {
    expect(
      errorRange('MATCH (n RETURN n', { error: '', position: { line: 1, column: 7, offset: 6 } }),
    ).toMatchObject({
      from: 6,
      to: 7,
    });
    const end = errorRange('MATCH (n)', { error: '', position: { line: 1, column: 10, offset: 9 } });
    expect(end).toMatchObject({ from: 8, to: 9 });
  });

  it('handles Chinese identifiers as words', () => {
    const text = 'RETURN 人物.姓名';
    expect(errorRange(text, { error: '', position: { line: 1, column: 8, offset: 7 } })).toMatchObject({
      from: 7,
      to: 9,
    });
  });

  it('converts between offsets and 1-based lines and columns', () => {
    expect(offsetOf(query, 2, 3)).toBe(19);
    expect(lineColumnOf(query, 19)).toEqual({ line: 2, column: 3 });
    expect(offsetOf(query, 9, 99)).toBe(query.length);
  });
});
