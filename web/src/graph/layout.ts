// Layouts: ForceAtlas2 in a web worker (start/stop, or a timed run), noverlap and circular on the
// main thread (they are quick). Pinned nodes (attribute `fixed`) stay where they are. They act on the
// graph on screen, which changes with every transition. The timed run after a transition animates small
// views; a big one is laid out to the end in a worker of its own and redrawn once (layout-worker.ts).
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { circular } from 'graphology-layout';
import type { CadreGraph } from './derive.ts';
import type { LayoutRequest, LayoutResult } from './layout-worker.ts';

/** From this many nodes the timed layout runs unseen and lands once: each animated frame costs too much. */
export const SETTLE_UNSEEN = 1000;

export class LayoutController {
  private fa2: FA2Layout | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped: (() => void) | null = null;
  private worker: Worker | null = null;

  constructor(
    private readonly current: () => CadreGraph,
    private readonly onChange: (running: boolean) => void,
  ) {}

  private get graph(): CadreGraph {
    return this.current();
  }

  get running(): boolean {
    return (this.fa2?.isRunning() ?? false) || this.worker !== null;
  }

  /** ForceAtlas2 for about `durationMs` after a transition: animated for small views, else unseen. */
  settle(durationMs: number): Promise<void> {
    if (this.graph.order < SETTLE_UNSEEN) return this.start(durationMs);
    this.stop();
    const graph = this.graph;
    const ids = graph.nodes();
    const index = new Map(ids.map((id, i) => [id, i]));
    const request: LayoutRequest = {
      xs: new Float64Array(ids.length),
      ys: new Float64Array(ids.length),
      fixed: new Uint8Array(ids.length),
      edges: new Uint32Array(graph.size * 2),
      settings: this.settings(),
      budgetMs: durationMs,
    };
    ids.forEach((id, i) => {
      const a = graph.getNodeAttributes(id);
      request.xs[i] = a.x;
      request.ys[i] = a.y;
      request.fixed[i] = a.fixed ? 1 : 0;
    });
    let e = 0;
    graph.forEachEdge((_edge, _a, source, target) => {
      request.edges[e++] = index.get(source)!;
      request.edges[e++] = index.get(target)!;
    });
    const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    this.onChange(true);
    return new Promise((resolve) => {
      this.stopped = resolve;
      worker.onmessage = ({ data }: MessageEvent<LayoutResult>) => {
        // Only onto the graph it was computed for, and in one update: one redraw.
        if (this.worker === worker && this.graph === graph)
          graph.updateEachNodeAttributes((id, a) => {
            const i = index.get(id);
            if (i !== undefined && !a.fixed) {
              a.x = data.xs[i]!;
              a.y = data.ys[i]!;
            }
            return a;
          });
        this.stop();
      };
      worker.onerror = () => this.stop();
      worker.postMessage(request, [request.xs.buffer, request.ys.buffer, request.edges.buffer]);
    });
  }

  private settings() {
    return {
      ...forceAtlas2.inferSettings(this.graph),
      barnesHutOptimize: this.graph.order > 500,
      adjustSizes: false,
      slowDown: 3,
    };
  }

  /** Starts ForceAtlas2; with a duration it stops by itself and the promise resolves then. */
  start(durationMs?: number): Promise<void> {
    this.stop();
    if (this.graph.order === 0) return Promise.resolve();
    this.fa2 = new FA2Layout(this.graph, { settings: this.settings() });
    this.fa2.start();
    this.onChange(true);
    return new Promise((resolve) => {
      this.stopped = resolve;
      if (durationMs !== undefined) this.timer = setTimeout(() => this.stop(), durationMs);
    });
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.fa2) {
      this.fa2.stop();
      this.fa2.kill();
      this.fa2 = null;
      this.onChange(false);
    }
    if (this.worker) {
      this.worker.terminate();
      this.worker = null;
      this.onChange(false);
    }
    const resolve = this.stopped;
    this.stopped = null;
    resolve?.();
  }

  noverlap(): void {
    this.stop();
    const fixed = this.fixedPositions();
    noverlap.assign(this.graph, { maxIterations: 200, settings: { margin: 2, ratio: 1.2 } });
    this.restore(fixed);
  }

  circular(): void {
    this.stop();
    const fixed = this.fixedPositions();
    const scale = Math.max(50, Math.sqrt(this.graph.order) * 15);
    circular.assign(this.graph, { scale });
    this.restore(fixed);
  }

  private fixedPositions() {
    const fixed = new Map<string, { x: number; y: number }>();
    this.graph.forEachNode((id, a) => {
      if (a.fixed) fixed.set(id, { x: a.x, y: a.y });
    });
    return fixed;
  }

  private restore(fixed: Map<string, { x: number; y: number }>) {
    for (const [id, position] of fixed) this.graph.mergeNodeAttributes(id, position);
  }
}
