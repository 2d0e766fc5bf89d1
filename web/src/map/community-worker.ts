// Louvain (graphology-communities-louvain) on the co-attendance graph, in a worker: a big view's
// modularity optimisation never blocks the tab. Gets pairs of people and weights, returns one community
// number per person.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';

export interface CommunityRequest {
  people: number;
  pairs: Uint32Array;
  weights: Float64Array;
}
export interface CommunityResult {
  communities: Int32Array;
  modularity: number;
}

export function detectCommunities({ people, pairs, weights }: CommunityRequest): CommunityResult {
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < people; i++) graph.addNode(i);
  for (let k = 0; k < weights.length; k++)
    graph.addEdge(pairs[k * 2]!, pairs[k * 2 + 1]!, { weight: weights[k] });
  const communities = new Int32Array(people);
  if (graph.size === 0) {
    for (let i = 0; i < people; i++) communities[i] = i;
    return { communities, modularity: 0 };
  }
  // A fixed random source: the same view gives the same groups (and colours) every time.
  let seed = 42;
  const rng = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const result = louvain.detailed(graph, { getEdgeWeight: 'weight', rng });
  graph.forEachNode((node) => (communities[Number(node)] = result.communities[node]!));
  return { communities, modularity: result.modularity };
}

const scope = globalThis as unknown as {
  onmessage?: (event: MessageEvent<CommunityRequest>) => void;
  postMessage?: (message: CommunityResult, transfer: Transferable[]) => void;
  WorkerGlobalScope?: unknown;
};
if (scope.WorkerGlobalScope !== undefined)
  scope.onmessage = (event) => {
    const result = detectCommunities(event.data);
    scope.postMessage!(result, [result.communities.buffer]);
  };
