// The rows of a Cypher result are turned into JSON once, as they stream (the size limit is checked on
// that text), though the evidence of their relationships (graph/evidence.ts) is looked up only after
// the stream. A relationship whose evidence is missing carries a marker key while its row is
// serialised; once the evidence is in (applyEvidence fills the bags in place), each marker is replaced
// by the fields found. Serialising every row twice (for its size, then for the response) cost a third
// of the worker's own time on place-events (bench:api --cpu-prof).
import { randomBytes } from 'node:crypto';
import { evidenceWanted, relationshipsIn, type EvidenceBag } from '../../graph/evidence.ts';

/** The fields applyEvidence may add, in the order it adds them. */
const FIELDS = ['articleId', 'sentence', 'start', 'end'] as const;

/** A row serialised but not yet kept (it may be over the size limit). */
export interface PreparedRow {
  row: unknown[];
  json: string;
  /** The row's JSON without its markers: what it weighs against the size limit. */
  size: number;
  bags: EvidenceBag[];
  /** Per bag, the fields it lacked (those its marker stands for). */
  missing: string[][];
  /** Serialised again at the end: an evidence field is present but null (a map shaped like a
   * relationship in a user's query), so what is found cannot be appended after the others. */
  later?: boolean;
}

export class RowJson {
  // A key no result can hold by chance: the markers of this response only.
  private readonly prefix = `#evidence-${randomBytes(8).toString('hex')}-`;
  private readonly rows: (string | unknown[])[] = [];
  private readonly marked: boolean[] = [];
  private readonly missing: string[][] = [];
  private first: unknown[] | undefined;
  /** Every relationship of the kept rows whose evidence is to be looked up (completeGraph's extra). */
  readonly bags: EvidenceBag[] = [];

  prepare(row: unknown[]): PreparedRow {
    const bags = evidenceWanted(relationshipsIn(row));
    if (bags.some((b) => FIELDS.some((f) => f in b.properties && b.properties[f] == null))) {
      const json = JSON.stringify(row);
      return { row, json, size: json.length, bags, missing: bags.map(() => []), later: true };
    }
    const missing = bags.map((b) => FIELDS.filter((f) => !(f in b.properties)));
    let markers = 0;
    bags.forEach((bag, i) => {
      const key = `${this.prefix}${this.bags.length + i}`;
      // "key":0, and the comma before it unless it is the only key.
      markers += key.length + 4 + (Object.keys(bag.properties).length > 0 ? 1 : 0);
      bag.properties[key] = 0;
    });
    const json = JSON.stringify(row);
    return { row, json, size: json.length - markers, bags, missing };
  }

  add(row: PreparedRow): void {
    this.first ??= row.row;
    this.rows.push(row.later ? row.row : row.json);
    this.marked.push(!row.later && row.bags.length > 0);
    this.bags.push(...row.bags);
    this.missing.push(...row.missing);
  }

  get length(): number {
    return this.rows.length;
  }

  /** The first kept row's values (a named query's `total` is in every row). */
  get firstRow(): unknown[] | undefined {
    return this.first;
  }

  /** The rows as a JSON array, each marker replaced by the evidence the bags hold by now. */
  toJson(): string {
    const marker = new RegExp(`([{,])"${this.prefix}(\\d+)":0`, 'g');
    const fill = (_all: string, before: string, index: string) => {
      const properties = this.bags[Number(index)]!.properties;
      const fields = this.missing[Number(index)]!.filter((f) => f in properties).map(
        (f) => `${JSON.stringify(f)}:${JSON.stringify(properties[f])}`,
      );
      if (fields.length === 0) return before === '{' ? '{' : '';
      return `${before}${fields.join(',')}`;
    };
    const rows = this.rows.map((row, i) =>
      typeof row !== 'string' ? JSON.stringify(row) : this.marked[i] ? row.replace(marker, fill) : row,
    );
    return `[${rows.join(',')}]`;
  }
}
