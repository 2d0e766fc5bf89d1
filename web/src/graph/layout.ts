// Layouts: ForceAtlas2 in a web worker (start/stop, or a timed run), noverlap and circular on the
// main thread (they are quick). Pinned nodes (attribute `fixed`) stay where they are. They act on the
// graph on screen, which changes with every transition.
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { circular } from 'graphology-layout';
import type { CadreGraph } from './derive.ts';

export class LayoutController {
  private fa2: FA2Layout | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped: (() => void) | null = null;

  constructor(
    private readonly current: () => CadreGraph,
    private readonly onChange: (running: boolean) => void,
  ) {}

  private get graph(): CadreGraph {
    return this.current();
  }

  get running(): boolean {
    return this.fa2?.isRunning() ?? false;
  }

  /** Starts ForceAtlas2; with a duration it stops by itself and the promise resolves then. */
  start(durationMs?: number): Promise<void> {
    this.stop();
    if (this.graph.order === 0) return Promise.resolve();
    const settings = forceAtlas2.inferSettings(this.graph);
    this.fa2 = new FA2Layout(this.graph, {
      settings: { ...settings, barnesHutOptimize: this.graph.order > 500, adjustSizes: false, slowDown: 3 },
    });
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
