// The one loader of the extractor's word lists. The lists are data: tab-separated tables under
// lexicon/ (one per concept, one column per trait, `#` comment lines saying what each column means).
// They are read once per process (each worker thread has its own copy), checked column by column,
// and compiled here into the sets, tries and regexes the rules use; a bad row stops the run with
// its file and line. CADRE_LEXICON_DIR points the extractor at another copy of the tables.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaceLevel } from './types.ts';

/** A table that cannot be used: the message starts with file:line. */
export class LexiconError extends Error {
  override name = 'LexiconError';
}

/** The tables shipped with the extractor, found next to this module (not from the working directory). */
export const DEFAULT_LEXICON_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lexicon');

// ---------------------------------------------------------------------------------------------
// Reading and checking tables

type Check = (value: string) => string | null;

interface ColumnSpec {
  name: string;
  /** Allowed values (yes/no, levels ...); absent: any word without blanks. */
  values?: readonly string[];
  /** Extra check; returns what is wrong, or null. */
  check?: Check;
}

interface TableSpec {
  file: string;
  columns: readonly ColumnSpec[];
  /** Whether the first column must be unique (default true): each word has one row. */
  uniqueKey?: boolean;
}

export interface Row {
  /** 1-based line number in the file, for messages. */
  line: number;
  cells: Record<string, string>;
}

const YES_NO = ['yes', 'no'] as const;
const isCjk = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
const cjkWord: Check = (v) => ([...v].every((ch) => isCjk(ch.codePointAt(0)!)) ? null : 'not a Chinese word');

/** Reads one table: header row first, `#` comments and blank lines skipped; every cell checked. */
export function readTable(dir: string, spec: TableSpec): Row[] {
  const file = path.join(dir, spec.file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new LexiconError(`${file}: cannot read the table (${(e as NodeJS.ErrnoException).code ?? e})`, {
      cause: e,
    });
  }
  const names = spec.columns.map((c) => c.name);
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  let header = false;
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let k = 0; k < lines.length; k++) {
    const raw = lines[k]!.replace(/\r$/, '');
    const at = `${file}:${k + 1}`;
    if (raw.startsWith('#') || raw.trim() === '') continue;
    const cells = raw.split('\t');
    if (!header) {
      if (cells.join('\t') !== names.join('\t'))
        throw new LexiconError(
          `${at}: header is "${cells.join(' | ')}", expected the columns ${names.join(' | ')} (tab-separated)`,
        );
      header = true;
      continue;
    }
    if (cells.length !== names.length)
      throw new LexiconError(
        `${at}: ${cells.length} column(s), expected ${names.length} (${names.join(' | ')}), separated by tabs`,
      );
    const row: Record<string, string> = {};
    spec.columns.forEach((col, i) => {
      const v = cells[i]!;
      if (v === '' || v !== v.trim() || /\s/.test(v))
        throw new LexiconError(`${at}: column ${col.name} is empty or contains blanks: "${v}"`);
      if (col.values && !col.values.includes(v))
        throw new LexiconError(
          `${at}: column ${col.name} is "${v}", expected one of ${col.values.join(', ')}`,
        );
      const problem = col.check?.(v);
      if (problem) throw new LexiconError(`${at}: column ${col.name} "${v}": ${problem}`);
      row[col.name] = v;
    });
    const key = cells[0]!;
    if (spec.uniqueKey !== false) {
      const first = seen.get(key);
      if (first !== undefined) throw new LexiconError(`${at}: "${key}" is already listed on line ${first}`);
      seen.set(key, k + 1);
    }
    rows.push({ line: k + 1, cells: row });
  }
  if (!header) throw new LexiconError(`${file}: no header row (expected ${names.join(' | ')})`);
  return rows;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest first (stable), so that an alternation or a first-match search prefers the longer word. */
export function longestFirst(words: Iterable<string>): string[] {
  return [...words].sort((a, b) => b.length - a.length);
}

/** A regex alternation of words, longest first: (?:副书记|书记|…). */
export function alternation(words: Iterable<string>): string {
  return `(?:${longestFirst(words).map(escapeRe).join('|')})`;
}

// ---------------------------------------------------------------------------------------------
// The compiled lexicon

/** Whether a title marks a public office: always, only inside a government body (人大代表), or never. */
export type Officialness = 'yes' | 'in-government' | 'no';

export interface TitleLexicon {
  /** Title heads, longest first: a position phrase ends with one of these. */
  readonly heads: readonly string[];
  /** All heads, longest first, global: for scanning a text. */
  readonly headPattern: RegExp;
  /** The longest head that `s` ends with, or undefined (a set lookup per head length, not a scan). */
  headEnding(s: string): string | undefined;
  /** The longest head written in text just before `end` (at 0 when the head would start before it). */
  headEndingAt(text: string, end: number): string | undefined;
  /** Whether a head starts at text[i]. */
  headAt(text: string, i: number): boolean;
  readonly official: ReadonlyMap<string, Officialness>;
  /** Titles that name a role, not an office (县领导, 普通干部, 网格员): no office behind them. */
  readonly roleOnly: ReadonlySet<string>;
  /** Common nouns (干部, 委员, 代表): a name after one needs a clear end. */
  readonly weak: ReadonlySet<string>;
  /** Titles that may directly follow a name (习近平总书记, 袁家军书记). */
  readonly afterName: ReadonlySet<string>;
  /** Positions of national leaders, who are referenced rather than present: whole positions and endings. */
  readonly referenceWhole: ReadonlySet<string>;
  readonly referenceEnd: readonly string[];
}

/** Words for people that are no position (person-nouns.tsv): descriptors such as 村民, 困难群众. */
export interface PersonNounLexicon {
  /** A name right after one of these is a person with no position. */
  readonly beforeName: ReadonlySet<string>;
  /** Written right after a name (张三同志). */
  readonly afterName: ReadonlySet<string>;
  /** After 等 at the end of a list of names: the list names people. Longest first. */
  readonly afterList: readonly string[];
  /** Words before a noun or a title that make the phrase a descriptor (困难, 老), longest first. */
  readonly modifiers: readonly string[];
}

export interface SurnameLexicon {
  /** Single-character surnames, in table order. */
  readonly single: ReadonlySet<string>;
  readonly compound: ReadonlySet<string>;
  /** Length of the surname at the start of s (2 for compound, 1 for single), or 0. */
  lengthAt(s: string): number;
}

export interface NameLexicon {
  /** Words that may follow a name, by first character, longest first. */
  readonly followersByFirst: ReadonlyMap<string, readonly string[]>;
  /** Common words that begin with a surname and are not names. */
  readonly notNames: ReadonlySet<string>;
  /** Words that end with a surname character (随后, 有关): no name begins at that character. */
  readonly notNameStarts: readonly string[];
  /** Verbs before a position whose person is their object (听取, 会见), as an alternation: all, and
   * those that count only before a jurisdiction. */
  readonly positionOpeners: string;
  readonly positionOpenersBeforeJurisdiction: ReadonlySet<string>;
  /** Characters never inside a given name. */
  readonly givenStops: ReadonlySet<string>;
  /** Characters never inside a given name even where punctuation or a verb word closes it (的, 局). */
  readonly closedStops: ReadonlySet<string>;
  /** Characters never inside a part of a transliterated (·) name. */
  readonly dottedStops: ReadonlySet<string>;
  /** Characters of names transliterated without a Han surname (宝日夫, 乌日娜). */
  readonly transliteration: ReadonlySet<string>;
  /** Characters that end a position phrase read backwards; `orgConjunctions` may join an organisation name. */
  readonly positionStops: ReadonlySet<string>;
  readonly orgConjunctions: ReadonlySet<string>;
  /** Works studied (讲话精神), as an alternation; and the study verbs before a name (学习, 贯彻). */
  readonly works: string;
  /** The works as words, longest first. */
  readonly worksList: readonly string[];
  readonly studyVerbs: string;
}

/** Regex alternations `(?:…)` (longest first) and sets of the verbs after a name, by trait (see verbs.tsv). */
export interface VerbLexicon {
  readonly role: string;
  readonly later: string;
  readonly presence: ReadonlySet<string>;
  readonly lead: ReadonlySet<string>;
  readonly activity: string;
  readonly attend: string;
  readonly closesList: string;
  readonly opensBlock: string;
  readonly speech: string;
  readonly said: string;
  readonly hosts: string;
}

/** Alternations of adverbs by trait (see adverbs.tsv). */
export interface AdverbLexicon {
  readonly beforeRole: string;
  readonly beforeMovement: string;
  readonly afterPronoun: string;
  readonly opensPronoun: string;
  readonly gluedToPosition: string;
}

/** Words before a place (see place-words.tsv). */
export interface PlaceWordLexicon {
  readonly visit: readonly string[];
  /** starts_place, split into single characters and longer words. */
  readonly startsPlaceChars: ReadonlySet<string>;
  readonly startsPlaceWords: readonly string[];
  readonly movement: string;
  readonly afterPronoun: string;
  readonly opensBlock: string;
  /** Words a list of visited places may follow (来到, 参观, 到), longest first. */
  readonly opensStops: readonly string[];
  /** Words ending in a marker character that are no marker (得到, 存在). */
  readonly notMarkers: readonly string[];
}

/** Words of the sentences that report a visit's stops (stop-words.tsv), as alternations. */
export interface StopLexicon {
  readonly groups: string;
  readonly openers: string;
  readonly listBreaks: string;
  readonly circumstanceEnds: string;
}

export interface EventLexicon {
  /** Event kinds in table order (the first that matches wins), each with the regex of its words. */
  readonly kinds: readonly { kind: string; pattern: RegExp }[];
  readonly afterAttend: string;
  readonly openers: string;
}

/** Place suffixes, generic words and place characters (place-*.tsv, generic-*.tsv, zone-endings.tsv). */
export interface PlaceLexicon {
  /** 1 for each UTF-16 code that ends a full place name (the last character of a scanned suffix). */
  readonly suffixEnd: Uint8Array;
  /** Level from a name's longest suffix, for places the gazetteer lacks; null when none. */
  levelOfSuffix(name: string): PlaceLevel | null;
  /** Suffixes a place may be guessed from (办事处, 街道, 社区, 镇, 乡, 村), with their level. */
  readonly guessSuffixes: readonly { suffix: string; level: PlaceLevel }[];
  /** First characters of suffixes that, after a candidate name, make it a place stem (王村). */
  readonly nameBlockers: ReadonlySet<string>;
  readonly genericNames: ReadonlySet<string>;
  readonly genericStems: ReadonlySet<string>;
  /** Generic short forms; `provinceShortOk` of them stay provinces. */
  readonly genericShort: ReadonlySet<string>;
  readonly provinceShortOk: ReadonlySet<string>;
  /** Names of parks and zones: (?:园区|开发区|…)$. */
  readonly zoneName: RegExp;
  /** What after a short form shows it is part of a longer name: ^(?:路|大桥|…|人$). */
  readonly notAfterShort: RegExp;
  readonly endsShortForm: ReadonlySet<string>;
  readonly cancelsVillageGuess: ReadonlySet<string>;
  readonly joinsLevelWord: ReadonlySet<string>;
  readonly notInStem: ReadonlySet<string>;
  /** Ethnic groups of autonomous divisions, as an alternation (苗|侗|…). */
  readonly ethnicGroups: string;
  /** Verbs, prepositions and quantifiers that never begin a guessed stem (围绕, 开展, 部分). */
  readonly notPlaceStems: ReadonlySet<string>;
  /** After a place: it is part of an outlet's name (中国江苏网, 新华社湖北分社). */
  readonly mediaAfter: RegExp;
  /** Endings of project, base and road-work names; `genericProject` before one makes it generic. */
  readonly projectEnding: RegExp;
  readonly genericProject: RegExp;
  /** Abbreviations of long division names, by the full name (西乌珠穆沁旗 → 西乌旗). */
  readonly abbreviations: ReadonlyMap<string, readonly string[]>;
}

/** Organisation words (organisations.tsv, not-in-org-names.tsv, department-abbreviations.tsv). */
export interface OrganisationLexicon {
  /** A position in such a body is no public office: anywhere in the position. */
  readonly notPublic: RegExp;
  /** A party or government body: anywhere in the position. */
  readonly publicBody: RegExp;
  /** An organisation name ends here: (?:厅|局|…)$. */
  readonly endsName: RegExp;
  /** The end of a company or institution name, searched in the words after a place. */
  readonly institution: RegExp;
  /** A registered firm's ending: (?:公司|…)$. */
  readonly company: RegExp;
  /** A jurisdiction's own centre: (?:融媒体中心|…)$. */
  readonly ownCentre: RegExp;
  /** Words that start a clause, never inside an organisation name. */
  readonly notInName: RegExp;
  /** A party committee just before a name and its title, captured: (中央|省委|…)$. */
  readonly partyCommittee: RegExp;
  /** Department abbreviations in table order. */
  readonly abbreviations: readonly (readonly [abbreviation: string, full: string])[];
}

/** Page layout words (byline-words.tsv, paper-names.tsv, page-furniture.tsv). */
export interface PageLexicon {
  /** unit? grade? role, as a regex source, for each place bylines are read (see byline-words.tsv). */
  readonly bylineLine: string;
  readonly bylineNames: string;
  readonly bylineParens: string;
  readonly bylineTail: string;
  /** Endings of newspaper names: (?:日报|晚报|时报|报). */
  readonly paperEnding: string;
  /** Labels of page-furniture lines: (?:责任编辑|编辑|…). */
  readonly furnitureLabel: string;
}

/** Punctuation and time words (punctuation.tsv, parts-of-day.tsv). */
export interface TextLexicon {
  /** Marks that end a paragraph (a line ending otherwise was cut by the layout). */
  readonly paragraphEnd: ReadonlySet<string>;
  /** UTF-16 codes of sentence ends, and of marks that close a sentence after its end. */
  readonly sentenceEnd: ReadonlySet<number>;
  readonly sentenceCloser: ReadonlySet<number>;
  /** Parts of the day after a date: (?:凌晨|上午|…|晚|夜). */
  readonly partOfDay: string;
  /** Day words (day-words.tsv): relative days with their offset, future and calendar markers. */
  readonly relativeDays: ReadonlyMap<string, number>;
  readonly futureBefore: string;
  readonly calendarBefore: string;
}

/** Where a personnel-decision verb's names and position stand (see appointment-verbs.tsv). */
export type AppointmentFrame = 'object-as' | 'object-post' | 'subject' | 'acting';
export type AppointmentAction = 'appoint' | 'remove' | 'resign' | 'elect';

export interface AppointmentVerb {
  readonly verb: string;
  readonly action: AppointmentAction;
  readonly frame: AppointmentFrame;
  /** Characters that, just before the verb, make it part of another word (担任, 主任). */
  readonly notAfter: ReadonlySet<string>;
}

/** Verbs of personnel decisions (appointment-verbs.tsv). */
export interface AppointmentLexicon {
  /** The verbs by first character, longest first. */
  readonly byFirst: ReadonlyMap<string, readonly AppointmentVerb[]>;
}

export interface Lexicon {
  /** The folder the tables were read from. */
  readonly dir: string;
  readonly titles: TitleLexicon;
  readonly surnames: SurnameLexicon;
  readonly names: NameLexicon;
  readonly personNouns: PersonNounLexicon;
  readonly verbs: VerbLexicon;
  readonly adverbs: AdverbLexicon;
  readonly placeWords: PlaceWordLexicon;
  readonly stops: StopLexicon;
  readonly events: EventLexicon;
  readonly places: PlaceLexicon;
  readonly organisations: OrganisationLexicon;
  readonly page: PageLexicon;
  readonly text: TextLexicon;
  readonly appointments: AppointmentLexicon;
}

const TITLES: TableSpec = {
  file: 'titles.tsv',
  columns: [
    { name: 'title', check: cjkWord },
    { name: 'head', values: YES_NO },
    { name: 'official', values: ['yes', 'in-government', 'no'] },
    { name: 'role_only', values: YES_NO },
    { name: 'weak', values: YES_NO },
    { name: 'after_name', values: YES_NO },
    { name: 'reference', values: ['no', 'whole', 'end'] },
  ],
};

function compileTitles(dir: string): TitleLexicon {
  const rows = readTable(dir, TITLES);
  const heads = longestFirst(rows.filter((r) => r.cells.head === 'yes').map((r) => r.cells.title!));
  const where = (trait: string, value = 'yes') =>
    new Set(rows.filter((r) => r.cells[trait] === value).map((r) => r.cells.title!));
  for (const r of rows) {
    // traits of a word that is not a head could never apply: a position ends with a head
    if (
      r.cells.head === 'no' &&
      (r.cells.role_only === 'yes' || r.cells.weak === 'yes' || r.cells.after_name === 'yes')
    )
      throw new LexiconError(
        `${path.join(dir, TITLES.file)}:${r.line}: role_only, weak and after_name need head=yes`,
      );
  }
  const headSet = new Set(heads);
  const lengths = [...new Set(heads.map((h) => h.length))]; // longest first, as heads are
  return {
    heads,
    headPattern: new RegExp(heads.map(escapeRe).join('|'), 'g'),
    headEnding(s) {
      for (const len of lengths) {
        if (len > s.length) continue;
        const tail = s.slice(s.length - len);
        if (headSet.has(tail)) return tail;
      }
      return undefined;
    },
    headEndingAt(text, end) {
      for (const len of lengths) {
        const at = Math.max(0, end - len);
        const cand = text.slice(at, at + len);
        if (headSet.has(cand)) return cand;
      }
      return undefined;
    },
    headAt(text, i) {
      for (const len of lengths) if (headSet.has(text.slice(i, i + len))) return true;
      return false;
    },
    official: new Map(
      rows
        .filter((r) => r.cells.head === 'yes')
        .map((r) => [r.cells.title!, r.cells.official as Officialness]),
    ),
    roleOnly: where('role_only'),
    weak: where('weak'),
    afterName: where('after_name'),
    referenceWhole: where('reference', 'whole'),
    referenceEnd: [...where('reference', 'end')],
  };
}

const SURNAMES: TableSpec = {
  file: 'surnames.tsv',
  columns: [
    {
      name: 'surname',
      check: (v) => cjkWord(v) ?? ([...v].length <= 2 ? null : 'a surname has one or two characters'),
    },
  ],
};

function compileSurnames(dir: string): SurnameLexicon {
  const rows = readTable(dir, SURNAMES).map((r) => r.cells.surname!);
  const single = new Set(rows.filter((s) => s.length === 1));
  const compound = new Set(rows.filter((s) => s.length === 2));
  // by UTF-16 code: 1 a single surname, 2 the first character of a compound one (3 both); lengthAt
  // runs for every candidate name, so no slice and no set lookup unless a compound may start here
  const first = new Uint8Array(65536);
  for (const s of single) first[s.charCodeAt(0)]! |= 1;
  for (const s of compound) first[s.charCodeAt(0)]! |= 2;
  return {
    single,
    compound,
    lengthAt(s: string): number {
      if (s.length < 2) return 0;
      const kind = first[s.charCodeAt(0)]!;
      if (kind & 2 && s.length >= 3 && compound.has(s.slice(0, 2))) return 2;
      return kind & 1 ? 1 : 0;
    },
  };
}

const oneChar: Check = (v) => ([...v].length === 1 ? null : 'one character expected');
const words = (dir: string, file: string, check: Check = cjkWord) =>
  readTable(dir, { file, columns: [{ name: 'word', check }] }).map((r) => r.cells.word!);

function compileNames(dir: string): NameLexicon {
  const followersByFirst = new Map<string, string[]>();
  for (const f of words(dir, 'name-followers.tsv')) {
    const list = followersByFirst.get(f[0]!) ?? [];
    list.push(f);
    followersByFirst.set(f[0]!, list);
  }
  for (const list of followersByFirst.values()) list.sort((a, b) => b.length - a.length);
  const chars = readTable(dir, {
    file: 'name-chars.tsv',
    columns: [
      { name: 'char', check: oneChar },
      { name: 'in_given_name', values: YES_NO },
      { name: 'in_closed_name', values: YES_NO },
      { name: 'in_dotted_name', values: YES_NO },
      { name: 'position', values: ['ends', 'ends-unless-org', 'no'] },
    ],
  });
  const charsWhere = (col: string, ...values: string[]) =>
    new Set(chars.filter((r) => values.includes(r.cells[col]!)).map((r) => r.cells.char!));
  const reference = readTable(dir, {
    file: 'reference-words.tsv',
    columns: [
      { name: 'word', check: cjkWord },
      { name: 'kind', values: ['work', 'study'] },
    ],
  });
  const ofKind = (kind: string) => reference.filter((r) => r.cells.kind === kind).map((r) => r.cells.word!);
  return {
    followersByFirst,
    notNames: new Set(words(dir, 'not-names.tsv')),
    notNameStarts: longestFirst(words(dir, 'not-name-starts.tsv')),
    ...positionOpeners(dir),
    givenStops: charsWhere('in_given_name', 'no'),
    closedStops: charsWhere('in_closed_name', 'no'),
    dottedStops: charsWhere('in_dotted_name', 'no'),
    transliteration: new Set(
      readTable(dir, { file: 'transliteration-chars.tsv', columns: [{ name: 'char', check: oneChar }] }).map(
        (r) => r.cells.char!,
      ),
    ),
    positionStops: charsWhere('position', 'ends', 'ends-unless-org'),
    orgConjunctions: charsWhere('position', 'ends-unless-org'),
    works: alternation(ofKind('work')),
    worksList: longestFirst(ofKind('work')),
    studyVerbs: alternation(ofKind('study')),
  };
}

function positionOpeners(dir: string) {
  const rows = readTable(dir, {
    file: 'position-openers.tsv',
    columns: [
      { name: 'word', check: cjkWord },
      { name: 'before', values: ['any', 'jurisdiction'] },
    ],
  });
  return {
    positionOpeners: alternation(rows.map((r) => r.cells.word!)),
    positionOpenersBeforeJurisdiction: new Set(
      rows.filter((r) => r.cells.before === 'jurisdiction').map((r) => r.cells.word!),
    ),
  };
}

/** A table of words with yes/no trait columns: the words where a trait is yes. */
function traitTable(dir: string, file: string, key: string, traits: readonly string[]) {
  const rows = readTable(dir, {
    file,
    columns: [{ name: key, check: cjkWord }, ...traits.map((name) => ({ name, values: YES_NO }))],
  });
  return (trait: string) => rows.filter((r) => r.cells[trait] === 'yes').map((r) => r.cells[key]!);
}

function compilePersonNouns(dir: string): PersonNounLexicon {
  const where = traitTable(dir, 'person-nouns.tsv', 'word', [
    'before_name',
    'after_name',
    'after_list',
    'modifier',
  ]);
  return {
    beforeName: new Set(where('before_name')),
    afterName: new Set(where('after_name')),
    afterList: longestFirst(where('after_list')),
    modifiers: longestFirst(where('modifier')),
  };
}

function compileVerbs(dir: string): VerbLexicon {
  const where = traitTable(dir, 'verbs.tsv', 'verb', [
    'role',
    'later',
    'presence',
    'lead',
    'activity',
    'attend',
    'closes_list',
    'opens_block',
    'speech',
    'said',
    'hosts',
  ]);
  return {
    role: alternation(where('role')),
    later: alternation(where('later')),
    presence: new Set(where('presence')),
    lead: new Set(where('lead')),
    activity: alternation(where('activity')),
    attend: alternation(where('attend')),
    closesList: alternation(where('closes_list')),
    opensBlock: alternation(where('opens_block')),
    speech: alternation(where('speech')),
    said: alternation(where('said')),
    hosts: alternation(where('hosts')),
  };
}

function compileAdverbs(dir: string): AdverbLexicon {
  const where = traitTable(dir, 'adverbs.tsv', 'word', [
    'before_role',
    'before_movement',
    'after_pronoun',
    'opens_pronoun',
    'glued_to_position',
  ]);
  return {
    beforeRole: alternation(where('before_role')),
    beforeMovement: alternation(where('before_movement')),
    afterPronoun: alternation(where('after_pronoun')),
    opensPronoun: alternation(where('opens_pronoun')),
    gluedToPosition: alternation(where('glued_to_position')),
  };
}

function compilePlaceWords(dir: string): PlaceWordLexicon {
  const where = traitTable(dir, 'place-words.tsv', 'word', [
    'visit',
    'starts_place',
    'movement',
    'after_pronoun',
    'opens_block',
    'opens_stops',
  ]);
  const starts = where('starts_place');
  return {
    visit: where('visit'),
    startsPlaceChars: new Set(starts.filter((w) => w.length === 1)),
    startsPlaceWords: starts.filter((w) => w.length > 1),
    movement: alternation(where('movement')),
    afterPronoun: alternation(where('after_pronoun')),
    opensBlock: alternation(where('opens_block')),
    opensStops: longestFirst(where('opens_stops')),
    notMarkers: words(dir, 'not-markers.tsv'),
  };
}

function compileStops(dir: string): StopLexicon {
  const rows = readTable(dir, {
    file: 'stop-words.tsv',
    uniqueKey: false,
    columns: [
      { name: 'word', check: cjkWord },
      { name: 'role', values: ['group', 'opener', 'list_break', 'circumstance'] },
    ],
  });
  const of = (role: string) =>
    alternation(rows.filter((r) => r.cells.role === role).map((r) => r.cells.word!));
  return {
    groups: of('group'),
    openers: of('opener'),
    listBreaks: of('list_break'),
    circumstanceEnds: of('circumstance'),
  };
}

function compileEvents(dir: string): EventLexicon {
  const rows = readTable(dir, {
    file: 'event-kinds.tsv',
    columns: [
      { name: 'word', check: cjkWord },
      { name: 'kind', check: cjkWord },
      { name: 'at', values: ['any', 'end'] },
    ],
  });
  // the first row whose word occurs wins: consecutive rows of one kind share one regex
  const runs: { kind: string; patterns: string[] }[] = [];
  for (const r of rows) {
    const pattern = escapeRe(r.cells.word!) + (r.cells.at === 'end' ? '$' : '');
    const last = runs[runs.length - 1];
    if (last && last.kind === r.cells.kind) last.patterns.push(pattern);
    else runs.push({ kind: r.cells.kind!, patterns: [pattern] });
  }
  const nouns = traitTable(dir, 'event-nouns.tsv', 'word', ['after_attend', 'opener']);
  return {
    kinds: runs.map(({ kind, patterns }) => ({ kind, pattern: new RegExp(patterns.join('|')) })),
    afterAttend: alternation(nouns('after_attend')),
    openers: alternation(nouns('opener')),
  };
}

const LEVELS: readonly PlaceLevel[] = ['province', 'city', 'county', 'town', 'village', 'community'];

function compilePlaces(dir: string): PlaceLexicon {
  const suffixes = readTable(dir, {
    file: 'place-suffixes.tsv',
    columns: [
      { name: 'suffix', check: cjkWord },
      { name: 'level', values: LEVELS },
      { name: 'scan', values: YES_NO },
      { name: 'guess', values: YES_NO },
      { name: 'blocks_name', values: YES_NO },
    ],
  }).map((r) => ({
    suffix: r.cells.suffix!,
    level: r.cells.level as PlaceLevel,
    scan: r.cells.scan === 'yes',
    guess: r.cells.guess === 'yes',
    blocksName: r.cells.blocks_name === 'yes',
  }));
  const suffixEnd = new Uint8Array(65536);
  for (const x of suffixes) if (x.scan) suffixEnd[x.suffix.charCodeAt(x.suffix.length - 1)] = 1;
  const byLength = [...suffixes].sort((a, b) => b.suffix.length - a.suffix.length);
  const short = readTable(dir, {
    file: 'generic-short-forms.tsv',
    columns: [
      { name: 'short', check: cjkWord },
      { name: 'province_ok', values: YES_NO },
    ],
  });
  const followers = readTable(dir, {
    file: 'short-form-followers.tsv',
    columns: [
      { name: 'word', check: cjkWord },
      { name: 'whole', values: YES_NO },
    ],
  }).map((r) => escapeRe(r.cells.word!) + (r.cells.whole === 'yes' ? '$' : ''));
  const chars = readTable(dir, {
    file: 'place-chars.tsv',
    columns: [
      { name: 'char', check: (v) => oneChar(v) ?? cjkWord(v) },
      ...['ends_short_form', 'cancels_village_guess', 'joins_level_word', 'not_in_stem'].map((name) => ({
        name,
        values: YES_NO,
      })),
    ],
  });
  const charsWhere = (col: string) =>
    new Set(chars.filter((r) => r.cells[col] === 'yes').map((r) => r.cells.char!));
  const one = (file: string, column: string) =>
    readTable(dir, { file, columns: [{ name: column, check: cjkWord }] }).map((r) => r.cells[column]!);
  return {
    suffixEnd,
    levelOfSuffix: (name) => byLength.find((x) => name.endsWith(x.suffix))?.level ?? null,
    guessSuffixes: suffixes.filter((x) => x.guess).map(({ suffix, level }) => ({ suffix, level })),
    nameBlockers: new Set(suffixes.filter((x) => x.blocksName).map((x) => x.suffix[0]!)),
    genericNames: new Set(one('generic-place-names.tsv', 'name')),
    genericStems: new Set(one('generic-place-stems.tsv', 'stem')),
    genericShort: new Set(short.map((r) => r.cells.short!)),
    provinceShortOk: new Set(short.filter((r) => r.cells.province_ok === 'yes').map((r) => r.cells.short!)),
    zoneName: new RegExp(`${alternation(one('zone-endings.tsv', 'ending'))}$`),
    notAfterShort: new RegExp(`^(?:${followers.join('|')})`),
    endsShortForm: charsWhere('ends_short_form'),
    cancelsVillageGuess: charsWhere('cancels_village_guess'),
    joinsLevelWord: charsWhere('joins_level_word'),
    notInStem: charsWhere('not_in_stem'),
    ethnicGroups: alternation(one('ethnic-groups.tsv', 'group')),
    notPlaceStems: new Set(
      readTable(dir, {
        file: 'not-place-stems.tsv',
        columns: [
          { name: 'word', check: cjkWord },
          { name: 'kind', values: ['verb', 'preposition', 'quantifier'] },
        ],
      }).map((r) => r.cells.word!),
    ),
    mediaAfter: mediaAfter(one('media-names.tsv', 'ending')),
    ...projectWords(dir),
    abbreviations: divisionAbbreviations(dir),
  };
}

/** 网 may close up to four characters of the outlet's own name (人大网, 北方网) where the name ends. */
function mediaAfter(endings: string[]): RegExp {
  const others = endings.filter((e) => e !== '网');
  const net = endings.includes('网')
    ? [
        '[\\u4e00-\\u9fff]{0,4}网(?![\\u4e00-\\u9fff])',
        '[\\u4e00-\\u9fff]{0,4}网(?=讯|消息|报道|记者|编辑|通讯员)',
      ]
    : [];
  return new RegExp(`^(?:${[...net, ...longestFirst(others).map(escapeRe)].join('|')})`);
}

function divisionAbbreviations(dir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rows = readTable(dir, {
    file: 'division-abbreviations.tsv',
    columns: [
      { name: 'abbreviation', check: cjkWord },
      { name: 'name', check: cjkWord },
    ],
  });
  for (const r of rows) out.set(r.cells.name!, [...(out.get(r.cells.name!) ?? []), r.cells.abbreviation!]);
  return out;
}

function projectWords(dir: string): { projectEnding: RegExp; genericProject: RegExp } {
  const rows = readTable(dir, {
    file: 'project-words.tsv',
    columns: [
      { name: 'word', check: cjkWord },
      { name: 'role', values: ['ending', 'generic'] },
    ],
  });
  const of = (role: string) => rows.filter((r) => r.cells.role === role).map((r) => r.cells.word!);
  return {
    projectEnding: new RegExp(`[东西南北]?${alternation(of('ending'))}`),
    genericProject: new RegExp(`^(?:${alternation(of('generic'))}|[一二三四五六七八九十两几多]+个)`),
  };
}

function compileOrganisations(dir: string): OrganisationLexicon {
  const traits = [
    'not_public',
    'public',
    'ends_name',
    'institution',
    'company',
    'own_centre',
    'party_committee',
  ];
  const rows = readTable(dir, {
    file: 'organisations.tsv',
    columns: [
      { name: 'word', check: cjkWord },
      ...traits.slice(0, 4).map((name) => ({ name, values: YES_NO })),
      { name: 'except_before', check: (v) => (v === '-' ? null : (oneChar(v) ?? cjkWord(v))) },
      ...traits.slice(4).map((name) => ({ name, values: YES_NO })),
    ],
  });
  const where = (trait: string) => rows.filter((r) => r.cells[trait] === 'yes');
  const words = (trait: string) => where(trait).map((r) => r.cells.word!);
  const institutions = longestFirst(words('institution')).map((w) => {
    const except = rows.find((r) => r.cells.word === w)!.cells.except_before!;
    return escapeRe(w) + (except === '-' ? '' : `(?!${escapeRe(except)})`);
  });
  const notIn = readTable(dir, { file: 'not-in-org-names.tsv', columns: [{ name: 'word', check: cjkWord }] });
  const abbreviations = readTable(dir, {
    file: 'department-abbreviations.tsv',
    columns: [
      { name: 'abbreviation', check: cjkWord },
      { name: 'full', check: cjkWord },
    ],
  }).map((r) => [r.cells.abbreviation!, r.cells.full!] as const);
  return {
    notPublic: new RegExp(alternation(words('not_public'))),
    publicBody: new RegExp(alternation(words('public'))),
    endsName: new RegExp(`${alternation(words('ends_name'))}$`),
    institution: new RegExp(`(?:${institutions.join('|')})`),
    company: new RegExp(`${alternation(words('company'))}$`),
    ownCentre: new RegExp(`${alternation(words('own_centre'))}$`),
    notInName: new RegExp(alternation(notIn.map((r) => r.cells.word!))),
    partyCommittee: new RegExp(`(${alternation(words('party_committee'))})$`),
    abbreviations,
  };
}

function compilePage(dir: string): PageLexicon {
  const contexts = ['line', 'names', 'parens', 'tail'] as const;
  const file = path.join(dir, 'byline-words.tsv');
  const rows = readTable(dir, {
    file: 'byline-words.tsv',
    uniqueKey: false,
    columns: [
      { name: 'word', check: cjkWord },
      { name: 'slot', values: ['unit', 'grade', 'role'] },
      ...contexts.map((name) => ({ name, values: YES_NO })),
    ],
  });
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.cells.word}\t${r.cells.slot}`;
    if (seen.has(key))
      throw new LexiconError(
        `${file}:${r.line}: "${r.cells.word}" as ${r.cells.slot} is already listed on line ${seen.get(key)}`,
      );
    seen.set(key, r.line);
  }
  const slot = (context: string, name: string) =>
    alternation(
      rows.filter((r) => r.cells.slot === name && r.cells[context] === 'yes').map((r) => r.cells.word!),
    );
  const byline = (context: string) =>
    `${slot(context, 'unit')}?${slot(context, 'grade')}?${slot(context, 'role')}`;
  const one = (table: string, column: string) =>
    readTable(dir, { file: table, columns: [{ name: column, check: cjkWord }] }).map((r) => r.cells[column]!);
  return {
    bylineLine: byline('line'),
    bylineNames: byline('names'),
    bylineParens: byline('parens'),
    bylineTail: byline('tail'),
    paperEnding: alternation(one('paper-names.tsv', 'ending')),
    furnitureLabel: alternation(one('page-furniture.tsv', 'label')),
  };
}

function compileText(dir: string): TextLexicon {
  const rows = readTable(dir, {
    file: 'punctuation.tsv',
    columns: [
      {
        name: 'char',
        check: (v) => oneChar(v) ?? (isCjk(v.codePointAt(0)!) ? 'not a punctuation mark' : null),
      },
      ...['paragraph_end', 'sentence_end', 'closes_sentence'].map((name) => ({ name, values: YES_NO })),
    ],
  });
  const where = (col: string) => rows.filter((r) => r.cells[col] === 'yes').map((r) => r.cells.char!);
  return {
    paragraphEnd: new Set(where('paragraph_end')),
    sentenceEnd: new Set(where('sentence_end').map((c) => c.charCodeAt(0))),
    sentenceCloser: new Set(where('closes_sentence').map((c) => c.charCodeAt(0))),
    partOfDay: alternation(words(dir, 'parts-of-day.tsv')),
    ...dayWords(dir),
  };
}

function dayWords(dir: string): Pick<TextLexicon, 'relativeDays' | 'futureBefore' | 'calendarBefore'> {
  const rows = readTable(dir, {
    file: 'day-words.tsv',
    columns: [
      { name: 'word', check: cjkWord },
      { name: 'role', values: ['relative', 'future', 'calendar'] },
      { name: 'offset', check: (v) => (/^(?:-|-?\d)$/.test(v) ? null : 'a number of days or -') },
    ],
  });
  const of = (role: string) => rows.filter((r) => r.cells.role === role);
  const relativeDays = new Map(of('relative').map((r) => [r.cells.word!, Number(r.cells.offset)] as const));
  if ([...relativeDays.values()].some(Number.isNaN))
    throw new LexiconError(`${path.join(dir, 'day-words.tsv')}: a relative day needs a number of days`);
  return {
    relativeDays,
    futureBefore: alternation(of('future').map((r) => r.cells.word!)),
    calendarBefore: alternation(of('calendar').map((r) => r.cells.word!)),
  };
}

const ACTIONS = ['appoint', 'remove', 'resign', 'elect'] as const;
const FRAMES = ['object-as', 'object-post', 'subject', 'acting'] as const;

function compileAppointments(dir: string): AppointmentLexicon {
  const rows = readTable(dir, {
    file: 'appointment-verbs.tsv',
    columns: [
      { name: 'verb', check: cjkWord },
      { name: 'action', values: ACTIONS },
      { name: 'frame', values: FRAMES },
      { name: 'not_after', check: (v) => (v === '-' ? null : cjkWord(v)) },
    ],
  });
  const byFirst = new Map<string, AppointmentVerb[]>();
  for (const r of rows) {
    const verb = r.cells.verb!;
    const list = byFirst.get(verb[0]!) ?? [];
    list.push({
      verb,
      action: r.cells.action as AppointmentAction,
      frame: r.cells.frame as AppointmentFrame,
      notAfter: new Set(r.cells.not_after === '-' ? [] : [...r.cells.not_after!]),
    });
    byFirst.set(verb[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.verb.length - a.verb.length);
  return { byFirst };
}

/** Reads, checks and compiles every table of `dir`. Throws LexiconError naming file:line. */
export function loadLexicon(dir: string = DEFAULT_LEXICON_DIR): Lexicon {
  return {
    dir,
    titles: compileTitles(dir),
    surnames: compileSurnames(dir),
    names: compileNames(dir),
    personNouns: compilePersonNouns(dir),
    verbs: compileVerbs(dir),
    adverbs: compileAdverbs(dir),
    placeWords: compilePlaceWords(dir),
    stops: compileStops(dir),
    events: compileEvents(dir),
    places: compilePlaces(dir),
    organisations: compileOrganisations(dir),
    page: compilePage(dir),
    text: compileText(dir),
    appointments: compileAppointments(dir),
  };
}

let current: Lexicon | null = null;

/** The process-wide lexicon: CADRE_LEXICON_DIR, else the shipped tables; loaded on first use. */
export function lexicon(): Lexicon {
  if (!current) current = loadLexicon(process.env.CADRE_LEXICON_DIR || DEFAULT_LEXICON_DIR);
  return current;
}
