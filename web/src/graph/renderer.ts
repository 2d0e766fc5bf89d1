// Sigma rendering and interaction: drag nodes, hover highlights a neighbourhood, click selects.
// The graph is the state; sigma only draws it through reducers.
import Sigma from 'sigma';
import type { CadreGraph, EdgeAttributes, NodeAttributes } from './build.ts';

export interface RendererCallbacks {
  onSelect(node: string | null): void;
}

export function createRenderer(container: HTMLElement, graph: CadreGraph, callbacks: RendererCallbacks) {
  let hovered: string | null = null;
  let selected: string | null = null;
  let dragged: string | null = null;
  let isDragging = false;

  const focus = () => hovered ?? selected;
  const renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, container, {
    labelFont: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelRenderedSizeThreshold: 6,
    edgeLabelFont: '"Noto Sans CJK SC", "Noto Sans SC", sans-serif',
    edgeLabelSize: 11,
    renderEdgeLabels: true,
    zIndex: true,
    nodeReducer: (node, data) => {
      const center = focus();
      if (!center) return data;
      if (node === center) return { ...data, highlighted: true, zIndex: 2 };
      if (graph.areNeighbors(node, center)) return { ...data, zIndex: 1 };
      return { ...data, color: '#e4e6ea', label: '', zIndex: 0 };
    },
    edgeReducer: (edge, data) => {
      const center = focus();
      // Edge labels (the role: 主持, 参加 ...) only around the node in focus, so they stay readable.
      if (!center) return { ...data, label: '' };
      if (graph.hasExtremity(edge, center)) return { ...data, color: '#7d8797', size: 2 };
      return { ...data, hidden: true };
    },
  });

  renderer.on('enterNode', ({ node }) => {
    hovered = node;
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('leaveNode', () => {
    hovered = null;
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('clickNode', ({ node }) => {
    if (isDragging) return;
    selected = node;
    callbacks.onSelect(node);
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('clickStage', () => {
    selected = null;
    callbacks.onSelect(null);
    renderer.refresh({ skipIndexation: true });
  });

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
    graph.setNodeAttribute(dragged, 'x', position.x);
    graph.setNodeAttribute(dragged, 'y', position.y);
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
  });
  const endDrag = () => {
    dragged = null;
    setTimeout(() => (isDragging = false), 0);
  };
  renderer.getMouseCaptor().on('mouseup', endDrag);

  return {
    renderer,
    /** Recomputes the bounding box and animates the camera to show the whole graph. */
    fit() {
      renderer.setCustomBBox(null);
      renderer.refresh();
      void renderer.getCamera().animatedReset({ duration: 300 });
    },
  };
}
