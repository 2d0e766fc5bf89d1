// Listing and reading article files (.txt pages) and per-folder metadata (manifest.json).
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeBuffer } from './encoding.ts';

export { DecodeError } from './encoding.ts';

/** Files and folders (recursive) → sorted .txt paths, hidden entries skipped. */
export async function listArticleFiles(inputs: string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch {
      throw new Error(`no such file or folder: ${input}`);
    }
    if (st.isDirectory()) await walk(input, out);
    else if (st.isFile()) out.add(input);
    else throw new Error(`not a file or folder: ${input}`);
  }
  return [...out].sort();
}

async function walk(dir: string, out: Set<string>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && e.name.toLowerCase().endsWith('.txt')) out.add(p);
  }
}

/** Reads and decodes one file (BOM stripped); throws a clear Error for binary or undecodable files. */
export async function readTextFile(file: string): Promise<{ text: string; encoding: string }> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    throw new Error(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e });
  }
  return decodeBuffer(buf, file);
}

/** Metadata a folder may carry in manifest.json; every field optional. */
export interface FolderManifest {
  paper?: string | null;
  date?: string | null;
  home?: { province?: string; city?: string; county?: string };
  /** Per-file overrides keyed by file basename. */
  files?: Record<string, { paper?: string | null; date?: string | null; home?: FolderManifest['home'] }>;
}

const manifests = new Map<string, Promise<FolderManifest | null>>();

/** Manifests are read once per run; a new run reads them again (they may have changed). */
export function forgetManifests(): void {
  manifests.clear();
}

/** The manifest.json of a folder, or null; malformed manifests are reported and ignored. */
export function readManifest(dir: string): Promise<FolderManifest | null> {
  let m = manifests.get(dir);
  if (!m) {
    m = loadManifest(dir);
    manifests.set(dir, m);
  }
  return m;
}

async function loadManifest(dir: string): Promise<FolderManifest | null> {
  const file = path.join(dir, 'manifest.json');
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    return normaliseManifest(JSON.parse(raw.replace(/^\uFEFF/, '')));
  } catch (e) {
    process.stderr.write(`${file}: ignored (${(e as Error).message})\n`);
    return null;
  }
}

// Accepts {paper,date,home,files} or {county,city,province,...} flat, or an array of per-file entries.
function normaliseManifest(j: unknown): FolderManifest {
  const out: FolderManifest = {};
  const pickHome = (o: Record<string, unknown>): FolderManifest['home'] | undefined => {
    const h = (typeof o.home === 'object' && o.home ? o.home : o) as Record<string, unknown>;
    const home: NonNullable<FolderManifest['home']> = {};
    for (const k of ['province', 'city', 'county'] as const) if (typeof h[k] === 'string') home[k] = h[k];
    return Object.keys(home).length ? home : undefined;
  };
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const entry = (o: Record<string, unknown>) => ({
    paper: str(o.paper) ?? str(o.newspaper) ?? null,
    date: str(o.date) ?? str(o.published) ?? null,
    home: pickHome(o),
  });
  if (Array.isArray(j)) {
    out.files = {};
    for (const e of j) {
      if (e && typeof e === 'object') {
        const o = e as Record<string, unknown>;
        const name = str(o.file) ?? str(o.doc) ?? str(o.name);
        if (name) out.files[path.basename(name)] = entry(o);
      }
    }
    return out;
  }
  if (!j || typeof j !== 'object') throw new Error('manifest is not an object');
  const o = j as Record<string, unknown>;
  Object.assign(out, entry(o));
  const files = o.files ?? o.documents;
  if (files && typeof files === 'object') {
    out.files = {};
    const list = Array.isArray(files)
      ? files
      : Object.entries(files as Record<string, unknown>).map(([k, v]) => ({ file: k, ...(v as object) }));
    for (const e of list) {
      const f = e as Record<string, unknown>;
      const name = str(f.file) ?? str(f.doc) ?? str(f.name);
      if (name) out.files[path.basename(name)] = entry(f);
    }
  }
  return out;
}
