import { describe, expect, it } from 'vitest';
import { runLayout } from '../../../web/src/graph/layout-worker.ts';

describe('the unseen ForceAtlas2 run (graph/layout-worker.ts)', () => {
  // Two triangles joined by one edge, all starting on a small circle; node 0 pinned.
  const n = 6;
  const xs = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
  const ys = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
  const edges = Uint32Array.from([0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3, 2, 3]);
  const fixed = Uint8Array.from([1, 0, 0, 0, 0, 0]);
  const result = runLayout({
    xs: xs.slice(),
    ys: ys.slice(),
    fixed,
    edges,
    settings: { gravity: 1, scalingRatio: 10, slowDown: 3 },
    budgetMs: 0,
  });

  it('runs at least one batch of iterations and moves the free nodes', () => {
    expect(result.iterations).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < n; i++) expect([result.xs[i], result.ys[i]]).not.toEqual([xs[i], ys[i]]);
    expect(result.xs.every(Number.isFinite) && result.ys.every(Number.isFinite)).toBe(true);
  });

  it('leaves a pinned node where it was', () => {
    expect([result.xs[0], result.ys[0]]).toEqual([xs[0], ys[0]]);
  });

  it('keeps the members of a triangle closer to each other than to the other triangle', () => {
    const d = (a: number, b: number) =>
      Math.hypot(result.xs[a]! - result.xs[b]!, result.ys[a]! - result.ys[b]!);
    expect(d(4, 5)).toBeLessThan(d(4, 1));
    expect(d(1, 2)).toBeLessThan(d(1, 5));
  });
});
