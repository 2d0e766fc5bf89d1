// The rule that turns a reviewer's pairwise namesake decisions into groups (web/server/namesake-groups.ts):
// "same" is transitive, and a later "different" splits a group where it was last joined.
import { describe, expect, it } from 'vitest';
import { groupNamesakes, pairsOf, type PairDecision } from '../../../web/server/namesake-groups.ts';

const same = (a: string, b: string, at: number): PairDecision => ({ a, b, verdict: 'same', at });
const different = (a: string, b: string, at: number): PairDecision => ({ a, b, verdict: 'different', at });

describe('namesake groups', () => {
  it('makes one group of a chain of "same" decisions', () => {
    const { groups, withdrawn } = groupNamesakes(
      ['A', 'B', 'C', 'D'],
      [same('A', 'B', 1), same('B', 'C', 2)],
    );
    expect(groups).toEqual([['A', 'B', 'C']]);
    expect(withdrawn).toEqual([]);
  });

  it('splits a group where it was last joined when two of it are decided different', () => {
    const { groups, withdrawn } = groupNamesakes(
      ['A', 'B', 'C'],
      [same('A', 'B', 1), same('B', 'C', 2), different('A', 'C', 3)],
    );
    expect(groups).toEqual([['A', 'B']]);
    expect(withdrawn).toEqual([same('B', 'C', 2)]);
  });

  it('keeps what does not contradict the "different": the other branch of the group stays', () => {
    // A–B, B–C, C–D, B–E; A ≠ D: only C–D (the last join between A's side and D) goes.
    const { groups, withdrawn } = groupNamesakes(
      ['A', 'B', 'C', 'D', 'E'],
      [same('A', 'B', 1), same('B', 'C', 2), same('C', 'D', 3), same('B', 'E', 4), different('A', 'D', 5)],
    );
    expect(groups).toEqual([['A', 'B', 'C', 'E']]);
    expect(withdrawn.map((d) => `${d.a}-${d.b}`)).toEqual(['C-D']);
  });

  it('withdraws every "same" that would still join the two, a redundant one included', () => {
    const { groups, withdrawn } = groupNamesakes(
      ['A', 'B', 'C'],
      [same('A', 'B', 1), same('B', 'C', 2), same('A', 'C', 3), different('B', 'C', 4)],
    );
    expect(groups).toEqual([['A', 'B']]);
    expect(withdrawn.map((d) => `${d.a}-${d.b}`).sort()).toEqual(['A-C', 'B-C']);
  });

  it('leaves people without a "same" out of every group', () => {
    expect(groupNamesakes(['A', 'B'], [different('A', 'B', 1)]).groups).toEqual([]);
  });

  it('lists every pair of a group in id order', () => {
    expect(pairsOf(['A', 'B', 'C'])).toEqual([
      ['A', 'B'],
      ['A', 'C'],
      ['B', 'C'],
    ]);
  });
});
