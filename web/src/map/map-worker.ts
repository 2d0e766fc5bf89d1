// The map layout in a worker: the coordinate table (about 90 KB) is loaded here, not in the app's bundle,
// and the positions go back once, so sigma redraws once.
import Graph from 'graphology';
import noverlap from 'graphology-layout-noverlap';
import coordinates from './division-coordinates.json';
import { mapLayout, type MapInput, type MapOutput } from './layout.ts';

/** Then graphology's noverlap pushes apart what still touches (people and events at one place). */
function spreadOut(input: MapInput, out: MapOutput): void {
  const graph = new Graph();
  for (let i = 0; i < out.xs.length; i++)
    graph.addNode(i, {
      x: out.xs[i],
      y: out.ys[i],
      size: out.step * (input.kinds[i] === 'Place' ? 0.45 : 0.35),
    });
  noverlap.assign(graph, { maxIterations: 60, settings: { margin: out.step * 0.1, ratio: 1, speed: 3 } });
  graph.forEachNode((key, a) => {
    out.xs[Number(key)] = a.x as number;
    out.ys[Number(key)] = a.y as number;
  });
}

const scope = globalThis as unknown as {
  onmessage?: (event: MessageEvent<MapInput>) => void;
  postMessage?: (message: MapOutput, transfer: Transferable[]) => void;
};
scope.onmessage = (event) => {
  const result = mapLayout(event.data, coordinates as unknown as Record<string, [number, number]>);
  spreadOut(event.data, result);
  scope.postMessage!(result, [result.xs.buffer, result.ys.buffer]);
};
