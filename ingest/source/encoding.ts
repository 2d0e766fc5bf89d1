// Decoding of article files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5.
// Chinese papers still circulate GBK exports, so anything that is not (mostly) valid UTF-8 is
// tried as GB18030 (a superset of GBK and GB2312) after chardet has had its say. A UTF-8 file with a
// few broken bytes (a bad copy, a truncated download) keeps its text: the bytes become U+FFFD and
// the count is reported, instead of the whole file being lost.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  encoding: string;
  /** Invalid byte sequences replaced with U+FFFD. */
  replaced: number;
}

export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** Share of characters that are control characters (other than whitespace) or U+FFFD. */
function junkRatio(text: string, ignoreReplacement = false): number {
  if (!text.length) return 0;
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) junk++;
    else if (c === 0xfffd && !ignoreReplacement) junk++;
  }
  return junk / text.length;
}

function hasNul(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** U+FFFD written in the file itself (EF BF BD), which is text, not damage. */
function encodedReplacements(buf: Uint8Array): number {
  let n = 0;
  for (let i = buf.indexOf(0xef); i >= 0 && i + 2 < buf.length; i = buf.indexOf(0xef, i + 1)) {
    if (buf[i + 1] === 0xbf && buf[i + 2] === 0xbd) n++;
  }
  return n;
}

interface Utf8Stats {
  text: string;
  /** Invalid sequences (each became one U+FFFD). */
  bad: number;
  /** Valid characters outside ASCII: the evidence that the file really is UTF-8. */
  wide: number;
}

function utf8Stats(buf: Uint8Array): Utf8Stats {
  const text = new TextDecoder('utf-8').decode(buf);
  let replacements = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replacements++;
    else if (c >= 0x80 && (c < 0xdc00 || c > 0xdfff)) wide++;
  }
  return { text, bad: Math.max(0, replacements - encodedReplacements(buf)), wide };
}

/** Mostly valid UTF-8: at most one broken sequence per 20 valid non-ASCII characters. */
const mostlyUtf8 = (s: Utf8Stats) => s.bad === 0 || s.wide >= 20 * s.bad;

/** Which encoding a file (or its first megabyte) is in; throws DecodeError for binary content. */
export function sniffEncoding(buf: Uint8Array, label = 'input'): { encoding: string; bom: number } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { encoding: 'UTF-8-BOM', bom: 3 };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'UTF-16LE', bom: 2 };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'UTF-16BE', bom: 2 };
  if (hasNul(buf)) throw new DecodeError(`${label}: binary file (NUL bytes), not a text article`);
  if (mostlyUtf8(utf8Stats(buf))) return { encoding: 'UTF-8', bom: 0 };
  const guess = (chardet.detect(buf) ?? '').toUpperCase();
  // Big5 is the only other Chinese encoding worth honouring; everything else is read as GB18030.
  return { encoding: guess === 'BIG5' ? 'Big5' : 'GB18030', bom: 0 };
}

/** The iconv-lite name of an encoding that sniffEncoding returns. */
export function iconvName(encoding: string): string {
  return encoding === 'UTF-8-BOM' ? 'utf-8' : encoding.toLowerCase();
}

const countReplacements = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
};

/** Decodes a file's bytes; throws DecodeError for binary or undecodable content. */
export function decodeBuffer(buf: Uint8Array, label = 'input'): Decoded {
  const { encoding, bom } = sniffEncoding(buf, label);
  const body = buf.subarray(bom);
  if (encoding === 'UTF-8' || encoding === 'UTF-8-BOM') {
    const stats = utf8Stats(body);
    if (!mostlyUtf8(stats))
      throw new DecodeError(`${label}: UTF-8 byte order mark but invalid UTF-8 content`);
    if (junkRatio(stats.text, true) > 0.01)
      throw new DecodeError(`${label}: binary content (control characters)`);
    return { text: stats.text, encoding, replaced: stats.bad };
  }
  const text = iconv.decode(Buffer.from(body), iconvName(encoding));
  if (encoding.startsWith('UTF-16')) return { text, encoding, replaced: 0 };
  if (junkRatio(text) > 0.01) {
    const guess = (chardet.detect(buf) ?? '').toUpperCase();
    throw new DecodeError(`${label}: cannot decode as UTF-8 or ${encoding} (detected ${guess || 'nothing'})`);
  }
  return { text, encoding, replaced: countReplacements(text) };
}

/**
 * A decoder for a file read in chunks (large files), in the encoding sniffed from its start. Counts
 * the bytes it had to replace.
 */
export function streamDecoder(encoding: string): {
  write(chunk: Buffer): string;
  end(): string;
  replaced(): number;
} {
  let replaced = 0;
  const count = (text: string) => {
    replaced += countReplacements(text);
    return text;
  };
  if (encoding === 'UTF-8' || encoding === 'UTF-8-BOM') {
    const decoder = new TextDecoder('utf-8');
    return {
      write: (chunk) => count(decoder.decode(chunk, { stream: true })),
      end: () => count(decoder.decode()),
      replaced: () => replaced,
    };
  }
  const decoder = iconv.getDecoder(iconvName(encoding));
  return {
    write: (chunk) => count(decoder.write(chunk)),
    end: () => count(decoder.end() ?? ''),
    replaced: () => replaced,
  };
}
