// Sigma rendering and interaction. The graph and the RenderState are the state; sigma only draws them
// through reducers: hidden (filtered) nodes, the hovered/selected neighbourhood, neighbour counts in
// the labels, edge labels (the role: 主持, 参加 ...) around the focus or when zoomed in.
import Sigma from 'sigma';
import type { CadreGraph, EdgeAttributes, NodeAttributes } from './build.ts';

export interface RenderState {
  hovered: string | null;
  selected: string | null;
  /** A second selected node (shift+click), for the shortest connection. */
  second: string | null;
  hidden: Set<string>;
  expansions: Map<string, { loaded: number; total: number; pages: number }>;
}

export interface RendererCallbacks {
  onSelect(node: string | null, additive: boolean): void;
  onExpand(node: string): void;
}

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
/** Camera ratio below which every visible edge shows its label. */
const EDGE_LABEL_ZOOM = 0.35;

/** "徐旭 (12)" before expanding, "市委 (+1,975)" while pages remain. */
export function labelWithCount(
  graph: CadreGraph,
  node: string,
  data: NodeAttributes,
  expansion: { loaded: number; total: number } | undefined,
): string {
  if (expansion) {
    const rest = expansion.total - expansion.loaded;
    return rest > 0 ? `${data.label} (+${rest.toLocaleString()})` : data.label;
  }
  if (data.degree != null && data.degree > graph.degree(node))
    return `${data.label} (${data.degree.toLocaleString()})`;
  return data.label;
}

export function createRenderer(
  container: HTMLElement,
  graph: CadreGraph,
  state: RenderState,
  callbacks: RendererCallbacks,
) {
  let dragged: string | null = null;
  let isDragging = false;
  const focus = () => state.hovered ?? state.selected;

  let zoomedIn = false;
  const renderer: Sigma<NodeAttributes, EdgeAttributes> = new Sigma<NodeAttributes, EdgeAttributes>(
    graph,
    container,
    {
      labelFont: FONT,
      labelSize: 13,
      labelWeight: '500',
      labelColor: { color: '#1f2430' },
      labelRenderedSizeThreshold: 4,
      labelDensity: 0.9,
      labelGridCellSize: 90,
      edgeLabelFont: FONT,
      edgeLabelSize: 11,
      edgeLabelColor: { color: '#5b6472' },
      renderEdgeLabels: true,
      enableEdgeEvents: false,
      zIndex: true,
      stagePadding: 40,
      defaultEdgeType: 'arrow',
      nodeReducer: (node, data) => {
        if (state.hidden.has(node)) return { ...data, hidden: true };
        const label = labelWithCount(graph, node, data, state.expansions.get(node));
        const center = focus();
        const res = { ...data, label };
        if (node === state.selected || node === state.second)
          return { ...res, highlighted: true, forceLabel: true, zIndex: 3 };
        if (!center) return res;
        if (node === center) return { ...res, highlighted: true, forceLabel: true, zIndex: 3 };
        if (graph.areNeighbors(node, center)) return { ...res, forceLabel: true, zIndex: 2 };
        return { ...res, color: '#e4e6ea', label: '', zIndex: 0 };
      },
      edgeReducer: (edge, data) => {
        const [source, target] = graph.extremities(edge);
        if (state.hidden.has(source) || state.hidden.has(target)) return { ...data, hidden: true };
        const center = focus();
        if (center) {
          if (source === center || target === center)
            return { ...data, color: '#6b7587', size: Math.max(2, data.size), forceLabel: true, zIndex: 1 };
          return { ...data, hidden: true };
        }
        return zoomedIn ? data : { ...data, label: '' };
      },
    },
  );

  const refresh = () => renderer.refresh({ skipIndexation: true });
  renderer.getCamera().on('updated', (camera) => {
    const next = camera.ratio < EDGE_LABEL_ZOOM;
    if (next !== zoomedIn) {
      zoomedIn = next;
      refresh();
    }
  });
  renderer.on('enterNode', ({ node }) => {
    state.hovered = node;
    container.style.cursor = 'pointer';
    refresh();
  });
  renderer.on('leaveNode', () => {
    state.hovered = null;
    container.style.cursor = '';
    refresh();
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
    graph.mergeNodeAttributes(dragged, position);
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  renderer.getMouseCaptor().on('mouseup', () => {
    dragged = null;
    setTimeout(() => (isDragging = false), 0);
  });

  return {
    renderer,
    refresh,
    /** Recomputes the bounding box and animates the camera to show the whole graph. */
    fit(duration = 300): Promise<void> {
      renderer.setCustomBBox(null);
      renderer.refresh();
      const camera = renderer.getCamera();
      // Without animation the camera moves at once (an animation needs frames, which a hidden tab lacks).
      if (duration <= 0) {
        camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
        return Promise.resolve();
      }
      void camera.animatedReset({ duration });
      return new Promise((resolve) => setTimeout(resolve, duration));
    },
    /** Moves the camera onto a node. */
    focusNode(node: string) {
      if (!graph.hasNode(node)) return;
      const display = renderer.getNodeDisplayData(node);
      if (display) void renderer.getCamera().animate({ x: display.x, y: display.y }, { duration: 300 });
    },
  };
}
