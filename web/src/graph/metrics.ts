// Node size by degree (in the database when known, else on screen) or by PageRank on screen.
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { CadreGraph } from './build.ts';

export type SizeMode = 'degree' | 'pagerank';

// No update hints: with hints sigma repaints in place, which fails for nodes it has not drawn yet.
export function applySizes(graph: CadreGraph, mode: SizeMode): void {
  if (graph.order === 0) return;
  if (mode === 'pagerank') {
    const ranks = pagerank(graph, { getEdgeWeight: null });
    const max = Math.max(...Object.values(ranks));
    graph.updateEachNodeAttributes((node, a) => ({
      ...a,
      size: 4 + 16 * Math.sqrt((ranks[node] ?? 0) / max),
    }));
    return;
  }
  graph.updateEachNodeAttributes((node, a) => ({
    ...a,
    size: 4 + Math.min(16, Math.sqrt(a.degree ?? graph.degree(node)) * 2.2),
  }));
}
