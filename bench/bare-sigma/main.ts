// The baseline of `npm run bench:web`: the graph the app's ?bench=N page renders, in a bare sigma 3 page
// (no store, no reducers, no panels), so the app's overhead reads as a ratio.
import Graph from 'graphology';
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
requestAnimationFrame(() =>
  setTimeout(() => {
    (window as unknown as { __bare: Record<string, number> }).__bare = {
      nodes: renderer.getGraph().order,
      firstRenderMs,
      interactiveMs: performance.now(),
    };
  }, 0),
);
