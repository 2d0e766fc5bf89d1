// ForceAtlas2 runs in a web worker so the page stays responsive while the layout settles.
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { CadreGraph } from './build.ts';

export function runForceAtlas2(graph: CadreGraph, durationMs: number): Promise<void> {
  if (graph.order === 0) return Promise.resolve();
  const layout = new FA2Layout(graph, {
    settings: {
      ...forceAtlas2.inferSettings(graph),
      barnesHutOptimize: graph.order > 500,
      adjustSizes: false,
    },
  });
  layout.start();
  return new Promise((resolve) =>
    setTimeout(() => {
      layout.stop();
      layout.kill();
      resolve();
    }, durationMs),
  );
}
