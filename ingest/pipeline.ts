// The ingest: list files, skip the unchanged ones (content hash in a ledger in Neo4j), extract in worker
// threads, and write in batched transactions. Streams: at most a few files are in memory at once.
// A file that cannot be read or decoded is reported and skipped; the rest proceeds.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Database } from '../db/driver.ts';
import type { ExtractMeta } from './extract/index.ts';
import { lexicon } from './extract/lexicon.ts';
import { articleCount, mergeBatches, splitBatch, type GraphBatch } from './load/graph-batch.ts';
import { applySchema } from './load/schema.ts';
import {
  addCounts,
  storedHashes,
  writeGraph,
  zeroCounts,
  type SourceEntry,
  type WriteCounts,
} from './load/writer.ts';
import { silentProgress, type ProgressReporter } from './progress.ts';
import { listArticleFiles, readManifest, type FolderManifest } from './source/files.ts';
import type { ExtractResult, ExtractTask } from './worker.ts';

export interface IngestSummary {
  files: number;
  written: number;
  unchanged: number;
  failed: { file: string; reason: string }[];
  articles: number;
  counts: WriteCounts;
  seconds: number;
}

export interface IngestOptions {
  log?: (line: string) => void;
  progress?: ProgressReporter;
  /** Re-extract and rewrite files even when their hash is unchanged. */
  force?: boolean;
  /** Worker threads for extraction; default: one per core but one, at least one. */
  threads?: number;
  /** Articles per write transaction. */
  articlesPerTransaction?: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Fingerprint of the extractor's source and lexicon tables: a new extractor or an edited table
 * re-ingests files whose text did not change.
 */
function extractorFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsv)$/.test(entry.name)) hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  for (const dir of ['extract', 'load']) walk(path.join(here, dir));
  if (process.env.CADRE_LEXICON_DIR) walk(path.resolve(process.env.CADRE_LEXICON_DIR));
  return hash.digest('hex').slice(0, 16);
}

/** sha256 of the file's bytes, streamed so a 50 MB file is never held twice. */
async function fileHash(file: string, fingerprint: string): Promise<string> {
  const hash = createHash('sha256').update(fingerprint);
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface FileEntry {
  file: string;
  doc: string;
}

/** The document key: the path relative to the folder given (unique across sub-folders), or the file name. */
async function filesWithKeys(inputs: string[]): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  for (const input of inputs) {
    const stat = await fs.promises.stat(input).catch(() => {
      throw new Error(`${input}: no such file or folder`);
    });
    const root = stat.isDirectory() ? path.resolve(input) : path.dirname(path.resolve(input));
    for (const file of await listArticleFiles([input])) {
      entries.push({ file, doc: path.relative(root, path.resolve(file)).split(path.sep).join('/') });
    }
  }
  return entries;
}

/** Folder-wide metadata, overridden by the manifest's entry for this file. */
function manifestMeta(manifest: FolderManifest | null, basename: string): ExtractMeta | undefined {
  if (!manifest) return undefined;
  const own = manifest.files?.[basename] ?? {};
  return {
    home: own.home ?? manifest.home,
    paper: own.paper ?? manifest.paper ?? null,
    date: own.date ?? manifest.date ?? null,
  };
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function ingestPaths(
  db: Database,
  inputs: string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const log = options.log ?? (() => {});
  const progress = options.progress ?? silentProgress;
  const perTransaction = options.articlesPerTransaction ?? 500;
  const startedAt = Date.now();
  const summary: IngestSummary = {
    files: 0,
    written: 0,
    unchanged: 0,
    failed: [],
    articles: 0,
    counts: zeroCounts(),
    seconds: 0,
  };

  // a bad lexicon table stops the run here, with its file and line, not once per file in the workers
  lexicon();
  await applySchema(db);
  const fingerprint = extractorFingerprint();
  const entries = await filesWithKeys(inputs);
  summary.files = entries.length;
  let filesDone = 0;
  const report = () =>
    progress.update({ filesDone, filesTotal: entries.length, articles: summary.articles, startedAt });
  report();

  const threads = options.threads ?? Math.max(1, os.availableParallelism() - 1);
  const pool = new Piscina<ExtractTask, ExtractResult>({
    filename: new URL('./worker.ts', import.meta.url).href,
    // Workers load TypeScript the way the main process does.
    execArgv: ['--import', 'tsx'],
    minThreads: threads,
    maxThreads: threads,
  });

  // Small files share a transaction; it is written when it holds enough articles.
  let pending: { batches: GraphBatch[]; sources: SourceEntry[]; replace: string[]; articles: number } = {
    batches: [],
    sources: [],
    replace: [],
    articles: 0,
  };
  const flush = async () => {
    if (pending.batches.length === 0 && pending.sources.length === 0) return;
    const request = {
      batch: mergeBatches(pending.batches),
      replaceDocs: pending.replace,
      sources: pending.sources,
    };
    pending = { batches: [], sources: [], replace: [], articles: 0 };
    addCounts(summary.counts, await writeGraph(db, request));
  };

  const store = async (entry: FileEntry, hash: string, result: ExtractResult) => {
    const source = { doc: entry.doc, hash, articles: result.articles };
    if (articleCount(result.batch) > perTransaction) {
      // A big file goes in chunks: the first replaces the old version, the ledger entry comes with the last.
      await flush();
      const chunks = splitBatch(result.batch, perTransaction);
      for (const [index, chunk] of chunks.entries()) {
        const last = index === chunks.length - 1;
        addCounts(
          summary.counts,
          await writeGraph(db, {
            batch: chunk,
            replaceDocs: index === 0 ? [entry.doc] : [],
            sources: last ? [source] : [],
          }),
        );
      }
    } else {
      pending.batches.push(result.batch);
      pending.replace.push(entry.doc);
      pending.sources.push(source);
      pending.articles += result.articles;
      if (pending.articles >= perTransaction || pending.sources.length >= 200) await flush();
    }
    summary.written++;
    summary.articles += result.articles;
  };

  // Hashes and the ledger are checked per window of files; extraction of the next windows runs while
  // the writer stores the current one, and at most `lookahead` windows are in flight, so memory does
  // not grow with the number of files.
  const window = Math.max(8, threads * 4);
  const lookahead = 3;
  type Outcome =
    | { entry: FileEntry; unchanged: true }
    | { entry: FileEntry; error: Error }
    | { entry: FileEntry; hash: string; result: ExtractResult };
  const startWindow = async (slice: FileEntry[]): Promise<Promise<Outcome>[]> => {
    const hashes = await Promise.all(
      slice.map((entry) => fileHash(entry.file, fingerprint).catch((error: unknown) => error as Error)),
    );
    const stored = options.force
      ? new Map<string, string>()
      : await storedHashes(
          db,
          slice.map((e) => e.doc),
        );
    return slice.map(async (entry, index): Promise<Outcome> => {
      const hash = hashes[index]!;
      if (hash instanceof Error) return { entry, error: hash };
      if (stored.get(entry.doc) === hash) return { entry, unchanged: true };
      try {
        const manifest = await readManifest(path.dirname(entry.file));
        const meta = manifestMeta(manifest, path.basename(entry.file));
        return { entry, hash, result: await pool.run({ file: entry.file, doc: entry.doc, meta }) };
      } catch (error) {
        return { entry, error: error as Error };
      }
    });
  };

  try {
    const windows: Promise<Promise<Outcome>[]>[] = [];
    let next = 0;
    const fill = () => {
      while (windows.length < lookahead && next < entries.length) {
        const started = startWindow(entries.slice(next, next + window));
        // A window that fails (Neo4j gone) while an earlier one is being written must not become an
        // unhandled rejection that kills the process; it rethrows when its turn comes.
        started.catch(() => {});
        windows.push(started);
        next += window;
      }
    };
    fill();
    while (windows.length > 0) {
      const tasks = await windows.shift()!;
      fill();
      for (const task of tasks) {
        const outcome = await task;
        filesDone++;
        if ('unchanged' in outcome) summary.unchanged++;
        else if ('error' in outcome) {
          summary.failed.push({ file: outcome.entry.file, reason: errorMessage(outcome.error) });
          log(`skipped ${outcome.entry.file}: ${errorMessage(outcome.error)}`);
        } else await store(outcome.entry, outcome.hash, outcome.result);
        report();
      }
    }
    await flush();
  } finally {
    progress.stop();
    await pool.destroy();
  }
  summary.seconds = (Date.now() - startedAt) / 1000;
  return summary;
}

/** The end-of-run report: files read, skipped and failed (with reasons), and what changed in the graph. */
export function formatSummary(summary: IngestSummary): string {
  const c = summary.counts;
  const lines = [
    `files: ${summary.files} read, ${summary.written} written, ${summary.unchanged} unchanged, ${summary.failed.length} failed`,
    `articles written: ${summary.articles} in ${summary.seconds.toFixed(1)} s`,
    `nodes: +${c.nodesCreated} -${c.nodesDeleted}; relationships: +${c.relationshipsCreated} -${c.relationshipsDeleted}; properties set: ${c.propertiesSet}`,
  ];
  for (const { file, reason } of summary.failed) lines.push(`failed: ${file}: ${reason}`);
  return lines.join('\n');
}
