// The ingest: list files, skip the unchanged ones (content hash in a ledger in Neo4j), extract, write.
// A file that cannot be read or decoded is reported and skipped; the rest proceeds.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/driver.ts';
import { extractText } from './extract/index.ts';
import { listArticleFiles, readManifest, readTextFile, type FolderManifest } from './source/files.ts';
import { toGraphBatch } from './load/graph-batch.ts';
import { applySchema } from './load/schema.ts';
import { addCounts, storedHash, writeDocument, zeroCounts, type WriteCounts } from './load/writer.ts';

export interface IngestSummary {
  files: number;
  written: number;
  unchanged: number;
  failed: { file: string; reason: string }[];
  articles: number;
  counts: WriteCounts;
}

export interface IngestOptions {
  log?: (line: string) => void;
  /** Re-extract and rewrite files even when their hash is unchanged. */
  force?: boolean;
}

const extractDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'extract');

/** Fingerprint of the extractor's source: a new extractor re-ingests files whose text did not change. */
function extractorFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  walk(extractDir);
  return hash.digest('hex').slice(0, 16);
}

/** The document key: the path relative to the folder given (unique across sub-folders), or the file name. */
async function filesWithKeys(input: string): Promise<{ file: string; doc: string; root: string }[]> {
  const stat = await fs.promises.stat(input);
  const root = stat.isDirectory() ? path.resolve(input) : path.dirname(path.resolve(input));
  const files = await listArticleFiles([input]);
  return files.map((file) => ({
    file,
    root,
    doc: path.relative(root, path.resolve(file)).split(path.sep).join('/'),
  }));
}

export async function ingestPaths(
  db: Database,
  inputs: string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const log = options.log ?? (() => {});
  const summary: IngestSummary = {
    files: 0,
    written: 0,
    unchanged: 0,
    failed: [],
    articles: 0,
    counts: zeroCounts(),
  };
  await applySchema(db);
  const fingerprint = extractorFingerprint();

  for (const input of inputs) {
    const entries = await filesWithKeys(input);
    for (const { file, doc } of entries) {
      summary.files++;
      try {
        const { text } = await readTextFile(file);
        const hash = createHash('sha256').update(fingerprint).update(text).digest('hex');
        if (!options.force && (await storedHash(db, doc)) === hash) {
          summary.unchanged++;
          continue;
        }
        const manifest = await readManifest(path.dirname(file));
        const extracted = extractText(text, doc, manifestMeta(manifest, path.basename(file)));
        const counts = await writeDocument(db, toGraphBatch(extracted), hash);
        addCounts(summary.counts, counts);
        summary.written++;
        summary.articles += extracted.articles.length;
        log(`ingested ${doc}: ${extracted.articles.length} articles`);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        // A database that is down is not the file's fault: stop instead of failing every file.
        if ((error as { code?: string }).code === 'ServiceUnavailable') throw error;
        summary.failed.push({ file, reason });
        log(`skipped ${file}: ${reason}`);
      }
    }
  }
  return summary;
}

/** Folder-wide metadata, overridden by the manifest's entry for this file. */
function manifestMeta(manifest: FolderManifest | null, basename: string): Parameters<typeof extractText>[2] {
  if (!manifest) return undefined;
  const own = manifest.files?.[basename] ?? {};
  return {
    home: own.home ?? manifest.home,
    paper: own.paper ?? manifest.paper ?? null,
    date: own.date ?? manifest.date ?? null,
  };
}

/** The end-of-run report: files read, skipped and failed (with reasons), and what changed in the graph. */
export function formatSummary(summary: IngestSummary): string {
  const c = summary.counts;
  const lines = [
    `files: ${summary.files} read, ${summary.written} written, ${summary.unchanged} unchanged, ${summary.failed.length} failed`,
    `articles written: ${summary.articles}`,
    `nodes: +${c.nodesCreated} -${c.nodesDeleted}; relationships: +${c.relationshipsCreated} -${c.relationshipsDeleted}; properties set: ${c.propertiesSet}`,
  ];
  for (const { file, reason } of summary.failed) lines.push(`failed: ${file}: ${reason}`);
  return lines.join('\n');
}
