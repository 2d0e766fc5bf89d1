// The tables of events (of a person, of a place and below it, of an office) and the place × official
// matrix: which named query each runs (cypher/queries/table-*.cypher, place-official-matrix.cypher), its
// columns, and its rows as plain cells for the screen and the exports. Events tables sort and page on
// the server (the sort must see every row, not one page); the matrix comes whole (capped, with totals)
// and sorts here.
import { runNamedQuery, type CypherResult } from '../api.ts';
import { formatDate } from '../graph/style.ts';
import { levelName } from '../i18n.ts';
import { s, type StringKey } from './strings.ts';

export type TableOf = 'person' | 'place' | 'office' | 'matrix' | 'holders';

export interface TableRequest {
  of: TableOf;
  /** The node's key property (Person.id, Place.id, Office.id). */
  key: string;
  /** What the title shows. */
  name: string;
  sort: string;
  desc: boolean;
  limit: number;
}

/** The filters a table follows: the timeline's range and the explorer's kind and role filters. */
export interface TableFilters {
  from: string | null;
  to: string | null;
  eventKinds: readonly string[];
  roles: readonly string[];
}

export type Cell = string | number;

export interface Column {
  key: string;
  label: string;
  sortable: boolean;
  numeric?: boolean;
}

export interface TableData {
  request: TableRequest;
  columns: Column[];
  rows: Cell[][];
  /** Article ids of the rows (events tables), for opening the source. */
  articles: (string | null)[];
  total: number;
  /** The matrix: how many officials there are, of which `columns` shows some. */
  officials?: { shown: number; total: number };
}

export const PAGE = 500;
/** The most rows one request may ask for (the server's MAX_ROW_LIMIT). */
export const MAX_ROWS = 10_000;

const QUERY: Record<TableOf, { name: string; param: string }> = {
  person: { name: 'table-person-events', param: 'person' },
  place: { name: 'table-place-events', param: 'place' },
  office: { name: 'table-office-events', param: 'office' },
  matrix: { name: 'place-official-matrix', param: 'place' },
  holders: { name: 'office-holders', param: 'office' },
};

/** Result columns shown, in order, per table; `with` and `people` are lists. */
const SHOWN: Record<Exclude<TableOf, 'matrix' | 'holders'>, string[]> = {
  person: ['date', 'kind', 'title', 'place', 'role', 'others', 'headline'],
  place: ['date', 'kind', 'title', 'place', 'people', 'headline'],
  office: ['date', 'kind', 'title', 'place', 'person', 'role', 'others', 'headline'],
};
const LABEL: Record<string, StringKey> = {
  date: 'date',
  kind: 'kind',
  title: 'title',
  place: 'place',
  role: 'role',
  person: 'person',
  others: 'with',
  people: 'people',
  headline: 'article',
};
/** The server's sort keys by result column. */
const SORT_KEY: Record<string, string> = { headline: 'article' };
const UNSORTABLE = new Set(['others', 'people']);

export function title(request: TableRequest): string {
  const key: Record<TableOf, StringKey> = {
    person: 'tablePerson',
    place: 'tablePlace',
    office: 'tableOffice',
    matrix: 'tableMatrix',
    holders: 'tableHolders',
  };
  return s(key[request.of], { name: request.name });
}

function filterParams(filters: TableFilters): Record<string, string> {
  return {
    from: filters.from ?? '0000-01-01',
    to: filters.to ?? '9999-12-31',
    kinds: filters.eventKinds.length ? filters.eventKinds.join(',') : '*',
    roles: filters.roles.length ? filters.roles.join(',') : '*',
  };
}

const text = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : Array.isArray(value)
      ? value.map(text).join('、')
      : String(value);

/** One page (or, for an export, as many rows as allowed) of a table, with its total. */
export async function fetchTable(
  request: TableRequest,
  filters: TableFilters,
  options: { limit?: number } = {},
): Promise<TableData> {
  const query = QUERY[request.of];
  const limit = Math.min(options.limit ?? request.limit, MAX_ROWS);
  const params: Record<string, string> = { [query.param]: request.key, ...filterParams(filters) };
  if (request.of === 'holders')
    return holders(request, await runNamedQuery(query.name, { office: request.key }, MAX_ROWS));
  if (request.of === 'matrix') {
    const result = await runNamedQuery(query.name, { ...params, limit: String(limit) }, limit);
    return matrix(request, result);
  }
  Object.assign(params, {
    sort: SORT_KEY[request.sort] ?? request.sort,
    desc: String(request.desc),
    skip: '0',
    limit: String(limit),
  });
  const result = await runNamedQuery(query.name, params, limit);
  const index = (name: string) => result.columns.indexOf(name);
  const shown = SHOWN[request.of];
  const columns = shown.map((key) => ({ key, label: s(LABEL[key]!), sortable: !UNSORTABLE.has(key) }));
  const rows = result.rows.map((row) =>
    shown.map((key) => (key === 'date' ? (formatDate(row[index(key)]) ?? '') : text(row[index(key)]))),
  );
  const articles = result.rows.map((row) => {
    const id = row[index('article')];
    return typeof id === 'string' ? id : null;
  });
  const total = Number(result.rows[0]?.[index('total')] ?? 0);
  return { request, columns, rows, articles, total };
}

/** Who held a position in an office, by title and first sighting: predecessors above, successors below. */
function holders(request: TableRequest, result: CypherResult): TableData {
  const index = (name: string) => result.columns.indexOf(name);
  const keys: [string, StringKey][] = [
    ['title', 'title'],
    ['person', 'person'],
    ['firstSeen', 'firstSeen'],
    ['lastSeen', 'lastSeen'],
  ];
  const columns: Column[] = [
    ...keys.map(([key, label]) => ({ key, label: s(label), sortable: true })),
    { key: 'sightings', label: s('sightings'), sortable: true, numeric: true },
  ];
  const rows = result.rows.map((row) => [
    ...keys.map(([key]) => text(row[index(key)])),
    Number(row[index('sightings')] ?? 0),
  ]);
  const data: TableData = { request, columns, rows, articles: rows.map(() => null), total: rows.length };
  return request.sort === 'title' ? data : sortMatrix(data, request.sort, request.desc);
}

interface Official {
  id: string;
  name: string;
  visits: number;
}

/** The matrix rows (one per place) pivoted: place, level, within, one column per official, the total. */
function matrix(request: TableRequest, result: CypherResult): TableData {
  const index = (name: string) => result.columns.indexOf(name);
  const first = result.rows[0];
  const officials = ((first?.[index('officials')] as Official[] | undefined) ?? []).map((o) => ({
    ...o,
    visits: Number(o.visits),
  }));
  // Namesakes in one column set would read as one person: their scope tells them apart.
  const names = new Map<string, number>();
  for (const o of officials) names.set(o.name, (names.get(o.name) ?? 0) + 1);
  const columns: Column[] = [
    { key: 'place', label: s('place'), sortable: true },
    { key: 'level', label: s('level'), sortable: true },
    { key: 'parent', label: s('parent'), sortable: true },
    ...officials.map((o) => ({
      key: o.id,
      label: (names.get(o.name) ?? 0) > 1 ? o.id : o.name,
      sortable: true,
      numeric: true,
    })),
    { key: 'sum', label: s('sum'), sortable: true, numeric: true },
  ];
  const rows = result.rows.map((row) => {
    const cells = new Map(
      ((row[index('cells')] as { id: string; n: unknown }[] | null) ?? []).map((c) => [c.id, Number(c.n)]),
    );
    const counts = officials.map((o) => cells.get(o.id) ?? 0);
    return [
      text(row[index('place')]),
      levelName(text(row[index('level')])),
      text(row[index('parent')]),
      ...counts,
      counts.reduce((a, b) => a + b, 0),
    ] as Cell[];
  });
  const data: TableData = {
    request,
    columns,
    rows,
    articles: rows.map(() => null),
    total: Number(first?.[index('total')] ?? 0),
    officials: { shown: officials.length, total: Number(first?.[index('totalOfficials')] ?? 0) },
  };
  return sortMatrix(data, request.sort, request.desc);
}

/** The matrix sorted by a column: counts numerically, names by the Chinese collation. */
export function sortMatrix(data: TableData, key: string, desc: boolean): TableData {
  const column = data.columns.findIndex((c) => c.key === key);
  if (column < 0) return data;
  const collator = new Intl.Collator('zh-CN');
  const rows = [...data.rows].sort((a, b) => {
    const x = a[column]!;
    const y = b[column]!;
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return desc ? -order : order;
  });
  // The same request when the order is the one asked for: the answer stays recognisably its answer.
  const same = data.request.sort === key && data.request.desc === desc;
  return { ...data, rows, request: same ? data.request : { ...data.request, sort: key, desc } };
}
