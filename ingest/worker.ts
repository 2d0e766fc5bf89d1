// One extraction task, run in a worker thread (piscina): read and decode a file (or take a part of a
// large one that the main thread read), extract, and turn the result into graph rows, so the main
// thread only talks to Neo4j.
import { extractText, type ExtractMeta } from './extract/index.ts';
import { homeFromPath } from './extract/places/index.ts';
import { toGraphBatch, type GraphBatch } from './load/graph-batch.ts';
import { readDocument, type DocumentFile } from './source/documents.ts';
import type { Home } from './extract/types.ts';

export interface ExtractTask {
  /** The document id (load/identity.ts); article ids are built on it. */
  docId: string;
  path: string;
  meta?: ExtractMeta;
  /** A whole file to read... */
  file?: DocumentFile;
  /** ...or a part of a large text file, already decoded. */
  part?: { text: string; offset: number; articleBase: number };
  /** Where the file is, for the home its folders may name. */
  at?: string;
}

export interface ExtractResult {
  batch: GraphBatch;
  articles: number;
  characters: number;
  /** Bytes that were not valid in the file's encoding, replaced with U+FFFD. */
  replaced: number;
  encoding: string | null;
  /** What the extractor settled on, so later parts of a large file read the same way. */
  home: Home;
  paper: string | null;
  date: string | null;
}

export default async function extractTask(task: ExtractTask): Promise<ExtractResult> {
  let text: string;
  let meta: ExtractMeta = task.meta ?? {};
  let replaced = 0;
  let encoding: string | null = null;
  let page: string | null = null;
  let url: string | null = null;
  if (task.part) text = task.part.text;
  else {
    const read = await readDocument(task.file!);
    text = read.text;
    replaced = read.replaced;
    encoding = read.encoding;
    // The manifest, when it says something, wins over what the file says of itself.
    meta = {
      ...meta,
      paper: meta.paper ?? read.meta.paper ?? null,
      date: meta.date ?? read.meta.date ?? null,
    };
    page = read.meta.page ?? null;
    url = read.meta.url ?? null;
  }
  // without a manifest's home, the folders the file sits in may name it (潢川县/, 永康日报/)
  if (!meta.home && task.at) meta = { ...meta, home: homeFromPath(task.at) };
  const extracted = extractText(text, task.docId, meta);
  return {
    batch: toGraphBatch(extracted, text, {
      path: task.path,
      offset: task.part?.offset ?? 0,
      articleBase: task.part?.articleBase ?? 0,
      page,
      url,
    }),
    articles: extracted.articles.length,
    characters: text.length,
    replaced,
    encoding,
    home: extracted.home,
    paper: extracted.paper ?? null,
    date: extracted.date ?? null,
  };
}
