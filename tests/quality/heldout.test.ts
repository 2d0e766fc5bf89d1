// Generality check: short county/city news items written for this test, never seen by the rules'
// authors as seeds, scored with the shared scorer. Styles: county papers (四川仁寿, 河南巩义, 江苏江宁,
// 湖南浏阳); a prefecture-level city paper whose home is the city (h5 九江日报); town news (h6 顺德
// 北滘镇/乐从镇); a GB18030-encoded page (h7 正定); ethnic-minority names with · (h8 新疆疏附: kept
// as written, dots normalised to U+00B7); OCR breaks inside names and mixed full/half-width
// punctuation (h9 霍山); a page of 本报讯 items without headlines (h10 尤溪).
// h4: 湖南 in 湖南金阳烟花集团 is a company's registration prefix, not a place (see places/scan.ts).
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
