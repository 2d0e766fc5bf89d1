// The extraction code as plain JavaScript: one esbuild bundle of the modules that extract (the
// extractor, the ingest worker, the document reader), shared chunks so that a process loading several
// of them loads the extractor once. Run under tsx, every named closure is wrapped in a `__name` call
// (keepNames) and every module goes through the TypeScript loader: about 0.5 s of one CPU per process,
// most of it in the JIT (bench/extract.ts). `npm run extract`, the ingest's workers and the benchmark all
// load this same bundle.
//
// Cached by content: the manifest lists every file the build read with the sha256 of the bytes that
// were compiled, and a load rebuilds when any of them differs (or the esbuild version or the options
// do), so a stale bundle is never loaded. Builds go to a temporary folder renamed into place, so two
// processes that build at once never see half a bundle.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The modules a process may load from the bundle, relative to the repository root. */
export const COMPILED_ENTRIES = ['ingest/extract/index.ts', 'ingest/worker.ts', 'ingest/source/documents.ts'];

export interface CompileOptions {
  /** The folder the entries are relative to (the repository; tests use a folder of their own). */
  root?: string;
  entries?: string[];
  /** Where bundles and the manifest are kept; default `<root>/.cache/compiled`. */
  cacheDir?: string;
}

interface Manifest {
  key: string;
  dir: string;
  inputs: Record<string, string>;
}

export interface Compiled {
  /** The folder holding this build. */
  dir: string;
  /** Whether this call built it (false: the cached build was current). */
  built: boolean;
  /** file: URL of an entry's compiled module. */
  url(entry: string): string;
}

const sha = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const outName = (entry: string) => entry.replace(/\.ts$/, '.js');

function buildOptions(root: string, entries: string[]) {
  return {
    entryPoints: entries.map((e) => ({ in: path.join(root, e), out: outName(e).replace(/\.js$/, '') })),
    bundle: true,
    splitting: true,
    format: 'esm' as const,
    platform: 'node' as const,
    target: 'node20',
    packages: 'external' as const,
    // no keepNames: the __name wrappers are what this bundle is for
    keepNames: false,
    minify: false,
    sourcemap: false,
    metafile: true,
    logLevel: 'silent' as const,
    absWorkingDir: root,
  };
}

/** What the cache key depends on besides the inputs: esbuild's version, this builder, the options. */
function keyOf(root: string, entries: string[]): string {
  // esbuild itself is imported only to build: a process that finds its bundle current never loads it
  const { version } = createRequire(import.meta.url)('esbuild/package.json') as { version: string };
  // this file too: a change to how bundles are built makes every cached one stale
  const self = sha(fs.readFileSync(fileURLToPath(import.meta.url)));
  return sha(JSON.stringify({ esbuild: version, self, options: buildOptions(root, entries) }));
}

function readManifest(file: string): Manifest | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Whether every file the manifest's build read still has the bytes it compiled. */
function current(manifest: Manifest, root: string, key: string): boolean {
  if (manifest.key !== key || !fs.existsSync(manifest.dir)) return false;
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.join(root, file));
    } catch {
      return false;
    }
    if (sha(bytes) !== hash) return false;
  }
  return true;
}

/** The current bundle: the cached one when none of its inputs changed, else a fresh build. */
export async function compiled(options: CompileOptions = {}): Promise<Compiled> {
  const root = path.resolve(options.root ?? ROOT);
  const entries = options.entries ?? COMPILED_ENTRIES;
  const cacheDir = path.resolve(options.cacheDir ?? path.join(root, '.cache/compiled'));
  const manifestFile = path.join(cacheDir, 'manifest.json');
  const key = keyOf(root, entries);
  const result = (dir: string, built: boolean): Compiled => ({
    dir,
    built,
    url: (entry) => {
      if (!entries.includes(entry)) throw new Error(`${entry} is not an entry of the compiled bundle`);
      return pathToFileURL(path.join(dir, outName(entry))).href;
    },
  });
  const cached = readManifest(manifestFile);
  if (cached && current(cached, root, key)) return result(cached.dir, false);

  // The bytes each file had when esbuild compiled it, read by us so the hashes are of what was built.
  const inputs: Record<string, string> = {};
  const plugin: esbuild.Plugin = {
    name: 'hash-inputs',
    setup(build) {
      // every file the build reads (code, JSON, anything imported) is hashed
      build.onLoad({ filter: /./, namespace: 'file' }, (args) => {
        const bytes = fs.readFileSync(args.path);
        inputs[path.relative(root, args.path)] = sha(bytes);
        const code = /\.[cm]?([jt])s$/.exec(args.path);
        if (!code) return { contents: bytes, loader: 'default' };
        // each module keeps its own location: the lexicon and the gazetteer find their files from it
        const url = JSON.stringify(pathToFileURL(args.path).href);
        const contents = bytes.toString('utf8').replaceAll('import.meta.url', url);
        return { contents, loader: code[1] === 't' ? 'ts' : 'js' };
      });
    },
  };
  // tsconfig.json decides how TypeScript is compiled (class fields, target): part of the inputs
  const tsconfig = path.join(root, 'tsconfig.json');
  if (fs.existsSync(tsconfig)) inputs['tsconfig.json'] = sha(fs.readFileSync(tsconfig));
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(cacheDir, 'build-'));
  try {
    const { build } = await import('esbuild');
    await build({ ...buildOptions(root, entries), outdir: tmp, plugins: [plugin] });
    const id = sha(key + JSON.stringify(Object.entries(inputs).sort())).slice(0, 16);
    const dir = path.join(cacheDir, id);
    try {
      fs.renameSync(tmp, dir);
    } catch (e) {
      // another process built the same inputs meanwhile: its build is this one
      if (!fs.existsSync(dir)) throw e;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    const manifest: Manifest = { key, dir, inputs };
    const manifestTmp = `${manifestFile}.${process.pid}.${Date.now()}`;
    fs.writeFileSync(manifestTmp, JSON.stringify(manifest, null, 1));
    fs.renameSync(manifestTmp, manifestFile);
    // older builds go once they are a day old (a running ingest may still start workers from one)
    for (const old of fs.readdirSync(cacheDir)) {
      const full = path.join(cacheDir, old);
      if (full === dir || !/^[0-9a-f]{16}$/.test(old)) continue;
      if (Date.now() - fs.statSync(full).mtimeMs > 86_400_000)
        fs.rmSync(full, { recursive: true, force: true });
    }
    return result(dir, true);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Imports an entry of the current bundle (built first if any source changed). */
export async function importCompiled<T>(entry: string, options: CompileOptions = {}): Promise<T> {
  return (await import((await compiled(options)).url(entry))) as T;
}
