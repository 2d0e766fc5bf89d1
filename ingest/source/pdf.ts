// PDF pages → text, page by page, with pdfjs-dist (Mozilla's PDF.js). Lines are rebuilt from the text
// items' positions; a new paragraph starts where the gap to the previous line is larger than the line
// spacing, the font size changes (a headline) or the line is indented. The result is segmented like a
// .txt page. Chinese PDFs need the CMaps that pdfjs-dist ships, which it reads from its own folder.
import { createRequire } from 'node:module';
import path from 'node:path';
import { DecodeError } from './encoding.ts';
import type { ReadDocument } from './html.ts';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));

interface Item {
  str: string;
  x: number;
  y: number;
  size: number;
  width: number;
  eol: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
}

const isLatin = (c: string | undefined) => !!c && /[A-Za-z0-9]/.test(c);

function linesOf(items: Item[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const sameLine = current && Math.abs(item.y - current.y) < Math.max(2, item.size * 0.4);
    if (!current || !sameLine) {
      if (current && current.text.trim()) lines.push(current);
      current = { text: '', x: item.x, y: item.y, size: item.size };
    }
    const gap = current.text && isLatin(current.text.at(-1)) && isLatin(item.str[0]) ? ' ' : '';
    current.text += gap + item.str;
    current.size = Math.max(current.size, item.size);
    if (item.eol) {
      if (current.text.trim()) lines.push(current);
      current = null;
    }
  }
  if (current && current.text.trim()) lines.push(current);
  return lines;
}

function paragraphsOf(lines: Line[]): string[] {
  if (!lines.length) return [];
  const left = Math.min(...lines.map((l) => l.x));
  const gaps = lines
    .slice(1)
    .map((l, i) => Math.abs(lines[i]!.y - l.y))
    .sort((a, b) => a - b);
  const spacing = gaps[Math.floor(gaps.length / 2)] ?? lines[0]!.size * 1.2;
  const out: string[] = [];
  let current = '';
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const text = line.text.replace(/[\s\u3000]+/g, ' ').trim();
    const starts =
      !previous ||
      Math.abs(previous.y - line.y) > spacing * 1.4 ||
      Math.abs(previous.size - line.size) > 0.5 ||
      line.x - left > line.size * 1.5 ||
      /^[\u3000\s]{2,}/.test(line.text);
    if (starts && current) {
      out.push(current);
      current = '';
    }
    current += current && isLatin(current.at(-1)) && isLatin(text[0]) ? ` ${text}` : text;
  });
  if (current) out.push(current);
  return out;
}

/** Text of every page, paragraphs separated by blank lines, pages by a form feed line. */
export async function readPdf(buf: Buffer, label: string): Promise<ReadDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(buf),
      cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}/`,
      cMapPacked: true,
      standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new DecodeError(`${label}: not a readable PDF (${(error as Error).message})`);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const [a, b, , , x, y] = raw.transform as number[];
        items.push({
          str: raw.str,
          x: x!,
          y: y!,
          size: Math.hypot(a!, b!) || raw.height,
          width: raw.width,
          eol: raw.hasEOL,
        });
      }
      pages.push(paragraphsOf(linesOf(items)).join('\n\n'));
      page.cleanup();
    }
    const text = pages.join('\n\n\f\n\n') + '\n';
    if (!text.replace(/[\s\f]/g, ''))
      throw new DecodeError(`${label}: the PDF has no text layer (a scan needs OCR first)`);
    return { text, encoding: 'PDF', replaced: 0, meta: {} };
  } finally {
    await document.destroy();
  }
}
