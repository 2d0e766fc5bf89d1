// Events of a news item: the main event (date of the lead, kind, title, places, participants)
// and further dated visits. Participants are people present in person; people only referenced
// (传达学习…讲话精神) are left out.
import type { DateMention } from './dates.ts';
import { sentenceAt } from './evidence.ts';
import { isReferenced, type PersonMention } from './people.ts';
import type { PlaceHit } from './places.ts';
import type { Span } from './segment.ts';

const KINDS: [RegExp, string][] = [
  [/走访慰问|看望慰问|慰问/, '走访慰问'],
  [/座谈/, '座谈会'],
  [/视察/, '视察'],
  [/调研/, '调研'],
  [/考察/, '考察'],
  [/督导|督查|检查/, '检查'],
  [/仪式|揭牌|开工|启用|签约|奠基|成立|启动/, '仪式'],
  [/会议|常委会|大会|交办会|推进会|部署会|培训会|报告会|协商|论坛|会$/, '会议'],
  [/考核|验收|评估/, '考核验收'],
  [/宣讲|培训|讲座/, '宣讲'],
];

export function eventKind(text: string): string {
  for (const [re, kind] of KINDS) if (re.test(text)) return kind;
  return '活动';
}

/** Verbs that give a participant's role, longest first. */
const ROLE_VERBS = [
  '走访慰问',
  '看望慰问',
  '主持',
  '参加',
  '出席',
  '讲话',
  '强调',
  '指出',
  '调研',
  '视察',
  '陪同',
  '考察',
  '察看',
  '看望',
  '慰问',
  '走访',
  '检查',
  '督导',
  '致辞',
  '宣布',
  '发布',
  '发言',
  '参观',
  '听取',
  '表示',
  '介绍',
  '点赞',
  '核对',
  '说',
  '一行',
];
const ROLE_RE = new RegExp(
  `^(?:一行)?(?:还|也|首先|随后|先后|一同|共同|分别|实地|专程|亲切|仔细|详细|深入)*(${ROLE_VERBS.join('|')})`,
);
const ROLE_ANY = new RegExp(`(${ROLE_VERBS.filter((v) => v !== '说' && v !== '一行').join('|')})`);
/** Verbs after a name that show presence at the event (P3). */
const PRESENCE = new Set([
  '主持',
  '参加',
  '出席',
  '讲话',
  '强调',
  '指出',
  '调研',
  '视察',
  '陪同',
  '考察',
  '察看',
  '看望',
  '慰问',
  '走访',
  '走访慰问',
  '看望慰问',
  '检查',
  '督导',
  '致辞',
  '宣布',
  '发布',
  '参观',
  '听取',
  '一行',
]);
const ATTEND_AT_END = /(参加|出席|陪同|主持)(?:了)?(?:会议|活动|仪式|会|调研|视察|座谈)?[。;]?$/;
const AT_EVENT_OPENER = /^(会上|仪式上|座谈会上|会议上|活动上|活动中|现场|启动仪式上|发布会上|签约仪式上),/;
const PLACE_MARKERS = [
  '来到',
  '前往',
  '走进',
  '开进',
  '进入',
  '深入',
  '莅临',
  '视察',
  '调研',
  '考察',
  '察看',
  '走访',
  '参观',
  '在',
  '到',
  '赴',
  '至',
  '于',
  '进',
  '来',
];

export interface EventDraft {
  title: string;
  kind: string;
  date: DateMention | null;
  lead: Span | null;
  places: PlaceHit[];
  participants: { mention: PersonMention; role: string; sentence: Span }[];
}

/** Role verb right after a mention (or after the enumeration it closes). */
function roleAfter(text: string, end: number, sentenceEnd: number): string | null {
  let i = end;
  // skip the rest of an enumeration: 、柴志强、齐富军参加
  for (let k = 0; k < 6 && (text[i] === '、' || text[i] === '和'); k++) {
    const next = text.slice(i + 1, Math.min(sentenceEnd, i + 6));
    const m = /^[\u4e00-\u9fff]{2,4}?(?=[、和]|参加|出席|陪同|等)/.exec(next);
    if (!m) break;
    i += 1 + m[0].length;
  }
  if (text[i] === '等') i++;
  const m = ROLE_RE.exec(text.slice(i, Math.min(sentenceEnd, i + 12)));
  if (m) return m[1]!;
  // 徐旭来我区走访慰问: the first role verb later in the same clause
  const clause = /^[^,;:。!?]{0,16}/.exec(text.slice(i, sentenceEnd))![0];
  const later = ROLE_ANY.exec(clause);
  return later && !/^(?:[^,]*?)(?:的|时|后)/.test(clause.slice(0, later.index)) ? later[1]! : null;
}

function markedPlace(text: string, h: PlaceHit, prev: PlaceHit | null, prevMarked: boolean): boolean {
  if (prev && prevMarked && (prev.end === h.start || /^[、和及与]$/.test(text.slice(prev.end, h.start))))
    return true;
  let before = text.slice(Math.max(0, h.start - 4), h.start);
  before = before.replace(/了$/, '');
  return PLACE_MARKERS.some((m) => before.endsWith(m));
}

function eventPlaces(text: string, hits: PlaceHit[], sentence: Span, out: PlaceHit[]): void {
  let prev: PlaceHit | null = null;
  let prevMarked = false;
  for (const h of hits) {
    if (h.start < sentence.start || h.end > sentence.end) continue;
    const marked = markedPlace(text, h, prev, prevMarked);
    if (marked && !out.includes(h)) out.push(h);
    prev = h;
    prevMarked = marked;
  }
}

export function buildMainEvent(
  text: string,
  headline: string,
  sents: Span[],
  leadParas: Span[],
  dates: DateMention[],
  people: PersonMention[],
  places: PlaceHit[],
): EventDraft {
  const leadLimit = leadParas[leadParas.length - 1]?.end ?? 0;
  const date = dates.find((d) => d.start < leadLimit) ?? null;
  const lead = (date ? sentenceAt(sents, date.start) : sents[0]) ?? null;
  const kind = eventKind(headline + (lead ? text.slice(lead.start, lead.end) : ''));
  const parts = new Map<string, { mention: PersonMention; role: string; sentence: Span }>();
  const add = (m: PersonMention, role: string, s: Span) => {
    if (!parts.has(m.name)) parts.set(m.name, { mention: m, role, sentence: s });
  };
  for (const m of people) {
    const s = sentenceAt(sents, m.start);
    if (!s || isReferenced(text, m)) continue;
    const sentence = text.slice(s.start, s.end);
    const role = roleAfter(text, m.end, s.end);
    const attendVerb = ATTEND_AT_END.exec(sentence);
    if (lead && s === lead) add(m, role ?? '出席', s);
    else if (attendVerb) add(m, role ?? attendVerb[1]!, s);
    else if (role && PRESENCE.has(role)) add(m, role, s);
    else if (AT_EVENT_OPENER.test(sentence)) add(m, role ?? '出席', s);
  }
  // an on-the-spot story that names nobody in its lead: the people quoted were there
  if (date && !parts.size) {
    for (const m of people) {
      const s = sentenceAt(sents, m.start);
      if (!s || isReferenced(text, m)) continue;
      const after = text.slice(m.end, m.end + 6);
      const said = /^(?:[\u4e00-\u9fff]{0,3}?)(说|表示|道|介绍)/.exec(after);
      if (said) add(m, after.startsWith('点赞') ? '点赞' : said[1]!, s);
    }
  }
  const evPlaces: PlaceHit[] = [];
  if (lead) eventPlaces(text, places, lead, evPlaces);
  const partSentences = new Set<Span>();
  for (const m of people) {
    if (!parts.has(m.name)) continue;
    const s = sentenceAt(sents, m.start);
    if (s) partSentences.add(s);
  }
  for (const s of partSentences) eventPlaces(text, places, s, evPlaces);
  return {
    title: headline || (lead ? text.slice(lead.start, lead.end).slice(0, 60) : ''),
    kind,
    date,
    lead,
    places: evPlaces,
    participants: [...parts.values()],
  };
}
