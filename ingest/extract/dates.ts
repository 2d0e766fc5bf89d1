// Dates in news text: 1月12日上午8点半 → month, day, part of day; the year comes from the
// date itself (2022年4月1日), the page, or metadata, else stays unknown (--MM-DD).
import { lexicon } from './lexicon.ts';

/**
 * What a written date is: the event's day, a dateline (7月24日讯, 4月16日电, 3月16日连云港讯: the day
 * the story was filed), a day announced for later (将于3月25日), or the page's calendar line
 * (北京时间2022年8月7日(农历…)). Only `event` dates are days of the events reported.
 */
export type DateRole = 'event' | 'dateline' | 'future' | 'calendar';

export interface DateMention {
  start: number;
  end: number;
  year: number | null;
  /** 0 when the day is known but its month is not (昨天 without a reference, a bare 13日). */
  month: number;
  day: number;
  partOfDay: string | null;
  role: DateRole;
}

export interface DayRef {
  year: number | null;
  month: number;
  day: number;
}

const TEXT = lexicon().text;
const PART = TEXT.partOfDay;

// a range gives its first day: 3月8、9日, 5月10日至12日 (7月31日至8月1日 reads 7月31日 first)
const DATE_RE = new RegExp(
  `(?:(\\d{4})年)?(\\d{1,2})月\\s*(\\d{1,2})(?:\\s*[、,和]\\s*\\d{1,2})?\\s*[日号](?:\\s*(${PART}))?(?:\\s*(\\d{1,2})(?:点|时)(半|\\d{1,2}分)?)?`,
  'g',
);
/** A day given relatively (昨天, 昨日(22日)), or a bare day (23日) whose month is the dateline's. */
const DAY_RE = new RegExp(
  `(${[...TEXT.relativeDays.keys()].join('|')})(?:\\s*[(（][^)）]{0,12}[)）])?\\s*(${PART})?` +
    `|(?<![\\d月年号日])(\\d{1,2})[日号](?=\\s*(?:${PART}|,|至|、|在|[\\u4e00-\\u9fff]{0,12}?(?:召开|举行|举办|开展|结束|闭幕|开幕|来到|深入|前往|调研|视察|考察|走访|慰问|到)))`,
  'g',
);
/** After the date: the story's dateline (…讯, …电, with the filing place between). */
const DATELINE_AFTER = /^(?:[\u4e00-\u9fff]{0,6})(?:讯|电)/;
const FUTURE_BEFORE = new RegExp(`${TEXT.futureBefore}\\s*$`);
const CALENDAR_BEFORE = new RegExp(`${TEXT.calendarBefore}\\s*$`);
const CALENDAR_AFTER = /^\s*[(（]农历/;

function roleOf(seg: string, start: number, end: number): DateRole {
  const after = seg.slice(end, end + 8);
  const before = seg.slice(Math.max(0, start - 6), start);
  if (DATELINE_AFTER.test(after)) return 'dateline';
  if (FUTURE_BEFORE.test(before)) return 'future';
  if (CALENDAR_BEFORE.test(before) || CALENDAR_AFTER.test(after)) return 'calendar';
  return 'event';
}

/**
 * Dates of text[from, to), in text order, each with its role; day words (昨天, a bare 23日) count
 * from the item's dateline, else from `published` (metadata, masthead, calendar line), else keep
 * month 0 (known to be a day of its own, not which).
 */
export function findDates(
  text: string,
  from: number,
  to: number,
  published: DayRef | null = null,
): DateMention[] {
  const out: DateMention[] = [];
  const seg = text.slice(from, to);
  let dateline: DateMention | null = null;
  let calendar: DateMention | null = null;
  for (const m of seg.matchAll(DATE_RE)) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    // 2022年4月1日 style ranges (4月4日休刊 4月5日恢复) are still dates; 1—12月 is not matched at all
    const prev = seg[m.index - 1];
    if (prev && /\d/.test(prev)) continue;
    const d: DateMention = {
      start: from + m.index,
      end: from + m.index + m[0].length,
      year: m[1] ? Number(m[1]) : null,
      month,
      day,
      partOfDay: m[4] ?? null,
      role: roleOf(seg, m.index, m.index + m[0].length),
    };
    if (d.role === 'dateline') dateline ??= d;
    if (d.role === 'calendar') calendar ??= d;
    out.push(d);
  }
  const ref = dateline ?? published ?? calendar;
  let k = 0;
  for (const m of seg.matchAll(DAY_RE)) {
    const start = from + m.index;
    while (k < out.length && out[k]!.end <= start) k++;
    if (k < out.length && out[k]!.start <= start) continue; // inside a full date
    let day: DayRef | null;
    if (m[1]) {
      // 今天(7月27日): the date in brackets is the day
      if (/^[(（]\s*(?:\d{4}年)?\d{1,2}月/.test(seg.slice(m.index + m[1].length).trimStart())) continue;
      day = ref ? shiftDay(ref, TEXT.relativeDays.get(m[1])!) : null;
    } else {
      const n = Number(m[3]);
      if (n < 1 || n > 31) continue;
      // 7月24日讯…23日: the dateline's month; a day after the dateline's is another month's
      day = dateline
        ? n <= dateline.day + 1
          ? { year: dateline.year, month: dateline.month, day: n }
          : null
        : null;
    }
    out.push({
      start,
      end: start + m[0].length,
      year: day?.year ?? null,
      month: day?.month ?? 0,
      day: day?.day ?? 0,
      partOfDay: m[2] ?? null,
      role: 'event',
    });
  }
  // a calendar line (北京时间2022年8月7日) gives the year of the days written without one
  if (calendar?.year)
    for (const d of out) if (d.role === 'event' && d.year === null && d.month) d.year = calendar.year;
  return out.sort((a, b) => a.start - b.start);
}

/** The day `n` days from `ref` (negative: back); an unknown year is taken as a leap year. */
function shiftDay(ref: DayRef, n: number): DayRef {
  const t = new Date(Date.UTC(ref.year ?? 2000, ref.month - 1, ref.day + n));
  return { year: ref.year ? t.getUTCFullYear() : null, month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** YYYY-MM-DD, or --MM-DD when the year is unknown. */
export function formatDate(year: number | null, month: number, day: number): string {
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return year ? `${year}-${mm}-${dd}` : `--${mm}-${dd}`;
}

/**
 * The page's year from text: a masthead date (2022年4月), or statements about the current year
 * (2022年是…, 截至2022年10月底, 2022年上半年, 2022年全市…). Past years in passing (2018年以来) are ignored.
 */
export function yearFromText(text: string, masthead: string | null): number | null {
  const mh = masthead ? /(\d{4})年/.exec(masthead) : null;
  if (mh) return Number(mh[1]);
  const votes = new Map<number, number>();
  const re = /(?:截至|截止)?(20\d{2})年(是|上半年|下半年|全(?:市|县|区|镇|省)|\d{1,2}月底|前三季度|以来)?/g;
  for (const m of text.matchAll(re)) {
    const strong = (m[0].startsWith('截') || (m[2] && m[2] !== '以来')) as boolean;
    if (!strong) continue;
    const y = Number(m[1]);
    votes.set(y, (votes.get(y) ?? 0) + 1);
  }
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : null;
}
