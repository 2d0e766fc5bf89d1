// ForceAtlas2 run to its end in a worker, for big views (graph/layout.ts): the positions come back once,
// so sigma redraws once, where the animated layout redraws thousands of nodes at every iteration and
// each of those frames is a long task on a slow GPU. Nodes arrive as arrays (no attributes to copy).
import Graph from 'graphology';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

export interface LayoutRequest {
  xs: Float64Array;
  ys: Float64Array;
  /** 1 for a pinned node: it stays where it is. */
  fixed: Uint8Array;
  /** Pairs of node indexes. */
  edges: Uint32Array;
  settings: ForceAtlas2Settings;
  /** Iterate until this many milliseconds have passed (at least one batch). */
  budgetMs: number;
}

export interface LayoutResult {
  xs: Float64Array;
  ys: Float64Array;
  iterations: number;
}

/** The layout itself, apart from the messaging (the unit tests call it). */
export function runLayout({ xs, ys, fixed, edges, settings, budgetMs }: LayoutRequest): LayoutResult {
  const graph = new Graph({ multi: true, type: 'directed' });
  for (let i = 0; i < xs.length; i++) graph.addNode(i, { x: xs[i], y: ys[i], fixed: fixed[i] === 1 });
  for (let i = 0; i + 1 < edges.length; i += 2) graph.addEdge(edges[i], edges[i + 1]);
  const started = performance.now();
  let iterations = 0;
  do {
    forceAtlas2.assign(graph, { iterations: 10, settings });
    iterations += 10;
  } while (performance.now() - started < budgetMs);
  const outX = new Float64Array(xs.length);
  const outY = new Float64Array(xs.length);
  graph.forEachNode((key, a) => {
    outX[Number(key)] = a.x as number;
    outY[Number(key)] = a.y as number;
  });
  return { xs: outX, ys: outY, iterations };
}

// In a worker, answer requests; imported elsewhere (tests), do nothing.
const scope = globalThis as unknown as {
  onmessage?: (event: MessageEvent<LayoutRequest>) => void;
  postMessage?: (message: LayoutResult, transfer: Transferable[]) => void;
  WorkerGlobalScope?: unknown;
};
if (scope.WorkerGlobalScope !== undefined)
  scope.onmessage = (event) => {
    const result = runLayout(event.data);
    scope.postMessage!(result, [result.xs.buffer, result.ys.buffer]);
  };
