// Splits a newspaper page into news items: headline runs, 本报讯 openers, bylines; drops page
// furniture (masthead, page numbers, dates, lunar dates) and collects reporters from bylines.
import { lexicon } from './lexicon.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Segment {
  headline: string;
  /** Span of the whole item (headline included), in normalised-text offsets. */
  start: number;
  end: number;
  /** Body paragraphs, in normalised-text offsets. */
  paragraphs: Span[];
  reporters: string[];
  /** Byline spans: never read as people of the story. */
  bylines: Span[];
}

export interface PageLayout {
  segments: Segment[];
  /** Paper name from the masthead (永康日报), if any. */
  paper: string | null;
  /** Masthead publication date text (2022年4月), if any. */
  mastheadDate: string | null;
}

const SURNAMES = lexicon().surnames;
const PAGE = lexicon().page;

const FURNITURE: RegExp[] = [
  /^[\d\s~\-—–.·:/|()]+$/,
  /^星期[一二三四五六日天]$/,
  /^[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年[\u4e00-\u9fff\s]{0,10}$/,
  /^(中共)?[\u4e00-\u9fff]{2,12}主办$/,
  /客户端$/,
  new RegExp(`^${PAGE.furnitureLabel}`),
  /^第?[\d一二三四五六七八九十]+版$/,
  /^[(（]?下转[\d一二三四五六七八九十]+版[)）]?$/,
];
const MASTHEAD_DATE = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:\s*星期[一二三四五六日天])?$/;
const MASTHEAD_PAPER = new RegExp(`^([\\u4e00-\\u9fff]{2,10}${PAGE.paperEnding})$`);
const BYLINE_ROLE = new RegExp(`^${PAGE.bylineLine}`);
/** The unit, grade and role before a byline's names (融媒记者, 本报通讯员). */
const BYLINE_PREFIX = new RegExp(`^${PAGE.bylineNames}`);
/** A byline in parentheses inside a paragraph: (记者 张三 通讯员 李四). */
const BYLINE_PARENS = new RegExp(`[(（](${PAGE.bylineParens}[^()（）]{2,40})[)）]`, 'g');
/** A byline at the end of a paragraph: …。记者 张三 摄. */
const BYLINE_TAIL = new RegExp(
  `(?:^|[\\s。!?”])(${PAGE.bylineTail}(?:\\s*[\\u4e00-\\u9fff]{2,4}){1,4}(?:\\s*摄)?)\\s*$`,
);
const OPENER = /^(?:本报讯|本报[\u4e00-\u9fff]{0,4}电|新华社[\u4e00-\u9fff]{0,6}电)/;
const END_PUNCT = /[。!?！？”"…)）]$/;
const DATE_LEAD = new RegExp(
  `^\\d{1,2}月\\s*\\d{1,2}[日号](?:至\\d{1,2}日)?(?:${lexicon().text.partOfDay})?[,，]`,
);

/** Names in a byline fragment such as "通讯员 舒畅 胡光辉 融媒记者 应柳依" or "记者姚雪". */
export function bylineNames(fragment: string): string[] {
  const names: string[] = [];
  for (let tok of fragment.split(/[\s、,，/]+/)) {
    tok = tok.replace(BYLINE_PREFIX, '');
    tok = tok.replace(/摄$/, '');
    if (tok.length >= 2 && tok.length <= 4 && /^[\u4e00-\u9fff·]+$/.test(tok) && SURNAMES.lengthAt(tok) > 0)
      names.push(tok);
    // transliterated names with a middle dot (阿依古丽·吐尔逊) have no Han surname
    else if (/^[\u4e00-\u9fff]{1,7}(?:[·•・][\u4e00-\u9fff]{1,7}){1,3}$/.test(tok))
      names.push(tok.replace(/[•・]/g, '·'));
  }
  return names;
}

interface Para extends Span {
  text: string;
}

function paragraphs(text: string): Para[] {
  const out: Para[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    pos = nl + 1;
  }
  return out;
}

type Kind = 'furniture' | 'byline' | 'headline' | 'body';

function classify(p: Para): Kind {
  const t = p.text.replace(/^#+\s*/, '');
  if (FURNITURE.some((r) => r.test(t)) || MASTHEAD_DATE.test(t) || MASTHEAD_PAPER.test(t)) return 'furniture';
  if (
    t.length <= 40 &&
    (BYLINE_ROLE.test(t) || /^[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*\s*摄$/.test(t))
  ) {
    if (/^(?:本报)?(?:特约)?评论员$/.test(t) || bylineNames(t).length) return 'byline';
  }
  if (p.text.startsWith('#') && t.length <= 100) return 'headline';
  if (OPENER.test(t)) return 'body';
  // 4月28日下午,县人大会议举行…: a line that opens with the day and goes on is the story's lead
  if (DATE_LEAD.test(t)) return 'body';
  // headlines: short, no full stop; a closing quote may end one (选优培强小区“领头雁”) unless it reads as speech
  if (
    t.length <= 60 &&
    !t.includes('。') &&
    (!END_PUNCT.test(t) || (/[”"]$/.test(t) && !/[,，:：]/.test(t)))
  ) {
    return 'headline';
  }
  return 'body';
}

/**
 * A byline span of paragraph p (offsets s, e in it) and the reporters its fragment names; a module
 * function, not a closure per paragraph (under tsx each named closure costs a defineProperty call).
 */
function addByline(
  spans: Span[],
  p: Para,
  s: number,
  e: number,
  fragment: string,
  addReporter: (name: string) => void,
): void {
  spans.push({ start: p.start + s, end: p.start + e });
  for (const n of bylineNames(fragment)) addReporter(n);
}

/** Byline spans inside a body paragraph: 本报讯(...), (XX XX 摄), a trailing "融媒记者 XX". */
function bodyBylines(text: string, p: Para, spans: Span[], addReporter: (name: string) => void): void {
  const seg = text.slice(p.start, p.end);
  const opener = /^(?:本报讯|本报[\u4e00-\u9fff]{0,4}电)\s*[(（]([^()（）]{1,80})[)）]/.exec(seg);
  if (opener) addByline(spans, p, 0, opener[0].length, opener[1]!, addReporter);
  for (const m of seg.matchAll(/[(（]((?:[\u4e00-\u9fff]{2,4}\s*){1,4})摄[)）]/g))
    addByline(spans, p, m.index, m.index + m[0].length, m[1]!, addReporter);
  for (const m of seg.matchAll(BYLINE_PARENS)) {
    if (!opener || m.index > 0) addByline(spans, p, m.index, m.index + m[0].length, m[1]!, addReporter);
  }
  const tail = BYLINE_TAIL.exec(seg);
  if (tail)
    addByline(
      spans,
      p,
      seg.length - tail[0].length + (tail[0].length - tail[1]!.length),
      seg.length,
      tail[1]!,
      addReporter,
    );
}

export function segmentPage(text: string): PageLayout {
  const paras = paragraphs(text);
  // each item's reporters once, in order of appearance; a set, so a page of many bylines stays linear
  const reporterSets = new Map<Segment, Set<string>>();
  const addReporter = (seg: Segment, name: string) => {
    let set = reporterSets.get(seg);
    if (!set) reporterSets.set(seg, (set = new Set()));
    if (set.has(name)) return;
    set.add(name);
    seg.reporters.push(name);
  };
  const segments: Segment[] = [];
  let paper: string | null = null;
  let mastheadDate: string | null = null;
  let head: Para[] = [];
  let cur: Segment | null = null;

  const close = () => {
    if (cur && cur.paragraphs.length) segments.push(cur);
    cur = null;
  };
  const open = (heads: Para[], first: Para) => {
    close();
    // a loop, not map(): map() of an empty list makes an array of another hidden class, and V8
    // threw this function's optimised code away at the first item without a headline
    let joined = '';
    for (let k = 0; k < heads.length; k++)
      joined += (k ? ' ' : '') + heads[k]!.text.replace(/^#+\s*/, '').trim();
    const headline = joined.replace(/\s+/g, ' ');
    cur = {
      headline,
      start: (heads[0] ?? first).start,
      end: first.end,
      paragraphs: [],
      reporters: [],
      bylines: [],
    };
  };

  for (const p of paras) {
    const kind = classify(p);
    const bare = p.text.replace(/^#+\s*/, '');
    if (kind === 'furniture') {
      if (!paper && MASTHEAD_PAPER.test(bare)) paper = bare;
      if (!mastheadDate && MASTHEAD_DATE.test(bare)) mastheadDate = bare;
      continue;
    }
    if (kind === 'byline') {
      const target: Segment | null = cur ?? segments[segments.length - 1] ?? null;
      if (target) {
        target.bylines.push({ start: p.start, end: p.end });
        for (const n of bylineNames(bare)) addReporter(target, n);
        target.end = Math.max(target.end, p.end);
      }
      continue;
    }
    if (kind === 'headline') {
      const c = cur as Segment | null;
      if (c && c.paragraphs.length) close();
      head.push(p);
      continue;
    }
    // body
    const c = cur as Segment | null;
    if (head.length || !c || (OPENER.test(bare) && c.paragraphs.length)) {
      open(head, p);
      head = [];
    }
    const s = cur as unknown as Segment;
    s.paragraphs.push({ start: p.start, end: p.end });
    s.end = p.end;
    bodyBylines(text, p, s.bylines, (n) => addReporter(s, n));
  }
  // a trailing headline-like run without body (a signature such as 永康市融媒体中心) joins the last item
  const last = (cur as Segment | null) ?? null;
  close();
  const tailTarget = segments[segments.length - 1];
  if (head.length && tailTarget && (!last || last === tailTarget))
    tailTarget.end = head[head.length - 1]!.end;
  return { segments, paper, mastheadDate };
}
