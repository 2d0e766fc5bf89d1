// The map layout on arrays (what its worker runs): places at their division's coordinates in longitude
// and latitude order, towns around their county apart from each other, events between their places.
import { describe, expect, it } from 'vitest';
import { anchorCode, mapLayout } from '../../../web/src/map/layout.ts';
import coordinates from '../../../web/src/map/division-coordinates.json';

const table = coordinates as unknown as Record<string, [number, number]>;

describe('map layout', () => {
  it('knows the coordinates of counties, cities and provinces, and anchors towns to their county', () => {
    expect(table['330802']![0]).toBeGreaterThan(table['330824']![0]!); // 柯城区 east of 开化县
    expect(anchorCode('330802100', table)).toBe('330802');
    expect(anchorCode('330802100201', table)).toBe('330802');
    expect(anchorCode('3308', table)).toBe('3308');
    expect(anchorCode('柯城区/某村', table)).toBeNull();
    expect(Object.keys(table).length).toBeGreaterThan(3000);
  });

  it('places counties in longitude/latitude order, towns around them without overlap, events between', () => {
    const kinds = ['Place', 'Place', 'Place', 'Place', 'Place', 'Event', 'Person', 'Place'];
    const codes = ['330802', '330824', '330802100', '330802101', '330802102', null, null, 'x/无码'];
    // event 5 held in 2 and 3; person 6 attended 5.
    const edges = new Uint32Array([5, 2, 5, 3, 6, 5]);
    const out = mapLayout({ kinds, codes, edges }, table);
    expect(out.placed).toBe(5);
    expect(out.unplaced).toBe(1);
    expect(out.xs[0]).toBeGreaterThan(out.xs[1]!);
    expect(out.ys[0]).toBeLessThan(out.ys[1]!); // 柯城区 a little south of 开化县
    const towns = [2, 3, 4];
    for (const t of towns) {
      const d = Math.hypot(out.xs[t]! - out.xs[0]!, out.ys[t]! - out.ys[0]!);
      expect(d).toBeGreaterThan(0);
      expect(d).toBeLessThan(Math.hypot(out.xs[1]! - out.xs[0]!, out.ys[1]! - out.ys[0]!));
    }
    for (const a of towns)
      for (const b of towns)
        if (a < b)
          expect(Math.hypot(out.xs[a]! - out.xs[b]!, out.ys[a]! - out.ys[b]!)).toBeGreaterThan(
            out.step * 0.9,
          );
    // The event between its two towns, the person by its event.
    const midX = (out.xs[2]! + out.xs[3]!) / 2;
    expect(Math.abs(out.xs[5]! - midX)).toBeLessThan(out.step * 3);
    expect(Math.abs(out.xs[6]! - out.xs[5]!)).toBeLessThan(out.step * 3);
    // The place without coordinates is set apart, west of the map.
    expect(out.xs[7]).toBeLessThan(Math.min(...[0, 1, 2, 3, 4].map((i) => out.xs[i]!)));
  });
});
