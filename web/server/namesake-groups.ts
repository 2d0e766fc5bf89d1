// Which namesakes are one person, from the reviewer's pairwise decisions. A group is a connected
// component of "same" decisions (甲 = 乙 and 乙 = 丙 make 甲, 乙, 丙 one person); a "different" decision
// between two people keeps them in two groups. When decisions contradict each other, the later one
// wins: the "same" decisions are replayed in the order they were made, and one that would join two
// people decided different is withdrawn (it goes back to the review list undecided). So a "different"
// between two members of a group splits it where it was last joined. The rule is in cypher/README.md.
import StaticDisjointSet from 'mnemonist/static-disjoint-set.js';

export interface PairDecision {
  a: string;
  b: string;
  verdict: 'same' | 'different';
  /** When it was made (ms); ties in the order of the pair. */
  at: number;
}

export interface Grouping {
  /** Each group of two or more people, its ids sorted; groups in the order of their first id. */
  groups: string[][];
  /** "Same" decisions that contradict later "different" ones: to be withdrawn. */
  withdrawn: PairDecision[];
}

const order = (x: PairDecision, y: PairDecision) =>
  x.at - y.at || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);

export function groupNamesakes(people: string[], decisions: PairDecision[]): Grouping {
  const ids = [...new Set([...people, ...decisions.flatMap((d) => [d.a, d.b])])].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const sets = new StaticDisjointSet(ids.length);
  const apart = decisions.filter((d) => d.verdict === 'different');
  const withdrawn: PairDecision[] = [];
  for (const decision of decisions.filter((d) => d.verdict === 'same').sort(order)) {
    const x = index.get(decision.a)!;
    const y = index.get(decision.b)!;
    if (sets.connected(x, y)) continue;
    // Joining the two sets must not make one person of two decided different.
    const contradicts = apart.some((d) => {
      const [p, q] = [sets.find(index.get(d.a)!), sets.find(index.get(d.b)!)];
      const [rx, ry] = [sets.find(x), sets.find(y)];
      return (p === rx && q === ry) || (p === ry && q === rx);
    });
    if (contradicts) withdrawn.push(decision);
    else sets.union(x, y);
  }
  const byRoot = new Map<number, string[]>();
  ids.forEach((id, i) => {
    const root = sets.find(i);
    byRoot.set(root, [...(byRoot.get(root) ?? []), id]);
  });
  return { groups: [...byRoot.values()].filter((g) => g.length > 1), withdrawn };
}

/** Every pair of a group, in id order (what is stored so that one index seek finds a whole group). */
export const pairsOf = (group: string[]): [string, string][] =>
  group.flatMap((x, i) => group.slice(i + 1).map((y): [string, string] => [x, y]));
