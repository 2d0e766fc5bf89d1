// npm run --silent extract -- FILE_OR_DIR... : prints one JSON object ({documents:[...]}) on stdout.
// Reads .txt, .htm/.html and .pdf like the ingest (ingest/source/). Unreadable files and folders are
// reported on stderr with their name and cause; the run goes on and exits 1 at the end.
import fs from 'node:fs';
import path from 'node:path';
import { importCompiled } from '../compiled.ts';
import type { ExtractMeta } from '../extract/index.ts';
import type { ExtractedDocument } from '../extract/types.ts';
import { readManifest } from '../source/files.ts';
import { walkSource } from '../source/walk.ts';

async function main(argv: string[]): Promise<number> {
  const inputs = argv.filter((a) => a !== '--');
  if (!inputs.length) {
    process.stderr.write('usage: npm run --silent extract -- FILE_OR_DIR...\n');
    return 2;
  }
  let failed = 0;
  const problem = (file: string, message: string) => {
    failed++;
    process.stderr.write(`extract: ${message.startsWith(file) ? message : `${file}: ${message}`}\n`);
  };
  const documents: (ExtractedDocument & { page?: string; url?: string })[] = [];
  const missing = inputs.find((input) => !fs.existsSync(input));
  if (missing) {
    process.stderr.write(`extract: no such file or folder: ${missing}\n`);
    return 1;
  }
  let modules;
  try {
    // imported here so that a bad lexicon table (CADRE_LEXICON_DIR) is reported like any other error
    // the compiled bundle (ingest/compiled.ts), the same code the ingest's workers and the benchmark run
    modules = await Promise.all([
      importCompiled<typeof import('../extract/index.ts')>('ingest/extract/index.ts'),
      importCompiled<typeof import('../source/documents.ts')>('ingest/source/documents.ts'),
    ]);
  } catch (e) {
    process.stderr.write(`extract: ${(e as Error).message}\n`);
    return 1;
  }
  const [{ extractText, homeFromPath }, { readDocument }] = modules;
  for (const input of inputs) {
    const walk = await walkSource(input);
    for (const p of walk.failed) problem(p.path, p.reason);
    for (const note of walk.notes) process.stderr.write(`extract: note: ${note.path}: ${note.reason}\n`);
    for (const file of walk.files) {
      try {
        const read = await readDocument(file);
        if (read.replaced)
          process.stderr.write(
            `extract: note: ${file.display}: ${read.replaced} invalid bytes replaced with U+FFFD\n`,
          );
        const dir = typeof file.fsPath === 'string' ? path.dirname(file.fsPath) : path.dirname(file.display);
        const manifest = await readManifest(dir);
        const doc = path.basename(file.rel);
        const own = manifest?.files?.[doc];
        const meta: ExtractMeta = {
          // without a manifest's home, the folders the file sits in may name it (潢川县/, 永康日报/)
          home: own?.home ?? manifest?.home ?? homeFromPath(file.display),
          paper: own?.paper ?? manifest?.paper ?? read.meta.paper ?? null,
          date: own?.date ?? manifest?.date ?? read.meta.date ?? null,
        };
        const extracted = extractText(read.text, doc, meta);
        documents.push({
          ...extracted,
          ...(read.meta.page ? { page: read.meta.page } : {}),
          ...(read.meta.url ? { url: read.meta.url } : {}),
        });
      } catch (e) {
        problem(file.display, (e as Error).message);
      }
    }
  }
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(JSON.stringify({ documents }) + '\n', (err) => (err ? reject(err) : resolve())),
  );
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`extract: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
