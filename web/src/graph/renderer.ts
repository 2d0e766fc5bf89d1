// Sigma rendering and interaction. The graph is derived from the store (graph/derive.ts) and swapped in
// whole; the reducers only read what the store says (hidden, selected, hovered) and the display values
// cached on the graph, so a refresh costs a lookup per node. Hover and selection dim everything but the
// focus and its neighbours; edge labels (roles 主持, 参加 …) show around the focus or when zoomed in,
// weights (shared events, visits) at every zoom. Labels otherwise follow sigma's label grid.
import Sigma from 'sigma';
import { newGraph, type CadreGraph, type EdgeAttributes, type NodeAttributes } from './derive.ts';

export interface RenderView {
  hidden: ReadonlySet<string>;
  /** Display overrides of a colour mode (map/paint.ts: visits, communities), by node; null: by kind. */
  paint: ReadonlyMap<string, { color?: string; size?: number; label?: string }> | null;
  selected: string | null;
  second: string | null;
  hovered: string | null;
}

export interface RendererCallbacks {
  onSelect(node: string | null, additive: boolean): void;
  onExpand(node: string): void;
  onHover(node: string | null): void;
  /** A node was dragged to a new place. */
  onMoved(): void;
}

export const LABEL_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
/** Camera ratio below which every visible edge shows its label. */
const EDGE_LABEL_ZOOM = 0.35;
/** A focus with more neighbours than this leaves their labels to the label grid. */
const FORCED_LABELS = 30;
const DIMMED = '#e4e6ea';

export type CadreSigma = Sigma<NodeAttributes, EdgeAttributes>;

export function createRenderer(container: HTMLElement, view: () => RenderView, callbacks: RendererCallbacks) {
  let dragged: string | null = null;
  let isDragging = false;
  let zoomedIn = false;

  // What the reducers read, worked out once per refresh rather than once per node.
  let hidden: ReadonlySet<string> = new Set();
  let paint: RenderView['paint'] = null;
  let selected: string | null = null;
  let second: string | null = null;
  let focus: string | null = null;
  let around = new Set<string>();
  let forceAround = false;
  const prepare = (graph: CadreGraph) => {
    const state = view();
    hidden = state.hidden;
    paint = state.paint;
    const usable = (id: string | null) => (id && graph.hasNode(id) && !hidden.has(id) ? id : null);
    selected = usable(state.selected);
    second = usable(state.second);
    // A hovered node that left the view (Del, a legend filter) must not dim everything else.
    focus = usable(state.hovered) ?? selected;
    around = focus ? new Set(graph.neighbors(focus)) : new Set();
    forceAround = around.size <= FORCED_LABELS;
  };

  const renderer: CadreSigma = new Sigma<NodeAttributes, EdgeAttributes>(newGraph(), container, {
    labelFont: LABEL_FONT,
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1f2430' },
    labelRenderedSizeThreshold: 4,
    labelDensity: 0.9,
    labelGridCellSize: 90,
    edgeLabelFont: LABEL_FONT,
    edgeLabelSize: 11,
    edgeLabelColor: { color: '#5b6472' },
    renderEdgeLabels: true,
    enableEdgeEvents: false,
    zIndex: true,
    stagePadding: 40,
    defaultEdgeType: 'arrow',
    nodeReducer: (node, attributes) => {
      if (hidden.has(node)) return { ...attributes, hidden: true };
      const painted = paint?.get(node);
      const data = painted ? { ...attributes, ...painted } : attributes;
      if (node === selected || node === second || node === focus)
        return { ...data, highlighted: true, forceLabel: true, zIndex: 3 };
      if (!focus) return data;
      if (around.has(node))
        return forceAround ? { ...data, forceLabel: true, zIndex: 2 } : { ...data, zIndex: 2 };
      return { ...data, color: DIMMED, label: '', zIndex: 0 };
    },
    edgeReducer: (edge, data) => {
      const graph = renderer.getGraph();
      const source = graph.source(edge);
      const target = graph.target(edge);
      if (hidden.has(source) || hidden.has(target)) return { ...data, hidden: true };
      if (focus) {
        if (source === focus || target === focus)
          return {
            ...data,
            color: '#6b7587',
            size: Math.max(2, data.size),
            forceLabel: forceAround,
            zIndex: 1,
          };
        return { ...data, hidden: true };
      }
      return zoomedIn || data.weighted ? data : { ...data, label: '' };
    },
  });

  // Sigma follows window resizes only; the canvas also changes size when the header wraps or a panel
  // grows, and a stale size puts every click off the node it is aimed at.
  let resizeFrame = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(resizeFrame);
    resizeFrame = requestAnimationFrame(() => {
      renderer.resize();
      renderer.refresh({ skipIndexation: true });
    });
  }).observe(container);

  // Drawn at the next frame: a selection that comes with a new graph (expand) is drawn once, with it,
  // not once before it (each full frame of thousands of nodes is long on a software GPU).
  const refresh = () => {
    prepare(renderer.getGraph());
    renderer.refresh({ skipIndexation: true, schedule: true });
  };
  renderer.getCamera().on('updated', (camera) => {
    const next = camera.ratio < EDGE_LABEL_ZOOM;
    if (next !== zoomedIn) {
      zoomedIn = next;
      refresh();
    }
  });
  renderer.on('enterNode', ({ node }) => {
    container.style.cursor = 'pointer';
    callbacks.onHover(node);
  });
  renderer.on('leaveNode', () => {
    container.style.cursor = '';
    callbacks.onHover(null);
  });
  renderer.on('clickNode', ({ node, event }) => {
    if (isDragging) return;
    callbacks.onSelect(node, event.original.shiftKey);
  });
  renderer.on('doubleClickNode', ({ node, event }) => {
    event.preventSigmaDefault();
    callbacks.onExpand(node);
  });
  renderer.on('clickStage', () => callbacks.onSelect(null, false));

  // Drag and drop, as in sigma's own example: move the node with the mouse, not the camera.
  renderer.on('downNode', ({ node }) => {
    dragged = node;
    isDragging = false;
    if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox());
  });
  renderer.getMouseCaptor().on('mousemovebody', (event) => {
    if (!dragged) return;
    isDragging = true;
    const position = renderer.viewportToGraph(event);
    renderer.getGraph().mergeNodeAttributes(dragged, position);
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  renderer.getMouseCaptor().on('mouseup', () => {
    if (dragged && isDragging) callbacks.onMoved();
    dragged = null;
    setTimeout(() => (isDragging = false), 0);
  });

  return {
    renderer,
    graph: () => renderer.getGraph(),
    /** Puts a new graph on screen: one refresh, whatever changed. */
    swap(graph: CadreGraph) {
      prepare(graph);
      renderer.setCustomBBox(null);
      renderer.setGraph(graph);
    },
    refresh,
    /** Recomputes the bounding box and animates the camera to show the whole graph. */
    fit(duration = 300): Promise<void> {
      renderer.setCustomBBox(null);
      // The bounding box is recomputed by the next render, together with the camera's first move.
      renderer.refresh({ schedule: true });
      const camera = renderer.getCamera();
      const home = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
      // Without animation the camera moves at once (an animation needs frames, which a hidden tab lacks);
      // the zero-length animation ends one still running, which would otherwise move the camera on.
      if (duration <= 0) {
        void camera.animate(home, { duration: 0 });
        camera.setState(home);
        return Promise.resolve();
      }
      const arrived = camera.animate(home, { duration });
      // Resolved when the camera is there, not after `duration` by the clock: on a busy machine the
      // frames lag, and a click aimed "after the fit" landed where a node had been. A hidden tab draws no
      // frames, so there the clock decides.
      return document.hidden ? new Promise((resolve) => setTimeout(resolve, duration)) : arrived;
    },
    /**
     * Brings a node into view when it is off the canvas (as scrollIntoView does), and leaves the camera
     * alone when it is already shown: centring on it at once could push the rest of a fitted view out.
     */
    focusNode(node: string) {
      if (!renderer.getGraph().hasNode(node)) return;
      // Display data are in the camera's frame only after a render has processed the graph: a graph
      // swapped in this frame still holds raw coordinates there, and they sent the camera off screen.
      renderer.once('afterRender', () => {
        const display = renderer.getNodeDisplayData(node);
        if (!display) return;
        const { x, y } = renderer.framedGraphToViewport(display);
        const { width, height } = renderer.getDimensions();
        const margin = Math.min(40, width / 4, height / 4);
        if (x >= margin && y >= margin && x <= width - margin && y <= height - margin) return;
        void renderer.getCamera().animate({ x: display.x, y: display.y }, { duration: 300 });
      });
      renderer.scheduleRender();
    },
  };
}

export type Renderer = ReturnType<typeof createRenderer>;
