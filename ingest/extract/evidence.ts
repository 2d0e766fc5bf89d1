// Sentences and evidence: facts point at the sentence they were read from, with offsets into
// the decoded source so that source.slice(start, end) === sentence.
import { lexicon } from './lexicon.ts';
import { sourceSpan, type TextView } from './normalise.ts';
import type { Span } from './segment.ts';
import type { Evidence } from './types.ts';

/** 1 at the UTF-16 code of each sentence end (。 ! ? ; …), 2 at each closer (” " ’ ) 》): a table, not a Set, as every character is looked up. */
const MARKS = new Uint8Array(65536);
for (const c of lexicon().text.sentenceCloser) MARKS[c] = 2;
for (const c of lexicon().text.sentenceEnd) MARKS[c] = 1;

/** Sentences of a paragraph (normalised offsets); a closing quote stays with its sentence. */
export function sentences(text: string, para: Span): Span[] {
  const out: Span[] = [];
  let s = para.start;
  for (let i = para.start; i < para.end; i++) {
    if (MARKS[text.charCodeAt(i)] !== 1) continue;
    let e = i + 1;
    while (e < para.end && MARKS[text.charCodeAt(e)]) e++;
    if (e > s) out.push({ start: s, end: e });
    s = e;
    i = e - 1;
  }
  if (s < para.end) out.push({ start: s, end: para.end });
  // trim leading blanks
  for (const sp of out) while (sp.start < sp.end && text[sp.start] === ' ') sp.start++;
  return out.filter((sp) => sp.end > sp.start);
}

export function evidenceOf(view: TextView, span: Span): Evidence {
  const [start, end] = sourceSpan(view, span.start, span.end);
  return { sentence: view.source.slice(start, end), start, end };
}

/** The sentence containing offset i, by binary search over sorted sentences. */
/** Index of the first span (hit, mention, sentence) starting at or after `at`; spans sorted by start. */
export function firstFrom(spans: readonly { start: number }[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function sentenceAt(list: Span[], i: number): Span | null {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (i < s.start) hi = mid - 1;
    else if (i >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}
