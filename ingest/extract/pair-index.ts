// Bit masks keyed by a pair of UTF-16 code units (the first or last two characters of a name), for
// the scans that look at every character of a page: an open-addressing table in typed arrays.
// Map lookups of these 32-bit keys (most are outside V8's small-integer range) were a large part of
// the place scan.

/** A bit mask for each key: get() is 0 for a key never set. */
export class PairIndex {
  private keys: Int32Array;
  private values: Int32Array;
  private used: Uint8Array;
  private shift: number;
  private count = 0;

  constructor(capacityBits = 10) {
    this.keys = new Int32Array(1 << capacityBits);
    this.values = new Int32Array(1 << capacityBits);
    this.used = new Uint8Array(1 << capacityBits);
    this.shift = 32 - capacityBits;
  }

  /** The number of keys set. */
  get size(): number {
    return this.count;
  }

  /** Sets the bits of `mask` for `key` (or-ed into what is there). */
  or(key: number, mask: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const k = key | 0;
    const last = this.keys.length - 1;
    for (let s = Math.imul(k, 0x9e3779b1) >>> this.shift; ; s = (s + 1) & last) {
      if (!this.used[s]) {
        this.used[s] = 1;
        this.keys[s] = k;
        this.values[s] = mask;
        this.count++;
        return;
      }
      if (this.keys[s] === k) {
        this.values[s]! |= mask;
        return;
      }
    }
  }

  /** The mask of `key`, 0 when none. */
  get(key: number): number {
    const k = key | 0;
    const last = this.keys.length - 1;
    for (let s = Math.imul(k, 0x9e3779b1) >>> this.shift; this.used[s]; s = (s + 1) & last)
      if (this.keys[s] === k) return this.values[s]!;
    return 0;
  }

  private grow(): void {
    const { keys, values, used } = this;
    const bits = 33 - this.shift;
    this.keys = new Int32Array(1 << bits);
    this.values = new Int32Array(1 << bits);
    this.used = new Uint8Array(1 << bits);
    this.shift = 32 - bits;
    this.count = 0;
    for (let s = 0; s < keys.length; s++) if (used[s]) this.or(keys[s]!, values[s]!);
  }
}

/** The pair of code units at s[at, at+2) as one number. */
export function pairKey(s: string, at: number): number {
  return (s.charCodeAt(at) << 16) | s.charCodeAt(at + 1);
}

/** The three code units at s[at, at+3) hashed into one number (distinct triples may share one). */
function tripleKey(s: string, at: number): number {
  return Math.imul(s.charCodeAt(at), 0x01000193) ^ pairKey(s, at + 1);
}

/**
 * The lengths of the names that end with given characters, as a pre-filter before a map lookup: a
 * bit mask by the last two characters, narrowed by the last three for names of three or more.
 * The mask may hold lengths no name has (never the reverse), so the map still decides.
 */
export class EndingIndex {
  private readonly pairs: PairIndex;
  private readonly triples: PairIndex;

  constructor(capacityBits = 10) {
    this.pairs = new PairIndex(capacityBits);
    this.triples = new PairIndex(capacityBits);
  }

  /** Records a name (2–30 characters; others are never looked up). */
  add(name: string): void {
    const len = name.length;
    if (len < 2 || len > 30) return;
    this.pairs.or(pairKey(name, len - 2), 1 << len);
    if (len >= 3) this.triples.or(tripleKey(name, len - 3), 1 << len);
  }

  /** Records the name text[start, end) without making a string of it (the same as add(text.slice(start, end))). */
  addAt(text: string, start: number, end: number): void {
    const len = end - start;
    if (len < 2 || len > 30) return;
    this.pairs.or(pairKey(text, end - 2), 1 << len);
    if (len >= 3) this.triples.or(tripleKey(text, end - 3), 1 << len);
  }

  /** Bit (1 << length) for each length of a name that may end at text[end - 1] and start at or after from. */
  endingAt(text: string, end: number, from: number): number {
    if (end - from < 2) return 0;
    const two = this.pairs.get(pairKey(text, end - 2));
    if (!(two & ~7) || end - from < 3) return two;
    return (two & 7) | (two & this.triples.get(tripleKey(text, end - 3)));
  }
}
