// The extraction contract: what `npm run extract` prints and what the loader writes to Neo4j.
// Keep it stable; shared/tools/score-extraction.mjs and the ingest both read it.

export type PlaceLevel = 'province' | 'city' | 'county' | 'town' | 'village' | 'community';

/** Where a fact was read: the sentence and its character offsets in the decoded source file. */
export interface Evidence {
  sentence: string;
  start: number;
  end: number;
}

/** The jurisdiction a paper reports from, used to qualify 市委/区长 and to disambiguate places. */
export interface Home {
  province?: string;
  city?: string;
  county?: string;
}

export interface ExtractedPerson {
  name: string;
  /** Positions as written in the text, split at 、 (e.g. 市委副书记, 市长). */
  positions: string[];
  /** Qualified offices behind the positions (e.g. 永康市委), where known. */
  offices: string[];
  /** True when the person holds a public office according to the text. */
  official: boolean;
  evidence: Evidence[];
  /**
   * One entry per position as written, in text order: the position (市委副书记), its bare title
   * (副书记; acting heads keep 代: 代市长), and the qualified office (永康市委, 曲阜市人民政府,
   * 山东省文化和旅游厅), null for roles without an office (县领导, 总书记). Evidence: the sentences
   * where the position is written with the name. `positions`/`offices` are kept as before.
   */
  holds?: PositionHeld[];
}

export interface PositionHeld {
  position: string;
  title: string;
  office: string | null;
  evidence: Evidence[];
}

export interface ExtractedPlace {
  name: string;
  level: PlaceLevel;
  /** Official division code from the gazetteer, or null when the gazetteer lacks the place. */
  code: string | null;
  /**
   * Code of the enclosing division: filled whenever `code` is (null for provinces and for places
   * without a code). Ancestors up to the province: places/gazetteer.ts `ancestorsOf(code)`.
   */
  parentCode?: string | null;
  evidence: Evidence[];
}

export interface Participation {
  name: string;
  /** The verb the text uses: 主持, 参加, 出席, 讲话, 强调, 调研, 视察, 陪同, 一行 ... */
  role: string;
  /** The sentence stating this person's participation, with offsets; filled for every participant. */
  evidence?: Evidence[];
}

export interface ExtractedEvent {
  title: string;
  kind: string;
  /** YYYY-MM-DD, or --MM-DD when the year is unknown, or null. */
  date: string | null;
  partOfDay?: string | null;
  /** Names of the places where it happened (matching ExtractedPlace.name). */
  places: string[];
  participants: Participation[];
  evidence: Evidence[];
}

/** A personnel decision the item reports: one entry per person and position. */
export interface Appointment {
  name: string;
  /** appoint (任命, 决定任命, 任), remove (免去, 免除, 撤销), resign (辞去), elect (当选, 选举/推选…为). */
  action: 'appoint' | 'remove' | 'resign' | 'elect';
  /** The position as written (副县长, 代理县长, 通州区人民法院审判员). */
  position: string;
  /** The qualified office behind the position (房县人民政府), null where unknown. */
  office: string | null;
  /** The day of the item's main event (YYYY-MM-DD or --MM-DD), or null. */
  date: string | null;
  /** The sentences that state the decision (headline lines included), with offsets. */
  evidence: Evidence[];
}

export interface ExtractedArticle {
  /** Stable id: `<doc>#<index>`. */
  id: string;
  headline: string;
  /** Character offsets of the item within the decoded source file. */
  start: number;
  end: number;
  reporters: string[];
  people: ExtractedPerson[];
  places: ExtractedPlace[];
  /**
   * The item's main event first (date of the lead), then one event per further dated activity
   * the item reports (1月12日,…到B村走访), each with its own date, places and participants.
   */
  events: ExtractedEvent[];
  /**
   * Personnel decisions (任命, 免去, 辞去, 当选 …), in text order of their first mention; the
   * extractor always writes it (empty when none), optional for producers of older output.
   */
  appointments?: Appointment[];
}

export interface ExtractedDocument {
  /** File name of the source, unique within an ingest. */
  doc: string;
  home: Home;
  paper?: string | null;
  /** Publication date when known (YYYY-MM-DD or YYYY-MM). */
  date?: string | null;
  articles: ExtractedArticle[];
}

export interface ExtractionOutput {
  documents: ExtractedDocument[];
}
