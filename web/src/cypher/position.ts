// Where a Neo4j error points in the query: from the position the server reports (1-based line and
// column, 0-based offset), or failing that from the message's "(line 2, column 7 (offset: 31))",
// widened to the word that starts there so the editor can underline it.
import type { ApiErrorBody } from '../../contract.ts';

export interface ErrorPosition {
  line: number;
  column: number;
  offset: number;
}

export interface ErrorRange extends ErrorPosition {
  from: number;
  to: number;
}

const MESSAGE_POSITION = /line (\d+), column (\d+) \(offset: (\d+)\)/;

export function positionFromMessage(message: string): ErrorPosition | null {
  const match = MESSAGE_POSITION.exec(message);
  if (!match) return null;
  return { line: Number(match[1]), column: Number(match[2]), offset: Number(match[3]) };
}

/** The 0-based offset of a 1-based line and column, clamped to the query. */
export function offsetOf(query: string, line: number, column: number): number {
  const lines = query.split('\n');
  const lineIndex = Math.min(Math.max(line, 1), lines.length) - 1;
  let offset = 0;
  for (let i = 0; i < lineIndex; i++) offset += (lines[i] ?? '').length + 1;
  const length = (lines[lineIndex] ?? '').length;
  return offset + Math.min(Math.max(column - 1, 0), length);
}

/** The 1-based line and column of a 0-based offset. */
export function lineColumnOf(query: string, offset: number): { line: number; column: number } {
  const before = query.slice(0, Math.max(0, Math.min(offset, query.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

const WORD = /[\p{L}\p{N}_$`]/u;

/**
 * The range to mark for an error: the word at the position, one character when there is no word
 * there, the last character when the error is at the very end (e.g. a missing RETURN).
 */
export function errorRange(
  query: string,
  error: Pick<ApiErrorBody, 'error' | 'position'>,
): ErrorRange | null {
  const position = error.position ?? positionFromMessage(error.error);
  if (!position || query.length === 0) return null;
  let from =
    Number.isInteger(position.offset) && position.offset >= 0 && position.offset <= query.length
      ? position.offset
      : offsetOf(query, position.line, position.column);
  // Trust the offset only if it agrees with line and column when both are there.
  const atOffset = lineColumnOf(query, from);
  if (
    error.position &&
    (atOffset.line !== position.line || atOffset.column !== position.column) &&
    position.line >= 1 &&
    position.column >= 1
  ) {
    from = offsetOf(query, position.line, position.column);
  }
  if (from >= query.length) from = query.length - 1;
  let to = from;
  while (to < query.length && WORD.test(query[to]!)) to++;
  if (to === from) to = from + 1;
  return { ...position, from, to };
}
