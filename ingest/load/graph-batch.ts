// Turns extracted documents into the rows the Cypher writer UNWINDs. Pure (apart from reading the
// gazetteer), so the identity rules (who is the same person, which place is which, which office governs
// where) are unit-tested without a database. Runs in the extraction workers.
import { pinyin } from 'pinyin-pro';
import { splitTitle } from '../extract/offices.ts';
import { getGazetteer, type Division } from '../extract/places/gazetteer.ts';
import type { Evidence, ExtractedArticle, ExtractedDocument, Home, PlaceLevel } from '../extract/types.ts';

/** Where a fact was read; every relationship that comes from text carries these. */
export interface EvidenceProps {
  articleId: string;
  sentence: string | null;
  start: number | null;
  end: number | null;
}

export interface ArticleRow {
  id: string;
  /** The path inside the source (the source itself is on the Document: load/identity.ts). */
  doc: string;
  headline: string;
  /** The item's text as decoded (for the reader in the app), cut at MAX_ARTICLE_TEXT characters. */
  text: string | null;
  paper: string | null;
  date: string | null;
  start: number;
  end: number;
  /** The page (版面) and address of an e-paper item, when its markup says so. */
  page?: string | null;
  url?: string | null;
}

/** What search matches besides the Chinese name: pinyin syllables (kai hua) and their initials (kh). */
export interface SearchKeys {
  pinyin: string;
  initials: string;
}

export interface PersonRow extends SearchKeys {
  id: string;
  name: string;
  official: boolean;
  jurisdiction: string;
}

export interface PlaceRow extends Partial<SearchKeys> {
  id: string;
  code: string | null;
  name: string;
  level: PlaceLevel;
  /** The enclosing division (PART_OF), when the gazetteer knows it. */
  parentId: string | null;
}

export interface OfficeRow extends Partial<SearchKeys> {
  id: string;
  name: string;
  /** The organisation as the articles write it (省经信厅党组), so search finds abbreviations. */
  alias: string;
  jurisdiction: string | null;
  /** The place the office governs (its jurisdiction's division), when known. */
  placeId: string | null;
}

export interface EventRow extends EvidenceProps {
  id: string;
  title: string;
  kind: string;
  date: string | null;
  partOfDay: string | null;
}

export interface MentionRow extends EvidenceProps {
  nodeId: string;
  /** The name as the article writes it (永康 for 永康市); null when it is the node's own name. */
  asWritten: string | null;
  /** Positions named with the person that no HOLDS of this article carries (those say it already). */
  positions: string[];
}

export interface HoldsRow extends EvidenceProps {
  personId: string;
  officeId: string;
  title: string;
  position: string;
  asOf: string | null;
}

/** A personnel decision (任命, 免去, 辞去, 当选) the article reports: one per person, office and position. */
export interface AppointedRow extends EvidenceProps {
  personId: string;
  officeId: string;
  action: 'appoint' | 'remove' | 'resign' | 'elect';
  /** As written (代理县长), and its bare title, the one HOLDS carries for the same position. */
  position: string;
  title: string;
  /** The decision's day as extracted (YYYY-MM-DD, --MM-DD or null), and the article's date. */
  date: string | null;
  asOf: string | null;
}

export interface AttendedRow extends EvidenceProps {
  personId: string;
  eventId: string;
  role: string;
}

/** Its evidence is the event's sentence (REPORTED_IN), so the relationship stores none of its own. */
export interface HeldInRow extends EvidenceProps {
  eventId: string;
  placeId: string;
}

export interface WroteRow {
  reporterId: string;
  name: string;
  articleId: string;
}

export interface GraphBatch {
  /** Source documents whose previous facts this batch replaces. */
  docs: string[];
  articles: ArticleRow[];
  people: PersonRow[];
  places: PlaceRow[];
  offices: OfficeRow[];
  events: EventRow[];
  personMentions: MentionRow[];
  placeMentions: MentionRow[];
  holds: HoldsRow[];
  appointed: AppointedRow[];
  attended: AttendedRow[];
  heldIn: HeldInRow[];
  wrote: WroteRow[];
}

export const emptyBatch = (docs: string[] = []): GraphBatch => ({
  docs,
  articles: [],
  people: [],
  places: [],
  offices: [],
  events: [],
  personMentions: [],
  placeMentions: [],
  holds: [],
  appointed: [],
  attended: [],
  heldIn: [],
  wrote: [],
});

/** The city-level jurisdiction that scopes person identity: one name in one city is one person. */
export function personJurisdiction(home: Home): string {
  return home.city ?? home.county ?? home.province ?? 'unknown';
}

// Positions of the national leadership: the person is the same whichever city's paper names them.
const NATIONAL = /^(总书记|国家主席|国务院总理|总理|中央|全国人大|全国政协|国务院|中共中央|中央军委)/;

/**
 * The scope within which a name is one person: national for the national leadership, the province for
 * officials of provincial bodies (省经信厅 ...), otherwise the paper's city.
 */
export function personScope(positions: string[], offices: string[], home: Home): string {
  if (positions.some((p) => NATIONAL.test(p))) return '全国';
  const provinceShort = home.province?.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/, '');
  const provincial = (text: string) =>
    text.startsWith('省') ||
    (!!home.province && text.startsWith(home.province)) ||
    (!!provinceShort && text.startsWith(`${provinceShort}省`));
  if (positions.some(provincial) || offices.some((o) => !!home.province && o.startsWith(home.province))) {
    return home.province ?? personJurisdiction(home);
  }
  return personJurisdiction(home);
}

export function personId(name: string, home: Home, scope = personJurisdiction(home)): string {
  return `${name}@${scope}`;
}

/** Places merge by division code; a place the gazetteer lacks is scoped by the paper's home county. */
export function placeId(place: { name: string; code: string | null }, home: Home): string {
  if (place.code) return place.code;
  return `${home.county ?? home.city ?? home.province ?? 'unknown'}/${place.name}`;
}

/** Pinyin for search (zhang xu sheng); surname readings for polyphonic surnames (单 shan, 曾 zeng). */
export function namePinyin(name: string): string {
  return pinyin(name, { toneType: 'none', surname: 'head', type: 'array' }).join(' ');
}

/** Search keys of a name: a person's with surname readings, a place's or office's without. */
export function searchKeys(name: string, person: boolean): SearchKeys {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', ...(person ? { surname: 'head' } : {}) })
    .map((s) => s.toLowerCase())
    .filter((s) => /^[a-zü]+$/.test(s));
  return { pinyin: syllables.join(' '), initials: syllables.map((s) => s[0]).join('') };
}

function shiftEvidence(props: EvidenceProps, shift: number): EvidenceProps {
  if (!shift) return props;
  return {
    ...props,
    start: props.start === null ? null : props.start + shift,
    end: props.end === null ? null : props.end + shift,
  };
}

function evidenceOf(articleId: string, evidence: Evidence[] | undefined): EvidenceProps {
  const first = evidence?.[0];
  return {
    articleId,
    sentence: first?.sentence ?? null,
    start: first?.start ?? null,
    end: first?.end ?? null,
  };
}

/** The division and its ancestors as place rows, nearest first (village → ... → province). */
function divisionChain(code: string): PlaceRow[] {
  const { byCode } = getGazetteer();
  const chain: PlaceRow[] = [];
  let division: Division | undefined = byCode.get(code);
  while (division) {
    chain.push({
      id: division.code,
      code: division.code,
      name: division.name,
      level: division.level,
      parentId: division.parentCode,
    });
    division = division.parentCode ? byCode.get(division.parentCode) : undefined;
  }
  return chain;
}

/** The home division whose name starts the office name (永康市委 → 永康市), as name and code. */
function officeJurisdiction(office: string, home: Home): { name: string; code: string | null } | null {
  const { full } = getGazetteer();
  const candidates = [home.county, home.city, home.province].filter((n): n is string => !!n);
  for (const name of candidates) {
    const short = name.replace(/(省|市|县|区|自治州|自治县|地区|盟|旗)$/, '');
    if (office.startsWith(name) || (short.length >= 2 && office.startsWith(short))) {
      const division = (full.get(name) ?? []).find((d) => d.level !== 'town' && d.level !== 'village');
      return { name, code: division?.code ?? null };
    }
  }
  return null;
}

/** A place the article names that starts the office name (花街镇党委 → 花街镇), longest name first. */
function localJurisdiction(
  office: string,
  articlePlaces: Map<string, string>,
): { name: string; code: string | null } | null {
  const names = [...articlePlaces.keys()]
    .filter((name) => office.startsWith(name))
    .sort((a, b) => b.length - a.length);
  const name = names[0];
  return name ? { name, code: articlePlaces.get(name) ?? null } : null;
}

/** The date an article speaks for: its main event's, else the page's. */
function articleDate(article: ExtractedArticle, document: ExtractedDocument): string | null {
  return article.events.find((e) => e.date)?.date ?? document.date ?? null;
}

/** Article texts longer than this are cut: the graph keeps news items, not whole archives. */
export const MAX_ARTICLE_TEXT = 100_000;

export interface BatchContext {
  /** The document's path inside its source (Article.doc). */
  path?: string;
  /** Where this text starts in the decoded file (a part of a large file). */
  offset?: number;
  /** The number of the first article (articles of earlier parts come before). */
  articleBase?: number;
  page?: string | null;
  url?: string | null;
}

/**
 * `text`: the decoded text the document was extracted from, to store each article's text. Offsets in
 * the rows are shifted by `context.offset`, so they refer to the whole decoded file.
 */
export function toGraphBatch(
  document: ExtractedDocument,
  text?: string,
  context: BatchContext = {},
): GraphBatch {
  const source = text;
  const shift = context.offset ?? 0;
  const base = context.articleBase ?? 0;
  const { home } = document;
  const batch = emptyBatch([document.doc]);
  const people = new Map<string, PersonRow>();
  const places = new Map<string, PlaceRow>();
  const offices = new Map<string, OfficeRow>();

  // A name keeps the widest scope it was given on this page (习近平总书记 → 全国 for every later mention).
  const scopes = new Map<string, string>();
  for (const article of document.articles) {
    for (const person of article.people) {
      const scope = personScope(person.positions, person.offices, home);
      if (scope !== personJurisdiction(home) || !scopes.has(person.name)) scopes.set(person.name, scope);
    }
  }
  const addPerson = (name: string, official: boolean): string => {
    const scope = scopes.get(name) ?? personJurisdiction(home);
    const id = personId(name, home, scope);
    const known = people.get(id);
    if (known) known.official ||= official;
    else people.set(id, { id, name, ...searchKeys(name, true), official, jurisdiction: scope });
    return id;
  };

  const addPlace = (place: ExtractedArticle['places'][number]): string => {
    if (place.code) {
      for (const row of divisionChain(place.code)) if (!places.has(row.id)) places.set(row.id, row);
      if (places.has(place.code)) return place.code;
    }
    const id = placeId({ name: place.name, code: place.code }, home);
    if (!places.has(id)) {
      places.set(id, {
        id,
        code: place.code,
        name: place.name,
        level: place.level,
        parentId: place.parentCode ?? null,
      });
      // A place the gazetteer lacks still hangs under its parent when the extractor knew it.
      if (place.parentCode)
        for (const row of divisionChain(place.parentCode)) if (!places.has(row.id)) places.set(row.id, row);
    }
    return id;
  };

  const addAlias = (officeId: string, position: string, title: string) => {
    const office = offices.get(officeId);
    const written = title && position.endsWith(title) ? position.slice(0, -title.length) : position;
    if (!office || !written || written === office.name || office.alias.split(' ').includes(written)) return;
    office.alias = office.alias ? `${office.alias} ${written}` : written;
  };
  const addOffice = (name: string, articlePlaces: Map<string, string>): string => {
    if (!offices.has(name)) {
      const jurisdiction = localJurisdiction(name, articlePlaces) ?? officeJurisdiction(name, home);
      if (jurisdiction?.code)
        for (const row of divisionChain(jurisdiction.code)) if (!places.has(row.id)) places.set(row.id, row);
      offices.set(name, {
        id: name,
        name,
        alias: '',
        jurisdiction: jurisdiction?.name ?? null,
        placeId: jurisdiction?.code ?? null,
      });
    }
    return name;
  };

  document.articles.forEach((extracted, articleIndex) => {
    const article = { ...extracted, id: `${document.doc}#${base + articleIndex}` };
    const storedText =
      source === undefined
        ? null
        : source.slice(article.start, Math.min(article.end, article.start + MAX_ARTICLE_TEXT));
    // Each sentence is stored once: as offsets into the article's text, which the graph keeps anyway;
    // only a sentence that text cannot give back (beyond its cut, outside the item) is written out.
    // Cypher's substring() counts code points, these offsets count UTF-16 units: past a character
    // outside the BMP (𠀀, rare in names) the two differ, so such sentences keep their copy.
    const astral = storedText === null ? -1 : storedText.search(/[\uD800-\uDFFF]/);
    const evidenceProps = (articleId: string, evidence: Evidence[] | undefined) => {
      const props = evidenceOf(articleId, evidence);
      if (props.sentence !== null && props.start !== null && props.end !== null && storedText !== null) {
        const from = props.start - article.start;
        const to = props.end - article.start;
        const sameCount = astral < 0 || to <= astral;
        if (
          from >= 0 &&
          to <= storedText.length &&
          sameCount &&
          storedText.slice(from, to) === props.sentence
        )
          props.sentence = null;
      }
      return shiftEvidence(props, shift);
    };
    const asOf = articleDate(article, document);
    batch.articles.push({
      id: article.id,
      doc: context.path ?? document.doc,
      headline: article.headline,
      text: storedText,
      paper: document.paper ?? null,
      date: asOf,
      start: article.start + shift,
      end: article.end + shift,
      ...(context.page ? { page: context.page } : {}),
      ...(context.url ? { url: context.url } : {}),
    });
    for (const reporter of new Set(article.reporters)) {
      batch.wrote.push({
        reporterId: `${reporter}@${document.paper ?? personJurisdiction(home)}`,
        name: reporter,
        articleId: article.id,
      });
    }

    // Places first: offices named after a town or village (花街镇党委) govern that place.
    const articlePlaceIds = new Map<string, string>();
    for (const place of article.places) articlePlaceIds.set(place.name, addPlace(place));

    const articlePeople = new Map<string, string>();
    for (const person of article.people) {
      const id = addPerson(person.name, person.official);
      articlePeople.set(person.name, id);
      // Each position is stored once: on the HOLDS that carries it, else on the mention.
      const heldPositions = new Set((person.holds ?? []).filter((h) => h.office).map((h) => h.position));
      batch.personMentions.push({
        nodeId: id,
        asWritten: null,
        positions: person.holds
          ? person.positions.filter((p) => !heldPositions.has(p))
          : person.offices.length
            ? [] // the HOLDS below carry them all, joined
            : person.positions,
        ...evidenceProps(article.id, person.evidence),
      });
      for (const held of person.holds ?? []) {
        if (!held.office) continue;
        const officeId = addOffice(held.office, articlePlaceIds);
        addAlias(officeId, held.position, held.title);
        batch.holds.push({
          personId: id,
          officeId,
          title: held.title,
          position: held.position,
          asOf,
          ...evidenceProps(article.id, held.evidence.length ? held.evidence : person.evidence),
        });
      }
      // Without per-position offices from the extractor, link each named office once.
      if (!person.holds) {
        for (const office of new Set(person.offices)) {
          batch.holds.push({
            personId: id,
            officeId: addOffice(office, articlePlaceIds),
            title: '',
            position: person.positions.join('、'),
            asOf,
            ...evidenceProps(article.id, person.evidence),
          });
        }
      }
    }

    // Decisions whose office is unknown (副主席 alone) have nothing to point at and stay out.
    for (const decision of article.appointments ?? []) {
      if (!decision.office) continue;
      const officeId = addOffice(decision.office, articlePlaceIds);
      batch.appointed.push({
        personId: articlePeople.get(decision.name) ?? addPerson(decision.name, true),
        officeId,
        action: decision.action,
        position: decision.position,
        title: splitTitle(decision.position).title,
        date: decision.date,
        asOf,
        ...evidenceProps(article.id, decision.evidence),
      });
    }

    const articlePlaces = articlePlaceIds;
    for (const place of article.places) {
      const id = articlePlaceIds.get(place.name)!;
      batch.placeMentions.push({
        nodeId: id,
        asWritten: place.name === places.get(id)?.name ? null : place.name,
        positions: [],
        ...evidenceProps(article.id, place.evidence),
      });
    }

    article.events.forEach((event, index) => {
      const eventId = `${article.id}/e${index}`;
      const evidence = evidenceProps(article.id, event.evidence);
      batch.events.push({
        id: eventId,
        title: event.title,
        kind: event.kind,
        date: event.date,
        partOfDay: event.partOfDay ?? null,
        ...evidence,
      });
      for (const name of new Set(event.places)) {
        const id = articlePlaces.get(name);
        if (id)
          batch.heldIn.push({ eventId, placeId: id, ...evidence, sentence: null, start: null, end: null });
      }
      for (const participant of event.participants) {
        let id = articlePeople.get(participant.name);
        if (!id) {
          // A participant the extractor did not list among the people is still a person of the article.
          id = addPerson(participant.name, false);
          articlePeople.set(participant.name, id);
          batch.personMentions.push({
            nodeId: id,
            asWritten: null,
            positions: [],
            ...evidenceProps(article.id, participant.evidence ?? event.evidence),
          });
        }
        batch.attended.push({
          personId: id,
          eventId,
          role: participant.role,
          ...evidenceProps(article.id, participant.evidence?.length ? participant.evidence : event.evidence),
        });
      }
    });
  });

  batch.people = [...people.values()];
  batch.places = [...places.values()].map((row) => ({ ...row, ...searchKeys(row.name, false) }));
  batch.offices = [...offices.values()].map((row) => ({ ...row, ...searchKeys(row.name, false) }));
  // One relationship per key, the last row winning (what MERGE + SET did): the writer CREATEs them.
  batch.personMentions = lastByKey(batch.personMentions, (r) => `${r.nodeId}\t${r.articleId}`);
  batch.placeMentions = lastByKey(batch.placeMentions, (r) => `${r.nodeId}\t${r.articleId}`);
  batch.holds = lastByKey(batch.holds, (r) => `${r.personId}\t${r.officeId}\t${r.articleId}\t${r.position}`);
  batch.appointed = lastByKey(
    batch.appointed,
    (r) => `${r.personId}\t${r.officeId}\t${r.articleId}\t${r.action}\t${r.position}`,
  );
  batch.attended = lastByKey(batch.attended, (r) => `${r.personId}\t${r.eventId}`);
  batch.heldIn = lastByKey(batch.heldIn, (r) => `${r.eventId}\t${r.placeId}`);
  batch.wrote = lastByKey(batch.wrote, (r) => `${r.reporterId}\t${r.articleId}`);
  return batch;
}

function lastByKey<T>(rows: T[], key: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    byKey.delete(k);
    byKey.set(k, row);
  }
  return byKey.size === rows.length ? rows : [...byKey.values()];
}

/** Concatenates batches so that several small files share one transaction. */
export function mergeBatches(batches: GraphBatch[]): GraphBatch {
  const merged = emptyBatch();
  for (const batch of batches) {
    for (const key of Object.keys(merged) as (keyof GraphBatch)[]) {
      (merged[key] as unknown[]).push(...(batch[key] as unknown[]));
    }
  }
  return merged;
}

/** Counts of the articles in a batch, the unit for sizing transactions. */
export const articleCount = (batch: GraphBatch) => batch.articles.length;

/**
 * Splits a large file's batch into transactions of at most `maxArticles` articles. Each chunk carries
 * the nodes its relationships need that no earlier chunk carried, so every chunk commits on its own.
 */
export function splitBatch(batch: GraphBatch, maxArticles: number): GraphBatch[] {
  if (batch.articles.length <= maxArticles) return [batch];
  const people = new Map(batch.people.map((row) => [row.id, row]));
  const places = new Map(batch.places.map((row) => [row.id, row]));
  const offices = new Map(batch.offices.map((row) => [row.id, row]));
  const emitted = new Set<string>();
  const take = <T extends { id: string }>(rows: Map<string, T>, id: string, into: T[]) => {
    const row = rows.get(id);
    if (!row || emitted.has(`${id}`)) return;
    emitted.add(id);
    into.push(row);
  };
  const takePlace = (id: string | null, into: PlaceRow[]) => {
    // Parents first in the emitted set but order within a chunk does not matter: one UNWIND merges all.
    for (
      let current = id;
      current && !emitted.has(current);
      current = places.get(current)?.parentId ?? null
    ) {
      take(places, current, into);
    }
  };

  const chunks: GraphBatch[] = [];
  for (let i = 0; i < batch.articles.length; i += maxArticles) {
    const articles = batch.articles.slice(i, i + maxArticles);
    const ids = new Set(articles.map((a) => a.id));
    const inChunk = <T extends { articleId: string }>(rows: T[]) =>
      rows.filter((row) => ids.has(row.articleId));
    const chunk: GraphBatch = {
      ...emptyBatch(i === 0 ? batch.docs : []),
      articles,
      events: inChunk(batch.events),
      personMentions: inChunk(batch.personMentions),
      placeMentions: inChunk(batch.placeMentions),
      holds: inChunk(batch.holds),
      appointed: inChunk(batch.appointed),
      attended: inChunk(batch.attended),
      heldIn: inChunk(batch.heldIn),
      wrote: inChunk(batch.wrote),
    };
    for (const row of chunk.personMentions) take(people, row.nodeId, chunk.people);
    for (const row of chunk.attended) take(people, row.personId, chunk.people);
    for (const row of [...chunk.holds, ...chunk.appointed]) {
      take(people, row.personId, chunk.people);
      if (!emitted.has(row.officeId)) {
        take(offices, row.officeId, chunk.offices);
        takePlace(offices.get(row.officeId)?.placeId ?? null, chunk.places);
      }
    }
    for (const row of chunk.placeMentions) takePlace(row.nodeId, chunk.places);
    for (const row of chunk.heldIn) takePlace(row.placeId, chunk.places);
    chunks.push(chunk);
  }
  return chunks;
}
