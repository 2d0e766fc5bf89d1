// SVG of the view. @sigma/export-image only writes PNG/JPEG (it copies sigma's WebGL layers), so the
// vector image is drawn here from what sigma displays: node positions, sizes, colours and labels after
// the reducers, in screen pixels, framed to the whole graph. Labels are those sigma's label grid shows
// on screen (never every label, overlapping). `sceneOf` reads sigma; `toSvg` is pure.
import type Sigma from 'sigma';
import { create } from 'xmlbuilder2';

export interface SceneNode {
  x: number;
  y: number;
  /** Radius in pixels. */
  size: number;
  color: string;
  label: string | null;
}

export interface SceneEdge {
  source: number;
  target: number;
  /** Stroke width in pixels. */
  size: number;
  color: string;
  label: string | null;
  arrow: boolean;
}

export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
  labelFont: string;
  labelSize: number;
  labelWeight: string;
  labelColor: string;
  edgeLabelSize: number;
  background: string;
}

const PADDING = 20;

/** Rough width of a label: CJK characters are square, Latin ones about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(char) ? 1 : 0.6;
  return width * fontSize;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function toSvg(scene: Scene): string {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of scene.nodes) {
    minX = Math.min(minX, node.x - node.size);
    minY = Math.min(minY, node.y - node.size, node.y - scene.labelSize);
    maxY = Math.max(maxY, node.y + node.size, node.y + scene.labelSize);
    const labelEnd = node.label ? node.x + node.size + 3 + textWidth(node.label, scene.labelSize) : 0;
    maxX = Math.max(maxX, node.x + node.size, labelEnd);
  }
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  minX -= PADDING;
  minY -= PADDING;
  const width = Math.max(1, maxX + PADDING - minX);
  const height = Math.max(1, maxY + PADDING - minY);

  const svg = create({ version: '1.0', encoding: 'UTF-8' }).ele('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: round(width),
    height: round(height),
    viewBox: `${round(minX)} ${round(minY)} ${round(width)} ${round(height)}`,
  });
  svg.ele('title').txt('cadre-graph');
  svg.ele('rect', {
    x: round(minX),
    y: round(minY),
    width: round(width),
    height: round(height),
    fill: scene.background,
  });

  const edges = svg.ele('g', { class: 'edges', fill: 'none' });
  const edgeLabels: { x: number; y: number; text: string }[] = [];
  for (const edge of scene.edges) {
    const s = scene.nodes[edge.source];
    const t = scene.nodes[edge.target];
    if (!s || !t) continue;
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const length = Math.hypot(dx, dy);
    if (length === 0) continue;
    const ux = dx / length;
    const uy = dy / length;
    // Stop at the target's rim; an arrowhead fills the last stretch.
    const head = edge.arrow ? Math.max(6, edge.size * 5) : 0;
    const endX = t.x - ux * (t.size + head);
    const endY = t.y - uy * (t.size + head);
    edges.ele('line', {
      x1: round(s.x),
      y1: round(s.y),
      x2: round(endX),
      y2: round(endY),
      stroke: edge.color,
      'stroke-width': round(Math.max(0.5, edge.size)),
    });
    if (edge.arrow && length > t.size + head) {
      const tipX = t.x - ux * t.size;
      const tipY = t.y - uy * t.size;
      const half = head * 0.6;
      const points = [
        [tipX, tipY],
        [endX - uy * half, endY + ux * half],
        [endX + uy * half, endY - ux * half],
      ]
        .map(([x, y]) => `${round(x!)},${round(y!)}`)
        .join(' ');
      edges.ele('polygon', { points, fill: edge.color, stroke: 'none' });
    }
    if (edge.label) edgeLabels.push({ x: (s.x + t.x) / 2, y: (s.y + t.y) / 2, text: edge.label });
  }

  const nodes = svg.ele('g', { class: 'nodes' });
  for (const node of scene.nodes) {
    nodes.ele('circle', {
      cx: round(node.x),
      cy: round(node.y),
      r: round(Math.max(0.5, node.size)),
      fill: node.color,
    });
  }

  const labels = svg.ele('g', {
    class: 'labels',
    'font-family': scene.labelFont,
    'font-size': scene.labelSize,
    'font-weight': scene.labelWeight,
    fill: scene.labelColor,
  });
  for (const node of scene.nodes) {
    if (!node.label) continue;
    labels
      .ele('text', { x: round(node.x + node.size + 3), y: round(node.y + scene.labelSize / 3) })
      .txt(node.label);
  }
  if (edgeLabels.length > 0) {
    const group = svg.ele('g', {
      class: 'edge-labels',
      'font-family': scene.labelFont,
      'font-size': scene.edgeLabelSize,
      fill: '#666666',
      'text-anchor': 'middle',
    });
    for (const label of edgeLabels)
      group.ele('text', { x: round(label.x), y: round(label.y) }).txt(label.text);
  }
  return svg.end({ prettyPrint: true });
}

function colorSetting(value: unknown, fallback: string): string {
  if (value && typeof value === 'object' && typeof (value as { color?: unknown }).color === 'string')
    return (value as { color: string }).color;
  return fallback;
}

/** What sigma shows now (reducers applied, hidden items left out), in viewport pixels. */
export function sceneOf(sigma: Sigma): Scene {
  const graph = sigma.getGraph();
  const settings = sigma.getSettings();
  const shownLabels = sigma.getNodeDisplayedLabels();
  const shownEdgeLabels = sigma.getEdgeDisplayedLabels();
  const index = new Map<string, number>();
  const nodes: SceneNode[] = [];
  graph.forEachNode((key) => {
    const data = sigma.getNodeDisplayData(key);
    if (!data || data.hidden) return;
    const point = sigma.framedGraphToViewport({ x: data.x, y: data.y });
    const size = sigma.scaleSize(data.size);
    const showLabel = shownLabels.has(key);
    index.set(key, nodes.length);
    nodes.push({
      x: point.x,
      y: point.y,
      size,
      color: data.color,
      label: showLabel && data.label ? data.label : null,
    });
  });
  const edges: SceneEdge[] = [];
  graph.forEachEdge((key, _attributes, source, target) => {
    const data = sigma.getEdgeDisplayData(key);
    const s = index.get(source);
    const t = index.get(target);
    if (!data || data.hidden || s === undefined || t === undefined) return;
    edges.push({
      source: s,
      target: t,
      size: sigma.scaleSize(data.size),
      color: data.color,
      label: settings.renderEdgeLabels && data.label && shownEdgeLabels.has(key) ? data.label : null,
      arrow: data.type === 'arrow',
    });
  });
  return {
    nodes,
    edges,
    labelFont: settings.labelFont,
    labelSize: settings.labelSize,
    labelWeight: settings.labelWeight,
    labelColor: colorSetting(settings.labelColor, '#000000'),
    edgeLabelSize: settings.edgeLabelSize,
    background: '#ffffff',
  };
}
