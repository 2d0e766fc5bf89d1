// Entry point: the app shell. State (steps, filters, selection) lives in state/, the graph in
// graph/, the panels in ui/; this file wires them: every change goes state → graph → sigma → panels → URL.
import './styles.css';
import type Sigma from 'sigma';
import type { ExplorerGraph, SearchHit } from '../contract.ts';
import { ApiError, fetchTimeline, runCypher } from './api.ts';
import {
  newGraph,
  syncGraph,
  type CadreGraph,
  type EdgeAttributes,
  type NodeAttributes,
} from './graph/build.ts';
import { LayoutController } from './graph/layout.ts';
import { applySizes, type SizeMode } from './graph/metrics.ts';
import { createRenderer, type RenderState } from './graph/renderer.ts';
import { runBench } from './graph/bench.ts';
import { lang, onLangChange, setLang, t } from './i18n.ts';
import { hiddenNodes, noFilters, type Filters, type MemberFilter } from './state/filters.ts';
import { History, type Op } from './state/ops.ts';
import { readUrl, writeUrl } from './state/url.ts';
import { ViewLoader, type ViewContent } from './state/view.ts';
import {
  citedArticles,
  renderDetails,
  renderEmptyDetails,
  type ArticleInfo,
  type Position,
} from './ui/details.ts';
import { button, el } from './ui/dom.ts';
import { renderLegend } from './ui/legend.ts';
import { mountSearch } from './ui/search.ts';
import { mountTimeline } from './ui/timeline.ts';
import { mountToolbar, type ExportFormat } from './ui/toolbar.ts';

interface CadreHandle {
  graph: CadreGraph;
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

// The Cypher panel and the exporter are separate modules that may not exist yet: import.meta.glob
// yields an empty map for a missing file, so the shell builds and runs either way.
interface CypherPanelModule {
  mountCypherPanel(
    container: HTMLElement,
    host: { showGraph(graph: ExplorerGraph, mode: 'merge' | 'replace'): void; lang(): 'zh' | 'en' },
  ): { focus(): void };
}
interface ExportModule {
  exportView(
    format: ExportFormat,
    view: { graph: CadreGraph; sigma: Sigma<NodeAttributes, EdgeAttributes> },
  ): Promise<void>;
}
const cypherModule = Object.values(import.meta.glob('./cypher/panel.ts'))[0] as
  (() => Promise<CypherPanelModule>) | undefined;
const exportModule = Object.values(import.meta.glob('./export/export.ts'))[0] as
  (() => Promise<ExportModule>) | undefined;

// Read before anything rewrites the address bar.
const benchSize = new URLSearchParams(window.location.search).get('bench');
const benchFa2 = new URLSearchParams(window.location.search).has('fa2');
const url = readUrl();
setLang(url.lang);

const graph = newGraph();
const history = new History(url.ops.length ? url.ops : [{ t: 'overview' }]);
const loader = new ViewLoader();
const filters: Filters = {
  ...noFilters(),
  hiddenKinds: new Set(url.hiddenKinds),
  from: url.from,
  to: url.to,
};
const render: RenderState = {
  hovered: null,
  selected: null,
  second: null,
  hidden: new Set(),
  expansions: new Map(),
};
let content: ViewContent | null = null;
let sizeMode: SizeMode = url.size;
let query = url.q;
const articles = new Map<string, ArticleInfo>();
const positions = new Map<string, Position[]>();

const status = byId('status');
const details = byId('details');
const container = byId('graph');

function showStatus(message: string, retry?: () => void) {
  status.replaceChildren(el('span', { text: message }));
  status.className = retry ? 'status error' : 'status';
  status.hidden = false;
  if (retry) status.append(button(t('retry'), retry, { class: 'btn primary', testid: 'retry' }));
}
const hideStatus = () => (status.hidden = true);

function showError(error: unknown, retry: () => void) {
  const message =
    error instanceof ApiError && error.unavailable
      ? `${t('apiDown')}: ${error.message}`
      : `${t('failed')}: ${error instanceof Error ? error.message : String(error)}`;
  showStatus(message, retry);
}

const view = createRenderer(container, graph, render, {
  onSelect: (node, additive) => select(node, additive),
  onExpand: (node) => expand(node),
});
const layout = new LayoutController(graph, (running) => toolbar.update({ fa2: running }));

const handle: CadreHandle = {
  graph,
  sigma: view.renderer,
  ready: false,
  version: 0,
  lastActionMs: 0,
  selected: () => render.selected,
  hidden: () => [...render.hidden],
  select: (id, additive = false) => select(id, additive),
};
window.__cadre = handle;

// ---------------------------------------------------------------- state → screen

let generation = 0;
let actionStarted = performance.now();

/** Replays the steps, updates graph and panels; lays out new nodes, fits when asked. */
async function apply(options: { fit?: boolean; layout?: boolean } = {}): Promise<void> {
  const mine = ++generation;
  handle.ready = false;
  const slow = setTimeout(() => showStatus(t('loading')), 250);
  let next: ViewContent;
  try {
    next = await loader.evaluate(history.current());
  } catch (error) {
    clearTimeout(slow);
    if (mine !== generation) return;
    showError(error, () => {
      if (!timeline) void loadTimeline();
      void apply(options);
    });
    handle.ready = true;
    return;
  } finally {
    clearTimeout(slow);
  }
  if (mine !== generation) return;
  hideStatus();
  content = next;
  const replaced = graph.order === 0 || options.fit;
  const added = syncGraph(graph, content);
  render.expansions = content.expansions;
  if (render.selected && !graph.hasNode(render.selected)) render.selected = null;
  if (render.second && !graph.hasNode(render.second)) render.second = null;
  applySizes(graph, sizeMode);
  refreshFilters();
  refreshPanels();
  handle.lastActionMs = performance.now() - actionStarted;
  handle.version += 1;
  if (graph.order === 0 && history.current().at(-1)?.t === 'overview') showStatus(t('empty'));
  if (added.length > 0 && options.layout !== false) {
    await layout.start(Math.min(2500, 700 + graph.order * 3));
    if (mine !== generation) return;
  }
  if (replaced || added.length > 0) await view.fit(replaced ? 0 : 300);
  if (mine === generation) handle.ready = true;
}

function refreshFilters() {
  render.hidden = hiddenNodes(graph, filters);
  view.refresh();
}

/** A filter changed: hide and show, update the panels, and count it as a change on screen. */
function filtersChanged() {
  refreshFilters();
  refreshPanels();
  handle.version += 1;
}

function refreshPanels() {
  const counts = new Map<string, number>();
  graph.forEachNode((_n, a) => counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1));
  renderLegend(byId('legend'), counts, filters.hiddenKinds, toggleKind);
  renderActiveFilters();
  const visible = graph.order - render.hidden.size;
  byId('stats').textContent = t('nodes', { n: visible, m: graph.size });
  toolbar.update({ canUndo: history.canUndo(), canRedo: history.canRedo(), size: sizeMode });
  renderSelection();
  syncUrl();
}

function syncUrl() {
  writeUrl({
    ops: history.current(),
    selected: render.selected,
    second: render.second,
    q: query,
    lang: lang(),
    size: sizeMode,
    hiddenKinds: [...filters.hiddenKinds],
    from: filters.from,
    to: filters.to,
    place: filters.place?.id ?? null,
    office: filters.office?.id ?? null,
  });
}

function renderActiveFilters() {
  const box = byId('active-filters');
  box.replaceChildren();
  const chip = (label: string, clear: () => void, testid: string) =>
    box.append(
      el('span', { class: 'chip', attrs: { 'data-testid': testid } }, [
        el('span', { text: label }),
        button('×', clear, { class: 'chip-x', title: t('clear') }),
      ]),
    );
  if (filters.place)
    chip(`${t('place')}: ${filters.place.name}`, () => setMemberFilter('place', null), 'chip-place');
  if (filters.office)
    chip(`${t('office')}: ${filters.office.name}`, () => setMemberFilter('office', null), 'chip-office');
}

// ---------------------------------------------------------------- selection and details

function select(node: string | null, additive = false) {
  if (additive && node && render.selected && node !== render.selected) render.second = node;
  else {
    render.selected = node;
    render.second = null;
  }
  view.refresh();
  renderSelection();
  syncUrl();
}

let detailsFor = '';
const evidenceRequested = new Set<string>();
function renderSelection() {
  const id = render.selected;
  if (!id || !graph.hasNode(id)) {
    renderEmptyDetails(details);
    detailsFor = '';
    return;
  }
  const node = graph.getNodeAttributes(id);
  renderDetails(details, {
    id,
    node,
    graph,
    expansion: render.expansions.get(id),
    second: render.second && graph.hasNode(render.second) ? graph.getNodeAttributes(render.second) : null,
    articles,
    positions: positions.get(id) ?? null,
    actions: {
      expand: () => expand(id),
      more: () => expand(id),
      collapse: () => step({ t: 'collapse', id }),
      togglePin: () => step({ t: 'pin', id, on: !node.fixed }, { layout: false }),
      remove: () => step({ t: 'remove', id }),
      personEvents: () =>
        step(
          {
            t: 'view',
            name: 'person-events',
            params: { name: String(node.properties.id ?? node.properties.name ?? node.label) },
          },
          { fit: true },
        ),
      placeEvents: () =>
        step(
          {
            t: 'view',
            name: 'place-events',
            params: { place: String(node.properties.id ?? node.properties.name ?? node.label) },
          },
          { fit: true },
        ),
      coAttendance: () =>
        step(
          {
            t: 'view',
            name: 'co-attendance',
            params: { name: String(node.properties.id ?? node.properties.name ?? node.label) },
          },
          { fit: true },
        ),
      shortest: () => {
        const other = render.second ? graph.getNodeAttributes(render.second) : null;
        if (other)
          step(
            {
              t: 'view',
              name: 'shortest-connection',
              params: {
                from: String(node.properties.id ?? node.properties.name),
                to: String(other.properties.id ?? other.properties.name),
              },
            },
            { fit: true },
          );
      },
      filterPlace: () => void setMemberFilter('place', id),
      filterOffice: () => void setMemberFilter('office', id),
    },
  });
  const missing = citedArticles(graph, id, positions.get(id) ?? null).some((a) => !articles.has(a));
  if (detailsFor !== id || missing) {
    const key = `${id}:${graph.degree(id)}`;
    if (evidenceRequested.has(key)) return;
    evidenceRequested.add(key);
    detailsFor = id;
    void loadEvidence(id);
  }
}

/** Positions (for people) and the articles the evidence cites, fetched once per node. */
async function loadEvidence(id: string) {
  try {
    const node = graph.getNodeAttributes(id);
    if (node.kind === 'Person' && !positions.has(id)) {
      const result = await runCypher(
        'MATCH (p)-[h:HOLDS]->(o:Office) WHERE elementId(p) = $id RETURN h, o',
        { id },
        200,
      );
      const offices = new Map(result.graph.nodes.map((n) => [n.id, String(n.properties.name ?? '')]));
      positions.set(
        id,
        result.graph.edges
          .map((e) => ({
            title: String(e.properties.title ?? e.properties.position ?? ''),
            office: offices.get(e.target) ?? '',
            asOf: typeof e.properties.asOf === 'string' ? e.properties.asOf : null,
            sentence: typeof e.properties.sentence === 'string' ? e.properties.sentence : null,
            articleId: typeof e.properties.articleId === 'string' ? e.properties.articleId : null,
          }))
          .sort((a, b) => String(a.asOf).localeCompare(String(b.asOf))),
      );
    }
    const wanted = citedArticles(graph, id, positions.get(id) ?? null).filter((a) => !articles.has(a));
    if (wanted.length) {
      const result = await runCypher('MATCH (a:Article) WHERE a.id IN $ids RETURN a', { ids: wanted }, 500);
      for (const n of result.graph.nodes) {
        const p = n.properties;
        articles.set(String(p.id), {
          id: String(p.id),
          headline: String(p.headline ?? ''),
          doc: String(p.doc ?? ''),
          date: typeof p.date === 'string' ? p.date : null,
          paper: typeof p.paper === 'string' ? p.paper : null,
        });
      }
    }
  } catch {
    evidenceRequested.clear();
    // The evidence sentences are already on screen; headlines and positions are extras.
  }
  if (render.selected === id) renderSelection();
}

// ---------------------------------------------------------------- actions

function step(op: Op, options: { fit?: boolean; layout?: boolean } = {}) {
  actionStarted = performance.now();
  history.push(op);
  return apply(options);
}

function expand(id: string) {
  const expansion = render.expansions.get(id);
  if (expansion && expansion.loaded >= expansion.total) return apply();
  render.selected = id;
  return step({ t: 'expand', id, page: expansion?.pages ?? 0 });
}

function undo() {
  actionStarted = performance.now();
  if (history.undo()) void apply();
}
function redo() {
  actionStarted = performance.now();
  if (history.redo()) void apply();
}

function pickHit(hit: SearchHit, add: boolean) {
  render.selected = hit.node.id;
  render.second = null;
  void step(add ? { t: 'add', id: hit.node.id } : { t: 'start', id: hit.node.id }, { fit: !add });
}

function toggleKind(kind: string) {
  if (filters.hiddenKinds.has(kind)) filters.hiddenKinds.delete(kind);
  else filters.hiddenKinds.add(kind);
  filtersChanged();
}

async function setMemberFilter(which: 'place' | 'office', id: string | null) {
  if (!id) {
    filters[which] = null;
  } else {
    try {
      filters[which] = await memberFilter(which, id);
    } catch (error) {
      showError(error, () => void setMemberFilter(which, id));
      return;
    }
  }
  filtersChanged();
}

async function memberFilter(which: 'place' | 'office', id: string): Promise<MemberFilter> {
  const cypher =
    which === 'place'
      ? `MATCH (top:Place) WHERE elementId(top) = $id
         OPTIONAL MATCH (pl:Place)-[:PART_OF*0..6]->(top)
         OPTIONAL MATCH (e:Event)-[:HELD_IN]->(pl)
         WITH top, collect(DISTINCT elementId(pl)) + collect(DISTINCT elementId(e)) AS inside
         RETURN top.name AS name, inside + [elementId(top)] AS members`
      : `MATCH (o:Office) WHERE elementId(o) = $id
         OPTIONAL MATCH (p:Person)-[:HOLDS]->(o)
         WITH o, collect(DISTINCT elementId(p)) AS holders
         RETURN o.name AS name, holders + [elementId(o)] AS members`;
  const result = await runCypher(cypher, { id }, 10);
  const row = result.rows[0] ?? [];
  return { id, name: String(row[0] ?? ''), members: new Set((row[1] as string[] | undefined) ?? []) };
}

// ---------------------------------------------------------------- shell: toolbar, search, timeline, drawer

const toolbar = mountToolbar(byId('toolbar'), {
  undo,
  redo,
  overview: () => void step({ t: 'overview' }, { fit: true }),
  fit: () => void view.fit(),
  toggleFa2: () => {
    if (layout.running) layout.stop();
    else void layout.start();
  },
  noverlap: () => {
    layout.noverlap();
    void view.fit();
  },
  circular: () => {
    layout.circular();
    void view.fit();
  },
  size: (mode) => {
    sizeMode = mode;
    applySizes(graph, mode);
    refreshPanels();
  },
  exportAs: (format) => void exportAs(format),
  toggleCypher: () => void toggleCypher(),
  toggleLang: () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
  },
});

async function exportAs(format: ExportFormat) {
  if (!exportModule) {
    showStatus(`${t('export')}: not available in this build`, undefined);
    setTimeout(hideStatus, 2500);
    return;
  }
  try {
    await (await exportModule()).exportView(format, { graph, sigma: view.renderer });
  } catch (error) {
    showError(error, () => void exportAs(format));
  }
}

let cypherPanel: { focus(): void } | null = null;
async function toggleCypher() {
  const drawer = byId('cypher-drawer');
  drawer.hidden = !drawer.hidden;
  toolbar.update({ cypherOpen: !drawer.hidden });
  // The canvas area changed size: sigma only watches the window.
  view.renderer.resize();
  view.renderer.refresh();
  if (drawer.hidden) return;
  if (!cypherPanel) {
    if (!cypherModule) {
      byId('cypher').replaceChildren(
        el('p', { class: 'hint', text: 'Cypher panel: not available in this build.' }),
      );
      return;
    }
    cypherPanel = (await cypherModule()).mountCypherPanel(byId('cypher'), {
      showGraph: (result, mode) => {
        const key = `g${loader.graphs.size + 1}`;
        loader.graphs.set(key, result);
        void step({ t: 'graph', key, mode }, { fit: mode === 'replace' });
      },
      lang,
    });
  }
  cypherPanel.focus();
}

const search = mountSearch(byId('search-box'), {
  onPick: pickHit,
  onQuery: (q) => {
    query = q;
    syncUrl();
  },
  onError: (error) => showError(error, () => search.focus()),
});
search.setValue(query);

let timeline: { relabel(): void } | null = null;
async function loadTimeline() {
  try {
    const data = await fetchTimeline();
    timeline = mountTimeline(byId('timeline'), data, filters, (from, to) => {
      filters.from = from;
      filters.to = to;
      filtersChanged();
    });
  } catch {
    byId('timeline').replaceChildren();
  }
}

function relabelShell() {
  byId('subtitle').textContent = t('subtitle');
  byId('legend-title').textContent = t('legend');
  search.relabel();
  toolbar.relabel();
  timeline?.relabel();
  refreshPanels();
}
onLangChange(relabelShell);

// ---------------------------------------------------------------- keyboard

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
  if (mod && event.key.toLowerCase() === 'z') {
    event.preventDefault();
    if (event.shiftKey) redo();
    else undo();
  } else if (mod && event.key.toLowerCase() === 'y') {
    event.preventDefault();
    redo();
  } else if (!mod && event.key.toLowerCase() === 'f') void view.fit();
  else if (!mod && event.key.toLowerCase() === 'e' && render.selected) void expand(render.selected);
  else if (!mod && event.key.toLowerCase() === 'p' && render.selected)
    void step(
      { t: 'pin', id: render.selected, on: !graph.getNodeAttribute(render.selected, 'fixed') },
      { layout: false },
    );
  else if ((event.key === 'Delete' || event.key === 'Backspace') && render.selected)
    void step({ t: 'remove', id: render.selected });
  else if (event.key === 'Escape') select(null);
});

// ---------------------------------------------------------------- start

async function start() {
  relabelShell();
  if (benchSize) {
    handle.bench = await runBench(graph, view, Number(benchSize), benchFa2);
    handle.ready = true;
    return;
  }
  void loadTimeline();
  render.selected = url.selected;
  render.second = url.second;
  const restoring = [
    url.place && setMemberFilter('place', url.place),
    url.office && setMemberFilter('office', url.office),
  ];
  await Promise.all(restoring);
  await apply({ fit: true });
  if (render.selected) view.focusNode(render.selected);
}

void start();
