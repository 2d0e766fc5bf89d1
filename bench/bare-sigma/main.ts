// The baseline of `npm run bench:web`: the graph the app's ?bench=N page renders, in a bare sigma 3 page
// (no store, no reducers, no panels), so the app's overhead reads as a ratio. `window.__bare.replace`
// swaps in a graph the app had on screen (graphology's serialized form, positions and colours included)
// and `window.__bare.sigma` is dragged by bench/web.ts as the app is, so transitions and frame rates compare
// on the same graph.
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import Sigma from 'sigma';
import { generate } from '../../web/src/graph/bench.ts';
import { LABEL_STYLES } from '../../web/src/graph/style.ts';

const n = Number(new URLSearchParams(window.location.search).get('bench') ?? 10_000);
const { nodes, edges } = generate(n);
const graph = new Graph({ multi: true, type: 'directed' });
for (const node of nodes)
  graph.addNode(node.id, {
    label: node.label,
    x: node.x,
    y: node.y,
    size: node.size,
    color: LABEL_STYLES[node.kind]!.color,
  });
for (const edge of edges)
  graph.addEdgeWithKey(edge.id, edge.source, edge.target, { size: 1, color: '#c9ced6' });
const renderer = new Sigma(graph, document.getElementById('graph')!, {
  labelDensity: 0.9,
  labelGridCellSize: 90,
  labelRenderedSizeThreshold: 4,
  defaultEdgeType: 'arrow',
});
const firstRenderMs = performance.now();

/** Milliseconds from a serialized graph to the frame that shows it presented (as bench/web.ts counts the app). */
async function replace(serialized: SerializedGraph): Promise<number> {
  const started = performance.now();
  const next = new Graph({ multi: true, type: 'directed' });
  next.import(serialized);
  // The app's attributes carry sigma's own keys (label, x, y, size, color, type); only those are drawn.
  const drawn = new Promise<void>((resolve) => renderer.once('afterRender', () => resolve()));
  renderer.setGraph(next);
  await drawn;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - started;
}

requestAnimationFrame(() =>
  setTimeout(() => {
    (window as unknown as { __bare: Record<string, unknown> }).__bare = {
      nodes: renderer.getGraph().order,
      firstRenderMs,
      interactiveMs: performance.now(),
      replace,
      sigma: renderer,
    };
  }, 0),
);
