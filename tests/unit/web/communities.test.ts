// Louvain on the co-attendance graph (what the community worker runs) and the colours it gives.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../web/src/graph/derive.ts';
import { detectCommunities } from '../../../web/src/map/community-worker.ts';
import { coAttendance, communityPaint, COMMUNITY_COLORS } from '../../../web/src/map/paint.ts';

describe('communities', () => {
  it('finds two groups of people who attend events together, joined by one shared event', () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'f'];
    const events: [string, string[]][] = [
      ['1', ['a', 'b', 'c']],
      ['2', ['a', 'b', 'c']],
      ['3', ['d', 'e', 'f']],
      ['4', ['d', 'e', 'f']],
      ['5', ['c', 'd']],
    ];
    const graph = buildGraph({
      nodes: [
        ...people.map((p) => ({ id: `Person:${p}`, labels: ['Person'], properties: { id: p, name: p } })),
        ...events.map(([e]) => ({ id: `Event:${e}`, labels: ['Event'], properties: { id: e } })),
      ],
      edges: events.flatMap(([e, who]) =>
        who.map((p) => ({
          id: `${p}-${e}`,
          source: `Person:${p}`,
          target: `Event:${e}`,
          type: 'ATTENDED',
          properties: {},
        })),
      ),
    });
    const co = coAttendance(graph, new Set());
    expect(co.people).toHaveLength(6);
    const { communities } = detectCommunities({
      people: co.people.length,
      pairs: co.pairs,
      weights: co.weights,
    });
    const of = (p: string) => communities[co.people.indexOf(`Person:${p}`)];
    expect(of('a')).toBe(of('b'));
    expect(of('b')).toBe(of('c'));
    expect(of('d')).toBe(of('f'));
    expect(of('a')).not.toBe(of('d'));
    const { paint, groups, total } = communityPaint(graph, co.people, communities, new Set());
    expect(total).toBe(2);
    expect(groups.map((g) => g.size)).toEqual([3, 3]);
    expect(paint.get('Person:a')!.color).toBe(paint.get('Event:1')!.color);
    expect(COMMUNITY_COLORS).toContain(paint.get('Person:d')!.color);
    // The same view gives the same groups every time.
    expect(
      detectCommunities({ people: co.people.length, pairs: co.pairs, weights: co.weights }).communities,
    ).toEqual(communities);
  });
});
