// The gold score: the real extractor on seeds/ against ../shared/gold, with the project's targets.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAndScore, ROOT, SCORER } from './score.ts';

describe('extraction quality on the shared gold', () => {
  it('meets the F1 targets (people .95, positions .90, places .90, attended .85, where .75)', () => {
    expect(existsSync(SCORER), `scorer missing at ${SCORER}`).toBe(true);
    const run = extractAndScore(path.join(ROOT, 'seeds'), path.resolve(ROOT, '../shared/gold'));
    // the scorer exits 1 when a --min threshold is not met; its report says which
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.metrics.people!.f1).toBeGreaterThanOrEqual(0.95);
    expect(run.metrics.where!.f1).toBeGreaterThanOrEqual(0.75);
  }, 60_000);
});
