// The map layout and the colour modes on the graph on screen: the layout runs in map-worker.ts and lands
// in one update; visits are counted at once (one pass over the view), communities in community-worker.ts.
// The app calls paint() whenever the view, the filters or the mode change, and reads the overrides.
import type { CadreGraph } from '../graph/derive.ts';
import type { ColorMode } from '../state/store.ts';
import type { CommunityRequest, CommunityResult } from './community-worker.ts';
import type { MapInput, MapOutput } from './layout.ts';
import { coAttendance, communityPaint, visitPaint, type CommunityGroup, type PaintMap } from './paint.ts';

export interface CommunityLegend {
  groups: CommunityGroup[];
  total: number;
  people: number;
}

/** Runs the map layout on the graph; resolves with how many places found a position. */
export function runMapLayout(graph: CadreGraph): Promise<{ placed: number; unplaced: number }> {
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const input: MapInput = {
    kinds: ids.map((id) => graph.getNodeAttribute(id, 'kind')),
    codes: ids.map((id) => {
      const p = graph.getNodeAttribute(id, 'properties');
      const code = p.code ?? p.id;
      return typeof code === 'string' ? code : null;
    }),
    edges: new Uint32Array(graph.size * 2),
  };
  let e = 0;
  graph.forEachEdge((_edge, _a, source, target) => {
    input.edges[e++] = index.get(source)!;
    input.edges[e++] = index.get(target)!;
  });
  const worker = new Worker(new URL('./map-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<MapOutput>) => {
      worker.terminate();
      // Pinned nodes stay; the rest move in one update (one redraw).
      graph.updateEachNodeAttributes((id, a) => {
        const i = index.get(id)!;
        if (!a.fixed) {
          a.x = data.xs[i]!;
          a.y = data.ys[i]!;
        }
        return a;
      });
      resolve({ placed: data.placed, unplaced: data.unplaced });
    };
    worker.onerror = (error) => {
      worker.terminate();
      reject(new Error(error.message));
    };
    worker.postMessage(input, [input.edges.buffer]);
  });
}

export class Painter {
  private worker: Worker | null = null;
  private current: PaintMap | null = null;
  legend: CommunityLegend | null = null;

  constructor(private readonly onChange: () => void) {}

  get paint(): PaintMap | null {
    return this.current;
  }

  /** The overrides for a mode on this graph; communities arrive later through onChange. */
  update(mode: ColorMode, graph: CadreGraph, hidden: ReadonlySet<string>): void {
    this.worker?.terminate();
    this.worker = null;
    this.legend = null;
    if (mode === 'kind') this.current = null;
    else if (mode === 'visits') this.current = visitPaint(graph, hidden);
    else {
      const co = coAttendance(graph, hidden);
      if (co.people.length === 0) {
        this.current = null;
        this.legend = { groups: [], total: 0, people: 0 };
        return;
      }
      const worker = new Worker(new URL('./community-worker.ts', import.meta.url), { type: 'module' });
      this.worker = worker;
      worker.onmessage = ({ data }: MessageEvent<CommunityResult>) => {
        worker.terminate();
        if (this.worker !== worker) return;
        this.worker = null;
        const { paint, groups, total } = communityPaint(graph, co.people, data.communities, hidden);
        this.current = paint;
        this.legend = { groups, total, people: co.people.length };
        this.onChange();
      };
      const request: CommunityRequest = { people: co.people.length, pairs: co.pairs, weights: co.weights };
      worker.postMessage(request, [co.pairs.buffer, co.weights.buffer]);
    }
  }
}
