// Dates in news text: 1月12日上午8点半 → month, day, part of day; the year comes from the
// date itself (2022年4月1日), the page, or metadata, else stays unknown (--MM-DD).
import { lexicon } from './lexicon.ts';

export interface DateMention {
  start: number;
  end: number;
  year: number | null;
  month: number;
  day: number;
  partOfDay: string | null;
}

const DATE_RE = new RegExp(
  `(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})[日号](?:\\s*(${lexicon().text.partOfDay}))?(?:\\s*(\\d{1,2})(?:点|时)(半|\\d{1,2}分)?)?`,
  'g',
);

export function findDates(text: string, from: number, to: number): DateMention[] {
  const out: DateMention[] = [];
  const seg = text.slice(from, to);
  for (const m of seg.matchAll(DATE_RE)) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    // 2022年4月1日 style ranges (4月4日休刊 4月5日恢复) are still dates; 1—12月 is not matched at all
    const prev = seg[m.index - 1];
    if (prev && /\d/.test(prev)) continue;
    out.push({
      start: from + m.index,
      end: from + m.index + m[0].length,
      year: m[1] ? Number(m[1]) : null,
      month,
      day,
      partOfDay: m[4] ?? null,
    });
  }
  return out;
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
