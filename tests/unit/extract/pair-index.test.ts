// The typed-array indexes behind the page scans (pair-index.ts): the same answers as a Map of bit
// masks, for keys of any sign, after the table grows; and the ending filter never drops a name.
import { describe, expect, it } from 'vitest';
import { EndingIndex, PairIndex, pairKey } from '../../../ingest/extract/pair-index.ts';
import { buildView } from '../../../ingest/extract/normalise.ts';

describe('PairIndex', () => {
  it('or-s masks per key and answers 0 for a key never set, across growth', () => {
    const index = new PairIndex(2);
    const expected = new Map<number, number>();
    // CJK pairs give keys outside the small-integer range, some negative as 32-bit numbers
    for (let k = 0; k < 5000; k++) {
      const key = pairKey(String.fromCharCode(0x4e00 + ((k * 7919) % 20000), 0x9fa5 - (k % 300)), 0);
      const mask = 1 << (k % 30);
      index.or(key, mask);
      expected.set(key | 0, (expected.get(key | 0) ?? 0) | mask);
    }
    expect(index.size).toBe(expected.size);
    for (const [key, mask] of expected) expect(index.get(key)).toBe(mask);
    expect(index.get(pairKey('甲乙', 0))).toBe(expected.get(pairKey('甲乙', 0)) ?? 0);
    expect(new PairIndex().get(-123456789)).toBe(0);
  });
});

describe('EndingIndex', () => {
  it('gives every length of a name that ends at a position, within the span', () => {
    const index = new EndingIndex(4);
    for (const name of ['青塘镇', '石梁镇', '花街镇', '白云村', '石梁镇白云村', '开化县', '衢州'])
      index.add(name);
    const text = '他来到石梁镇白云村和开化县。';
    const at = (word: string) => text.indexOf(word) + word.length;
    expect(index.endingAt(text, at('石梁镇'), 0)).toBe(1 << 3);
    expect(index.endingAt(text, at('白云村'), 0)).toBe((1 << 3) | (1 << 6));
    // a name may not start before `from`
    expect(index.endingAt(text, at('白云村'), at('白云村') - 2) & (1 << 3)).toBe(1 << 3);
    expect(index.endingAt(text, at('开化县'), 0)).toBe(1 << 3);
    expect(index.endingAt(text, at('他来到'), 0)).toBe(0);
    expect(index.endingAt(text, 1, 0)).toBe(0);
  });
});

describe('buildView', () => {
  it('keeps every code unit, lone surrogates too, on pages of any length', () => {
    const source = 'a\uD800b\uDC00c' + '中'.repeat(20_000) + '\uD83D\uDE00';
    const view = buildView(source);
    expect(view.text).toBe(source);
    expect(view.map.length).toBe(source.length + 1);
  });
});
