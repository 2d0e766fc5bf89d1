// One reader for every kind of article file: .txt pages (decoded), .htm/.html item pages (html.ts) and
// .pdf pages (pdf.ts). The extractor receives text plus what the file itself says about the item.
// Text files larger than LARGE_FILE are read as a stream of parts cut between news items, so a 50 MB
// archive never sits in memory whole and its articles are written while the rest is still being read.
import fs from 'node:fs';
import { segmentPage } from '../extract/segment.ts';
import { DecodeError, decodeBuffer, sniffEncoding, streamDecoder } from './encoding.ts';
import { dateFromPath, readHtml, type ReadDocument } from './html.ts';
import { readPdf } from './pdf.ts';
import type { ArticleKind } from './walk.ts';

export type { ReadDocument, SourceMeta } from './html.ts';

export interface DocumentFile {
  fsPath: string | Uint8Array;
  rel: string;
  display: string;
  kind: ArticleKind;
}

const fsPathOf = (p: string | Uint8Array) => (typeof p === 'string' ? p : Buffer.from(p));

async function readBytes(file: DocumentFile): Promise<Buffer> {
  try {
    return await fs.promises.readFile(fsPathOf(file.fsPath));
  } catch (e) {
    throw new Error(`${file.display}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, {
      cause: e,
    });
  }
}

/** Reads and decodes a whole file of any kind. */
export async function readDocument(file: DocumentFile): Promise<ReadDocument> {
  const buf = await readBytes(file);
  if (file.kind === 'html') return readHtml(buf, file.rel, file.display);
  if (file.kind === 'pdf') {
    const read = await readPdf(buf, file.display);
    return { ...read, meta: { ...read.meta, date: read.meta.date ?? dateFromPath(file.rel) } };
  }
  return { ...decodeBuffer(buf, file.display), meta: {} };
}

/** Text files above this size are streamed in parts. */
export const LARGE_FILE = 2 * 1024 * 1024;
/** Characters per part of a streamed file (about 400 KB of UTF-8 Chinese). */
export const PART_CHARS = 128 * 1024;

export interface TextPart {
  text: string;
  /** Offset of the part's first character in the decoded file. */
  offset: number;
  index: number;
  last: boolean;
}

/**
 * Where to cut a window of text so that no news item is split: before the last item the page
 * segmentation finds in it, else at the last blank line, else at the last line break.
 */
export function cutPoint(window: string): number {
  const { segments } = segmentPage(window);
  const last = segments[segments.length - 1];
  if (segments.length >= 2 && last && last.start > 0) {
    const lineStart = window.lastIndexOf('\n', last.start - 1) + 1;
    if (lineStart > 0) return lineStart;
  }
  const blank = window.lastIndexOf('\n\n');
  if (blank > 0) return blank + 2;
  const line = window.lastIndexOf('\n');
  return line > 0 ? line + 1 : window.length;
}

/** A large text file as parts, read lazily; `replaced()` counts the bytes decoding had to replace. */
export function textParts(
  file: DocumentFile,
  partChars = PART_CHARS,
): { parts: AsyncGenerator<TextPart>; replaced(): number } {
  let decoder: ReturnType<typeof streamDecoder> | null = null;
  // The file is opened by the first next() and closed by the generator's end or return().
  async function* parts(): AsyncGenerator<TextPart> {
    const handle = await fs.promises.open(fsPathOf(file.fsPath), 'r').catch((e: NodeJS.ErrnoException) => {
      throw new Error(`${file.display}: cannot read (${e.code ?? String(e)})`, { cause: e });
    });
    try {
      const head = Buffer.alloc(1024 * 1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      const sniffed = sniffEncoding(head.subarray(0, bytesRead), file.display);
      if (sniffed.encoding.startsWith('UTF-16'))
        throw new DecodeError(
          `${file.display}: UTF-16 files over ${LARGE_FILE / 1024 / 1024} MB are not supported; convert to UTF-8`,
        );
      const stream = streamDecoder(sniffed.encoding);
      decoder = stream;
      let position = sniffed.bom;
      let carry = '';
      let offset = 0;
      let index = 0;
      const chunk = Buffer.alloc(256 * 1024);
      let eof = false;
      while (!eof || carry) {
        while (!eof && carry.length < partChars) {
          const { bytesRead: n } = await handle.read(chunk, 0, chunk.length, position);
          if (n === 0) {
            eof = true;
            carry += stream.end();
          } else {
            position += n;
            carry += stream.write(chunk.subarray(0, n));
          }
        }
        const cut = eof && carry.length <= partChars ? carry.length : cutPoint(carry.slice(0, partChars));
        const text = carry.slice(0, cut);
        carry = carry.slice(cut);
        const last = eof && !carry;
        yield { text, offset, index, last };
        offset += text.length;
        index++;
      }
    } finally {
      await handle.close();
    }
  }
  return { parts: parts(), replaced: () => decoder?.replaced() ?? 0 };
}
