// Entry point: load the overview graph from the API, lay it out, render it, wire the panels.
import './styles.css';
import type Sigma from 'sigma';
import { ApiError, fetchOverview } from './api.ts';
import { buildGraph, type CadreGraph, type EdgeAttributes, type NodeAttributes } from './graph/build.ts';
import { runForceAtlas2 } from './graph/layout.ts';
import { createRenderer } from './graph/renderer.ts';
import { connectionsOf, renderDetails } from './ui/details.ts';
import { renderLegend } from './ui/legend.ts';

declare global {
  interface Window {
    /** Read by the end-to-end tests: the graph on screen and whether the first layout finished. */
    __cadre?: { graph: CadreGraph; sigma: Sigma<NodeAttributes, EdgeAttributes>; ready: boolean };
  }
}

const byId = (id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from index.html`);
  return el;
};

const status = byId('status');
const details = byId('details');

function showStatus(message: string, retry?: () => void) {
  status.replaceChildren(message);
  status.hidden = false;
  if (retry) {
    const button = document.createElement('button');
    button.textContent = '重试 Retry';
    button.addEventListener('click', retry);
    status.append(' ', button);
  }
}

async function load() {
  showStatus('加载中… Loading…');
  let graph: CadreGraph;
  try {
    graph = buildGraph(await fetchOverview());
  } catch (error) {
    const message = error instanceof ApiError ? error.message : String(error);
    showStatus(`无法加载图 · Could not load the graph: ${message}`, () => void load());
    return;
  }
  if (graph.order === 0) {
    showStatus('数据库里还没有事件 · No events in the database yet: run `npm run ingest -- seeds`.');
    return;
  }
  status.hidden = true;

  const counts = new Map<string, number>();
  graph.forEachNode((_node, attributes) =>
    counts.set(attributes.kind, (counts.get(attributes.kind) ?? 0) + 1),
  );
  renderLegend(byId('legend'), counts);
  byId('stats').textContent = `${graph.order} nodes · ${graph.size} edges`;
  renderDetails(details, null);

  const container = byId('graph');
  container.replaceChildren();
  const view = createRenderer(container, graph, {
    onSelect: (node) =>
      renderDetails(
        details,
        node ? graph.getNodeAttributes(node) : null,
        node ? connectionsOf(graph, node) : [],
      ),
  });
  window.__cadre = { graph, sigma: view.renderer, ready: false };
  await runForceAtlas2(graph, Math.min(4000, 1000 + graph.order * 5));
  view.fit();
  window.__cadre.ready = true;
}

void load();
