// Where an event happened: the places a sentence of the event marks as visited (来到X镇, 在X村,
// 调研X县), every stop of a list (先后来到A村、B公司、C镇), in the lead, in sentences naming a
// participant, and in the sentences that carry the visit on without naming anyone (调研组一行…,
// 在X镇Y村,…, 随后前往…); the home county as the destination (来我县, 来丽考察). Places inside a
// circumstance (在…陪同下, 在X举办的…) or an announcement (将于…在X开幕) are no venue.
import { lexicon } from './lexicon.ts';
import type { EventParticipant } from './events.ts';
import type { PersonMention } from './people.ts';
import type { HomeDestination, PlaceHit } from './places/index.ts';
import { firstFrom, sentenceAt } from './evidence.ts';
import type { Span } from './segment.ts';

const { verbs: VERBS, adverbs: ADVERBS, placeWords: PLACE_WORDS, stops: STOPS } = lexicon();

const PLACE_MARKERS = PLACE_WORDS.visit;
const HOSTS = new RegExp(`^${VERBS.hosts}`);
const PRONOUN_SUBJECT = new RegExp(
  `^${ADVERBS.opensPronoun}?[,]?(?:他|她)(?:们)?(?:一行)?${ADVERBS.afterPronoun}*${PLACE_WORDS.afterPronoun}`,
);
/** A visit verb that is a verb here, not part of a noun (考察团, 调研组, 检查员, 调研的). */
const NOT_NOUN = '(?![团组员的])';
/** A list opener at the end of a clause's text before a place, with its position. */
const LIST_OPENER = new RegExp(
  `(?:${PLACE_WORDS.opensStops.map((w) => `${w}(?:了|${NOT_NOUN})`).join('|')})`,
  'g',
);
/** A place right before the visit verb (黄川镇桃李村参观调研, 对泌阳县进行考察调研). */
const VISIT_AFTER = new RegExp(`^(?:进行了?|开展了?)?(?:实地)?${VERBS.activity}${NOT_NOUN}`);
/** Openings of a sentence that carries the visit on: a group or pronoun subject, 在…, a movement verb. */
const STOP_SUBJECT = new RegExp(
  `^(?:${STOPS.openers}[,]?)*(?:[\\u4e00-\\u9fff]{0,10}?${STOPS.groups}|(?:他|她)们?|在|(?:${ADVERBS.beforeMovement})*${PLACE_WORDS.movement})`,
);
/** Words that end a list of stops inside a clause: the clause goes on to what was done there. */
const LIST_BREAK = new RegExp(`[,;。:!?]|${STOPS.listBreaks}`);
/** 在…的陪同下, 在县委县政府的领导下, 在长治武乡举办的…: circumstances, no venue of this event. */
const CIRCUMSTANCE = new RegExp(
  `在[^。;!?]{1,150}?${STOPS.circumstanceEnds}|在[^。;!?,]{1,30}?${VERBS.hosts}的`,
  'g',
);
/** A clause about a day to come (将于…在乌鲁木齐市开幕) is not this event's. */
const FUTURE_BEFORE = new RegExp(`${lexicon().text.futureBefore}[^,;。]*$`);
/** The home as a destination: 来我县, or a one-character abbreviation before a visit verb (来丽考察). */
const HOME_DESTINATION = new RegExp(
  `(?:来|到|莅临|深入|走进|赴)(?:我(县|市|区|旗)(?!的)|([\\u4e00-\\u9fff])(?=(?:开展|进行)?${VERBS.activity}))`,
  'g',
);

function markedPlace(text: string, h: PlaceHit, prev: PlaceHit | null, prevMarked: boolean): boolean {
  if (prev && prevMarked && (prev.end === h.start || /^[、和及与]$/.test(text.slice(prev.end, h.start))))
    return true;
  let before = text.slice(Math.max(0, h.start - 4), h.start);
  before = before.replace(/了$/, '');
  if (!PLACE_MARKERS.some((m) => before.endsWith(m))) return false;
  return !FUTURE_BEFORE.test(text.slice(Math.max(0, h.start - 12), h.start));
}

/**
 * A place later in a list of stops: after a list opener or a stop of the same clause, with only
 * list items between (参观了规划展览馆、人民公园、莲花社区; ,以及新坝镇… carries the list on).
 */
function inStopList(text: string, sentence: Span, h: PlaceHit, lastStopEnd: number): boolean {
  let from = clauseStart(text, sentence.start, h.start);
  while (from > sentence.start && /^(?:以及|及|和|还有)/.test(text.slice(from, from + 2)))
    from = clauseStart(text, sentence.start, from - 1);
  const clause = text.slice(from, h.start);
  let open = -1;
  for (const m of clause.matchAll(LIST_OPENER)) {
    const end = from + m.index + m[0].length;
    if (!PLACE_WORDS.notMarkers.some((n) => text.startsWith(n, end - n.length) && n.length > m[0].length))
      open = end;
  }
  const start = Math.max(open, lastStopEnd >= from ? lastStopEnd : -1);
  if (start < 0) return false;
  return !LIST_BREAK.test(text.slice(start, h.start).replace(/,(?=以及|及|和|还有)/g, '、'));
}

/** Start of the clause around `at`, at most 200 characters back (a page with no commas stays linear). */
function clauseStart(text: string, floor: number, at: number): number {
  let i = at;
  const stop = Math.max(floor, at - 200);
  while (i > stop && !/[,;。:!?]/.test(text[i - 1]!)) i--;
  return i;
}

function visitedPlace(text: string, h: PlaceHit, prev: PlaceHit | null): boolean {
  if (!VISIT_AFTER.test(text.slice(h.end, h.end + 8))) return false;
  if (prev && prev.end === h.start) return true;
  const before = text[h.start - 1] ?? '';
  return /[对到来赴在、和及—]/.test(before) || !/[\u4e00-\u9fff]/.test(before);
}

function circumstanceSpans(text: string, sentence: Span): Span[] {
  const out: Span[] = [];
  const s = text.slice(sentence.start, sentence.end);
  if (!s.includes('在')) return out;
  for (const m of s.matchAll(CIRCUMSTANCE))
    out.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  return out;
}

function eventPlaces(
  text: string,
  hits: PlaceHit[],
  sentence: Span,
  out: PlaceHit[],
  taken: Set<PlaceHit>,
): void {
  let prev: PlaceHit | null = null;
  let prevMarked = false;
  let lastStopEnd = -1;
  const circumstances = circumstanceSpans(text, sentence);
  // Only the hits inside the sentence: a binary search, not a scan, so long pages stay linear.
  for (let k = firstFrom(hits, sentence.start); k < hits.length; k++) {
    const h = hits[k]!;
    if (h.start >= sentence.end) break;
    if (h.end > sentence.end) continue;
    const marked: boolean =
      !circumstances.some((c) => h.start >= c.start && h.end <= c.end) &&
      (markedPlace(text, h, prev, prevMarked) ||
        inStopList(text, sentence, h, lastStopEnd) ||
        visitedPlace(text, h, prev));
    if (marked && !taken.has(h)) {
      taken.add(h);
      out.push(h);
    }
    if (marked) lastStopEnd = h.end;
    prev = h;
    prevMarked = marked;
  }
}

/**
 * Places marked as visited in the anchor sentence, in sentences naming a participant (and the
 * pronoun sentence after one), and in the sentences of `scope` that carry the visit on.
 */
export function placesOf(
  text: string,
  places: PlaceHit[],
  sents: Span[],
  anchor: Span | null,
  parts: Map<string, EventParticipant>,
  people: PersonMention[],
  scope?: Span,
): PlaceHit[] {
  const out: PlaceHit[] = [];
  const taken = new Set<PlaceHit>();
  places = [...places].sort((a, b) => a.start - b.start);
  const sentenceIndex = new Map(sents.map((sentence, k) => [sentence, k]));
  if (anchor) {
    eventPlaces(text, places, anchor, out, taken);
    // 9月8日,管前镇举办农民丰收节: the place that holds the event is where it happens
    for (let k = firstFrom(places, anchor.start); k < places.length && places[k]!.start < anchor.end; k++) {
      const h = places[k]!;
      if (h.end > anchor.end || taken.has(h)) continue;
      if (
        /[,:]$/.test(text.slice(Math.max(anchor.start, h.start - 1), h.start)) &&
        HOSTS.test(text.slice(h.end, h.end + 3))
      ) {
        taken.add(h);
        out.push(h);
      }
    }
  }
  const seen = new Set<Span>();
  for (const m of people) {
    if (!parts.has(m.name)) continue;
    const s = sentenceAt(sents, m.start);
    if (s && !seen.has(s)) {
      seen.add(s);
      eventPlaces(text, places, s, out, taken);
      // 他先后来到佛子岭镇长岭村…: the next sentence, when a pronoun is its subject, is the same person's
      const k = sentenceIndex.get(s) ?? -1;
      const next = sents[k + 1];
      if (next && !seen.has(next) && PRONOUN_SUBJECT.test(text.slice(next.start, next.start + 8))) {
        seen.add(next);
        eventPlaces(text, places, next, out, taken);
      }
    }
  }
  // 调研组一行先后来到…, 在X镇Y村,…, 随后前往…, 刘悦伦先前往…: the visit carried on
  if (scope && (parts.size || anchor)) {
    const names = [...parts.keys()];
    for (const s of sents) {
      if (s.start < scope.start || s.end > scope.end || seen.has(s) || s === anchor) continue;
      const opening = text.slice(s.start, s.start + 24);
      if (!STOP_SUBJECT.test(opening) && !names.some((n) => opening.startsWith(n))) continue;
      seen.add(s);
      eventPlaces(text, places, s, out, taken);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The home county or city as the destination of a visit (来我县考察, 来我市, 来丽考察 in a 丽水
 * paper), in text[from, to): the item's hits of that division, when the text writes it at all.
 */
export function homeDestination(
  text: string,
  from: number,
  to: number,
  places: PlaceHit[],
  home: HomeDestination,
): PlaceHit[] {
  const out: PlaceHit[] = [];
  const byCode = new Map<string, PlaceHit>();
  for (const p of places) if (p.division && !byCode.has(p.division.code)) byCode.set(p.division.code, p);
  for (const m of text.slice(from, to).matchAll(HOME_DESTINATION)) {
    const [, level, abbr] = m;
    let code: string | undefined;
    if (level)
      code = level === '市' && !home.countyName?.endsWith('市') ? home.city : (home.county ?? home.city);
    else if (abbr && home.countyShort?.startsWith(abbr)) code = home.county;
    else if (abbr && home.cityShort?.startsWith(abbr)) code = home.city;
    else continue;
    const h = code ? byCode.get(code) : undefined;
    if (h && !out.includes(h)) out.push(h);
  }
  return out;
}
