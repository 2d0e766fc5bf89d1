// Colour modes other than "by kind": places by the number of visits in view (the timeline's range and
// the filters applied: hidden events do not count), and people by their Louvain community of
// co-attendance (community-worker.ts). Each gives a map of display overrides, computed once per change
// of view or filter; sigma's node reducer only looks them up.
import { count } from '../i18n.ts';
import type { CadreGraph } from '../graph/derive.ts';
import { s } from '../tables/strings.ts';

export interface Paint {
  color?: string;
  size?: number;
  label?: string;
}
export type PaintMap = ReadonlyMap<string, Paint>;

const NOBODY = '#c9ced6';

/**
 * Visits of each place in view: the events on screen held there (not hidden by a filter) plus, on the
 * start page, the events its weighted VISITED edges stand for.
 */
export function visitCounts(graph: CadreGraph, hidden: ReadonlySet<string>): Map<string, number> {
  const visits = new Map<string, number>();
  graph.forEachNode((id, a) => {
    if (a.kind !== 'Place' || hidden.has(id)) return;
    let n = 0;
    graph.forEachInEdge(id, (_e, edge, source) => {
      if (hidden.has(source)) return;
      if (edge.relType === 'HELD_IN') n += 1;
      else if (edge.relType === 'VISITED' && typeof edge.properties.events === 'number')
        n += edge.properties.events;
    });
    visits.set(id, n);
  });
  return visits;
}

/** Light to dark green by visits; grey where nobody went. */
function shade(fraction: number): string {
  const from = [0xb9, 0xe4, 0xc4];
  const to = [0x14, 0x5a, 0x2c];
  const mix = from.map((c, i) => Math.round(c + (to[i]! - c) * fraction));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

export function visitPaint(graph: CadreGraph, hidden: ReadonlySet<string>): PaintMap {
  const visits = visitCounts(graph, hidden);
  const max = Math.max(1, ...visits.values());
  const paint = new Map<string, Paint>();
  for (const [id, n] of visits) {
    const caption = graph.getNodeAttribute(id, 'caption');
    const fraction = Math.sqrt(n / max);
    paint.set(id, {
      color: n === 0 ? NOBODY : shade(fraction),
      size: 4 + 14 * fraction,
      label: `${caption} · ${s('visits', { n: count(n) })}`,
    });
  }
  return paint;
}

/** Ten colours that stay apart (Tableau 10), the largest communities first; the rest in grey. */
export const COMMUNITY_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];
const OTHER = '#d5d8dd';

export interface CoAttendance {
  /** Node ids of the people, by index. */
  people: string[];
  /** Pairs of people indexes and the number of events they share in view. */
  pairs: Uint32Array;
  weights: Float64Array;
}

/** The co-attendance graph of the people in view: two people are linked by the events both attended. */
export function coAttendance(graph: CadreGraph, hidden: ReadonlySet<string>): CoAttendance {
  const people: string[] = [];
  const index = new Map<string, number>();
  const weight = new Map<string, number>();
  const add = (a: string, b: string, w: number) => {
    for (const p of [a, b])
      if (!index.has(p)) {
        index.set(p, people.length);
        people.push(p);
      }
    const [x, y] = [index.get(a)!, index.get(b)!].sort((m, n) => m - n);
    const key = `${x} ${y}`;
    weight.set(key, (weight.get(key) ?? 0) + w);
  };
  graph.forEachNode((id, a) => {
    if (a.kind !== 'Event' || hidden.has(id)) return;
    const who = [
      ...new Set(
        graph.inNeighbors(id).filter((n) => !hidden.has(n) && graph.getNodeAttribute(n, 'kind') === 'Person'),
      ),
    ];
    for (let i = 0; i < who.length; i++) for (let j = i + 1; j < who.length; j++) add(who[i]!, who[j]!, 1);
  });
  // The co-attendance view's MET edges already count shared events.
  graph.forEachEdge((_e, a, source, target) => {
    if (a.relType === 'MET' && !hidden.has(source) && !hidden.has(target))
      add(source, target, typeof a.properties.meetings === 'number' ? a.properties.meetings : 1);
  });
  const pairs = new Uint32Array(weight.size * 2);
  const weights = new Float64Array(weight.size);
  let k = 0;
  for (const [key, w] of weight) {
    const [x, y] = key.split(' ').map(Number);
    pairs[k * 2] = x!;
    pairs[k * 2 + 1] = y!;
    weights[k++] = w;
  }
  return { people, pairs, weights };
}

export interface CommunityGroup {
  color: string;
  size: number;
  /** The member with the most shared events, to name the group by. */
  lead: string;
}

/** Colours from the communities (one number per person of `people`): people, and events by majority. */
export function communityPaint(
  graph: CadreGraph,
  people: string[],
  communities: Int32Array,
  hidden: ReadonlySet<string>,
): { paint: PaintMap; groups: CommunityGroup[]; total: number } {
  const members = new Map<number, string[]>();
  people.forEach((id, i) => {
    const c = communities[i]!;
    if (!members.has(c)) members.set(c, []);
    members.get(c)!.push(id);
  });
  const ranked = [...members].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  const colorOf = new Map<number, string>();
  ranked.forEach(([c], i) => colorOf.set(c, COMMUNITY_COLORS[i] ?? OTHER));
  const paint = new Map<string, Paint>();
  const communityOf = new Map<string, number>();
  people.forEach((id, i) => {
    communityOf.set(id, communities[i]!);
    paint.set(id, { color: colorOf.get(communities[i]!) ?? OTHER });
  });
  graph.forEachNode((id, a) => {
    if (a.kind === 'Person' && !communityOf.has(id)) paint.set(id, { color: OTHER });
    if (a.kind !== 'Event' || hidden.has(id)) return;
    const votes = new Map<number, number>();
    for (const n of graph.inNeighbors(id)) {
      const c = communityOf.get(n);
      if (c !== undefined) votes.set(c, (votes.get(c) ?? 0) + 1);
    }
    const best = [...votes].sort((x, y) => y[1] - x[1])[0];
    paint.set(id, { color: best ? (colorOf.get(best[0]) ?? OTHER) : OTHER });
  });
  const groups = ranked.slice(0, COMMUNITY_COLORS.length).map(([c, ids]) => {
    const lead = [...ids].sort((x, y) => graph.degree(y) - graph.degree(x))[0]!;
    return { color: colorOf.get(c)!, size: ids.length, lead: graph.getNodeAttribute(lead, 'caption') };
  });
  return { paint, groups, total: ranked.length };
}
