import { afterEach, describe, expect, it } from 'vitest';
import type { GraphEdge } from '../../../web/src/api.ts';
import { deriveGraph, type CadreGraph } from '../../../web/src/graph/derive.ts';
import { LABEL_STYLES } from '../../../web/src/graph/style.ts';
import { setLang } from '../../../web/src/i18n.ts';
import type { ViewContent, ViewNode } from '../../../web/src/state/view.ts';

const person = (id: string, name: string, degree: number | null = null, weight?: number): ViewNode => ({
  id: `Person:${id}`,
  labels: ['Person'],
  properties: { id, name },
  degree,
  ...(weight === undefined ? {} : { weight }),
});
const event = (id: string, title: string, date: string, degree: number | null = null): ViewNode => ({
  id: `Event:${id}`,
  labels: ['Event'],
  properties: { id, title, date },
  degree,
});
const edge = (id: string, source: string, target: string, type: string, properties = {}): GraphEdge => ({
  id,
  source,
  target,
  type,
  properties,
});

function content(nodes: ViewNode[], edges: GraphEdge[], extra: Partial<ViewContent> = {}): ViewContent {
  return {
    nodes: new Map(nodes.map((n) => [n.id, n])),
    edges: new Map(edges.map((e) => [e.id, e])),
    expansions: new Map(),
    pinned: new Set(),
    origin: new Map(),
    notices: [],
    ...extra,
  };
}

const derive = (
  c: ViewContent,
  previous: CadreGraph | null = null,
  saved = new Map<string, [number, number]>(),
) => deriveGraph({ content: c, previous, saved: (id) => saved.get(id), size: 'degree' });

afterEach(() => setLang('zh'));

describe('deriveGraph', () => {
  const xu = person('徐旭@浙江省', '徐旭', 3);
  const meeting = event('a#1/e1', '全县经济工作会议', '2022-04-01', 1);
  const attended = edge('r1', xu.id, meeting.id, 'ATTENDED', { role: '主持' });

  it('builds a new graph with captions, colours, edge labels and "+N" for neighbours not shown', () => {
    const { graph, added } = derive(content([xu, meeting], [attended]));
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(1);
    const a = graph.getNodeAttributes(xu.id);
    // 3 relationships in the database, 1 on screen.
    expect(a.label).toBe('徐旭 +2');
    expect(a.caption).toBe('徐旭');
    expect(a.kind).toBe('Person');
    expect(a.color).toBe(LABEL_STYLES.Person!.color);
    expect(graph.getNodeAttribute(meeting.id, 'label')).toBe('全县经济工作会议 · 2022-04-01');
    const e = graph.getEdgeAttributes('r1');
    expect([e.label, e.relType, e.type, e.weighted]).toEqual(['主持', 'ATTENDED', 'arrow', false]);
    expect(new Set(added)).toEqual(new Set([xu.id, meeting.id]));
  });

  it('keeps positions of nodes already on screen, takes saved ones, and places new ones near their origin', () => {
    const first = derive(content([xu, meeting], [attended])).graph;
    first.mergeNodeAttributes(xu.id, { x: 100, y: -50 });
    first.mergeNodeAttributes(meeting.id, { x: 90, y: -40 });
    const other = event('a#2/e1', '调研', '2022-05-02');
    const saved = event('a#3/e1', '座谈会', '2022-06-03');
    const next = derive(
      content(
        [xu, meeting, other, saved],
        [attended, edge('r2', xu.id, other.id, 'ATTENDED'), edge('r3', xu.id, saved.id, 'ATTENDED')],
        { origin: new Map([[other.id, xu.id]]) },
      ),
      first,
      new Map([[saved.id, [7, 8]]]),
    );
    expect(next.graph).not.toBe(first);
    expect(first.order).toBe(2);
    expect(next.graph.getNodeAttributes(xu.id)).toMatchObject({ x: 100, y: -50 });
    expect(next.graph.getNodeAttributes(saved.id)).toMatchObject({ x: 7, y: 8 });
    const o = next.graph.getNodeAttributes(other.id);
    // Around the node whose expansion brought it in, not at the origin of the plane.
    expect(Math.hypot(o.x - 100, o.y + 50)).toBeLessThan(30);
    expect(next.added).toEqual([other.id]);
  });

  it('puts new nodes that nothing brought in around the ones placed before, not at the origin', () => {
    const known = person('k@x', '甲');
    const newcomer = person('n@x', '乙');
    const { graph, added } = derive(
      content([known, newcomer], []),
      null,
      new Map([[known.id, [1000, 1000]]]),
    );
    const a = graph.getNodeAttributes(newcomer.id);
    expect(Math.hypot(a.x - 1000, a.y - 1000)).toBeLessThan(50);
    expect(added).toEqual([newcomer.id]);
  });

  it('spreads nodes that nothing brought in so no two share a position', () => {
    const people = Array.from({ length: 50 }, (_, i) => person(`p${i}`, `人${i}`));
    const { graph } = derive(content(people, []));
    const spots = new Set(graph.mapNodes((_n, a) => `${a.x.toFixed(3)},${a.y.toFixed(3)}`));
    expect(spots.size).toBe(50);
  });

  it('counts loaded pages of an expansion in "+N", and pinned nodes are fixed', () => {
    const { graph } = derive(
      content([xu, meeting], [attended], {
        expansions: new Map([[xu.id, { loaded: 25, total: 1608, pages: 1 }]]),
        pinned: new Set([meeting.id]),
      }),
    );
    expect(graph.getNodeAttribute(xu.id, 'label')).toBe('徐旭 +1,583');
    expect(graph.getNodeAttribute(meeting.id, 'fixed')).toBe(true);
    expect(graph.getNodeAttribute(xu.id, 'fixed')).toBe(false);
  });

  it('sizes by the view weight when there is one, else by degree; weighted edges are lines with a label', () => {
    const busy = person('a@x', '甲', 40, 30);
    const quiet = person('b@x', '乙', 40, 3);
    const met = edge('met:a:b', busy.id, quiet.id, 'MET', { meetings: 3, weight: 3 });
    const { graph } = derive(content([busy, quiet], [met]));
    expect(graph.getNodeAttribute(busy.id, 'size')).toBeGreaterThan(graph.getNodeAttribute(quiet.id, 'size'));
    // No "+N" on weighted nodes: their degree in the database is not what the view counts.
    expect(graph.getNodeAttribute(busy.id, 'label')).toBe('甲');
    const e = graph.getEdgeAttributes(met.id);
    expect([e.type, e.weighted, e.label]).toEqual(['line', true, '3 次']);

    const hub = person('c@x', '丙', 400);
    const leaf = person('d@x', '丁', 1);
    const sized = derive(content([hub, leaf], [])).graph;
    expect(sized.getNodeAttribute(hub.id, 'size')).toBeGreaterThan(sized.getNodeAttribute(leaf.id, 'size'));
  });

  it('follows the language: captions are cached per language, not computed once for all', () => {
    const undated = event('a#4/e1', '走访慰问', '--01-12');
    expect(derive(content([undated], [])).graph.getNodeAttribute(undated.id, 'caption')).toBe(
      '走访慰问 · 01-12 (年份不详)',
    );
    setLang('en');
    expect(derive(content([undated], [])).graph.getNodeAttribute(undated.id, 'caption')).toBe(
      '走访慰问 · 01-12 (year unknown)',
    );
  });
});
