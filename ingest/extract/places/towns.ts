// The towns of the gazetteer (streets.csv: 41,000 rows) as offsets into the file's text: a process
// indexes their names and codes without making a string, an array or an object per row (making them
// was most of the gazetteer's load, a third of it in the garbage collector, for towns a page never
// names). A town's division is made when it is first asked for, and the same object every time.
import type { Division } from './gazetteer.ts';

/** FNV-1a over UTF-16 code units: the same hash from a string or from a span of the file. */
function hashSpan(s: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function sameSpan(s: string, a0: number, a1: number, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false;
  for (let k = 0; k < a1 - a0; k++) if (s.charCodeAt(a0 + k) !== s.charCodeAt(b0 + k)) return false;
  return true;
}

/** 9-digit codes as numbers (all fit in a small integer); -1 for anything else. */
function codeNumber(s: string, start: number, end: number): number {
  if (end - start !== 9) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export class TownTable {
  private readonly text: string;
  /** Per kept row: the spans of its code, name and county code in `text`. */
  private readonly codeStart: Int32Array;
  private readonly nameStart: Int32Array;
  private readonly nameEnd: Int32Array;
  private readonly codeNum: Int32Array;
  /** The next row with the same name, in file order (-1: none). */
  private readonly nextSame: Int32Array;
  /** Open-addressing table of name hashes: the first row (+1) of each distinct name, 0 when free. */
  private readonly slots: Int32Array;
  private readonly slotMask: number;
  /** Whether the codes ascend (the file is sorted by code): then a code is found by bisection. */
  private readonly sorted: boolean;
  /** Codes that are no 9-digit number, or all codes when the file is not sorted: code → last row. */
  private readonly codeRows = new Map<string, number>();
  /** County codes (sliced once per run of rows), their numbers, and the rows of each in file order. */
  private readonly countyNames: string[] = [];
  private readonly countyIndex = new Map<string, number>();
  private readonly countyRows: number[][] = [];
  private readonly rowCounty: Int32Array;
  private readonly divisions: (Division | undefined)[];
  private readonly byCounty = new Map<string, Division[]>();
  readonly size: number;

  /**
   * Reads `text` (the CSV: code,"name",areaCode,…; a row without an area code is left out) and calls
   * `name(text, start, end)` for each kept row's name, for indexes kept elsewhere.
   */
  constructor(text: string, name: (text: string, start: number, end: number) => void) {
    this.text = text;
    let rows = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) rows++;
    const codeStart = new Int32Array(rows);
    const nameStart = new Int32Array(rows);
    const nameEnd = new Int32Array(rows);
    const codeNum = new Int32Array(rows);
    const rowCounty = new Int32Array(rows);
    let n = 0;
    let sorted = true;
    let county = -1;
    let countyStart = -1;
    let countyEnd = -1;
    let countyList: number[] = [];
    let pos = text.indexOf('\n') + 1; // after the header
    while (pos > 0 && pos < text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) nl = text.length;
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      const start = pos;
      pos = nl + 1;
      if (end === start) continue;
      // the same fields as the other tables: code, the quoted name, then the county code
      const q1 = text.indexOf('"', start);
      const q2 = q1 < 0 || q1 >= end ? -1 : text.indexOf('"', q1 + 1);
      if (q2 < 0 || q2 >= end) continue;
      const a0 = q2 + 2;
      let a1 = text.indexOf(',', a0);
      if (a1 < 0 || a1 > end) a1 = end;
      if (a1 <= a0) continue; // no county: not a town of the gazetteer
      if (n >= rows) throw new Error('streets.csv: more rows than its size allows');
      codeStart[n] = start;
      nameStart[n] = q1 + 1;
      nameEnd[n] = q2;
      const num = codeNumber(text, start, q1 - 1);
      codeNum[n] = num;
      if (num < 0 || (n > 0 && num < codeNum[n - 1]!)) sorted = false;
      // rows come in runs of one county: its code is sliced once per run
      if (county < 0 || !sameSpan(text, a0, a1, countyStart, countyEnd)) {
        const code = text.slice(a0, a1);
        const known = this.countyIndex.get(code);
        if (known === undefined) {
          county = this.countyNames.push(code) - 1;
          this.countyIndex.set(code, county);
          this.countyRows.push([]);
        } else county = known;
        countyList = this.countyRows[county]!;
        countyStart = a0;
        countyEnd = a1;
      }
      rowCounty[n] = county;
      countyList.push(n);
      n++;
    }
    this.size = n;
    this.codeStart = codeStart;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.codeNum = codeNum;
    this.rowCounty = rowCounty;
    this.sorted = sorted;
    this.divisions = new Array<Division | undefined>(n);
    let bits = 4;
    while (1 << bits < 2 * n) bits++;
    this.slots = new Int32Array(1 << bits);
    this.slotMask = (1 << bits) - 1;
    this.nextSame = new Int32Array(n).fill(-1);
    const tail = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const s0 = nameStart[r]!;
      const s1 = nameEnd[r]!;
      name(text, s0, s1);
      for (let s = hashSpan(text, s0, s1) & this.slotMask; ; s = (s + 1) & this.slotMask) {
        const head = this.slots[s]! - 1;
        if (head < 0) {
          this.slots[s] = r + 1;
          tail[r] = r;
          break;
        }
        if (this.sameName(head, text, s0, s1)) {
          this.nextSame[tail[head]!] = r;
          tail[head] = r;
          break;
        }
      }
      if (!sorted) this.codeRows.set(text.slice(codeStart[r]!, nameStart[r]! - 2), r);
      else if (codeNum[r]! < 0) this.codeRows.set(text.slice(codeStart[r]!, nameStart[r]! - 2), r);
    }
  }

  private sameName(row: number, s: string, start: number, end: number): boolean {
    const a = this.nameStart[row]!;
    if (this.nameEnd[row]! - a !== end - start) return false;
    for (let k = 0; k < end - start; k++)
      if (this.text.charCodeAt(a + k) !== s.charCodeAt(start + k)) return false;
    return true;
  }

  /** The first row named `name` (the others follow by nextRow), -1 when none. */
  firstNamed(name: string): number {
    for (let s = hashSpan(name, 0, name.length) & this.slotMask; ; s = (s + 1) & this.slotMask) {
      const head = this.slots[s]! - 1;
      if (head < 0) return -1;
      if (this.sameName(head, name, 0, name.length)) return head;
    }
  }

  nextRow(row: number): number {
    return this.nextSame[row]!;
  }

  /** The row of a town code (the last one when the file repeats it), -1 when none. */
  rowOfCode(code: string): number {
    const num = this.sorted ? codeNumber(code, 0, code.length) : -1;
    if (num < 0) return this.codeRows.get(code) ?? -1;
    // the last row whose code is ≤ num
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.codeNum[mid]! <= num) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.codeNum[lo - 1] === num ? lo - 1 : -1;
  }

  /** The division of a row, made on first request. */
  division(row: number): Division {
    let d = this.divisions[row];
    if (!d) {
      const text = this.text;
      const code = text.slice(this.codeStart[row]!, this.nameStart[row]! - 2);
      const name = text.slice(this.nameStart[row]!, this.nameEnd[row]!);
      d = { code, name, level: 'town', parentCode: this.countyNames[this.rowCounty[row]!]! };
      this.divisions[row] = d;
    }
    return d;
  }

  /** The towns of a county code in file order (the same list every time), undefined when none. */
  ofCounty(county: string): Division[] | undefined {
    let out = this.byCounty.get(county);
    if (out) return out;
    const k = this.countyIndex.get(county);
    if (k === undefined) return undefined;
    const rows = this.countyRows[k]!;
    out = [];
    for (const r of rows) out.push(this.division(r));
    this.byCounty.set(county, out);
    return out;
  }
}
