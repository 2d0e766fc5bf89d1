// One extraction task, run in a worker thread (piscina): read and decode a file, extract, and turn the
// result into graph rows, so the main thread only talks to Neo4j.
import { extractText, type ExtractMeta } from './extract/index.ts';
import { homeFromPath } from './extract/places/index.ts';
import { toGraphBatch, type GraphBatch } from './load/graph-batch.ts';
import { readTextFile } from './source/files.ts';

export interface ExtractTask {
  file: string;
  doc: string;
  meta?: ExtractMeta;
}

export interface ExtractResult {
  batch: GraphBatch;
  articles: number;
  characters: number;
}

export default async function extractTask({ file, doc, meta }: ExtractTask): Promise<ExtractResult> {
  const { text } = await readTextFile(file);
  // without a manifest's home, the folders the file sits in may name it (潢川县/, 永康日报/)
  const extracted = extractText(text, doc, meta?.home ? meta : { ...meta, home: homeFromPath(file) });
  return {
    batch: toGraphBatch(extracted, text),
    articles: extracted.articles.length,
    characters: text.length,
  };
}
