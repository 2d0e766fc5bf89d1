// `?bench=N`: the page renders a generated graph of N nodes and 2N edges instead of asking the API, through
// the app's own path (view content → derive → swap into sigma), and reports timings in
// window.__cadre.bench (read by bench/web.ts). Times are from navigation start. bench/bare-sigma renders
// the same graph in a bare sigma page, so the app's overhead reads as a ratio.
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { GraphEdge } from '../api.ts';
import type { ViewContent, ViewNode } from '../state/view.ts';
import { deriveGraph } from './derive.ts';
import type { Renderer } from './renderer.ts';

const KINDS = ['Person', 'Event', 'Place', 'Office'];
const NAMES: Record<string, string> = { Person: '人物', Event: '会议', Place: '地点', Office: '机构' };

export interface GeneratedNode {
  id: string;
  kind: string;
  label: string;
  x: number;
  y: number;
  size: number;
}

/** A clustered random graph: nodes in communities on a plane, most edges inside a community. */
export function generate(n: number, m = 2 * n, seed = 1) {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const communities = Math.max(1, Math.round(Math.sqrt(n) / 2));
  const centres = Array.from({ length: communities }, () => ({ x: random() * 1000, y: random() * 1000 }));
  const nodes: GeneratedNode[] = [];
  for (let i = 0; i < n; i++) {
    const c = centres[i % communities]!;
    const kind = KINDS[i % KINDS.length]!;
    const r = 60 * Math.sqrt(random());
    const a = random() * 2 * Math.PI;
    nodes.push({
      id: `n${i}`,
      kind,
      label: `${NAMES[kind]}${i}`,
      x: c.x + r * Math.cos(a),
      y: c.y + r * Math.sin(a),
      size: 3 + random() * 5,
    });
  }
  const edges: { id: string; source: string; target: string }[] = [];
  for (let j = 0; j < m; j++) {
    const s = Math.floor(random() * n);
    const t =
      random() < 0.9 ? (s + communities * (1 + Math.floor(random() * 20))) % n : Math.floor(random() * n);
    if (s === t) continue;
    edges.push({ id: `e${j}`, source: `n${s}`, target: `n${t}` });
  }
  return { nodes, edges };
}

export async function runBench(view: Renderer, n: number, fa2: boolean): Promise<Record<string, number>> {
  const generated = performance.now();
  const { nodes, edges } = generate(n);
  const content: ViewContent = {
    nodes: new Map(
      nodes.map((node): [string, ViewNode] => [
        node.id,
        { id: node.id, labels: [node.kind], properties: { name: node.label, id: node.id }, degree: null },
      ]),
    ),
    edges: new Map(edges.map((e): [string, GraphEdge] => [e.id, { ...e, type: 'ATTENDED', properties: {} }])),
    expansions: new Map(),
    pinned: new Set(),
    origin: new Map(),
    notices: [],
  };
  const positions = new Map(nodes.map((node) => [node.id, [node.x, node.y] as const]));
  const { graph } = deriveGraph({
    content,
    previous: null,
    saved: (id) => positions.get(id),
    size: 'degree',
  });
  const generateMs = performance.now() - generated;
  const rendered = new Promise<void>((resolve) => view.renderer.once('afterRender', () => resolve()));
  view.swap(graph);
  // setGraph renders at once; the first frame with the whole graph is then on screen.
  await rendered;
  const firstRenderMs = performance.now();
  // Interactive: the main thread is free again (a task after the next frame runs).
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const interactiveMs = performance.now();
  const result: Record<string, number> = {
    nodes: graph.order,
    edges: graph.size,
    generateMs,
    firstRenderMs,
    interactiveMs,
  };
  if (fa2) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 };
    forceAtlas2.assign(graph, { iterations: 2, settings }); // warm-up
    const iterations = 20;
    const started = performance.now();
    forceAtlas2.assign(graph, { iterations, settings });
    result.fa2IterationsPerSecond = iterations / ((performance.now() - started) / 1000);
  }
  return result;
}
