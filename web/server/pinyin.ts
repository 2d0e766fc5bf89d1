// Latin search input to pinyin syllables: "zhang xusheng" -> zhang xu sheng, the way Person.pinyin is
// stored. The syllable list is not written by hand: it is every reading pinyin-pro gives the CJK
// Unified Ideographs, built once on first use (about 0.2 s).
import { pinyin } from 'pinyin-pro';

let syllableSet: Set<string> | undefined;
let prefixSet: Set<string> | undefined;
let longest = 0;

function syllables(): Set<string> {
  if (!syllableSet) {
    let chars = '';
    for (let code = 0x4e00; code <= 0x9fff; code++) chars += String.fromCodePoint(code);
    // Same options as the ingest (ingest/load/graph-batch.ts) minus surname readings, which are a subset.
    const readings = pinyin(chars, { toneType: 'none', type: 'array' });
    syllableSet = new Set(readings.filter((r) => /^[a-zü]+$/.test(r)));
    prefixSet = new Set([...syllableSet].flatMap((s) => [...s].map((_, i) => s.slice(0, i + 1))));
    longest = Math.max(...[...syllableSet].map((s) => s.length));
  }
  return syllableSet;
}

/**
 * Splits one latin word into the fewest pinyin syllables; with `partialEnd` the last piece may be the
 * beginning of a syllable (the user is still typing). Null when the word is not pinyin.
 */
export function segmentWord(
  word: string,
  partialEnd = false,
): { syllables: string[]; partial: boolean } | null {
  const known = syllables();
  const text = word.toLowerCase().replace(/v/g, 'ü');
  // best[i]: the fewest syllables covering text[0, i).
  const best: (string[] | null)[] = [[], ...Array<null>(text.length).fill(null)];
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - longest); start < end; start++) {
      const before = best[start];
      const piece = text.slice(start, end);
      if (before && known.has(piece) && (!best[end] || before.length + 1 < best[end]!.length))
        best[end] = [...before, piece];
    }
  }
  const whole = best[text.length];
  if (whole) return { syllables: whole, partial: false };
  if (!partialEnd) return null;
  for (let start = text.length - 1; start >= Math.max(0, text.length - longest); start--) {
    const before = best[start];
    if (before && prefixSet!.has(text.slice(start)))
      return { syllables: [...before, text.slice(start)], partial: true };
  }
  return null;
}

/** True when the input looks like pinyin: latin letters, spaces and apostrophes (xi'an) only. */
export const isLatin = (text: string) => /^[a-züv\s'’]+$/i.test(text.trim());

/**
 * A Lucene query for the `search_pinyin_v2` index (standard analyzer, one term per syllable): the exact
 * syllable sequence as a phrase, or all syllables with the last one as a prefix while typing.
 * Null when the input is not pinyin.
 */
export function pinyinLuceneQuery(input: string): string | null {
  const words = input
    .trim()
    .toLowerCase()
    .split(/[\s'’]+/)
    .filter(Boolean);
  const terms: string[] = [];
  let partial = false;
  for (const [i, word] of words.entries()) {
    const segmented = segmentWord(word, i === words.length - 1);
    if (!segmented) return null;
    terms.push(...segmented.syllables);
    partial = segmented.partial;
  }
  if (terms.length === 0) return null;
  const all = terms.map((t, i) => (i === terms.length - 1 ? `+${t}*` : `+${t}`)).join(' ');
  return partial ? all : `"${terms.join(' ')}"^2 OR (${all})`;
}
