// Turns one extracted document into the rows the Cypher writer UNWINDs. Pure, so identity rules
// (who is the same person, which place is which) are unit-tested without a database.
import type { Evidence, ExtractedDocument, Home } from '../extract/types.ts';

export interface EvidenceProps {
  articleId: string;
  sentence: string | null;
  start: number | null;
  end: number | null;
}

export interface ArticleRow {
  id: string;
  doc: string;
  headline: string;
  paper: string | null;
  date: string | null;
  start: number;
  end: number;
}

export interface PersonRow {
  id: string;
  name: string;
  official: boolean;
  jurisdiction: string;
}

export interface PlaceRow {
  id: string;
  name: string;
  level: string;
  code: string | null;
}

export interface EventRow {
  id: string;
  articleId: string;
  title: string;
  kind: string;
  date: string | null;
  partOfDay: string | null;
  sentence: string | null;
  start: number | null;
  end: number | null;
}

export interface MentionRow extends EvidenceProps {
  nodeId: string;
  positions: string[];
}

export interface AttendedRow extends EvidenceProps {
  personId: string;
  eventId: string;
  role: string;
}

export interface HeldInRow {
  eventId: string;
  placeId: string;
}

export interface WroteRow {
  reporterId: string;
  name: string;
  articleId: string;
}

export interface GraphBatch {
  doc: string;
  articles: ArticleRow[];
  people: PersonRow[];
  places: PlaceRow[];
  events: EventRow[];
  personMentions: MentionRow[];
  placeMentions: MentionRow[];
  attended: AttendedRow[];
  heldIn: HeldInRow[];
  wrote: WroteRow[];
}

/** The city-level jurisdiction that scopes person identity: one name in one city is one person. */
export function personJurisdiction(home: Home): string {
  return home.city ?? home.county ?? home.province ?? 'unknown';
}

export function personId(name: string, home: Home): string {
  return `${name}@${personJurisdiction(home)}`;
}

/** Places merge by division code; a place the gazetteer lacks is scoped by the paper's home county. */
export function placeId(place: { name: string; code: string | null }, home: Home): string {
  if (place.code) return place.code;
  return `${home.county ?? home.city ?? home.province ?? 'unknown'}/${place.name}`;
}

function evidenceProps(articleId: string, evidence: Evidence[] | undefined): EvidenceProps {
  const first = evidence?.[0];
  return {
    articleId,
    sentence: first?.sentence ?? null,
    start: first?.start ?? null,
    end: first?.end ?? null,
  };
}

export function toGraphBatch(document: ExtractedDocument): GraphBatch {
  const { home } = document;
  const batch: GraphBatch = {
    doc: document.doc,
    articles: [],
    people: [],
    places: [],
    events: [],
    personMentions: [],
    placeMentions: [],
    attended: [],
    heldIn: [],
    wrote: [],
  };
  const people = new Map<string, PersonRow>();
  const places = new Map<string, PlaceRow>();

  for (const article of document.articles) {
    batch.articles.push({
      id: article.id,
      doc: document.doc,
      headline: article.headline,
      paper: document.paper ?? null,
      date: document.date ?? null,
      start: article.start,
      end: article.end,
    });

    for (const reporter of new Set(article.reporters)) {
      batch.wrote.push({
        reporterId: `${reporter}@${document.paper ?? personJurisdiction(home)}`,
        name: reporter,
        articleId: article.id,
      });
    }

    const articlePeople = new Map<string, string>();
    for (const person of article.people) {
      const id = personId(person.name, home);
      articlePeople.set(person.name, id);
      const known = people.get(id);
      if (known) known.official ||= person.official;
      else
        people.set(id, {
          id,
          name: person.name,
          official: person.official,
          jurisdiction: personJurisdiction(home),
        });
      batch.personMentions.push({
        nodeId: id,
        positions: person.positions,
        ...evidenceProps(article.id, person.evidence),
      });
    }

    const articlePlaces = new Map<string, string>();
    for (const place of article.places) {
      const id = placeId(place, home);
      articlePlaces.set(place.name, id);
      if (!places.has(id)) places.set(id, { id, name: place.name, level: place.level, code: place.code });
      batch.placeMentions.push({ nodeId: id, positions: [], ...evidenceProps(article.id, place.evidence) });
    }

    article.events.forEach((event, index) => {
      const eventId = `${article.id}/e${index}`;
      const evidence = evidenceProps(article.id, event.evidence);
      batch.events.push({
        id: eventId,
        articleId: article.id,
        title: event.title,
        kind: event.kind,
        date: event.date,
        partOfDay: event.partOfDay ?? null,
        sentence: evidence.sentence,
        start: evidence.start,
        end: evidence.end,
      });
      for (const name of new Set(event.places)) {
        const id = articlePlaces.get(name);
        if (id) batch.heldIn.push({ eventId, placeId: id });
      }
      for (const participant of event.participants) {
        // A participant the extractor did not list among the article's people still gets a node.
        let id = articlePeople.get(participant.name);
        if (!id) {
          id = personId(participant.name, home);
          if (!people.has(id)) {
            people.set(id, {
              id,
              name: participant.name,
              official: false,
              jurisdiction: personJurisdiction(home),
            });
          }
        }
        batch.attended.push({
          personId: id,
          eventId,
          role: participant.role,
          ...evidenceProps(article.id, participant.evidence ?? event.evidence),
        });
      }
    });
  }

  batch.people = [...people.values()];
  batch.places = [...places.values()];
  return batch;
}
