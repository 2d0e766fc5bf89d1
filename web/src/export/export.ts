// Export of the current view (the canvas) or of a query result: PNG through @sigma/export-image, SVG
// from sigma's display data, and the data formats of graph/formats.ts (the same writers as
// `npm run export`), so the files open in Gephi and the Cypher script loads back into Neo4j.
import type Graph from 'graphology';
import type Sigma from 'sigma';
import { toCsv, toCypher, toGexf, toGraphml, toJson } from '../../../graph/formats.ts';
import type { GraphPayload } from '../../../graph/payload.ts';
import { downloadBlob, downloadText, fileStem } from './download.ts';
import { canvasToPayload } from './payload.ts';
import { sceneOf, toSvg } from './svg.ts';

export type ViewExportFormat = 'png' | 'svg' | 'gexf' | 'graphml' | 'json' | 'csv' | 'cypher';
export type DataExportFormat = Exclude<ViewExportFormat, 'png' | 'svg'>;

export const VIEW_EXPORT_FORMATS: ViewExportFormat[] = [
  'png',
  'svg',
  'gexf',
  'graphml',
  'json',
  'csv',
  'cypher',
];
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

/** Downloads the current view: the graph on the canvas as an image or in a data format. */
export async function exportView(
  format: ViewExportFormat,
  view: { graph: Graph; sigma: Sigma },
): Promise<void> {
  const stem = fileStem();
  if (format === 'png') {
    // Loaded on demand: only people who export an image pay for it.
    const { toBlob } = await import('@sigma/export-image');
    downloadBlob(`${stem}.png`, await toBlob(view.sigma, { format: 'png', backgroundColor: '#ffffff' }));
    return;
  }
  if (format === 'svg') {
    downloadText(`${stem}.svg`, toSvg(sceneOf(view.sigma)), 'image/svg+xml');
    return;
  }
  await exportPayload(format, canvasToPayload(view.graph), stem);
}
