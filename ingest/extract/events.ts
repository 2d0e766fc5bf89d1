// Events of a news item: the main event (date of the lead, kind, title, places, participants)
// and further dated visits. Participants are people present in person; people only referenced
// (传达学习…讲话精神) are left out.
import type { DateMention } from './dates.ts';
import { firstFrom, sentenceAt } from './evidence.ts';
import { lexicon } from './lexicon.ts';
import { placesOf } from './event-places.ts';
import { isReferenced, type PersonMention } from './people.ts';
import type { PlaceHit } from './places/index.ts';
import type { Span } from './segment.ts';

const { verbs: VERBS, adverbs: ADVERBS, placeWords: PLACE_WORDS, events: EVENTS } = lexicon();

export function eventKind(text: string): string {
  for (const { kind, pattern } of EVENTS.kinds) if (pattern.test(text)) return kind;
  return '活动';
}

/** The role verb after a name, past adverbs (一同参加, 首先调研). */
const ROLE_RE = new RegExp(`^(?:一行)?${ADVERBS.beforeRole}*(${VERBS.role})`);
/** A name's verb in a circumstance (…刘宁的陪同下, …等的带领下). */
const UNDER_RE = new RegExp(`^(?:同志)?(?:[\\u4e00-\\u9fff]{0,10}?)?的(${VERBS.role})下`);
/** The first role verb later in the clause (徐旭来我区走访慰问). */
const ROLE_ANY = new RegExp(`(${VERBS.later})`);
/** Verbs after a name that show presence at the event (P3). */
const PRESENCE = VERBS.presence;
/** Roles that say who led or came, not what they did: the activity verb later in the sentence wins. */
const LEAD_ROLES = VERBS.lead;
/** Activity verbs looked for later in the sentence (深入青塘镇坎田村、社岗村,调研…). */
const ACTIVITY_RE = new RegExp(`(${VERBS.activity})`);
const ATTEND_AT_END = new RegExp(`(${VERBS.attend})(?:了)?${EVENTS.afterAttend}?[。;]?$`);
const AT_EVENT_OPENER = new RegExp(`^${EVENTS.openers},`);
/** The rest of an enumeration of names before their verb (、柴志强、齐富军参加). */
const LIST_REST = new RegExp(`^[\\u4e00-\\u9fff]{2,4}?(?=[、和]|${VERBS.closesList}|等)`);
/** A movement verb after a name: the activity follows in the next clause. */
const MOVES = new RegExp(`^(?:一行)?${ADVERBS.beforeMovement}*${PLACE_WORDS.movement}`);
/** A later dated sentence that reports a visit or an attendance. */
const OPENS_BLOCK = new RegExp(`(?:${PLACE_WORDS.opensBlock}|${VERBS.opensBlock})`);

export interface EventDraft {
  title: string;
  kind: string;
  date: DateMention | null;
  lead: Span | null;
  places: PlaceHit[];
  participants: { mention: PersonMention; role: string; sentence: Span }[];
}

/** Role verb right after a mention (or after the enumeration it closes). */
function roleAfter(text: string, end: number, sentenceEnd: number, stop = sentenceEnd): string | null {
  let i = end;
  // skip the rest of an enumeration: 、柴志强、齐富军参加
  for (let k = 0; k < 40 && (text[i] === '、' || text[i] === '和'); k++) {
    const next = text.slice(i + 1, Math.min(sentenceEnd, i + 6));
    const m = LIST_REST.exec(next);
    if (!m) break;
    i += 1 + m[0].length;
  }
  if (text[i] === '等') i++;
  // 在市政协主席刘宁的陪同下: the name's verb as the circumstance of the sentence
  const under = UNDER_RE.exec(text.slice(i, Math.min(sentenceEnd, i + 16)));
  if (under && PRESENCE.has(under[1]!)) return under[1]!;
  const m = ROLE_RE.exec(text.slice(i, Math.min(sentenceEnd, i + 12)));
  if (m) return LEAD_ROLES.has(m[1]!) ? (activityLater(text, i, stop) ?? m[1]!) : m[1]!;
  // 徐旭来我区走访慰问: the first role verb later in the same clause
  const clause = /^[^,;:。!?]{0,16}/.exec(text.slice(i, sentenceEnd))![0];
  const later = ROLE_ANY.exec(clause);
  if (later && !/^(?:[^,]*?)(?:的|时|后)/.test(clause.slice(0, later.index)))
    return LEAD_ROLES.has(later[1]!) ? (activityLater(text, i, stop) ?? later[1]!) : later[1]!;
  // 李春华深入青塘镇坎田村、社岗村,调研…: a movement verb, then the activity in the next clause
  if (MOVES.test(text.slice(i, i + 8))) return activityLater(text, i, stop);
  return null;
}

/** The first activity verb in text[from, stop) that is the mention's own (not 的调研, 调研时). */
function activityLater(text: string, from: number, stop: number): string | null {
  const rest = text.slice(from, Math.min(stop, from + 40));
  const m = ACTIVITY_RE.exec(rest);
  if (!m) return null;
  const before = rest.slice(0, m.index);
  if (/[的。;:]|时$|后$/.test(before) || /^[^,]*,[^,]*,/.test(before)) return null;
  const after = rest[m.index + m[0].length] ?? '';
  return after === '的' || after === '组' || after === '员' ? null : m[1]!;
}

export interface EventParticipant {
  mention: PersonMention;
  role: string;
  sentence: Span;
}

/** A further dated activity of the item (1月12日,…到B村走访) and the sentences it covers. */
export interface FurtherBlock {
  date: DateMention;
  start: number;
  end: number;
}

/** Titles (ending a comma-separated run of titled names) that may sit between two names. */
function titledGap(gap: string, endsWithTitle: (s: string) => boolean): boolean {
  if (gap === '、' || gap === ',') return true;
  return /^[,、][\u4e00-\u9fff、]{1,30}$/.test(gap) && endsWithTitle(gap.slice(1));
}

/**
 * Participants of one event among `people`: the anchor sentence's people (role from their verb,
 * else 出席), people with an attendance verb (…参加/陪同), a presence verb after their name, or in
 * a 会上/仪式上 sentence. A comma-separated run of titled names takes the role of the verb that
 * ends it (副市长刘庆华,市应急管理局局长周涛陪同督导 → both 陪同).
 */
function collectParticipants(
  text: string,
  sents: Span[],
  anchor: Span | null,
  people: PersonMention[],
  endsWithTitle: (s: string) => boolean,
): Map<string, EventParticipant> {
  const parts = new Map<string, EventParticipant>();
  const add = (m: PersonMention, role: string, s: Span) => {
    if (!parts.has(m.name)) parts.set(m.name, { mention: m, role, sentence: s });
  };
  const sorted = [...people].sort((a, b) => a.start - b.start);
  const roles = new Map<PersonMention, string | null>();
  for (let k = sorted.length - 1; k >= 0; k--) {
    const m = sorted[k]!;
    const s = sentenceAt(sents, m.start);
    if (!s) continue;
    const next = sorted[k + 1];
    const nextInSentence = next && next.start < s.end ? next : null;
    let role = roleAfter(text, m.end, s.end, nextInSentence ? nextInSentence.start : s.end);
    if (!role && nextInSentence && titledGap(text.slice(m.end, nextInSentence.start), endsWithTitle))
      role = roles.get(nextInSentence) ?? null;
    roles.set(m, role);
  }
  for (const m of sorted) {
    const s = sentenceAt(sents, m.start);
    if (!s || isReferenced(text, m)) continue;
    const sentence = text.slice(s.start, s.end);
    const role = roles.get(m) ?? null;
    const attendVerb = ATTEND_AT_END.exec(sentence);
    if (anchor && s === anchor) add(m, role ?? '出席', s);
    else if (attendVerb) add(m, role ?? attendVerb[1]!, s);
    else if (role && PRESENCE.has(role)) add(m, role, s);
    else if (AT_EVENT_OPENER.test(sentence)) add(m, role ?? '出席', s);
  }
  return parts;
}

const NOT_EVENT_DATE = /^(?:[\u4e00-\u9fff]{0,4})?(?:以来|至今|起|前|以前|之前|截止|为止|至|到|—|-|~)/;

/**
 * Later dated activities of an item: a sentence that opens with a day date other than the main
 * one (1月12日,… / 随后1月12日上午,…) and reports someone's visit or activity. Each block runs to
 * the next such sentence or the end of the item.
 */
export function furtherBlocks(
  text: string,
  sents: Span[],
  dates: DateMention[],
  main: DateMention | null,
  lead: Span | null,
  people: PersonMention[],
  itemEnd: number,
): FurtherBlock[] {
  // one literal for every return, filled by a loop (not map()): every item's list has one hidden class
  const blocks: FurtherBlock[] = [];
  if (!main || !lead) return blocks;
  const starts: { date: DateMention; sentence: Span }[] = [];
  const startSentences = new Set<Span>();
  // pushed into a literal, not made by map(): one hidden class for every item's list
  const mentionStarts: number[] = [];
  for (const m of people) mentionStarts.push(m.start);
  mentionStarts.sort((a, b) => a - b);
  /** Whether a person is mentioned in [from, to): binary search over the sorted mention starts. */
  const mentionedIn = (from: number, to: number) => {
    let lo = 0;
    let hi = mentionStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentionStarts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < mentionStarts.length && mentionStarts[lo]! < to;
  };
  const seenDays = new Set([`${main.month}-${main.day}`]);
  for (const d of dates) {
    if (d.start < lead.end || !d.month) continue;
    if (d.year !== null && main.year !== null && d.year !== main.year) continue;
    const s = sentenceAt(sents, d.start);
    if (!s || d.start - s.start > 4 || startSentences.has(s)) continue;
    if (NOT_EVENT_DATE.test(text.slice(d.end, d.end + 6))) continue;
    const day = `${d.month}-${d.day}`;
    if (seenDays.has(day)) continue;
    const sentence = text.slice(d.end, s.end);
    const someone = mentionedIn(d.end, s.end) || /^[,\s]*(?:他|她|其|我们)/.test(sentence);
    if (!someone || (!ACTIVITY_RE.test(sentence) && !OPENS_BLOCK.test(sentence))) continue;
    seenDays.add(day);
    starts.push({ date: d, sentence: s });
    startSentences.add(s);
  }
  for (let k = 0; k < starts.length; k++) {
    const x = starts[k]!;
    blocks.push({ date: x.date, start: x.sentence.start, end: starts[k + 1]?.sentence.start ?? itemEnd });
  }
  return blocks;
}

/** A quote right after a name (王芳介绍, 李明笑着说). */
const SAID = new RegExp(`^(?:[\\u4e00-\\u9fff]{0,3}?)(${VERBS.said})`);

export function buildMainEvent(
  text: string,
  headline: string,
  sents: Span[],
  leadParas: Span[],
  dates: DateMention[],
  people: PersonMention[],
  places: PlaceHit[],
  endsWithTitle: (s: string) => boolean = () => false,
  scope?: Span,
): EventDraft {
  const leadLimit = leadParas[leadParas.length - 1]?.end ?? 0;
  const date = dates.find((d) => d.start < leadLimit) ?? null;
  const lead = (date ? sentenceAt(sents, date.start) : sents[0]) ?? null;
  const kind = eventKind(headline + (lead ? text.slice(lead.start, lead.end) : ''));
  const parts = collectParticipants(text, sents, lead, people, endsWithTitle);
  // an on-the-spot story that names nobody in its lead: the people quoted were there
  if (date && !parts.size) {
    for (const m of people) {
      const s = sentenceAt(sents, m.start);
      if (!s || isReferenced(text, m)) continue;
      const after = text.slice(m.end, m.end + 6);
      const said = SAID.exec(after);
      if (said && !parts.has(m.name))
        parts.set(m.name, { mention: m, role: after.startsWith('点赞') ? '点赞' : said[1]!, sentence: s });
    }
  }
  return {
    title: headline || (lead ? text.slice(lead.start, lead.end).slice(0, 60) : ''),
    kind,
    date,
    lead,
    places: placesOf(text, places, sents, lead, parts, people, scope),
    participants: [...parts.values()],
  };
}

/** The event of a further dated block: its opening sentence is the anchor. */
export function buildFurtherEvent(
  text: string,
  sents: Span[],
  block: FurtherBlock,
  people: PersonMention[],
  places: PlaceHit[],
  fallback: PersonMention | null,
  endsWithTitle: (s: string) => boolean = () => false,
): EventDraft {
  const anchor = sentenceAt(sents, block.date.start);
  // people are sorted by start: the block's own are one run
  const inBlock: PersonMention[] = [];
  for (let k = firstFrom(people, block.start); k < people.length && people[k]!.start < block.end; k++)
    inBlock.push(people[k]!);
  const parts = collectParticipants(text, sents, anchor, inBlock, endsWithTitle);
  // 1月12日,他又到B村走访: the pronoun stands for the item's main person
  if (!parts.size && fallback && anchor) {
    const sentence = text.slice(block.date.end, anchor.end);
    const verb = ACTIVITY_RE.exec(sentence);
    parts.set(fallback.name, { mention: fallback, role: verb ? verb[1]! : '出席', sentence: anchor });
  }
  const anchorText = anchor ? text.slice(anchor.start, anchor.end) : '';
  return {
    title: anchorText
      .slice(block.date.end - (anchor?.start ?? 0))
      .replace(/^[\s,]+/, '')
      .slice(0, 60),
    kind: eventKind(anchorText),
    date: block.date,
    lead: anchor,
    places: placesOf(text, places, sents, anchor, parts, inBlock, block),
    participants: [...parts.values()],
  };
}
