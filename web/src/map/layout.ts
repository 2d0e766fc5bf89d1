// The map layout: every place at its division's longitude/latitude (division-coordinates.json, from
// cpca), towns and villages on a spiral around their county (villages around their town when it is in
// view) so that none overlap, then events at the middle of their places and people at the middle of
// their events, each group spread on a small spiral so nothing stacks. Pure: the worker (map-worker.ts)
// runs it on arrays; the unit tests call it directly.

export interface MapInput {
  /** Per node: its kind (Person, Event, Place …) and, for places, the division code or id. */
  kinds: string[];
  codes: (string | null)[];
  /** Edges as pairs of node indexes. */
  edges: Uint32Array;
}

export interface MapOutput {
  xs: Float64Array;
  ys: Float64Array;
  /** Places put at their coordinates (or around a county that has them), and places without. */
  placed: number;
  unplaced: number;
  /** The spacing used, for the overlap removal that follows (map-worker.ts). */
  step: number;
}

/** Graph units per degree of latitude; sigma scales the whole to the screen anyway. */
const SCALE = 100;
/**
 * Distance between neighbours on a spiral, in graph units. Sigma fits the whole map to the screen and
 * draws nodes a fixed number of pixels wide, so the spacing that keeps them apart grows with the map:
 * about 1/60 of its extent (a few node widths at 1280×800), and never under this.
 */
const MIN_STEP = 1.1;
const GOLDEN_ANGLE = 2.399963;

type Coordinates = Record<string, readonly [number, number]>;

/** The division whose coordinates stand for a place: itself, else its county, city or province. */
export function anchorCode(code: string | null, coordinates: Coordinates): string | null {
  if (!code || !/^\d+$/.test(code)) return null;
  for (const length of [6, 4, 2]) {
    if (code.length < length) continue;
    const prefix = code.slice(0, length);
    if (coordinates[prefix]) return prefix;
  }
  return null;
}

export function mapLayout(input: MapInput, coordinates: Coordinates): MapOutput {
  const n = input.kinds.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const done = new Uint8Array(n);
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i + 1 < input.edges.length; i += 2) {
    const a = input.edges[i]!;
    const b = input.edges[i + 1]!;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }
  // Longitude shrinks with latitude: scale it by the cosine of the view's mean latitude.
  const anchors: (string | null)[] = input.codes.map((c) => anchorCode(c, coordinates));
  const lats = anchors.filter((a): a is string => !!a).map((a) => coordinates[a]![1]);
  const meanLat = lats.length ? lats.reduce((x, y) => x + y, 0) / lats.length : 30;
  const cosLat = Math.cos((meanLat * Math.PI) / 180);
  const project = (code: string): [number, number] => {
    const [lon, lat] = coordinates[code]!;
    return [lon * cosLat * SCALE, lat * SCALE];
  };
  const projected = [...new Set(anchors.filter((a): a is string => !!a))].map(project);
  const extent = projected.length
    ? Math.max(
        Math.max(...projected.map((p) => p[0])) - Math.min(...projected.map((p) => p[0])),
        Math.max(...projected.map((p) => p[1])) - Math.min(...projected.map((p) => p[1])),
      )
    : 0;
  const STEP = Math.max(MIN_STEP, extent / 60);

  // Places whose own code has coordinates (counties, cities, provinces) sit on them; the rest go
  // around the nearest division that has: towns by their county, villages by their town if shown.
  const byCode = new Map<string, number>();
  input.codes.forEach((code, i) => {
    if (input.kinds[i] === 'Place' && code) byCode.set(code, i);
  });
  const around = new Map<string, number>();
  const spiral = (key: string, cx: number, cy: number, step: number): [number, number] => {
    const k = (around.get(key) ?? 0) + 1;
    around.set(key, k);
    const r = step * Math.sqrt(k + 1);
    return [cx + Math.cos(k * GOLDEN_ANGLE) * r, cy + Math.sin(k * GOLDEN_ANGLE) * r];
  };
  let placed = 0;
  let unplaced = 0;
  const order = input.codes
    .map((code, i) => ({ i, code }))
    .filter(({ i }) => input.kinds[i] === 'Place')
    // Shorter codes first: a county is placed before its towns, a town before its villages.
    .sort((a, b) => (a.code?.length ?? 99) - (b.code?.length ?? 99));
  for (const { i, code } of order) {
    const anchor = anchors[i];
    if (!anchor || !code) {
      unplaced++;
      continue;
    }
    placed++;
    if (anchor === code) {
      [xs[i], ys[i]] = project(code);
    } else {
      // A village around its town when the town is on the map, else around the county.
      const town = code.length > 9 ? byCode.get(code.slice(0, 9)) : undefined;
      if (town !== undefined && done[town])
        [xs[i], ys[i]] = spiral(`t${town}`, xs[town]!, ys[town]!, STEP * 0.6);
      else {
        const [cx, cy] = project(anchor);
        [xs[i], ys[i]] = spiral(anchor, cx, cy, STEP * 2);
      }
    }
    done[i] = 1;
  }

  // Then everything else at the middle of what it is linked to and is placed: events by their
  // places, people by their events, and on (a few rounds reach articles and offices).
  for (let round = 0; round < 4; round++) {
    const next: [number, number, number][] = [];
    for (let i = 0; i < n; i++) {
      if (done[i]) continue;
      let sx = 0;
      let sy = 0;
      let c = 0;
      for (const j of neighbours[i]!) {
        if (!done[j]) continue;
        sx += xs[j]!;
        sy += ys[j]!;
        c++;
      }
      if (c > 0) next.push([i, sx / c, sy / c]);
    }
    if (next.length === 0) break;
    for (const [i, x, y] of next) {
      const key = `${Math.round(x / STEP)}:${Math.round(y / STEP)}`;
      [xs[i], ys[i]] = spiral(key, x, y, STEP * 0.8);
      done[i] = 1;
    }
  }

  // What is linked to nothing on the map: a column west of it.
  let minX = Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++)
    if (done[i]) {
      minX = Math.min(minX, xs[i]!);
      minY = Math.min(minY, ys[i]!);
      maxY = Math.max(maxY, ys[i]!);
    }
  if (!Number.isFinite(minX)) {
    minX = 0;
    minY = 0;
    maxY = 0;
  }
  let k = 0;
  const rows = Math.max(1, Math.ceil((maxY - minY) / (STEP * 2)));
  for (let i = 0; i < n; i++) {
    if (done[i]) continue;
    xs[i] = minX - STEP * 4 - Math.floor(k / rows) * STEP * 2;
    ys[i] = maxY - (k % rows) * STEP * 2;
    k++;
  }
  return { xs, ys, placed, unplaced, step: STEP };
}
