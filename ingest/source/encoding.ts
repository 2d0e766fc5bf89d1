// Decoding of article files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.
// Chinese papers still circulate GBK exports, so anything that is not valid UTF-8 is
// tried as GB18030 (a superset of GBK and GB2312) after chardet has had its say.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  encoding: string;
}

export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Share of characters that are control characters (other than whitespace) or U+FFFD. */
function junkRatio(text: string): number {
  if (!text.length) return 0;
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || c === 0x7f) junk++;
  }
  return junk / text.length;
}

function hasNul(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** Decodes a file's bytes; throws DecodeError for binary or undecodable content. */
export function decodeBuffer(buf: Uint8Array, label = 'input'): Decoded {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: decodeUtf8(buf.subarray(3), label), encoding: 'UTF-8-BOM' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16le'), encoding: 'UTF-16LE' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(buf.subarray(2)), 'utf-16be'), encoding: 'UTF-16BE' };
  }
  if (hasNul(buf)) throw new DecodeError(`${label}: binary file (NUL bytes), not a text article`);
  try {
    const text = utf8.decode(buf);
    if (junkRatio(text) > 0.01) throw new DecodeError(`${label}: binary content (control characters)`);
    return { text, encoding: 'UTF-8' };
  } catch (e) {
    if (e instanceof DecodeError) throw e;
  }
  const guess = (chardet.detect(buf) ?? '').toUpperCase();
  // Big5 is the only other Chinese encoding worth honouring; everything else is read as GB18030.
  const encoding = guess === 'BIG5' ? 'Big5' : 'GB18030';
  const text = iconv.decode(Buffer.from(buf), encoding);
  if (junkRatio(text) > 0.01) {
    throw new DecodeError(`${label}: cannot decode as UTF-8 or ${encoding} (detected ${guess || 'nothing'})`);
  }
  return { text, encoding };
}

function decodeUtf8(buf: Uint8Array, label: string): string {
  try {
    return utf8.decode(buf);
  } catch {
    throw new DecodeError(`${label}: UTF-8 byte order mark but invalid UTF-8 content`);
  }
}
