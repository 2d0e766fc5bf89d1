// E-paper item pages and saved news pages → the text the extractor reads (`# headline`, blank line,
// paragraphs) plus what the markup, the URL or the file name say about the item: headline, date, page
// and paper. The body comes from Mozilla Readability on a linkedom DOM; e-paper systems built on Founder
// (方正) software mark the body and its properties themselves (<founder-content>, <!--enpcontent-->,
// <!--enpproperty ...-->, <founder-title>, <founder-date>, <founder-pagenum>), and those win when present.
import { Readability } from '@mozilla/readability';
import sniffHtmlEncoding from 'html-encoding-sniffer';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import { DecodeError, decodeBuffer, sniffEncoding, type Decoded } from './encoding.ts';

export interface SourceMeta {
  headline?: string | null;
  /** YYYY-MM-DD when known. */
  date?: string | null;
  paper?: string | null;
  /** The page (版面) as written: 第02版, A3版. */
  page?: string | null;
  url?: string | null;
}

export interface ReadDocument extends Decoded {
  meta: SourceMeta;
}

/** The bytes as text in the charset the page declares (BOM, <meta charset>), else UTF-8 or GB18030. */
export function decodeHtml(buf: Buffer, label: string): Decoded {
  const fallback = sniffEncoding(buf, label).encoding;
  const declared = sniffHtmlEncoding(buf, {
    defaultEncoding: fallback === 'GB18030' ? 'gb18030' : fallback === 'Big5' ? 'Big5' : 'UTF-8',
  });
  const name = declared.toLowerCase();
  if (name === 'utf-8') {
    // A page that says UTF-8 but is not (a GBK page with a copied template) is read by its bytes.
    const decoded = decodeBuffer(buf, label);
    return decoded;
  }
  // GBK and GB2312 labels are read as GB18030, their superset, as browsers do.
  const encoding = /^(gbk|gb2312|gb18030|x-gbk)$/.test(name) ? 'GB18030' : declared;
  if (!iconv.encodingExists(encoding)) throw new DecodeError(`${label}: unsupported charset ${declared}`);
  const text = iconv.decode(buf, encoding);
  let replaced = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++;
  return { text, encoding, replaced };
}

const BLOCK = new Set([
  'P',
  'DIV',
  'BR',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'TR',
  'TABLE',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'PRE',
  'FIGCAPTION',
  'FOUNDER-CONTENT',
  'UL',
  'OL',
  'DD',
  'DT',
]);

/** Paragraphs of an element's text: one per block element or line break, indentation and blanks trimmed. */
function paragraphsOf(root: Node): string[] {
  const lines: string[] = [];
  let current = '';
  const breakLine = () => {
    lines.push(current);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) current += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') return;
      const block = BLOCK.has(tag);
      if (block) breakLine();
      for (const child of Array.from(node.childNodes)) walk(child);
      if (block) breakLine();
    }
  };
  walk(root);
  breakLine();
  return lines
    .map((line) => line.replace(/[\s\u3000\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** A date written as 2021-03-15, 2021/3/15, 2021年3月15日 or 20210315 → YYYY-MM-DD. */
export function dateFrom(text: string | null | undefined): string | null {
  if (!text) return null;
  const m =
    /(20\d{2}|19\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text) ??
    /(?<!\d)(20\d{2}|19\d{2})(\d{2})(\d{2})(?!\d)/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date in an e-paper path: …/html/2021-03/15/content_123.htm, …/202103/15/…, …/20210315/… */
export function dateFromPath(p: string | null | undefined): string | null {
  if (!p) return null;
  const m =
    /(?:^|[/_-])((?:19|20)\d{2})-?(\d{2})[/_-](\d{2})(?=[/_.-]|$)/.exec(p) ??
    /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/.exec(p);
  return m ? dateFrom(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

const PAPER = /([\u4e00-\u9fff]{2,10}?(?:日报|晚报|时报|商报|报))(?:数字报|电子版|数字版|电子报|社)?/;

function paperFrom(...candidates: (string | null | undefined)[]): string | null {
  for (const candidate of candidates) {
    for (const part of (candidate ?? '').split(/[-_|—–·:：\s]+/)) {
      const m = PAPER.exec(part);
      if (m && m[1]) return m[1];
    }
  }
  return null;
}

const clean = (text: string | null | undefined) =>
  text
    ? text
        .replace(/<[^>]+>/g, '')
        .replace(/<!\[CDATA\[|\]\]>/g, '')
        .replace(/\s+/g, ' ')
        .trim() || null
    : null;

/** Fields of Founder's <!--enpproperty <date>…</date><title>…</title>…--> comment. */
function enpProperty(html: string, field: string): string | null {
  const block = /<!--\s*enpproperty([\s\S]*?)\/enpproperty\s*-->/i.exec(html)?.[1];
  if (!block) return null;
  return clean(new RegExp(`<${field}>([\\s\\S]*?)</${field}>`, 'i').exec(block)?.[1]);
}

function metaContent(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    const el =
      document.querySelector(`meta[name="${name}" i]`) ??
      document.querySelector(`meta[property="${name}" i]`);
    const value = el?.getAttribute('content');
    if (value && value.trim()) return value.trim();
  }
  return null;
}

/** Reads an HTML page; `rel` is its path in the source, used for the date and as a last resort. */
export function readHtml(buf: Buffer, rel: string, label = rel): ReadDocument {
  const decoded = decodeHtml(buf, label);
  const html = decoded.text;
  const { document } = parseHTML(html);

  // Where the page came from: a browser's "saved from url" comment, the canonical link, og:url.
  const url =
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1] ??
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    metaContent(document, 'og:url') ??
    null;

  const founderBody =
    document.querySelector('founder-content') ??
    (() => {
      const m = /<!--\s*enpcontent\s*-->([\s\S]*?)<!--\s*\/enpcontent\s*-->/i.exec(html);
      return m ? parseHTML(`<!doctype html><html><body>${m[1]}</body></html>`).document.body : null;
    })();

  let paragraphs: string[];
  let readabilityTitle: string | null = null;
  let siteName: string | null = null;
  let published: string | null = null;
  if (founderBody) paragraphs = paragraphsOf(founderBody);
  else {
    // Readability changes the document it reads; the metadata above was taken first.
    const article = new Readability(document as unknown as Document, { charThreshold: 20 }).parse();
    readabilityTitle = clean(article?.title);
    siteName = clean(article?.siteName);
    published = article?.publishedTime ?? null;
    const body = article?.content
      ? parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body
      : null;
    paragraphs = body ? paragraphsOf(body) : [];
  }

  const fresh = parseHTML(html).document;
  const title = clean(fresh.querySelector('title')?.textContent);
  const headline =
    clean(fresh.querySelector('founder-title')?.textContent) ??
    enpProperty(html, 'founder-title') ??
    enpProperty(html, 'title') ??
    clean(fresh.querySelector('#NewsArticleTitle, .article-title, #article_title')?.textContent) ??
    readabilityTitle ??
    clean(fresh.querySelector('h1')?.textContent) ??
    title;

  const date =
    dateFrom(clean(fresh.querySelector('founder-date')?.textContent)) ??
    dateFrom(enpProperty(html, 'founder-date')) ??
    dateFrom(enpProperty(html, 'date')) ??
    dateFrom(metaContent(fresh, 'article:published_time', 'publishdate', 'PubDate', 'pubdate', 'date')) ??
    dateFrom(published) ??
    dateFromPath(url) ??
    dateFromPath(rel);

  const pageText = clean(fresh.querySelector('founder-pagenum')?.textContent);
  const written = /第\s*([A-Z]?\d{1,3})\s*版/.exec(fresh.body?.textContent ?? '');
  const page = pageText
    ? /版$/.test(pageText)
      ? pageText
      : `第${pageText}版`
    : written
      ? `第${written[1]}版`
      : null;

  const paper = paperFrom(metaContent(fresh, 'og:site_name'), siteName, title);

  // The headline opens the text as a `#` line, which the page segmentation reads as a headline.
  const body = paragraphs.filter((p) => p !== headline);
  const text =
    [headline ? `# ${headline}` : null, ...body].filter((p): p is string => !!p).join('\n\n') + '\n';
  return {
    text,
    encoding: decoded.encoding,
    replaced: decoded.replaced,
    meta: { headline, date, paper, page, url },
  };
}
