// Lists the article files of a folder the way a real archive needs: a sub-folder or file that cannot be
// read is reported with its cause and the walk goes on; names that are not valid UTF-8 (byte 0xFF from
// an old Windows or GBK file system) are read through their raw bytes; symbolic links are followed once,
// with loops and dangling links reported instead of silently dropped.
import fs from 'node:fs/promises';
import path from 'node:path';

/** Extensions the ingest reads, and how. */
export const ARTICLE_KINDS = { '.txt': 'text', '.htm': 'html', '.html': 'html', '.pdf': 'pdf' } as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[keyof typeof ARTICLE_KINDS];

export interface ListedFile {
  /** What the file system needs to open it (raw bytes when the name is not valid UTF-8). */
  fsPath: string | Buffer;
  /** The path inside the folder, with `/` separators; invalid name bytes written as %XX. */
  rel: string;
  /** The full path for messages (same escaping). */
  display: string;
  kind: ArticleKind;
  size: number;
}

export interface WalkProblem {
  /** Display path of the folder, file or link. */
  path: string;
  reason: string;
}

export interface Walk {
  files: ListedFile[];
  /** Things that cost data: unreadable folders and files, dangling links. */
  failed: WalkProblem[];
  /** Things worth saying that cost nothing: a link loop not followed twice, a file reached twice. */
  notes: WalkProblem[];
  /** Folders (relative, `/`-separated) whose listing failed: nothing below them may be pruned. */
  unreadable: string[];
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** A file name as text: itself when valid UTF-8, else its invalid bytes as %XX (lossless enough to key on). */
export function nameText(name: Buffer): string {
  try {
    return strict.decode(name);
  } catch {
    let out = '';
    let i = 0;
    while (i < name.length) {
      // Longest valid UTF-8 run from i, else one escaped byte.
      let end = Math.min(name.length, i + 4);
      let decoded: string | null = null;
      for (; end > i; end--) {
        try {
          decoded = strict.decode(name.subarray(i, end));
          break;
        } catch {
          decoded = null;
        }
      }
      if (decoded !== null && end > i) {
        out += decoded;
        i = end;
      } else {
        out += `%${name[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
        i++;
      }
    }
    return out;
  }
}

export function kindOf(name: string): ArticleKind | null {
  const ext = path.extname(name).toLowerCase() as keyof typeof ARTICLE_KINDS;
  return ARTICLE_KINDS[ext] ?? null;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** Walks a folder (or takes a single file) and returns its article files sorted by path. */
export async function walkSource(root: string): Promise<Walk> {
  const walk: Walk = { files: [], failed: [], notes: [], unreadable: [] };
  const seenFiles = new Map<string, string>();
  const rootStat = await fs.stat(root);
  const rootBuf = Buffer.from(path.resolve(root));
  const rootDisplay = path.resolve(root);

  const addFile = (fsPath: Buffer, rel: string, st: { dev: number; ino: number; size: number }) => {
    const display = rel ? `${rootDisplay}/${rel}` : rootDisplay;
    const kind = kindOf(rel || rootDisplay);
    if (!kind) return;
    const key = `${st.dev}:${st.ino}`;
    const first = seenFiles.get(key);
    if (first !== undefined) {
      walk.notes.push({ path: display, reason: `the same file as ${first}, read once` });
      return;
    }
    seenFiles.set(key, display);
    const text = fsPath.toString('utf8');
    walk.files.push({
      fsPath: Buffer.from(text, 'utf8').equals(fsPath) ? text : fsPath,
      rel: rel || path.basename(rootDisplay),
      display,
      kind,
      size: st.size,
    });
  };

  if (!rootStat.isDirectory()) {
    addFile(rootBuf, '', rootStat);
    return walk;
  }

  // Real folders on the current path (dev:ino), so a link back up is a loop; and all folders seen.
  const visited = new Map<string, string>();
  const visit = async (dir: Buffer, rel: string, ancestors: Set<string>): Promise<void> => {
    const display = rel ? `${rootDisplay}/${rel}` : rootDisplay;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      walk.failed.push({ path: display, reason: `cannot read folder (${codeOf(error)})` });
      walk.unreadable.push(rel);
      return;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const entry of entries) {
      if (entry.name[0] === 0x2e /* '.' */) continue;
      const name = nameText(entry.name);
      const childRel = rel ? `${rel}/${name}` : name;
      const childDisplay = `${rootDisplay}/${childRel}`;
      const child = Buffer.concat([dir, Buffer.from('/'), entry.name]);
      let st;
      try {
        st = await fs.stat(child);
      } catch (error) {
        if (entry.isSymbolicLink()) {
          const target = await fs.readlink(child).catch(() => '?');
          walk.failed.push({
            path: childDisplay,
            reason: `dangling symbolic link to ${target} (${codeOf(error)})`,
          });
        } else if (kindOf(name)) {
          walk.failed.push({ path: childDisplay, reason: `cannot read (${codeOf(error)})` });
        }
        continue;
      }
      if (st.isDirectory()) {
        const key = `${st.dev}:${st.ino}`;
        if (ancestors.has(key)) {
          walk.notes.push({
            path: childDisplay,
            reason: 'symbolic link loop (points to a folder above it), not followed',
          });
          continue;
        }
        const first = visited.get(key);
        if (first !== undefined) {
          walk.notes.push({ path: childDisplay, reason: `the same folder as ${first}, read once` });
          continue;
        }
        visited.set(key, childDisplay);
        await visit(child, childRel, new Set([...ancestors, key]));
      } else if (st.isFile()) {
        addFile(child, childRel, st);
      }
    }
  };
  const rootKey = `${rootStat.dev}:${rootStat.ino}`;
  visited.set(rootKey, rootDisplay);
  await visit(rootBuf, '', new Set([rootKey]));
  walk.files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return walk;
}
