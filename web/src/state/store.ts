// The one typed store of the app (zustand's vanilla store): the view log, what the log evaluated to,
// the selection, filters, display settings and language. The graphology graph, sigma's reducers, the
// panels and the URL are all derived from it (state/controller.ts); UI modules only dispatch actions.
import { createStore } from 'zustand/vanilla';
import type { ArticleInfo } from '../../contract.ts';
import type { Lang } from '../i18n.ts';
import type { SizeMode } from '../graph/derive.ts';
import type { TableData, TableRequest } from '../tables/model.ts';
import type { Career } from '../career/model.ts';
import { logOf, type Op, type ViewLog } from './ops.ts';
import type { ViewContent } from './view.ts';

export interface MemberFilter {
  id: string;
  name: string;
  /** Node ids that pass: for a place, its places and events; for an office, the office and its people. */
  members: ReadonlySet<string>;
  /**
   * The nodes the server was asked about: only those on screen are, never the whole membership (a
   * province holds far more events than a canvas). A node not asked yet is hidden until it is.
   */
  asked: ReadonlySet<string>;
}

export interface Filters {
  hiddenKinds: readonly string[];
  /** Inclusive `YYYY-MM-DD` bounds on event dates; events of unknown year are hidden by a range. */
  from: string | null;
  to: string | null;
  place: MemberFilter | null;
  office: MemberFilter | null;
  /** Event kinds (会议, 调研 …) and roles (主持, 陪同 …) to keep; empty: all. Canvas and tables alike. */
  eventKinds: readonly string[];
  roles: readonly string[];
}

/** How nodes are coloured: by kind, by Louvain community of co-attendance, or places by visits. */
export type ColorMode = 'kind' | 'community' | 'visits';

export interface Status {
  kind: 'loading' | 'error';
  message: string;
  /** Retry what failed (shown as a button). */
  retry?: () => void;
}

/** An official's positions as the details panel lists them. */
export interface Position {
  title: string;
  office: string;
  asOf: string | null;
  sentence: string | null;
  articleId: string | null;
  start: number | null;
  end: number | null;
}

/** Fetched once per node for the details panel; an error is kept (no endless re-requests) until retried. */
export type Extra<T> =
  { state: 'loading' } | { state: 'done'; value: T } | { state: 'error'; message: string };

export interface AppState {
  log: ViewLog;
  /** What the log evaluated to; null until the first answer. */
  content: ViewContent | null;
  selection: { selected: string | null; second: string | null };
  hovered: string | null;
  filters: Filters;
  display: { size: SizeMode; color: ColorMode };
  lang: Lang;
  /** The search box's text (kept in the URL). */
  query: string;
  /** Node positions to restore (from a shared URL), by node id. */
  positions: Readonly<Record<string, readonly [number, number]>>;
  status: Status | null;
  /** The open table (tables/model.ts) and its rows; null when the table drawer is closed. */
  table: { request: TableRequest; data: Extra<TableData> } | null;
  /** Positions of people and headlines of cited articles, for the details panel. */
  extras: {
    positions: Readonly<Record<string, Extra<Position[]>>>;
    /** A person's career (career.cypher), for the timeline in the panel. */
    careers: Readonly<Record<string, Extra<Career>>>;
    articles: Readonly<Record<string, ArticleInfo>>;
  };
}

export const noFilters = (): Filters => ({
  hiddenKinds: [],
  from: null,
  to: null,
  place: null,
  office: null,
  eventKinds: [],
  roles: [],
});

export function initialState(partial: Partial<AppState> & { ops?: Op[] } = {}): AppState {
  const { ops, ...rest } = partial;
  return {
    log: logOf(ops?.length ? ops : [{ t: 'overview' }]),
    content: null,
    selection: { selected: null, second: null },
    hovered: null,
    filters: noFilters(),
    display: { size: 'degree', color: 'kind' },
    lang: 'zh',
    query: '',
    positions: {},
    status: null,
    table: null,
    extras: { positions: {}, careers: {}, articles: {} },
    ...rest,
  };
}

export const createAppStore = (state: AppState) => createStore<AppState>()(() => state);
export type AppStore = ReturnType<typeof createAppStore>;
