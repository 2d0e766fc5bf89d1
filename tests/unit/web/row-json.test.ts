import { describe, expect, it } from 'vitest';
import { applyEvidence, evidenceWanted, relationshipsIn, type Evidence } from '../../../graph/evidence.ts';
import { RowJson } from '../../../web/server/row-json.ts';

const rel = (id: string, type: string, properties: Record<string, unknown>) => ({
  elementId: id,
  type,
  startNodeElementId: 'a',
  endNodeElementId: 'b',
  properties,
});

/** What the rows were before: kept as values, evidence applied in place, serialised at the end. */
function serialisedAfter(rows: unknown[][], found: Evidence[]): string {
  applyEvidence(evidenceWanted(relationshipsIn(rows)), found);
  return JSON.stringify(rows);
}

const rowsOf = () => [
  [rel('r1', 'ATTENDED', { role: '出席' }), 3],
  [{ path: [rel('r2', 'HELD_IN', {}), rel('r3', 'LOCATED', { x: 1 })] }, 'plain'],
  [rel('r4', 'HOLDS', { start: 5, end: 9, articleId: 'A1' }), null],
  ['no relationships', 2],
  // A user's map shaped like a relationship, with an evidence field present but null.
  [rel('r5', 'MENTIONED_IN', { sentence: null, n: 1 })],
];
const found: Evidence[] = [
  { id: 'r1', articleId: 'A1', sentence: '他出席了会议。', start: 0, end: 7 },
  { id: 'r2', articleId: 'A2', sentence: null, start: null, end: null },
  { id: 'r4', articleId: 'A1', sentence: '任命为县长', start: 5, end: 9 },
  { id: 'r5', articleId: 'A3', sentence: '提到', start: 1, end: 3 },
];

describe('rows serialised once as they stream (row-json.ts)', () => {
  it('gives the JSON the rows had when serialised after their evidence was filled in', () => {
    const writer = new RowJson();
    for (const row of rowsOf()) writer.add(writer.prepare(row));
    applyEvidence(writer.bags, found);
    expect(writer.toJson()).toBe(serialisedAfter(rowsOf(), found));
  });

  it('weighs each row as its JSON without the markers', () => {
    const writer = new RowJson();
    for (const row of rowsOf()) {
      const before = JSON.stringify(row).length;
      const prepared = writer.prepare(row);
      expect(prepared.size).toBe(before);
      writer.add(prepared);
    }
  });

  it('leaves no marker behind when no evidence is found', () => {
    const writer = new RowJson();
    for (const row of rowsOf()) writer.add(writer.prepare(row));
    expect(writer.toJson()).toBe(JSON.stringify(rowsOf()));
  });

  it('keeps only the rows added, and their relationships to look up', () => {
    const writer = new RowJson();
    const [first, second] = rowsOf();
    writer.add(writer.prepare(first!));
    writer.prepare(second!);
    expect(writer.length).toBe(1);
    expect(writer.bags.map((b) => b.id)).toEqual(['r1']);
    expect(writer.firstRow?.[1]).toBe(3);
  });
});
