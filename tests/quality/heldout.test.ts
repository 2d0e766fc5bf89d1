// Generality check: short county/city news items written for this test (四川仁寿, 河南巩义,
// 江苏江宁, 湖南浏阳), never seen by the rules' authors as seeds, scored with the shared scorer.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAndScore, ROOT, SCORER } from './score.ts';

const DIR = path.join(ROOT, 'tests/quality/heldout');

describe('extraction quality on held-out texts from other provinces', () => {
  it('meets the same F1 targets', () => {
    expect(existsSync(SCORER), `scorer missing at ${SCORER}`).toBe(true);
    const run = extractAndScore(path.join(DIR, 'pages'), path.join(DIR, 'gold'));
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  }, 60_000);
});
