// The bulk path's writer: the same rows the incremental writer sends to Neo4j, as CSV files for
// `neo4j-admin database import full`. Rows tied to one article (articles, events, their relationships)
// stream to disk as they come; nodes shared between articles (places, offices, people, reporters) are
// merged in memory with the same rules as the Cypher in writer.ts, and written at the end together with
// POSSIBLY_SAME and the ledger. The result is the graph the incremental path builds (tested).
import fs from 'node:fs';
import path from 'node:path';
import { stringify, type Stringifier } from 'csv-stringify';
import type { OfficeRow, PersonRow, PlaceRow } from './graph-batch.ts';
import { LEDGER_VERSION } from './identity.ts';
import type { WriteRequest } from './writer.ts';

/** Separates the elements of array properties (positions); never part of a position as written. */
export const ARRAY_DELIMITER = '\u001f';

interface Table {
  file: string;
  kind: 'nodes' | 'relationships';
  out: Stringifier;
  done: Promise<void>;
  /** Whether a value written holds a line break: only such files need the importer's slow multiline parser. */
  multiline: boolean;
}

type Value = string | number | boolean | null | undefined | string[];

/** A CSV cell: null and undefined stay empty (no property), strings are quoted (so '' stays ''). */
function cell(value: Value): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.length ? value.join(ARRAY_DELIMITER) : undefined;
  return typeof value === 'string' ? value : String(value);
}

export class CsvGraphWriter {
  private readonly tables = new Map<string, Table>();
  private readonly places = new Map<string, PlaceRow>();
  private readonly partOf = new Set<string>();
  private readonly placeRefs = new Set<string>();
  private readonly offices = new Map<string, OfficeRow & { aliases: Set<string> }>();
  private readonly governs = new Set<string>();
  private readonly people = new Map<string, PersonRow>();
  private readonly reporters = new Map<string, string>();
  private readonly documents: WriteRequest['sources'] = [];
  articles = 0;

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  private table(name: string, kind: Table['kind'], header: string[]): Table {
    let table = this.tables.get(name);
    if (!table) {
      const file = path.join(this.dir, `${name}.csv`);
      const out = stringify({ quoted_string: true, cast: { boolean: (b) => String(b) } });
      const stream = fs.createWriteStream(file);
      out.pipe(stream);
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      out.write(header);
      table = { file, kind, out, done, multiline: false };
      this.tables.set(name, table);
    }
    return table;
  }

  private row(name: string, kind: Table['kind'], header: string[], values: Value[]) {
    const table = this.table(name, kind, header);
    const cells = values.map(cell);
    if (!table.multiline && cells.some((c) => c !== undefined && /[\r\n]/.test(c))) table.multiline = true;
    table.out.write(cells);
  }

  /** One transaction's worth of rows. Removals do not apply: the bulk path loads an empty database. */
  async write(request: WriteRequest): Promise<void> {
    const { batch } = request;
    for (const p of batch.places) {
      this.places.set(p.id, p);
      if (p.parentId) {
        this.partOf.add(`${p.id}\t${p.parentId}`);
        this.placeRefs.add(p.parentId);
      }
    }
    for (const o of batch.offices) {
      const known = this.offices.get(o.id);
      const aliases = known?.aliases ?? new Set<string>();
      for (const alias of o.alias.split(' ')) if (alias) aliases.add(alias);
      const jurisdiction =
        o.jurisdiction === null
          ? (known?.jurisdiction ?? null)
          : known?.jurisdiction == null || o.jurisdiction < known.jurisdiction
            ? o.jurisdiction
            : known.jurisdiction;
      this.offices.set(o.id, { ...o, jurisdiction, aliases });
      if (o.placeId) this.governs.add(`${o.id}\t${o.placeId}`);
    }
    for (const p of batch.people) {
      const known = this.people.get(p.id);
      if (known) known.official ||= p.official;
      else this.people.set(p.id, { ...p });
    }
    for (const a of batch.articles) {
      this.articles++;
      this.row(
        'articles',
        'nodes',
        [
          'id:ID(Article)',
          ':LABEL',
          'doc',
          'headline',
          'text',
          'paper',
          'date',
          'start:long',
          'end:long',
          'page',
          'url',
        ],
        [a.id, 'Article', a.doc, a.headline, a.text, a.paper, a.date, a.start, a.end, a.page, a.url],
      );
    }
    for (const w of batch.wrote) {
      if (!this.reporters.has(w.reporterId)) this.reporters.set(w.reporterId, w.name);
      this.row(
        'wrote',
        'relationships',
        [':START_ID(Reporter)', ':END_ID(Article)', ':TYPE'],
        [w.reporterId, w.articleId, 'WROTE'],
      );
    }
    const evidence = ['sentence', 'start:long', 'end:long'];
    for (const [name, rows, label] of [
      ['person_mentions', batch.personMentions, 'Person'],
      ['place_mentions', batch.placeMentions, 'Place'],
    ] as const) {
      for (const m of rows)
        this.row(
          name,
          'relationships',
          [
            `:START_ID(${label})`,
            ':END_ID(Article)',
            ':TYPE',
            'asWritten',
            'positions:string[]',
            ...evidence,
          ],
          [m.nodeId, m.articleId, 'MENTIONED_IN', m.asWritten, m.positions, m.sentence, m.start, m.end],
        );
    }
    for (const h of batch.holds)
      this.row(
        'holds',
        'relationships',
        [
          ':START_ID(Person)',
          ':END_ID(Office)',
          ':TYPE',
          'articleId',
          'position',
          'title',
          'asOf',
          ...evidence,
        ],
        [
          h.personId,
          h.officeId,
          'HOLDS',
          h.articleId,
          h.position,
          h.title,
          h.asOf,
          h.sentence,
          h.start,
          h.end,
        ],
      );
    for (const h of batch.appointed)
      this.row(
        'appointed',
        'relationships',
        [
          ':START_ID(Person)',
          ':END_ID(Office)',
          ':TYPE',
          'articleId',
          'action',
          'position',
          'title',
          'date',
          'asOf',
          ...evidence,
        ],
        [
          h.personId,
          h.officeId,
          'APPOINTED',
          h.articleId,
          h.action,
          h.position,
          h.title,
          h.date,
          h.asOf,
          h.sentence,
          h.start,
          h.end,
        ],
      );
    for (const e of batch.events) {
      this.row(
        'events',
        'nodes',
        ['id:ID(Event)', ':LABEL', 'title', 'kind', 'date', 'partOfDay', 'articleId'],
        [e.id, 'Event', e.title, e.kind, e.date, e.partOfDay, e.articleId],
      );
      this.row(
        'reported_in',
        'relationships',
        [':START_ID(Event)', ':END_ID(Article)', ':TYPE', ...evidence],
        [e.id, e.articleId, 'REPORTED_IN', e.sentence, e.start, e.end],
      );
    }
    for (const h of batch.heldIn)
      this.row(
        'held_in',
        'relationships',
        [':START_ID(Event)', ':END_ID(Place)', ':TYPE'],
        [h.eventId, h.placeId, 'HELD_IN'],
      );
    for (const a of batch.attended)
      this.row(
        'attended',
        'relationships',
        [':START_ID(Person)', ':END_ID(Event)', ':TYPE', 'role', ...evidence],
        [a.personId, a.eventId, 'ATTENDED', a.role, a.sentence, a.start, a.end],
      );
    this.documents.push(...request.sources);
  }

  /**
   * Writes the merged nodes, POSSIBLY_SAME and the ledger, closes every file; returns the import
   * arguments: the files, and which of them hold line breaks (article texts). Only those are parsed as
   * multiline (format v2): `--multiline-fields=true` would parse every file on one thread.
   */
  async finish(): Promise<string[]> {
    for (const id of this.placeRefs) if (!this.places.has(id)) this.places.set(id, { id } as PlaceRow);
    for (const p of this.places.values())
      this.row(
        'places',
        'nodes',
        ['id:ID(Place)', ':LABEL', 'code', 'name', 'level', 'pinyin', 'initials'],
        [p.id, 'Place', p.code, p.name, p.level, p.pinyin, p.initials],
      );
    for (const pair of this.partOf) {
      const [from, to] = pair.split('\t');
      this.row(
        'part_of',
        'relationships',
        [':START_ID(Place)', ':END_ID(Place)', ':TYPE'],
        [from, to, 'PART_OF'],
      );
    }
    for (const o of this.offices.values())
      this.row(
        'offices',
        'nodes',
        ['id:ID(Office)', ':LABEL', 'name', 'jurisdiction', 'alias', 'pinyin', 'initials'],
        [o.id, 'Office', o.name, o.jurisdiction, [...o.aliases].sort().join(' '), o.pinyin, o.initials],
      );
    for (const pair of this.governs) {
      const [from, to] = pair.split('\t');
      // The incremental writer MATCHes the place: an office only governs a place that exists.
      if (this.places.has(to!))
        this.row(
          'governs',
          'relationships',
          [':START_ID(Office)', ':END_ID(Place)', ':TYPE'],
          [from, to, 'GOVERNS'],
        );
    }
    const byName = new Map<string, string[]>();
    for (const p of this.people.values()) {
      this.row(
        'people',
        'nodes',
        ['id:ID(Person)', ':LABEL', 'name', 'pinyin', 'initials', 'jurisdiction', 'official:boolean'],
        [p.id, 'Person', p.name, p.pinyin, p.initials, p.jurisdiction, p.official],
      );
      byName.set(p.name, [...(byName.get(p.name) ?? []), p.id]);
    }
    for (const ids of byName.values()) {
      for (const a of ids)
        for (const b of ids)
          if (a < b)
            this.row(
              'possibly_same',
              'relationships',
              [':START_ID(Person)', ':END_ID(Person)', ':TYPE'],
              [a, b, 'POSSIBLY_SAME'],
            );
    }
    for (const [id, name] of this.reporters)
      this.row('reporters', 'nodes', ['id:ID(Reporter)', ':LABEL', 'name'], [id, 'Reporter', name]);
    const now = new Date().toISOString();
    for (const d of this.documents)
      this.row(
        'documents',
        'nodes',
        ['id:ID(Document)', ':LABEL', 'source', 'path', 'hash', 'articles:long', 'ingestedAt:datetime'],
        [d.id, 'Document', d.source, d.path, d.hash, d.articles, now],
      );
    this.row(
      'ledger',
      'nodes',
      ['id:ID(Ledger)', ':LABEL', 'version:long'],
      ['ingest', 'Ledger', LEDGER_VERSION],
    );
    for (const table of this.tables.values()) table.out.end();
    await Promise.all([...this.tables.values()].map((t) => t.done));
    const tables = [...this.tables.values()];
    const multiline = tables.filter((t) => t.multiline).map((t) => t.file);
    return [
      ...tables.map((t) => `--${t.kind}=${t.file}`),
      ...(multiline.length
        ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`]
        : []),
    ];
  }
}
