// `?bench=N`: the page renders a generated graph of N nodes and 2N edges instead of asking the API, and
// reports timings in window.__cadre.bench (read by bench/web.ts). Times are from navigation start.
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type Sigma from 'sigma';
import type { CadreGraph, EdgeAttributes, NodeAttributes } from './build.ts';
import { LABEL_STYLES } from './style.ts';

const KINDS = ['Person', 'Event', 'Place', 'Office'];

/** A clustered random graph: nodes in communities on a plane, most edges inside a community. */
export function generateGraph(graph: CadreGraph, n: number, m = 2 * n, seed = 1): void {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const communities = Math.max(1, Math.round(Math.sqrt(n) / 2));
  const centres = Array.from({ length: communities }, () => ({ x: random() * 1000, y: random() * 1000 }));
  for (let i = 0; i < n; i++) {
    const c = centres[i % communities]!;
    const kind = KINDS[i % KINDS.length]!;
    const r = 60 * Math.sqrt(random());
    const a = random() * 2 * Math.PI;
    graph.addNode(`n${i}`, {
      label: `${kind === 'Person' ? '人物' : kind === 'Event' ? '会议' : kind === 'Place' ? '地点' : '机构'}${i}`,
      kind,
      color: LABEL_STYLES[kind]!.color,
      size: 3 + random() * 5,
      x: c.x + r * Math.cos(a),
      y: c.y + r * Math.sin(a),
      labels: [kind],
      properties: { name: `n${i}` },
      degree: null,
      fixed: false,
    });
  }
  for (let j = 0; j < m; j++) {
    const s = Math.floor(random() * n);
    const t =
      random() < 0.9 ? (s + communities * (1 + Math.floor(random() * 20))) % n : Math.floor(random() * n);
    if (s === t) continue;
    graph.addEdgeWithKey(`e${j}`, `n${s}`, `n${t}`, {
      label: '参加',
      type: 'line',
      relType: 'ATTENDED',
      size: 1,
      color: '#d5d9df',
      properties: {},
    });
  }
}

export async function runBench(
  graph: CadreGraph,
  view: { renderer: Sigma<NodeAttributes, EdgeAttributes>; fit(duration?: number): Promise<void> },
  n: number,
  fa2: boolean,
): Promise<Record<string, number>> {
  const generated = performance.now();
  generateGraph(graph, n);
  const generateMs = performance.now() - generated;
  // The first frame sigma draws with the whole graph.
  // Adding the nodes scheduled one render for the next frame; wait for it rather than forcing another.
  await new Promise<void>((resolve) => view.renderer.once('afterRender', () => resolve()));
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
