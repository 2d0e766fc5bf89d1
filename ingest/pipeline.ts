// The ingest: list each source's files, skip the unchanged ones (content hash in a ledger in Neo4j),
// extract in worker threads, and write in batched transactions.
//   - A document is its source plus its path (load/identity.ts): other sources are never touched.
//   - One bad folder, file or name is reported with its cause; everything else is stored.
//   - Large text files are read as a stream of parts, so memory stays flat, and their parts take turns
//     with other files in the workers, so a slow file never stalls the rest.
//   - Extraction runs ahead of the writer by at least two transactions' worth of articles.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Database } from '../db/driver.ts';
import { compiled } from './compiled.ts';
import type { ExtractMeta } from './extract/index.ts';
import { lexicon } from './extract/lexicon.ts';
import { articleCount, mergeBatches, splitBatch, type GraphBatch } from './load/graph-batch.ts';
import { documentId, documentIdV2, LEDGER_VERSION } from './load/identity.ts';
import { applySchema } from './load/schema.ts';
import {
  addCounts,
  claimLegacy,
  legacyHashes,
  openLedger,
  sourceDocuments,
  storedHashes,
  warmUp,
  writeGraph,
  zeroCounts,
  type LegacyClaim,
  type ReplaceKey,
  type SourceEntry,
  type WriteCounts,
  type WriteRequest,
} from './load/writer.ts';
import { silentProgress, type ProgressReporter } from './progress.ts';
import { LARGE_FILE, textParts, type TextPart } from './source/documents.ts';
import { forgetManifests, readManifest, type FolderManifest } from './source/files.ts';
import { walkSource, type ListedFile } from './source/walk.ts';
import type { ExtractResult, ExtractTask } from './worker.ts';

export interface IngestSummary {
  files: number;
  written: number;
  unchanged: number;
  failed: { file: string; reason: string }[];
  /** Reported, not failed: replaced bytes, link loops, a file reached twice. */
  notes: { file: string; note: string }[];
  /** Documents whose files are gone from their source (removed with --prune, listed with --dry-run). */
  pruned: { source: string; path: string; articles: number }[];
  /** Documents from before sources that this run moved under a source without re-extracting them. */
  migrated: number;
  articles: number;
  counts: WriteCounts;
  seconds: number;
  dryRun: boolean;
}

export interface TransactionInfo {
  articles: number;
  ms: number;
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
  /** The source name for every input (else the manifest's paper, else the folder's canonical path). */
  source?: string;
  /** Remove the facts of documents whose files are gone from the sources ingested. */
  prune?: boolean;
  /** Read and compare only: say what would be written and pruned, write nothing. */
  dryRun?: boolean;
  /** Called after each write transaction (benchmarks). */
  onTransaction?: (info: TransactionInfo, request: WriteRequest) => void;
  /** Instead of Neo4j, hand every transaction's rows to this (the bulk path's CSV writer). */
  sink?: { write(request: WriteRequest): Promise<void> };
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Fingerprint of the reading and extracting code and the lexicon tables: a new version or an edited
 * table re-ingests files whose bytes did not change.
 */
export function extractorFingerprint(): string {
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
  for (const dir of ['extract', 'load', 'source']) walk(path.join(here, dir));
  if (process.env.CADRE_LEXICON_DIR) walk(path.resolve(process.env.CADRE_LEXICON_DIR));
  return hash.digest('hex').slice(0, 16);
}

const fsPathOf = (p: string | Uint8Array) => (typeof p === 'string' ? p : Buffer.from(p));

/** sha256 of the extractor fingerprint and the file's bytes, streamed so a 50 MB file is never held twice. */
export async function fileHash(file: string | Uint8Array, fingerprint: string): Promise<string> {
  const hash = createHash('sha256').update(fingerprint);
  for await (const chunk of fs.createReadStream(fsPathOf(file))) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface Entry {
  source: string;
  path: string;
  id: string;
  file: ListedFile;
  meta?: ExtractMeta;
}

interface SourcePlan {
  name: string;
  root: string;
  listed: Set<string>;
  unreadable: string[];
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

/** Lists every input as a source: its name, its files, and what could not be read. */
async function planSources(
  inputs: string[],
  options: IngestOptions,
  summary: IngestSummary,
): Promise<{ entries: Entry[]; sources: SourcePlan[] }> {
  const entries: Entry[] = [];
  const sources: SourcePlan[] = [];
  const ids = new Map<string, string>();
  for (const input of inputs) {
    const stat = await fs.promises.stat(input).catch((error: NodeJS.ErrnoException) => {
      throw new Error(
        error.code === 'ENOENT'
          ? `${input}: no such file or folder`
          : `${input}: cannot read (${error.code})`,
      );
    });
    const root = await fs.promises.realpath(stat.isDirectory() ? input : path.dirname(input));
    const name = options.source ?? (await readManifest(root))?.paper ?? root;
    const walk = await walkSource(stat.isDirectory() ? root : path.join(root, path.basename(input)));
    for (const problem of walk.failed) summary.failed.push({ file: problem.path, reason: problem.reason });
    for (const note of walk.notes) summary.notes.push({ file: note.path, note: note.reason });
    const plan = { name, root, listed: new Set<string>(), unreadable: walk.unreadable };
    sources.push(plan);
    for (const file of walk.files) {
      const id = documentId(name, file.rel);
      const earlier = ids.get(id);
      if (earlier !== undefined) {
        if (earlier !== file.display)
          summary.failed.push({
            file: file.display,
            reason: `same source (${name}) and path as ${earlier}; give the inputs different --source names`,
          });
        continue;
      }
      ids.set(id, file.display);
      plan.listed.add(file.rel);
      const dir = typeof file.fsPath === 'string' ? path.dirname(file.fsPath) : path.dirname(file.display);
      const manifest = await readManifest(dir);
      entries.push({
        source: name,
        path: file.rel,
        id,
        file,
        meta: manifestMeta(manifest, path.basename(file.rel)),
      });
    }
  }
  return { entries, sources };
}

/** A unit of extraction work: a whole file, or the next part of a large one. */
interface Job {
  entry: Entry;
  hash: string;
  /** Replaces a version-1 document with the same path. */
  legacy: boolean;
  large?: {
    parts: AsyncGenerator<TextPart>;
    replaced: () => number;
    articleBase: number;
    meta?: ExtractMeta;
  };
}

/** An extracted unit waiting for the writer. */
interface Ready {
  job: Job;
  result: ExtractResult;
  first: boolean;
  last: boolean;
}

export async function ingestPaths(
  db: Database | null,
  inputs: string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const { sink } = options;
  if (!db && !sink) throw new Error('ingestPaths needs a database or a sink');
  if (sink && (options.prune || options.dryRun)) throw new Error('--prune and --dry-run need a database');
  const log = options.log ?? (() => {});
  const progress = options.progress ?? silentProgress;
  const perTransaction = options.articlesPerTransaction ?? 500;
  const dryRun = options.dryRun ?? false;
  const startedAt = Date.now();
  const summary: IngestSummary = {
    files: 0,
    written: 0,
    unchanged: 0,
    failed: [],
    notes: [],
    pruned: [],
    migrated: 0,
    articles: 0,
    counts: zeroCounts(),
    seconds: 0,
    dryRun,
  };

  // a bad lexicon table stops the run here, with its file and line, not once per file in the workers
  lexicon();
  forgetManifests();
  // The bulk path writes into an empty database: no schema yet, no ledger to compare with.
  if (db && !dryRun) await applySchema(db);
  const ledger = db
    ? await openLedger(db, !dryRun, log)
    : { version: LEDGER_VERSION, legacy: 0, migrated: 0 };
  summary.migrated += ledger.migrated;
  const fingerprint = extractorFingerprint();
  const { entries, sources } = await planSources(inputs, options, summary);
  summary.files = entries.length;
  let filesDone = 0;
  const report = () =>
    progress.update({ filesDone, filesTotal: entries.length, articles: summary.articles, startedAt });
  report();

  const threads = options.threads ?? Math.max(1, os.availableParallelism() - 1);
  const pool = dryRun
    ? null
    : new Piscina<ExtractTask, ExtractResult>({
        // the compiled bundle (ingest/compiled.ts): plain JavaScript, the code `npm run extract` and
        // bench:extract run; built here once if a source changed, before any worker starts
        filename: (await compiled()).url('ingest/worker.ts'),
        execArgv: [],
        minThreads: threads,
        maxThreads: threads,
      });

  // ---- events: every loop below waits on one wake-up signal --------------------------------------
  let wake: () => void = () => {};
  let signal = new Promise<void>((resolve) => (wake = resolve));
  const notify = () => {
    const resolve = wake;
    signal = new Promise<void>((r) => (wake = r));
    resolve();
  };
  let fatal: unknown = null;
  const fail = (error: unknown) => {
    fatal ??= error;
    notify();
  };

  // ---- producer: hashes and ledger lookups, a window at a time ------------------------------------
  const queue: Job[] = [];
  let produced = false;
  const claimedLegacy = new Set<string>();
  const window = Math.max(32, threads * 16);
  const failFile = (entry: Entry, reason: string) => {
    summary.failed.push({ file: entry.file.display, reason });
    log(`skipped ${entry.file.display}: ${reason}`);
    filesDone++;
    report();
  };
  const produce = async () => {
    for (let next = 0; next < entries.length; next += window) {
      while (queue.length > window * 2 && !fatal) await signal;
      if (fatal) return;
      const slice = entries.slice(next, next + window);
      const hashes = await Promise.all(
        slice.map((e) => fileHash(e.file.fsPath, fingerprint).catch((error: unknown) => error as Error)),
      );
      // A dry run leaves a version-2 ledger as it is, so it looks entries up by their version-2 ids.
      const ledgerId = (e: Entry) => (ledger.version === 2 ? documentIdV2(e.source, e.path) : e.id);
      const found =
        options.force || !db ? new Map<string, string>() : await storedHashes(db, slice.map(ledgerId));
      const stored = new Map(
        slice.flatMap((e) => (found.has(ledgerId(e)) ? [[e.id, found.get(ledgerId(e))!]] : [])),
      );
      const legacy =
        db && ledger.legacy > 0
          ? await legacyHashes(
              db,
              slice.map((e) => e.path),
            )
          : new Map<string, { hash: string; articles: number }>();
      const claims: LegacyClaim[] = [];
      slice.forEach((entry, index) => {
        const hash = hashes[index]!;
        if (hash instanceof Error)
          return failFile(entry, `cannot read (${(hash as NodeJS.ErrnoException).code ?? hash.message})`);
        if (stored.get(entry.id) === hash) {
          summary.unchanged++;
          filesDone++;
          return;
        }
        // A version-1 entry with this path belongs to the first source of this or a later run that holds it.
        const old =
          !stored.has(entry.id) && !claimedLegacy.has(entry.path) ? legacy.get(entry.path) : undefined;
        if (old) claimedLegacy.add(entry.path);
        if (old && old.hash === hash && !options.force) {
          claims.push({
            path: entry.path,
            source: entry.source,
            docId: entry.id,
            hash,
            articles: old.articles,
          });
          summary.unchanged++;
          filesDone++;
          return;
        }
        if (dryRun) {
          summary.written++;
          filesDone++;
        } else queue.push({ entry, hash, legacy: !!old });
      });
      if (db && claims.length && !dryRun) {
        addCounts(summary.counts, await claimLegacy(db, claims));
      }
      summary.migrated += claims.length;
      report();
      notify();
    }
  };

  // ---- writer: pending rows become a transaction once they hold enough articles -------------------
  const ready: Ready[] = [];
  let pending: { batches: GraphBatch[]; sources: SourceEntry[]; replace: ReplaceKey[]; articles: number } = {
    batches: [],
    sources: [],
    replace: [],
    articles: 0,
  };
  let bufferedArticles = 0;
  const write = async (request: WriteRequest, articles: number) => {
    const started = performance.now();
    if (sink) await sink.write(request);
    else addCounts(summary.counts, await writeGraph(db!, request));
    options.onTransaction?.({ articles, ms: performance.now() - started }, request);
  };
  const flush = async () => {
    if (pending.batches.length === 0 && pending.sources.length === 0 && pending.replace.length === 0) return;
    const current = pending;
    pending = { batches: [], sources: [], replace: [], articles: 0 };
    await write(
      { batch: mergeBatches(current.batches), replaceDocs: current.replace, sources: current.sources },
      current.articles,
    );
    bufferedArticles -= current.articles;
    notify();
  };
  const store = async ({ job, result, first, last }: Ready) => {
    const { entry } = job;
    const replace: ReplaceKey[] = first
      ? [{ id: entry.id, path: entry.path }, ...(job.legacy ? [{ id: null, path: entry.path }] : [])]
      : [];
    const ledgerEntry: SourceEntry[] = last
      ? [
          {
            id: entry.id,
            source: entry.source,
            path: entry.path,
            hash: job.hash,
            articles: (job.large?.articleBase ?? 0) + result.articles,
          },
        ]
      : [];
    if (articleCount(result.batch) > perTransaction) {
      // More articles than a transaction takes: in chunks; the first replaces, the last completes.
      await flush();
      const chunks = splitBatch(result.batch, perTransaction);
      for (const [index, chunk] of chunks.entries()) {
        await write(
          {
            batch: chunk,
            replaceDocs: index === 0 ? replace : [],
            sources: index === chunks.length - 1 ? ledgerEntry : [],
          },
          chunk.articles.length,
        );
      }
      bufferedArticles -= result.articles;
      notify();
    } else {
      pending.batches.push(result.batch);
      pending.replace.push(...replace);
      pending.sources.push(...ledgerEntry);
      pending.articles += result.articles;
      if (pending.articles >= perTransaction || pending.sources.length >= 200) await flush();
    }
    summary.articles += result.articles;
    if (last) {
      summary.written++;
      filesDone++;
      const replaced = job.large ? job.large.replaced() : result.replaced;
      if (replaced > 0) {
        const note = `${replaced} byte sequence${replaced === 1 ? '' : 's'} not valid ${result.encoding ?? 'in its encoding'}, replaced with U+FFFD`;
        summary.notes.push({ file: entry.file.display, note });
        log(`${entry.file.display}: ${note}`);
      }
    }
    report();
  };
  let extracting = true;
  const writer = async () => {
    while (extracting || ready.length) {
      if (fatal) return;
      const next = ready.shift();
      if (next) await store(next);
      else await signal;
    }
    await flush();
  };

  // ---- scheduler: keeps the workers busy while the writer is at most two transactions behind ------
  const lookahead = 2 * perTransaction;
  const maxOpenLarge = threads + 1;
  let openLarge = 0;
  let active = 0;
  const isNewLarge = (job: Job) =>
    !job.large && job.entry.file.kind === 'text' && job.entry.file.size > LARGE_FILE;
  const takeJob = (): Job | undefined => {
    const index = queue.findIndex((job) => !isNewLarge(job) || openLarge < maxOpenLarge);
    return index < 0 ? undefined : queue.splice(index, 1)[0];
  };
  const run = async (job: Job) => {
    const { entry } = job;
    try {
      if (isNewLarge(job)) {
        const reader = textParts({ ...entry.file });
        openLarge++;
        job.large = { parts: reader.parts, replaced: reader.replaced, articleBase: 0, meta: entry.meta };
      }
      if (job.large) {
        const large = job.large;
        const next = await large.parts.next();
        if (next.done) throw new Error(`${entry.file.display}: ended before its last part`);
        const part = next.value;
        const result = await pool!.run({
          docId: entry.id,
          path: entry.path,
          meta: large.meta,
          at: entry.file.display,
          part: { text: part.text, offset: part.offset, articleBase: large.articleBase },
        });
        bufferedArticles += result.articles;
        ready.push({ job, result, first: part.index === 0, last: part.last });
        if (part.last) openLarge--;
        else {
          // Later parts read the way the first did (same home, paper and year); the next part
          // goes to the back of the queue so that other files take their turn.
          queue.push({
            ...job,
            large: {
              ...large,
              articleBase: large.articleBase + result.articles,
              meta: { home: result.home, paper: result.paper, date: result.date },
            },
          });
        }
      } else {
        const result = await pool!.run({
          docId: entry.id,
          path: entry.path,
          meta: entry.meta,
          at: entry.file.display,
          file: {
            fsPath: entry.file.fsPath,
            rel: entry.file.rel,
            display: entry.file.display,
            kind: entry.file.kind,
          },
        });
        bufferedArticles += result.articles;
        ready.push({ job, result, first: true, last: true });
      }
    } catch (error) {
      if (job.large) {
        openLarge--;
        await job.large.parts.return(undefined).catch(() => {});
      }
      failFile(entry, errorMessage(error).replace(`${entry.file.display}: `, ''));
    } finally {
      active--;
      notify();
    }
  };
  const schedule = async () => {
    for (;;) {
      if (fatal) return;
      while (active < threads && bufferedArticles < lookahead) {
        const job = takeJob();
        if (!job) break;
        active++;
        void run(job);
      }
      if (produced && active === 0 && queue.length === 0) return;
      await signal;
    }
  };

  try {
    if (dryRun) await produce();
    else {
      // Planning the statements overlaps with the extraction of the first files.
      const warming = db ? warmUp(db).catch(() => {}) : Promise.resolve();
      const producing = produce().then(() => {
        produced = true;
        notify();
      }, fail);
      const writing = warming.then(() => writer()).catch(fail);
      await schedule();
      await producing;
      extracting = false;
      notify();
      await writing;
      if (fatal) throw fatal;
    }
    if (db && options.prune) await prune(db, sources, summary, { dryRun, log, write });
  } finally {
    progress.stop();
    await pool?.destroy();
  }
  summary.seconds = (Date.now() - startedAt) / 1000;
  return summary;
}

/** Removes (or, dry, lists) the documents of each source whose files are gone from its folder. */
async function prune(
  db: Database,
  sources: SourcePlan[],
  summary: IngestSummary,
  context: {
    dryRun: boolean;
    log: (line: string) => void;
    write: (request: WriteRequest, articles: number) => Promise<void>;
  },
): Promise<void> {
  for (const source of sources) {
    const below = (p: string) => source.unreadable.some((dir) => dir === '' || p.startsWith(`${dir}/`));
    const gone = (await sourceDocuments(db, source.name)).filter(
      (d) => !source.listed.has(d.path) && !below(d.path),
    );
    for (let i = 0; i < gone.length; i += 100) {
      const slice = gone.slice(i, i + 100);
      for (const doc of slice) {
        summary.pruned.push({ source: source.name, path: doc.path, articles: doc.articles });
        context.log(
          `${context.dryRun ? 'would prune' : 'pruning'} ${doc.path} from ${source.name} (${doc.articles} articles): its file is gone`,
        );
      }
      if (!context.dryRun) {
        await context.write(
          {
            batch: mergeBatches([]),
            replaceDocs: slice.map((d) => ({ id: d.id, path: d.path })),
            sources: [],
            forget: slice.map((d) => d.id),
          },
          0,
        );
      }
    }
  }
}

/** The end-of-run report: files read, skipped and failed (with reasons), and what changed in the graph. */
export function formatSummary(summary: IngestSummary): string {
  const c = summary.counts;
  const pruned = summary.pruned.length;
  if (summary.dryRun) {
    return [
      `dry run, nothing written: ${summary.files} files; would write ${summary.written}, ${summary.unchanged} unchanged, ${summary.failed.length} failed`,
      ...(pruned ? [`would prune ${pruned} documents whose files are gone`] : []),
      ...summary.failed.map(({ file, reason }) => `failed: ${file}: ${reason}`),
    ].join('\n');
  }
  const lines = [
    `files: ${summary.files} read, ${summary.written} written, ${summary.unchanged} unchanged, ${summary.failed.length} failed`,
    `articles written: ${summary.articles} in ${summary.seconds.toFixed(1)} s`,
    `nodes: +${c.nodesCreated} -${c.nodesDeleted}; relationships: +${c.relationshipsCreated} -${c.relationshipsDeleted}; properties set: ${c.propertiesSet}`,
  ];
  if (summary.migrated)
    lines.push(`migrated: ${summary.migrated} documents written by an older ingest, kept as they were`);
  if (pruned) lines.push(`pruned: ${pruned} documents whose files are gone`);
  for (const { file, note } of summary.notes) lines.push(`note: ${file}: ${note}`);
  for (const { file, reason } of summary.failed) lines.push(`failed: ${file}: ${reason}`);
  return lines.join('\n');
}
