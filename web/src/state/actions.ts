// Everything the UI can do, as actions on the store. Views, panels and keys call these; none of them
// touches the graph or sigma. Fetches that belong to the state (a filter's members, a person's positions,
// cited headlines) happen here, through the API's named queries and routes.
import { ApiError, fetchArticles, runNamedQuery, type CypherResult } from '../api.ts';
import { setLang as setDictionary, t, type Lang } from '../i18n.ts';
import type { SizeMode } from '../graph/derive.ts';
import { amend, current, push, redo, undo, type Op } from './ops.ts';
import type { AppState, AppStore, ColorMode, MemberFilter, Position } from './store.ts';
import { fetchCareer } from '../career/model.ts';
import { fetchTable, PAGE, sortMatrix, type TableRequest } from '../tables/model.ts';
import { viewPage, type ViewLoader } from './view.ts';

/** The message for an API failure, in the current language, with the server's words after it. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const head = error.unavailable
      ? t('apiDown')
      : error.status === 404
        ? t('notFound')
        : error.status === 408
          ? t('timedOut')
          : error.status === 429
            ? t('busy')
            : error.status >= 400 && error.status < 500
              ? t('badRequest')
              : t('failed');
    return `${head}: ${error.message}`;
  }
  return `${t('failed')}: ${error instanceof Error ? error.message : String(error)}`;
}

export function createActions(store: AppStore, loader: ViewLoader) {
  const set = store.setState;
  const get = store.getState;

  /** Nodes a member filter is being asked about right now. */
  const pending = new Set<string>();
  /** Articles asked for once: one that never comes back is not asked for again and again. */
  const asked = new Set<string>();
  const step = (op: Op) => set((s) => ({ log: push(s.log, op), status: null }));

  const actions = {
    step,
    undo: () => set((s) => ({ log: undo(s.log) })),
    redo: () => set((s) => ({ log: redo(s.log) })),
    overview: () => step({ t: 'overview' }),
    latest: () => step({ t: 'view', name: 'overview', params: {} }),

    /** Expands a node, or loads its next page of neighbours. */
    expand(id: string) {
      const expansion = get().content?.expansions.get(id);
      if (expansion && expansion.loaded >= expansion.total) return;
      set((s) => ({
        log: push(s.log, { t: 'expand', id, page: expansion?.pages ?? 0 }),
        selection: { selected: id, second: null },
      }));
    },
    collapse: (id: string) => step({ t: 'collapse', id }),
    remove: (id: string) => step({ t: 'remove', id }),
    togglePin(id: string) {
      const pinned = get().content?.pinned.has(id) ?? false;
      step({ t: 'pin', id, on: !pinned });
    },
    startFrom(id: string, add: boolean) {
      set((s) => ({
        log: push(s.log, add ? { t: 'add', id } : { t: 'start', id }),
        selection: { selected: id, second: null },
      }));
    },
    view: (name: string, params: Record<string, string>) => step({ t: 'view', name, params }),

    /** "Load more": the same view with a larger page (one step, not two). */
    loadMore() {
      const ops = current(get().log);
      const last = ops[ops.length - 1];
      if (!last) return;
      if (last.t === 'view')
        set((s) => ({
          log: amend(s.log, { ...last, limit: (last.limit ?? viewPage(last.name)) + viewPage(last.name) }),
        }));
      else if (last.t === 'cypher')
        set((s) => ({ log: amend(s.log, { ...last, limit: Math.min(10_000, last.limit * 2) }) }));
      else if (last.t === 'overview')
        set((s) => ({ log: amend(s.log, { ...last, people: (last.people ?? 30) + 30 }) }));
    },

    /** A result of the Cypher drawer on the canvas: kept by its query, so undo and the URL know it. */
    showResult(op: Extract<Op, { t: 'view' | 'cypher' }>, result: CypherResult) {
      loader.prime(op, result);
      step(op);
    },

    select(id: string | null, additive = false) {
      set((s) => {
        if (additive && id && s.selection.selected && id !== s.selection.selected)
          return { selection: { ...s.selection, second: id } };
        return { selection: { selected: id, second: null } };
      });
    },
    hover: (id: string | null) => set({ hovered: id }),

    toggleKind(kind: string) {
      set((s) => {
        const kinds = s.filters.hiddenKinds;
        return {
          filters: {
            ...s.filters,
            hiddenKinds: kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind],
          },
        };
      });
    },
    setRange: (from: string | null, to: string | null) =>
      set((s) => ({ filters: { ...s.filters, from, to } })),

    async setMemberFilter(which: 'place' | 'office', id: string | null) {
      if (!id) {
        set((s) => ({ filters: { ...s.filters, [which]: null } }));
        return;
      }
      try {
        const filter = await memberFilter(which, id, onScreen(get(), which));
        set((s) => ({ filters: { ...s.filters, [which]: filter } }));
      } catch (error) {
        set({
          status: {
            kind: 'error',
            message: errorMessage(error),
            retry: () => void actions.setMemberFilter(which, id),
          },
        });
      }
    },

    /** Asks the active filters about the nodes that came on screen since they were last asked. */
    async refreshMemberFilters() {
      await Promise.all(
        (['place', 'office'] as const).map(async (which) => {
          const filter = get().filters[which];
          if (!filter) return;
          const fresh = onScreen(get(), which).filter((n) => !filter.asked.has(n) && !pending.has(n));
          if (fresh.length === 0) return;
          for (const n of fresh) pending.add(n);
          try {
            const more = await memberFilter(which, filter.id, fresh);
            set((s) => {
              const now = s.filters[which];
              // The filter was changed or removed meanwhile: this answer is about another question.
              if (!now || now.id !== filter.id) return {};
              return {
                filters: {
                  ...s.filters,
                  [which]: {
                    ...now,
                    members: new Set([...now.members, ...more.members]),
                    asked: new Set([...now.asked, ...more.asked]),
                  },
                },
              };
            });
          } catch (error) {
            set({
              status: {
                kind: 'error',
                message: errorMessage(error),
                retry: () => void actions.refreshMemberFilters(),
              },
            });
          } finally {
            for (const n of fresh) pending.delete(n);
          }
        }),
      );
    },

    setSize: (size: SizeMode) => set((s) => ({ display: { ...s.display, size } })),
    setColor: (color: ColorMode) => set((s) => ({ display: { ...s.display, color } })),

    /** Keeps only events of these kinds / where someone had these roles (empty: all). */
    setEventKinds: (eventKinds: string[]) => set((s) => ({ filters: { ...s.filters, eventKinds } })),
    setRoles: (roles: string[]) => set((s) => ({ filters: { ...s.filters, roles } })),

    /** Opens a table in its default order, or in `order` (a shared link's). */
    openTable(of: TableRequest['of'], key: string, name: string, order?: { sort: string; desc: boolean }) {
      const sort = order?.sort || (of === 'matrix' ? 'sum' : of === 'holders' ? 'title' : 'date');
      const desc = order?.sort ? order.desc : of === 'matrix';
      const request: TableRequest = { of, key, name, sort, desc, limit: PAGE };
      set({ table: { request, data: { state: 'loading' } } });
      void actions.loadTable();
    },
    closeTable: () => set({ table: null }),
    /** Sorts by a column; the same column again turns the order round. */
    sortTable(column: string) {
      const table = get().table;
      if (!table) return;
      const desc = table.request.sort === column ? !table.request.desc : false;
      const request = { ...table.request, sort: column, desc };
      // The matrix is whole on the client; an events table sorts on the server (it sees every row).
      if ((request.of === 'matrix' || request.of === 'holders') && table.data.state === 'done') {
        const value = sortMatrix(table.data.value, column, desc);
        set({ table: { request: value.request, data: { state: 'done', value } } });
        return;
      }
      set({ table: { request, data: table.data } });
      void actions.loadTable();
    },
    moreTable() {
      const table = get().table;
      if (!table) return;
      set({ table: { ...table, request: { ...table.request, limit: table.request.limit + PAGE } } });
      void actions.loadTable();
    },
    /** (Re)loads the open table for its request and the current filters; a stale answer is dropped. */
    async loadTable() {
      const table = get().table;
      if (!table) return;
      const { request } = table;
      const filters = get().filters;
      let data: Extract<NonNullable<AppState['table']>['data'], { state: 'done' | 'error' }>;
      try {
        data = { state: 'done', value: await fetchTable(request, filters) };
      } catch (error) {
        data = { state: 'error', message: errorMessage(error) };
      }
      const now = get();
      const same = (a: typeof filters, b: typeof filters) =>
        a.from === b.from && a.to === b.to && a.eventKinds === b.eventKinds && a.roles === b.roles;
      if (now.table?.request !== request || !same(now.filters, filters)) return;
      set({ table: { request, data } });
    },
    setLang(lang: Lang) {
      setDictionary(lang);
      set({ lang });
    },
    setQuery: (query: string) => set({ query }),
    setStatus: (status: ReturnType<typeof get>['status']) => set({ status }),
    /** Positions on screen worth keeping in the URL (after a layout or a drag). */
    setPositions: (positions: Record<string, readonly [number, number]>) => set({ positions }),

    /** Positions of a person and the headlines their evidence cites: once each, errors kept. */
    async loadExtras(id: string, person: { id: string } | null, cited: string[]) {
      const { extras } = get();
      if (person && !extras.careers[id]) {
        set((s) => ({
          extras: { ...s.extras, careers: { ...s.extras.careers, [id]: { state: 'loading' } } },
        }));
        void fetchCareer(person.id).then(
          (value) =>
            set((s) => ({
              extras: { ...s.extras, careers: { ...s.extras.careers, [id]: { state: 'done', value } } },
            })),
          (error: unknown) =>
            set((s) => ({
              extras: {
                ...s.extras,
                careers: { ...s.extras.careers, [id]: { state: 'error', message: errorMessage(error) } },
              },
            })),
        );
      }
      if (person && !extras.positions[id]) {
        set((s) => ({
          extras: { ...s.extras, positions: { ...s.extras.positions, [id]: { state: 'loading' } } },
        }));
        let entry: Extra;
        try {
          entry = {
            state: 'done',
            value: positionsOf(await runNamedQuery('positions-over-time', { name: person.id }, 500)),
          };
        } catch (error) {
          entry = { state: 'error', message: errorMessage(error) };
        }
        set((s) => ({ extras: { ...s.extras, positions: { ...s.extras.positions, [id]: entry } } }));
      }
      const positions = get().extras.positions[id];
      const fromPositions = positions?.state === 'done' ? positions.value.map((p) => p.articleId) : [];
      const wanted = [...new Set([...cited, ...fromPositions])].filter(
        (a): a is string => !!a && !(a in get().extras.articles) && !asked.has(a),
      );
      if (wanted.length === 0) return;
      for (const a of wanted) asked.add(a);
      try {
        const { articles } = await fetchArticles(wanted.slice(0, 500));
        set((s) => ({
          extras: {
            ...s.extras,
            articles: { ...s.extras.articles, ...Object.fromEntries(articles.map((a) => [a.id, a])) },
          },
        }));
      } catch {
        for (const a of wanted) asked.delete(a);
        // Headlines are extras: the evidence sentences are on screen already, and the article id stands in.
      }
    },
    retryExtras(id: string) {
      set((s) => {
        const positions = { ...s.extras.positions };
        delete positions[id];
        const careers = { ...s.extras.careers };
        delete careers[id];
        return { extras: { ...s.extras, positions, careers } };
      });
    },
  };
  return actions;
}

type Extra = { state: 'done'; value: Position[] } | { state: 'error'; message: string };

export type Actions = ReturnType<typeof createActions>;

/** The rows of positions-over-time (position, office, asOf, evidence and the HOLDS edge) as a list. */
function positionsOf(result: CypherResult): Position[] {
  const column = (name: string) => result.columns.indexOf(name);
  const [h, position, office, asOf, evidence] = ['h', 'position', 'office', 'asOf', 'evidence'].map(column);
  return result.rows
    .map((row) => {
      const edge = (row[h!] ?? {}) as { properties?: Record<string, unknown> };
      const props = edge.properties ?? {};
      const text = (i: number | undefined) =>
        i !== undefined && typeof row[i] === 'string' ? (row[i] as string) : null;
      return {
        title: String(props.title ?? text(position) ?? ''),
        office: text(office) ?? '',
        asOf: text(asOf),
        sentence: text(evidence),
        articleId: typeof props.articleId === 'string' ? props.articleId : null,
        start: typeof props.start === 'number' ? props.start : null,
        end: typeof props.end === 'number' ? props.end : null,
      };
    })
    .sort((a, b) => String(a.asOf).localeCompare(String(b.asOf)));
}

/** The kinds of node each member filter decides about. */
const FILTERED: Record<'place' | 'office', readonly string[]> = {
  place: ['Place', 'Event'],
  office: ['Person'],
};

/** The ids on screen that a member filter decides about. */
function onScreen(state: AppState, which: 'place' | 'office'): string[] {
  const kinds = FILTERED[which];
  return [...(state.content?.nodes.keys() ?? [])].filter((id) =>
    kinds.includes(id.slice(0, id.indexOf(':'))),
  );
}

/** Ids per request: their keys stay well within the API's 64 KB body. */
const MEMBER_BATCH = 1000;

/**
 * Which of `ids` lie in a place or hold a position in an office, from the named queries place-members
 * and office-members: a question about the nodes on screen, a batch at a time.
 */
async function memberFilter(
  which: 'place' | 'office',
  key: string,
  ids: readonly string[],
): Promise<MemberFilter> {
  // The named queries take the key property (the part after "Label:").
  const id = key.slice(key.indexOf(':') + 1);
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += MEMBER_BATCH) batches.push(ids.slice(i, i + MEMBER_BATCH));
  const results = await Promise.all(
    (batches.length ? batches : [[]]).map((batch) =>
      which === 'place'
        ? runNamedQuery('place-members', { place: id, ids: batch.join(',') }, 1)
        : runNamedQuery('office-members', { office: id, ids: batch.join(',') }, 1),
    ),
  );
  const first = results[0]!;
  const name = String(first.rows[0]?.[first.columns.indexOf('name')] ?? id);
  const members = new Set([key, ...results.flatMap((r) => r.graph.nodes.map((n) => n.id))]);
  return { id: key, name, members, asked: new Set(ids) };
}
