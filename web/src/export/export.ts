// Export of the current view (the canvas) or of a query result: PNG through @sigma/export-image, with a
// title and a legend around it and room for the labels at the edges; SVG from sigma's display data; and
// the data formats of graph/formats.ts (the same writers as `npm run export`), so the files open in Gephi
// and the Cypher script loads back into Neo4j (MERGE on the keys of the schema).
import type Graph from 'graphology';
import type Sigma from 'sigma';
import { toCsv, toCypher, toGexf, toGraphml, toJson } from '../../../graph/formats.ts';
import type { GraphPayload } from '../../../graph/payload.ts';
import { styleOf } from '../graph/style.ts';
import { count, kindName } from '../i18n.ts';
import { downloadBlob, downloadText, fileStem } from './download.ts';
import { canvasToPayload } from './payload.ts';
import { sceneOf, toSvg } from './svg.ts';

export type ViewExportFormat = 'png' | 'svg' | 'gexf' | 'graphml' | 'json' | 'csv' | 'cypher';
export type DataExportFormat = Exclude<ViewExportFormat, 'png' | 'svg'>;

export const DATA_EXPORT_FORMATS: DataExportFormat[] = ['gexf', 'graphml', 'json', 'csv', 'cypher'];

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

/** The files a data format gives: one, or two for CSV (nodes and edges). Pure, for tests. */
export function dataFiles(format: DataExportFormat, payload: GraphPayload, stem: string): ExportFile[] {
  switch (format) {
    case 'gexf':
      return [{ name: `${stem}.gexf`, type: 'application/gexf+xml', text: toGexf(payload) }];
    case 'graphml':
      return [{ name: `${stem}.graphml`, type: 'application/graphml+xml', text: toGraphml(payload) }];
    case 'json':
      return [{ name: `${stem}.json`, type: 'application/json', text: toJson(payload) }];
    case 'csv': {
      const { nodes, edges } = toCsv(payload);
      // A byte order mark so that Excel reads the Chinese text as UTF-8.
      return [
        { name: `${stem}.nodes.csv`, type: 'text/csv', text: `\ufeff${nodes}` },
        { name: `${stem}.edges.csv`, type: 'text/csv', text: `\ufeff${edges}` },
      ];
    }
    case 'cypher':
      return [{ name: `${stem}.cypher`, type: 'application/x-cypher-query', text: toCypher(payload) }];
  }
}

/** Downloads a payload (a query result, or the canvas turned back into one) in a data format. */
export async function exportPayload(format: DataExportFormat, payload: GraphPayload, stem = fileStem()) {
  const files = dataFiles(format, payload, stem);
  for (const [index, file] of files.entries()) {
    // Two downloads in the same tick are sometimes merged or dropped by browsers; space them out.
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    downloadText(file.name, file.text, file.type);
  }
}

const HEADER = 44;
const FOOTER = 36;
/** Room on each side so that a label at the edge is drawn whole. */
const LABEL_ROOM = 160;

/** The view as a PNG: title on top, the graph with room for its labels, the legend below. */
async function toPng(sigma: Sigma, title: string, legend: Map<string, number>): Promise<Blob> {
  const { drawOnCanvas } = await import('@sigma/export-image');
  const { width, height } = sigma.getDimensions();
  const graphCanvas = await drawOnCanvas(sigma, {
    backgroundColor: '#ffffff',
    width: width + 2 * LABEL_ROOM,
    height,
    sigmaSettings: { stagePadding: LABEL_ROOM },
  });
  const canvas = document.createElement('canvas');
  const ratio = graphCanvas.width / (width + 2 * LABEL_ROOM);
  canvas.width = graphCanvas.width;
  canvas.height = graphCanvas.height + (HEADER + FOOTER) * ratio;
  const context = canvas.getContext('2d')!;
  context.scale(ratio, ratio);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  const font = sigma.getSetting('labelFont');
  context.fillStyle = '#1f2430';
  context.font = `600 18px ${font}`;
  context.textBaseline = 'middle';
  context.fillText(title, 16, HEADER / 2);
  context.drawImage(graphCanvas, 0, HEADER, width + 2 * LABEL_ROOM, height);
  context.font = `13px ${font}`;
  let x = 16;
  const y = HEADER + height + FOOTER / 2;
  for (const [kind, n] of legend) {
    context.fillStyle = styleOf(kind).color;
    context.beginPath();
    context.arc(x + 6, y, 6, 0, 2 * Math.PI);
    context.fill();
    context.fillStyle = '#1f2430';
    const text = `${kindName(kind)} ${count(n)}`;
    context.fillText(text, x + 16, y);
    x += 16 + context.measureText(text).width + 24;
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** Downloads the current view: the graph on the canvas as an image or in a data format. */
export async function exportView(
  format: ViewExportFormat,
  view: { graph: Graph; sigma: Sigma; title: string; legend: Map<string, number> },
): Promise<void> {
  const stem = fileStem();
  if (format === 'png') {
    downloadBlob(`${stem}.png`, await toPng(view.sigma, view.title, view.legend));
    return;
  }
  if (format === 'svg') {
    downloadText(`${stem}.svg`, toSvg(sceneOf(view.sigma)), 'image/svg+xml');
    return;
  }
  await exportPayload(format, canvasToPayload(view.graph), stem);
}
