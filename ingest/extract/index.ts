// Extraction engine entry points: one page of text → articles with people, offices, places and
// events, each fact with evidence (sentence + offsets into the decoded source).
import path from 'node:path';
import { findAppointments } from './appointments.ts';
import { findDates, formatDate, yearFromText, type DayRef } from './dates.ts';
import { evidenceOf, firstFrom, sentenceAt, sentences } from './evidence.ts';
import { homeDestination } from './event-places.ts';
import { buildFurtherEvent, buildMainEvent, furtherBlocks, type EventDraft } from './events.ts';
import { buildView, type TextView } from './normalise.ts';
import { isOfficialPosition, officeOfEach, splitTitle } from './offices.ts';
import { endsWithTitle, findKnown, findPeople, knownNames, type PersonMention } from './people.ts';
import { findPlaces, homeFromPath, placeNames, type HomeDestination, type PlaceHit } from './places/index.ts';
import { segmentPage, type Segment, type Span } from './segment.ts';
import type {
  Appointment,
  ExtractedArticle,
  ExtractedDocument,
  ExtractedEvent,
  ExtractedPerson,
  ExtractedPlace,
  Evidence,
  ExtractionOutput,
  Home,
} from './types.ts';
import { listArticleFiles, readManifest, readTextFile } from '../source/files.ts';

export type { ExtractionOutput, ExtractedDocument } from './types.ts';

export interface ExtractMeta {
  home?: Home;
  paper?: string | null;
  date?: string | null;
}

/** A page's document with its articles produced one at a time: a long page need not be held whole. */
export interface DocumentStream extends Omit<ExtractedDocument, 'articles'> {
  /** The articles in page order; each item's working data is released once it has been produced. */
  articles: Generator<ExtractedArticle, void, undefined>;
}

/** Extracts a page: articles with people, offices, places and events, each fact with its evidence. */
export function extractText(text: string, doc: string, meta: ExtractMeta = {}): ExtractedDocument {
  const { articles, ...document } = extractStream(text, doc, meta);
  return { ...document, articles: [...articles] };
}

/**
 * The same extraction as extractText, the articles handed on one by one: the page-wide passes
 * (layout, titled people, places) run first, then each item is built when it is asked for.
 */
export function extractStream(text: string, doc: string, meta: ExtractMeta = {}): DocumentStream {
  const view = buildView(text);
  const t = view.text;
  const layout = segmentPage(t);
  const paper = meta.paper ?? layout.paper ?? null;

  const mask = new Uint8Array(t.length);
  for (const s of layout.segments) for (const b of s.bylines) mask.fill(1, b.start, b.end);
  const masked = (i: number) => mask[i] === 1;

  // people first (titled mentions): a place's short form inside a name (张建平) is no place
  const perSeg: PersonMention[][] = [];
  for (const s of layout.segments) perSeg.push(findPeople(t, bodyStart(s), s.end, masked));
  const personMask = new Uint8Array(t.length);
  for (const list of perSeg) for (const m of list) personMask.fill(1, m.start, m.end);
  const notInName = (h: PlaceHit) => !personMask[h.start] && !personMask[h.end - 1] && !mask[h.start];

  // places: home jurisdiction → villages in scope → scan → resolve
  const { home, hits, destination } = findPlaces(t, { home: meta.home, paper, keep: notInName });

  const year = yearOf(meta.date) ?? yearFromText(t, layout.mastheadDate);
  const published = dayOf(meta.date ?? mastheadDate(layout.mastheadDate));
  const found = new Set<string>();
  for (const list of perSeg) for (const m of list) found.add(m.name);
  const known = knownNames(found);
  // the offices of a list of positions depend only on the page's home: computed once per list
  const officeCache = new Map<string, (string | null)[]>();
  const officesOf = (positions: string[]) => {
    const key = positions.join('\u0000');
    let offices = officeCache.get(key);
    if (!offices) officeCache.set(key, (offices = officeOfEach(positions, home)));
    return offices;
  };
  // hits are sorted and do not overlap, and items start in page order: a cursor runs through them,
  // and the hits before the current item are dropped (an item's places are copied into its article)
  const pending: (PlaceHit | undefined)[] = hits;
  let cursor = 0;
  const itemHits = (seg: Segment): PlaceHit[] => {
    for (; cursor < pending.length && pending[cursor]!.start < seg.start; cursor++)
      pending[cursor] = undefined;
    const byline = bylineMask(seg);
    const own: PlaceHit[] = [];
    for (let k = cursor; k < pending.length && pending[k]!.start < seg.end; k++) {
      const h = pending[k]!;
      if (h.end <= seg.end && !byline[h.start - seg.start]) own.push(h);
    }
    return own;
  };
  const segments = layout.segments;
  function* articles(): Generator<ExtractedArticle, void, undefined> {
    for (let idx = 0; idx < segments.length; idx++) {
      const seg = segments[idx]!;
      const titled = perSeg[idx]!;
      perSeg[idx] = []; // read once: a long page's mentions need not outlive their item
      yield article(seg, idx, titled);
    }
  }
  const article = (seg: Segment, idx: number, titled: PersonMention[]): ExtractedArticle => {
    const taken = new Uint8Array(seg.end - seg.start + 1);
    for (const m of titled) taken.fill(1, m.start - seg.start, m.end - seg.start);
    const bare = findKnown(t, bodyStart(seg), seg.end, known, (i) => masked(i) || taken[i - seg.start] === 1);
    const reporters = new Set(seg.reporters);
    const mentions = dropNested([...titled, ...bare]).filter(
      (m) => !reporters.has(m.name) || m.via !== 'known',
    );
    return buildArticle(view, doc, idx, seg, mentions, itemHits(seg), officesOf, year, {
      published,
      destination,
    });
  };

  return { doc, home, paper, date: meta.date ?? mastheadDate(layout.mastheadDate), articles: articles() };
}

function bodyStart(s: Segment): number {
  return s.paragraphs[0]?.start ?? s.start;
}

function dropNested(list: PersonMention[]): PersonMention[] {
  list.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PersonMention[] = [];
  for (const m of list) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) {
      if (last.positions.length === 0 && m.positions.length > 0) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}

function yearOf(date: string | null | undefined): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}

function mastheadDate(text: string | null): string | null {
  const m = text ? /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/.exec(text) : null;
  if (!m) return null;
  const mm = m[2]!.padStart(2, '0');
  return m[3] ? `${m[1]}-${mm}-${m[3].padStart(2, '0')}` : `${m[1]}-${mm}`;
}

function dayOf(date: string | null | undefined): DayRef | null {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** What the page says about its day and home, for an item's dates and destinations. */
interface PageContext {
  /** The publication day (metadata or masthead): 昨天 counts from it when no dateline does. */
  published: DayRef | null;
  destination: HomeDestination;
}

function buildArticle(
  view: TextView,
  doc: string,
  index: number,
  seg: Segment,
  mentions: PersonMention[],
  /** The item's place hits, headline included. */
  titled: PlaceHit[],
  officesOfPositions: (positions: string[]) => (string | null)[],
  year: number | null,
  page: PageContext = { published: null, destination: {} },
): ExtractedArticle {
  const t = view.text;
  const sents: Span[] = [];
  // A loop, not push(...spread): a page that is one huge paragraph has more sentences than the stack allows.
  for (const p of seg.paragraphs) for (const sentence of sentences(t, p)) sents.push(sentence);
  // one evidence object per sentence, shared by every fact read from it
  const evidence = new Map<Span, Evidence>();
  const evOf = (s: Span): Evidence => {
    let e = evidence.get(s);
    if (!e) evidence.set(s, (e = evidenceOf(view, s)));
    return e;
  };
  const ev = (i: number) => {
    const s = sentenceAt(sents, i);
    return s ? evOf(s) : evidenceOf(view, { start: i, end: i + 1 });
  };

  const people = new Map<string, ExtractedPerson>();
  const seen = new Set<string>();
  const once = (key: string) => !seen.has(key) && seen.add(key) !== undefined;
  for (const m of mentions) {
    let p = people.get(m.name);
    if (!p) {
      p = { name: m.name, positions: [], offices: [], official: false, evidence: [], holds: [] };
      people.set(m.name, p);
    }
    for (const pos of m.positions) if (!p.positions.includes(pos)) p.positions.push(pos);
    if (m.positions.length || !p.evidence.length) {
      const e = ev(m.start);
      // Sets, not .some() over the list: a page that repeats a name 100,000 times stays linear.
      if (once(`${m.name}\t${e.start}`)) p.evidence.push(e);
    }
    // one entry per position as written; a list (市委副书记、代市长) is qualified together
    const offices = m.positions.length ? officesOfPositions(m.positions) : [];
    m.positions.forEach((position, k) => {
      const e = ev(m.start);
      const held = p.holds!.find((h) => h.position === position);
      if (held) {
        if (once(`${m.name}\t${position}\t${e.start}`)) held.evidence.push(e);
        return;
      }
      p.holds!.push({
        position,
        title: splitTitle(position).title,
        office: offices[k] ?? null,
        evidence: [e],
      });
    });
  }
  // personnel decisions: the person holds (or held) the position; the date is the main event's, below
  const decisions = findAppointments(t, headlineLines(t, seg.start, bodyStart(seg)), sents, mentions);
  // pushed into a literal, not made by map(): V8 then gives every item's list one hidden class (map()
  // of an empty list makes another), so this function's optimised code survives the first decision
  const appointments: Appointment[] = [];
  for (const { draft, sentences } of decisions) {
    const office = officesOfPositions([draft.position.replace(/^代理/, '')])[0] ?? null;
    const evidence = sentences.map(evOf);
    let p = people.get(draft.name);
    if (!p) {
      p = { name: draft.name, positions: [], offices: [], official: false, evidence: [], holds: [] };
      people.set(draft.name, p);
    }
    if (!p.positions.includes(draft.position)) {
      p.positions.push(draft.position);
      p.holds!.push({ position: draft.position, title: splitTitle(draft.position).title, office, evidence });
    }
    for (const e of evidence) if (once(`${draft.name}\t${e.start}`)) p.evidence.push(e);
    appointments.push({
      name: draft.name,
      action: draft.action,
      position: draft.position,
      office,
      date: null,
      evidence,
    });
  }
  for (const p of people.values()) {
    // a loop, not map().filter(): map() of an item's empty list gives another hidden class, and
    // TurboFan's code for this whole function was thrown away and rebuilt for it
    const offices = new Set<string>();
    for (const h of p.holds!) if (h.office) offices.add(h.office);
    p.offices = [...offices];
    p.official = p.positions.some(isOfficialPosition);
    // arrays grown by push keep room for 16 more: exact copies, as a 50 MB page holds a million people
    p.positions = p.positions.slice();
    p.evidence = p.evidence.slice();
    p.holds = p.holds!.map((h) => (h.evidence.length > 1 ? { ...h, evidence: h.evidence.slice() } : h));
  }

  const bodyFrom = bodyStart(seg);
  // the headline's places are the item's too (深入哈尔盖镇调研 as its second line); events read the body
  const hits = titled.filter((h) => h.start >= bodyFrom);
  const places = new Map<string, ExtractedPlace>();
  const placeName = placeNames(titled);
  for (const h of titled) {
    const name = placeName(h);
    const p = places.get(name);
    if (p) continue;
    places.set(name, {
      name,
      level: h.level,
      code: h.division ? h.division.code : null,
      parentCode: h.division ? h.division.parentCode : null,
      evidence: [h.start < bodyFrom ? evidenceOf(view, lineAt(t, h.start)) : ev(h.start)],
    });
  }

  // the days of the item's events: datelines, announced days and calendar lines are not
  const dates = findDates(t, bodyFrom, seg.end, page.published).filter((d) => d.role === 'event');
  const leadParas = seg.paragraphs.slice(0, 2);
  const leadLimit = leadParas[leadParas.length - 1]?.end ?? 0;
  const mainDate = dates.find((d) => d.start < leadLimit) ?? null;
  const mainLead = mainDate ? sentenceAt(sents, mainDate.start) : null;
  // further dated activities (1月12日,…到B村走访) are events of their own, after the main one
  const blocks = furtherBlocks(t, sents, dates, mainDate, mainLead, mentions, seg.end);
  const inBlock = (i: number) => {
    const b = blocks[lastAtOrBefore(blocks, i)];
    return !!b && i < b.end;
  };
  const mainMentions = blocks.length ? mentions.filter((m) => !inBlock(m.start)) : mentions;
  const mainScope = { start: bodyFrom, end: blocks[0]?.start ?? seg.end };
  const draft = buildMainEvent(
    t,
    seg.headline,
    sents,
    leadParas,
    dates,
    mainMentions,
    hits,
    endsWithTitle,
    mainScope,
  );
  // 来我县考察, 来丽考察: the home county or city, where the item writes it
  for (const h of homeDestination(t, mainScope.start, mainScope.end, hits, page.destination))
    if (!draft.places.includes(h)) draft.places.push(h);
  const events: ExtractedEvent[] = [];
  const toEvent = (d: EventDraft, title: string): ExtractedEvent => ({
    title,
    kind: d.kind,
    date: d.date?.month ? formatDate(d.date.year ?? year, d.date.month, d.date.day) : null,
    partOfDay: d.date?.partOfDay ?? null,
    places: [...new Set(d.places.map(placeName))],
    participants: d.participants.map((p) => ({
      name: p.mention.name,
      role: p.role,
      evidence: [evOf(p.sentence)],
    })),
    evidence: d.lead ? [evOf(d.lead)] : [],
  });
  if (draft.date || draft.participants.length || draft.places.length)
    events.push(toEvent(draft, draft.title));
  const mainPerson = draft.participants[0]?.mention ?? null;
  for (const b of blocks) {
    const further = buildFurtherEvent(t, sents, b, mentions, hits, mainPerson, endsWithTitle);
    if (further.participants.length) events.push(toEvent(further, further.title || draft.title));
  }

  const decided = draft.date?.month
    ? formatDate(draft.date.year ?? year, draft.date.month, draft.date.day)
    : null;
  for (const a of appointments) a.date = decided;

  const [start, end] = [view.map[seg.start] ?? 0, (view.map[Math.max(seg.start, seg.end - 1)] ?? 0) + 1];
  return {
    id: `${doc}#${index}`,
    headline: seg.headline,
    start,
    end,
    reporters: seg.reporters,
    people: [...people.values()],
    places: [...places.values()],
    events,
    appointments,
  };
}

/** The headline's lines in text[from, to), without blanks and heading marks. */
function headlineLines(t: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  for (let i = from; i < to;) {
    const line = lineAt(t, i);
    if (line.end > line.start && !/^\s*$/.test(t.slice(line.start, line.end))) out.push(line);
    const nl = t.indexOf('\n', i);
    if (nl < 0 || nl >= to) break;
    i = nl + 1;
  }
  return out;
}

/** The line around offset i, without its blanks and heading marks: a headline's evidence. */
function lineAt(t: string, i: number): Span {
  let start = t.lastIndexOf('\n', i) + 1;
  let end = t.indexOf('\n', i);
  if (end < 0) end = t.length;
  while (start < i && /[\s#]/.test(t[start]!)) start++;
  while (end > i + 1 && /\s/.test(t[end - 1]!)) end--;
  return { start, end };
}

/** 1 at each offset (from seg.start) inside one of the item's bylines. */
function bylineMask(seg: Segment): Uint8Array {
  const mask = new Uint8Array(Math.max(0, seg.end - seg.start));
  for (const b of seg.bylines) mask.fill(1, Math.max(0, b.start - seg.start), Math.max(0, b.end - seg.start));
  return mask;
}

/** Index of the last span starting at or before `at` (spans sorted by start), or -1. */
function lastAtOrBefore(spans: readonly { start: number }[], at: number): number {
  return firstFrom(spans, at + 1) - 1;
}

/** Extracts every .txt file under the inputs; manifest.json in a file's folder supplies metadata. */
export async function extractFiles(
  inputs: string[],
  onError?: (file: string, error: Error) => void,
): Promise<ExtractionOutput> {
  const files = await listArticleFiles(inputs);
  const documents: ExtractedDocument[] = [];
  for (const file of files) {
    try {
      const { text } = await readTextFile(file);
      const manifest = await readManifest(path.dirname(file));
      const doc = path.basename(file);
      const own = manifest?.files?.[doc];
      const meta: ExtractMeta = {
        home: own?.home ?? manifest?.home ?? homeFromPath(file),
        paper: own?.paper ?? manifest?.paper ?? null,
        date: own?.date ?? manifest?.date ?? null,
      };
      documents.push(extractText(text, doc, meta));
    } catch (e) {
      if (!onError) throw e;
      onError(file, e as Error);
    }
  }
  return { documents };
}

// for the processes that load the compiled bundle (ingest/compiled.ts): one copy of the gazetteer
export { getGazetteer } from './places/gazetteer.ts';
export { homeFromPath } from './places/index.ts';
