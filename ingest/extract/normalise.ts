// A normalised working copy of a page that keeps a map back to the source offsets.
// OCR breaks paragraphs mid-word (高效协\n\n同) and mixes full- and half-width punctuation;
// rules run on the normalised copy, evidence is cut from the source through `map`.
import { Buffer } from 'node:buffer';
import { endianness } from 'node:os';
import { lexicon } from './lexicon.ts';

export interface TextView {
  /** The decoded source text (offsets in Evidence refer to it). */
  source: string;
  /** Normalised text: half-width ASCII punctuation and digits, layout breaks inside sentences removed. */
  text: string;
  /** map[i] = source offset of text[i]; map[text.length] = source.length. */
  map: Int32Array;
}

const TERMINAL = lexicon().text.paragraphEnd;
/** A paragraph at least this long that ends without terminal punctuation was cut by the layout. */
const MIN_BROKEN_LINE = 45;
/** Shorter paragraphs are joined only when they hold body punctuation (headlines rarely do). */
const MIN_BROKEN_BODY = 10;

function hasBodyPunct(out: Uint16Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = out[i];
    if (c === 44 || c === 0x3002 || c === 0x3001) return true; // , 。 、
  }
  return false;
}

function startsWith(s: string, at: number, word: string): boolean {
  return s.startsWith(word, at);
}

function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/**
 * Full-width ASCII forms (，（）１２) → half-width; ideographic space → space; the middle-dot
 * variants of names (• ・ ‧ ∙) → ·. Same length.
 */
export function halfWidth(c: number): number {
  // middle dots of transliterated names (艾尔肯•吐尼亚孜, 买买提・艾力) → U+00B7
  if (c === 0x2022 || c === 0x30fb || c === 0x2027 || c === 0x2219 || c === 0xff65 || c === 0x25cf)
    return 0xb7;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000 || c === 0xa0) return 0x20;
  return c;
}

export function buildView(source: string): TextView {
  const n = source.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  let len = 0;
  let lineStart = 0; // start (in out) of the current paragraph
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 13) {
      // a run of line breaks (and blanks): join when the paragraph was cut mid-sentence
      let j = i;
      while (j < n) {
        const d = source.charCodeAt(j);
        if (d === 10 || d === 13 || d === 32 || d === 9 || d === 0x3000) j++;
        else break;
      }
      let k = len;
      while (k > lineStart && (out[k - 1] === 32 || out[k - 1] === 9)) k--;
      const last = k > lineStart ? out[k - 1]! : 0;
      const next = j < n ? halfWidth(source.charCodeAt(j)) : 0;
      const paraLen = k - lineStart;
      const first = out[lineStart] ?? 0;
      const broken =
        (paraLen >= MIN_BROKEN_LINE || (paraLen >= MIN_BROKEN_BODY && hasBodyPunct(out, lineStart, k))) &&
        first !== 35 && // '#': a markdown heading from the OCR
        !startsWith(source, j, '本报讯') &&
        last !== 0 &&
        !TERMINAL.has(String.fromCharCode(last)) &&
        (isCjk(next) || (next >= 48 && next <= 57) || next === 0x201c || next === 0x300a) &&
        (isCjk(last) || last === 0x3001 || last === 44 || (last >= 48 && last <= 57));
      if (broken) {
        i = j; // drop the break entirely
        continue;
      }
      // keep one newline per break run
      map[len] = i;
      out[len++] = 10;
      for (let m = i + 1; m < j; m++) {
        if (source.charCodeAt(m) === 10) {
          map[len] = m;
          out[len++] = 10;
          break; // at most a blank line, to keep paragraph boundaries visible
        }
      }
      lineStart = len;
      i = j;
      continue;
    }
    map[len] = i;
    out[len++] = halfWidth(c);
    i++;
  }
  map[len] = n;
  return { source, text: fromUtf16(out, len), map: map.subarray(0, len + 1) };
}

const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * The string of out[0, len): one native UTF-16 decode of the array's bytes (code units kept as they
 * are, lone surrogates too). Spreading chunks into String.fromCharCode was a tenth of all extraction time.
 */
function fromUtf16(out: Uint16Array, len: number): string {
  if (!LITTLE_ENDIAN) {
    let text = '';
    for (let s = 0; s < len; s += 8192)
      text += String.fromCharCode(...out.subarray(s, Math.min(len, s + 8192)));
    return text;
  }
  return Buffer.from(out.buffer, out.byteOffset, len * 2).toString('utf16le');
}

/** Source span of a normalised span [start, end). */
export function sourceSpan(view: TextView, start: number, end: number): [number, number] {
  const s = view.map[start] ?? view.source.length;
  const e = end > start ? (view.map[end - 1] ?? view.source.length - 1) + 1 : s;
  return [s, e];
}
