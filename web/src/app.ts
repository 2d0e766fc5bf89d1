// The app: the store (state/store.ts) and everything derived from it. A change of the view log is
// evaluated (state/view.ts), turned into the next graph (graph/derive.ts) and swapped into sigma in one
// refresh; filters become the hidden set the reducers read; the panels and the URL follow the store.
import Sigma from 'sigma';
import type { TimelineResponse } from '../contract.ts';
import { ApiError, fetchTimeline, supersede } from './api.ts';
import { count, setLang, t } from './i18n.ts';
import { mountCypherPanel } from './cypher/panel.ts';
import { exportView, type ViewExportFormat } from './export/export.ts';
import { runBench } from './graph/bench.ts';
import { deriveGraph, type CadreGraph, type EdgeAttributes, type NodeAttributes } from './graph/derive.ts';
import { LayoutController, SETTLE_UNSEEN } from './graph/layout.ts';
import { createRenderer } from './graph/renderer.ts';
import { createActions, errorMessage } from './state/actions.ts';
import { hiddenNodes, kindsAndRoles } from './state/filters.ts';
import { mountNamesakePanel } from './namesakes/panel.ts';
import { mountTablePanel } from './tables/panel.ts';
import { Painter, runMapLayout } from './map/controller.ts';
import { renderCommunityLegend } from './ui/community-legend.ts';
import { s as words } from './tables/strings.ts';
import { renderEventFilters } from './ui/event-filters.ts';
import { canRedo, canUndo, current, replaces } from './state/ops.ts';
import { createAppStore, initialState, noFilters, type AppState } from './state/store.ts';
import { MAX_POSITIONS, positionKey, readUrl, writeUrl } from './state/url.ts';
import { ViewLoader } from './state/view.ts';
import { citedArticles, renderDetails, renderEmptyDetails } from './ui/details.ts';
import { button, el } from './ui/dom.ts';
import { renderLegend } from './ui/legend.ts';
import { renderNotices } from './ui/notices.ts';
import { mountSearch } from './ui/search.ts';
import { mountTimeline } from './ui/timeline.ts';
import { mountToolbar } from './ui/toolbar.ts';

interface CadreHandle {
  readonly graph: CadreGraph;
  sigma: Sigma<NodeAttributes, EdgeAttributes>;
  /** True when the last change is on screen and its layout has finished. */
  ready: boolean;
  /** Bumped each time a change reaches the screen. */
  version: number;
  /** Milliseconds from the last action (click, undo, ...) to its graph on screen. */
  lastActionMs: number;
  selected(): string | null;
  hidden(): string[];
  select(id: string | null, additive?: boolean): void;
  store: ReturnType<typeof createAppStore>;
  /** The store's actions, for the benchmark. */
  actions: ReturnType<typeof createActions>;
  bench?: Record<string, number>;
}

declare global {
  interface Window {
    /** Read by the end-to-end tests and the benchmark. */
    __cadre?: CadreHandle;
  }
}

const byId = (id: string) => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing from index.html`);
  return found;
};

export async function startApp(): Promise<void> {
  // Read before anything rewrites the address bar.
  const params = new URLSearchParams(window.location.search);
  const benchSize = params.get('bench');
  const url = readUrl();
  setLang(url.lang);
  const store = createAppStore(
    initialState({
      ops: url.ops,
      lang: url.lang,
      query: url.q,
      display: { size: url.size, color: 'kind' },
      selection: { selected: url.selected, second: url.second },
      filters: { ...noFilters(), hiddenKinds: url.hiddenKinds, from: url.from, to: url.to },
      positions: url.positions,
    }),
  );
  const loader = new ViewLoader();
  const actions = createActions(store, loader);
  // A shared link's table opens as it was: its kind, subject and order.
  if (url.table) actions.openTable(url.table.of, url.table.key, url.table.name, url.table);

  let hidden: Set<string> = new Set();
  // Colour modes (visits, communities) as display overrides, worked out once per view or filter change.
  const painter = new Painter(() => {
    view.refresh();
    renderPanels();
  });
  let mapNote = '';
  const view = createRenderer(
    byId('graph'),
    () => {
      const s = store.getState();
      return {
        hidden,
        paint: painter.paint,
        selected: s.selection.selected,
        second: s.selection.second,
        hovered: s.hovered,
      };
    },
    {
      onSelect: (node, additive) => actions.select(node, additive),
      onExpand: (node) => actions.expand(node),
      onHover: (node) => actions.hover(node),
      onMoved: () => savePositions(),
    },
  );
  const layout = new LayoutController(view.graph, (running) => toolbar.update({ fa2: running }));

  let actionStarted = performance.now();
  const handle: CadreHandle = {
    get graph() {
      return view.graph();
    },
    sigma: view.renderer,
    ready: false,
    version: 0,
    lastActionMs: 0,
    selected: () => store.getState().selection.selected,
    hidden: () => [...hidden],
    select: (id, additive = false) => actions.select(id, additive),
    store,
    actions,
  };
  window.__cadre = handle;

  // Where every node was last seen, so that undo, redo and a view seen before come back as they were
  // (and need no layout) instead of starting again from a spiral.
  const seenAt = new Map<string, readonly [number, number]>();
  function rememberPositions(graph: CadreGraph) {
    // Bounded: a long session over a big archive forgets and starts again.
    if (seenAt.size > 200_000) seenAt.clear();
    graph.forEachNode((id, a) => seenAt.set(id, [a.x, a.y]));
  }

  /** Positions on screen into the store (and so the URL), for views small enough to share them. */
  function savePositions() {
    const graph = view.graph();
    rememberPositions(graph);
    if (graph.order > MAX_POSITIONS) return actions.setPositions({});
    const positions: Record<string, readonly [number, number]> = {};
    graph.forEachNode((id, a) => (positions[positionKey(id)] = [a.x, a.y]));
    actions.setPositions(positions);
  }

  // ------------------------------------------------------------ the log → content → graph → sigma
  let generation = 0;
  /** Each new view cancels the requests of the one it replaces. */
  const nextView = supersede();
  async function evaluate(): Promise<void> {
    const mine = ++generation;
    handle.ready = false;
    const state = store.getState();
    const ops = current(state.log);
    const slow = setTimeout(() => actions.setStatus({ kind: 'loading', message: t('loading') }), 250);
    try {
      const content = await loader.evaluate(ops, state.filters, nextView());
      if (mine !== generation) return;
      store.setState({ content, status: null });
    } catch (error) {
      if (mine !== generation || (error instanceof ApiError && error.aborted)) return;
      actions.setStatus({ kind: 'error', message: errorMessage(error), retry: () => void evaluate() });
      handle.ready = true;
    } finally {
      clearTimeout(slow);
    }
  }

  let shownLog = store.getState().log;
  function showContent(state: AppState) {
    if (!state.content) return;
    const mine = generation;
    layout.stop();
    const previous = view.graph();
    const ops = current(state.log);
    const last = ops[ops.length - 1];
    // A new step that replaced the view is framed afresh; undo/redo keep the camera.
    const pushed = state.log.ops.length === state.log.cursor && state.log !== shownLog;
    const replaced = previous.order === 0 || (pushed && !!last && replaces(last));
    shownLog = state.log;
    const saved = state.positions;
    rememberPositions(previous);
    const { graph, added } = deriveGraph({
      content: state.content,
      previous: replaced ? null : previous,
      saved: (id) => saved[positionKey(id)] ?? seenAt.get(id),
      size: state.display.size,
    });
    hidden = hiddenNodes(graph, state.filters);
    painter.update(state.display.color, graph, hidden);
    mapNote = '';
    view.swap(graph);
    const { selected, second } = state.selection;
    if ((selected && !graph.hasNode(selected)) || (second && !graph.hasNode(second)))
      actions.select(selected && graph.hasNode(selected) ? selected : null);
    if (state.hovered && !graph.hasNode(state.hovered)) actions.hover(null);
    renderPanels();
    handle.lastActionMs = performance.now() - actionStarted;
    handle.version += 1;
    void (async () => {
      if (added.length > 0 && last?.t !== 'pin') {
        if (replaced) await view.fit(0);
        await layout.settle(Math.min(2500, 700 + graph.order * 3));
        if (mine !== generation) return;
        savePositions();
      }
      // A big view moves at once: each frame of an animated camera would be a long one.
      if (replaced || added.length > 0) await view.fit(replaced || graph.order >= SETTLE_UNSEEN ? 0 : 300);
      if (mine === generation) handle.ready = true;
    })();
  }

  function filtersChanged(state: AppState) {
    hidden = hiddenNodes(view.graph(), state.filters);
    painter.update(state.display.color, view.graph(), hidden);
    view.refresh();
    renderPanels();
    handle.version += 1;
  }

  // ------------------------------------------------------------ panels
  const details = byId('details');
  let timelineData: TimelineResponse | null = null;
  let timeline: ReturnType<typeof mountTimeline> | null = null;

  function renderPanels() {
    const state = store.getState();
    const graph = view.graph();
    const counts = new Map<string, number>();
    graph.forEachNode((_n, a) => counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1));
    renderLegend(byId('legend'), counts, state.filters.hiddenKinds, actions.toggleKind);
    renderEventFilters(
      byId('event-filters'),
      kindsAndRoles(graph),
      { kinds: state.filters.eventKinds, roles: state.filters.roles },
      { kinds: actions.setEventKinds, roles: actions.setRoles },
    );
    renderActiveFilters(state);
    // The edges drawn: a filter that hides a node hides its edges too.
    let shownEdges = graph.size;
    if (hidden.size > 0) {
      shownEdges = 0;
      graph.forEachEdge((_e, _a, source, target) => {
        if (!hidden.has(source) && !hidden.has(target)) shownEdges++;
      });
    }
    byId('stats').textContent =
      t('nodes', { n: count(graph.order - hidden.size), m: count(shownEdges) }) +
      (mapNote ? ` · ${mapNote}` : '');
    renderCommunityLegend(
      byId('community-legend'),
      state.display.color === 'community' ? painter.legend : null,
    );
    renderNotices(byId('notices'), state.content?.notices ?? [], { loadMore: actions.loadMore });
    toolbar.update({
      canUndo: canUndo(state.log),
      canRedo: canRedo(state.log),
      size: state.display.size,
      color: state.display.color,
    });
    timeline?.update(graph, state.filters);
    renderSelection();
  }

  function renderActiveFilters(state: AppState) {
    const box = byId('active-filters');
    box.replaceChildren();
    const chip = (label: string, clear: () => void, testid: string) =>
      box.append(
        el('span', { class: 'chip', attrs: { 'data-testid': testid } }, [
          el('span', { text: label }),
          button('×', clear, { class: 'chip-x', title: t('clear') }),
        ]),
      );
    const { place, office } = state.filters;
    if (place)
      chip(`${t('place')}: ${place.name}`, () => void actions.setMemberFilter('place', null), 'chip-place');
    if (office)
      chip(
        `${t('office')}: ${office.name}`,
        () => void actions.setMemberFilter('office', null),
        'chip-office',
      );
  }

  function renderSelection() {
    const state = store.getState();
    const graph = view.graph();
    const id = state.selection.selected;
    if (!id || !graph.hasNode(id)) {
      renderEmptyDetails(details);
      return;
    }
    const node = graph.getNodeAttributes(id);
    const second = state.selection.second;
    const other = second && graph.hasNode(second) ? graph.getNodeAttributes(second) : null;
    const key = (n: typeof node) => String(n.properties.id ?? n.properties.name ?? n.caption);
    renderDetails(details, {
      id,
      node,
      graph,
      expansion: state.content?.expansions.get(id),
      second: other,
      articles: state.extras.articles,
      positions: node.kind === 'Person' ? (state.extras.positions[id] ?? { state: 'loading' }) : null,
      career: node.kind === 'Person' ? (state.extras.careers[id] ?? { state: 'loading' }) : null,
      actions: {
        expand: () => actions.expand(id),
        more: () => actions.expand(id),
        collapse: () => actions.collapse(id),
        togglePin: () => actions.togglePin(id),
        remove: () => actions.remove(id),
        personEvents: () => actions.view('person-events', { name: key(node) }),
        placeEvents: () => actions.view('place-events', { place: key(node) }),
        coAttendance: () => actions.view('co-attendance', { name: key(node) }),
        visitEvents: (place) => actions.view('person-place-events', { person: key(node), place }),
        shortest: () => other && actions.view('shortest-connection', { from: key(node), to: key(other) }),
        filterPlace: () => void actions.setMemberFilter('place', id),
        filterOffice: () => void actions.setMemberFilter('office', id),
        table: () =>
          actions.openTable(
            node.kind === 'Person' ? 'person' : node.kind === 'Place' ? 'place' : 'office',
            key(node),
            node.caption,
          ),
        matrix: () => actions.openTable('matrix', key(node), node.caption),
        holders: (officeId, office) => actions.openTable('holders', officeId, office),
        retryPositions: () => actions.retryExtras(id),
      },
    });
    const positions = state.extras.positions[id];
    const cited = citedArticles(graph, id).filter((a) => !(a in state.extras.articles));
    if ((node.kind === 'Person' && !positions) || (cited.length > 0 && positions?.state !== 'loading'))
      void actions.loadExtras(id, node.kind === 'Person' ? { id: key(node) } : null, cited);
  }

  function renderStatus(state: AppState) {
    const status = byId('status');
    if (!state.status) {
      status.hidden = true;
      return;
    }
    status.replaceChildren(el('span', { text: state.status.message }));
    status.className = state.status.kind === 'error' ? 'status error' : 'status';
    status.hidden = false;
    const retry = state.status.retry;
    if (retry) status.append(button(t('retry'), retry, { class: 'btn primary', testid: 'retry' }));
  }

  // ------------------------------------------------------------ shell
  const toolbar = mountToolbar(byId('toolbar'), {
    undo: () => ((actionStarted = performance.now()), actions.undo()),
    redo: () => ((actionStarted = performance.now()), actions.redo()),
    overview: () => ((actionStarted = performance.now()), actions.overview()),
    latest: () => ((actionStarted = performance.now()), actions.latest()),
    fit: () => void view.fit(),
    toggleFa2: () => {
      if (layout.running) layout.stop();
      else void layout.start().then(savePositions);
    },
    noverlap: () => {
      layout.noverlap();
      savePositions();
      void view.fit();
    },
    circular: () => {
      layout.circular();
      savePositions();
      void view.fit();
    },
    size: (mode) => actions.setSize(mode),
    color: (mode) => actions.setColor(mode),
    map: () => void mapLayout(),
    exportAs: (format) => void exportAs(format),
    toggleCypher: () => toggleCypher(),
    toggleLang: () => actions.setLang(store.getState().lang === 'zh' ? 'en' : 'zh'),
  });

  /** Places at their longitude/latitude, the rest between; coloured by visits unless told otherwise. */
  async function mapLayout() {
    layout.stop();
    const graph = view.graph();
    try {
      const { placed, unplaced } = await runMapLayout(graph);
      if (view.graph() !== graph) return;
      mapNote = placed ? words('mapPlaced', { n: count(placed), m: count(unplaced) }) : words('mapNoPlaces');
      savePositions();
      await view.fit(0);
      if (store.getState().display.color === 'kind') actions.setColor('visits');
      else renderPanels();
      handle.version += 1;
    } catch (error) {
      actions.setStatus({ kind: 'error', message: errorMessage(error), retry: () => void mapLayout() });
    }
  }

  async function exportAs(format: ViewExportFormat) {
    try {
      const graph = view.graph();
      const counts = new Map<string, number>();
      graph.forEachNode((id, a) => {
        if (!hidden.has(id)) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
      });
      // The exporters read sigma's display data, whatever the attribute types.
      const sigma = view.renderer as unknown as Sigma;
      await exportView(format, { graph, sigma, title: viewTitle(), legend: counts });
    } catch (error) {
      actions.setStatus({ kind: 'error', message: errorMessage(error), retry: () => void exportAs(format) });
    }
  }

  /** What the view shows, for the exported image's title. */
  function viewTitle(): string {
    const ops = current(store.getState().log);
    const start = [...ops].reverse().find(replaces);
    const graph = view.graph();
    const name = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'caption') : id);
    const base =
      start?.t === 'overview'
        ? t('overview')
        : start?.t === 'start'
          ? name(start.id)
          : start?.t === 'view'
            ? `${start.name} · ${Object.values(start.params)
                .map((v) => v.split('@')[0])
                .join(' · ')}`
            : start?.t === 'cypher'
              ? 'Cypher'
              : 'cadre-graph';
    return `cadre-graph · ${base} · ${new Date().toISOString().slice(0, 10)}`;
  }

  let cypherPanel: { focus(): void } | null = null;
  function toggleCypher() {
    const drawer = byId('cypher-drawer');
    drawer.hidden = !drawer.hidden;
    toolbar.update({ cypherOpen: !drawer.hidden });
    if (drawer.hidden) return;
    cypherPanel ??= mountCypherPanel(byId('cypher'), {
      showResult: (op, result) => {
        actionStarted = performance.now();
        actions.showResult(op, result);
      },
      lang: () => store.getState().lang,
    });
    cypherPanel.focus();
  }

  const namesakes = mountNamesakePanel(byId('namesakes-drawer'), byId('review-tools'), {
    openPerson: (id) => actions.startFrom(`Person:${id}`, false),
    // A merge or split changes what the person panel shows (its positions and careers are asked again)
    // and the canvas: the server draws a group decided the same as one node, so the view is redrawn.
    decided: () => {
      store.setState((s) => ({ extras: { ...s.extras, positions: {}, careers: {} } }));
      loader.forget();
      void evaluate();
    },
  });

  mountTablePanel(byId('table-drawer'), store, actions);

  const search = mountSearch(byId('search-box'), {
    onPick: (hit, add) => {
      actionStarted = performance.now();
      actions.startFrom(hit.node.id, add);
    },
    onQuery: (q) => actions.setQuery(q),
    onError: (error) =>
      actions.setStatus({ kind: 'error', message: errorMessage(error), retry: () => search.focus() }),
  });
  search.setValue(store.getState().query);

  async function loadTimeline() {
    try {
      timelineData = await fetchTimeline();
      const filters = store.getState().filters;
      timeline = mountTimeline(byId('timeline'), timelineData, filters, (from, to) =>
        actions.setRange(from, to),
      );
      timeline.update(view.graph(), filters);
    } catch {
      byId('timeline').replaceChildren();
    }
  }

  function relabelShell() {
    byId('subtitle').textContent = t('subtitle');
    byId('legend-title').textContent = t('legend');
    search.relabel();
    toolbar.relabel();
    namesakes.relabel();
  }

  // ------------------------------------------------------------ store → screen
  store.subscribe((state, prev) => {
    if (state.lang !== prev.lang) relabelShell();
    const rangeChanged = state.filters.from !== prev.filters.from || state.filters.to !== prev.filters.to;
    const overviewShown = current(state.log).some((op) => op.t === 'overview');
    if (state.log !== prev.log || (rangeChanged && overviewShown)) {
      // A step from a button or key started with the click; one dispatched otherwise starts now.
      if (state.log !== prev.log && performance.now() - actionStarted > 50) actionStarted = performance.now();
      void evaluate();
    }
    // New nodes on screen: the active place/office filters are asked about them (and only them).
    if (state.content !== prev.content && (state.filters.place || state.filters.office))
      void actions.refreshMemberFilters();
    const onlyColor =
      state.display !== prev.display &&
      state.display.size === prev.display.size &&
      state.content === prev.content &&
      state.lang === prev.lang;
    if (onlyColor) {
      painter.update(state.display.color, view.graph(), hidden);
      view.refresh();
      renderPanels();
      handle.version += 1;
    } else if (state.content !== prev.content || state.display !== prev.display || state.lang !== prev.lang)
      showContent(state);
    else if (state.filters !== prev.filters) filtersChanged(state);
    else if (state.selection !== prev.selection || state.hovered !== prev.hovered) {
      view.refresh();
      if (state.selection !== prev.selection) renderSelection();
    } else if (state.extras !== prev.extras) renderSelection();
    if (state.status !== prev.status) renderStatus(state);
    writeUrl({
      ops: current(state.log),
      selected: state.selection.selected,
      second: state.selection.second,
      q: state.query,
      lang: state.lang,
      size: state.display.size,
      hiddenKinds: [...state.filters.hiddenKinds],
      from: state.filters.from,
      to: state.filters.to,
      place: state.filters.place?.id ?? null,
      office: state.filters.office?.id ?? null,
      positions: state.positions as Record<string, [number, number]>,
      table: state.table && {
        of: state.table.request.of,
        key: state.table.request.key,
        name: state.table.request.name,
        sort: state.table.request.sort,
        desc: state.table.request.desc,
      },
    });
  });

  // ------------------------------------------------------------ keyboard
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target.closest('input, textarea, select, [contenteditable="true"], .cm-editor');
    const mod = event.ctrlKey || event.metaKey;
    if ((event.key === 'k' && mod) || (event.key === '/' && !typing)) {
      event.preventDefault();
      search.focus();
      return;
    }
    if (typing) return;
    const selected = store.getState().selection.selected;
    actionStarted = performance.now();
    if (mod && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      if (event.shiftKey) actions.redo();
      else actions.undo();
    } else if (mod && event.key.toLowerCase() === 'y') {
      event.preventDefault();
      actions.redo();
    } else if (!mod && event.key.toLowerCase() === 'f') void view.fit();
    else if (!mod && event.key.toLowerCase() === 'e' && selected) actions.expand(selected);
    else if (!mod && event.key.toLowerCase() === 'p' && selected) actions.togglePin(selected);
    else if ((event.key === 'Delete' || event.key === 'Backspace') && selected) actions.remove(selected);
    else if (event.key === 'Escape') actions.select(null);
  });

  // ------------------------------------------------------------ start
  relabelShell();
  if (benchSize) {
    handle.bench = await runBench(view, Number(benchSize), params.has('fa2'));
    handle.ready = true;
    return;
  }
  void loadTimeline();
  await Promise.all([
    url.place && actions.setMemberFilter('place', url.place),
    url.office && actions.setMemberFilter('office', url.office),
  ]);
  await evaluate();
  const selected = store.getState().selection.selected;
  if (selected) view.focusNode(selected);
}
