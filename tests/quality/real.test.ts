// The extraction quality gate (issue 10 §5): the real CLI on the seeds (../shared/gold), the outside
// development set (../shared/outside) and the team's real corpus (tests/quality/real), each scored by
// the shared scorer against its own floors. The floors ratchet: each sits just below what main
// reaches (rounded down about 0.01), is raised when a gain lands, and is never lowered; the issue's
// targets are the end point (F1 people .95, positions .92, places .92, attended .88, where .80,
// appointments .85; precision .95 on people and positions).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAndScore, ROOT, SCORER } from './score.ts';

type Metric = 'people' | 'positions' | 'places' | 'attended' | 'where' | 'appointments';

interface Gate {
  set: string;
  input: string;
  gold: string;
  f1: Partial<Record<Metric, number>>;
  precision: Partial<Record<Metric, number>>;
}

const SHARED = path.resolve(ROOT, '../shared');
const REAL = path.join(ROOT, 'tests/quality/real');

const GATES: Gate[] = [
  {
    set: 'seeds (../shared/gold)',
    input: path.join(ROOT, 'seeds'),
    gold: path.join(SHARED, 'gold'),
    f1: { people: 1, positions: 0.97, places: 1, attended: 1, where: 1 },
    precision: { people: 1, positions: 1 },
  },
  {
    set: 'outside (../shared/outside)',
    input: path.join(SHARED, 'outside'),
    gold: path.join(SHARED, 'outside'),
    f1: { people: 0.98, positions: 0.96, places: 0.98, attended: 0.92, where: 0.94, appointments: 0.99 },
    precision: { people: 0.99, positions: 0.99 },
  },
  {
    set: 'real (tests/quality/real)',
    input: REAL,
    gold: REAL,
    f1: { people: 0.96, positions: 0.96, places: 0.96, attended: 0.9, where: 0.91, appointments: 0.97 },
    precision: { people: 0.98, positions: 0.98 },
  },
];

describe('extraction quality gate', () => {
  it('finds the scorer', () => {
    expect(existsSync(SCORER), `scorer missing at ${SCORER}`).toBe(true);
  });

  for (const gate of GATES) {
    it(`${gate.set}: F1 and precision at or above the floors`, () => {
      const mins = Object.entries(gate.f1)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      const run = extractAndScore(gate.input, gate.gold, mins);
      const report = `${run.stdout}\n${run.stderr}`;
      // the scorer exits 1 when an F1 floor is not met; its report says which
      expect(run.status, report).toBe(0);
      for (const [metric, floor] of Object.entries(gate.precision))
        expect(run.metrics[metric]!.precision, `${metric} precision\n${report}`).toBeGreaterThanOrEqual(
          floor,
        );
      // the CLI reads only the .txt pages of a folder, not the gold .json or the notes .md beside them
      if (gate.input === REAL) {
        const pages = readdirSync(REAL).filter((f) => f.endsWith('.txt')).length;
        expect(pages).toBeGreaterThanOrEqual(54);
        expect(run.documents).toBe(pages);
      }
    }, 120_000);
  }
});
