// Person mentions: names after a position (区委副书记、区长蒋国强; 县领导A、B、C参加), names before a
// title (习近平总书记, 袁家军书记), speakers (“……”张三说), and later bare mentions of a found name.
// Names are validated with the surname list and by what may follow a name.
import { alternation, lexicon } from './lexicon.ts';
import { PairIndex } from './pair-index.ts';
import { WordFinder } from './word-finder.ts';

export interface PersonMention {
  name: string;
  start: number;
  end: number;
  /** Positions written with this mention (split at 、), possibly empty. */
  positions: string[];
  /** How the name was found. */
  via: 'title' | 'before-title' | 'speaker' | 'known';
}

const TITLES = lexicon().titles;
const SURNAMES = lexicon().surnames;
const surnameLength = (s: string) => SURNAMES.lengthAt(s);
/** Words for people that are no position (村民, 困难群众; 张三同志): person-nouns.tsv. */
const NOUNS = lexicon().personNouns;
/** Title heads and words for people: a name is read after (or, for some, before) each. */
const TITLE_WORDS = new Set([...TITLES.heads, ...NOUNS.beforeName, ...NOUNS.afterName]);
const TITLE_FINDER = new WordFinder(TITLE_WORDS);

const NAMES = lexicon().names;
const followers = NAMES.followersByFirst;
const NOT_NAMES = NAMES.notNames;

function isCjkCode(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/** Length of the follower word at text[i] (0 when none); non-CJK or end of text counts as 1. */
export function followerAt(text: string, i: number): number {
  if (i >= text.length) return 1;
  const c = text.charCodeAt(i);
  if (!isCjkCode(c)) return 1;
  const list = followers.get(text[i]!);
  if (!list) return 0;
  for (const f of list) if (text.startsWith(f, i)) return f.length;
  return 0;
}

const PLACE_SUFFIX_AFTER = lexicon().places.nameBlockers;

/**
 * Whether s (2–4 chars) can be a person's name. `delimited`: the text itself closes the name on
 * both sides (a list item before 当选, 同志 after it), so given names may hold characters that
 * elsewhere begin a word (张有力, 王科, 雷科); common words (全市, 高度) are still refused.
 */
export function validName(s: string, delimited = false): boolean {
  const sl = surnameLength(s);
  if (!sl) return false;
  const given = s.length - sl;
  if (given < 1 || given > 2) return false;
  if (NOT_NAMES.has(s) || NOT_NAMES.has(s.slice(0, 2))) return false;
  for (let k = 0; k < s.length; k++) {
    const ch = s[k]!;
    if (!isCjkCode(ch.charCodeAt(0))) return false;
    if (k >= sl && (delimited ? NAMES.closedStops : NAMES.givenStops).has(ch)) return false;
  }
  return true;
}

/**
 * A transliterated name of an ethnic-minority person written with a middle dot (艾尔肯·吐尼亚孜,
 * 阿不都热合曼·买买提·艾则孜): parts of 1–7 characters; the last part ends where a follower word
 * (主持, 参加, punctuation ...) begins. No surname check: such names have no Han surname.
 * The name is kept as written, dots normalised to U+00B7.
 */
/** Function words never inside a transliterated name part (艾力等, 艾力在). */
const DOTTED_STOP = NAMES.dottedStops;

function dottedNameAt(text: string, i: number, limit: number): { name: string; end: number } | null {
  let j = i;
  let parts = 0;
  for (;;) {
    let k = j;
    while (k < limit && k - j < 7 && isCjkCode(text.charCodeAt(k))) k++;
    if (k === j) return null;
    if (text[k] === '·' && parts < 3) {
      parts++;
      j = k + 1;
      continue;
    }
    if (!parts) return null;
    // the last part (2–4 characters, no function word): up to punctuation, else the longest run
    // that a follower word closes (买买提到兰干镇 → 买买提, not 买买 + 提到)
    let limitEnd = Math.min(k, j + 4);
    for (let e = j; e < limitEnd; e++)
      if (DOTTED_STOP.has(text[e]!)) {
        limitEnd = e;
        break;
      }
    if (limitEnd - j >= 2 && limitEnd === k && !isCjkCode(text.charCodeAt(k)))
      return { name: text.slice(i, k), end: k };
    for (let e = limitEnd; e >= j + 2; e--)
      if (followerAt(text, e) > 0) return { name: text.slice(i, e), end: e };
    return null;
  }
}

/**
 * How a name of `len` characters at i is closed: the length of the follower word after it (0: none),
 * or -1 when it is no name (past the limit, not a valid name, a place suffix after it).
 */
function nameFits(text: string, i: number, len: number, limit: number): number {
  if (i + len > limit) return -1;
  const s = text.slice(i, i + len);
  if (!validName(s)) return -1;
  if (PLACE_SUFFIX_AFTER.has(text[i + len] ?? '')) return -1;
  return followerAt(text, i + len);
}

/** A name starting at i, chosen by what follows it; null when nothing fits. */
export function nameAt(text: string, i: number, limit = text.length): { name: string; end: number } | null {
  // Look only a name's length ahead: indexOf to the end of the page made long pages quadratic.
  const dot = text.slice(i + 1, i + 8).indexOf('·');
  if (dot >= 0) {
    const dotted = dottedNameAt(text, i, limit);
    if (dotted) return dotted;
  }
  const sl = surnameLength(text.slice(i, i + 3));
  if (!sl) return null;
  const short = sl + 1;
  const long = sl + 2;
  const fShort = nameFits(text, i, short, limit);
  // 丁鸿收到: a two-character follower after the short name beats a long name ending in its first char
  if (fShort >= 2) return { name: text.slice(i, i + short), end: i + short };
  if (nameFits(text, i, long, limit) > 0) return { name: text.slice(i, i + long), end: i + long };
  // 杨东来, / 王大为及: punctuation or a conjunction right after the long name beats a one-character
  // word after the short one
  const afterLong = text[i + long] ?? '';
  if (
    fShort > 0 &&
    (CLOSING_MARK.test(afterLong) || LIST_WORD.test(afterLong)) &&
    closedName(text, i, long, limit)
  )
    return { name: text.slice(i, i + long), end: i + long };
  if (fShort > 0) return { name: text.slice(i, i + short), end: i + short };
  // 李年贵、 / 李昌本参加 / 林社攸向: a given name with a word-like character, where punctuation or a
  // follower word closes it and nothing shorter fits
  if (closedName(text, i, long, limit, true)) return { name: text.slice(i, i + long), end: i + long };
  if (closedName(text, i, short, limit)) return { name: text.slice(i, i + short), end: i + short };
  return null;
}

/** Punctuation that closes a list item or clause right after a name. */
const CLOSING_MARK = /[、,;。:!?)]/;
/** Function words that close a full name written before them (王大为及…, 孙其泉的热情接待). */
const CLOSING_WORD = /[及和与的]/;
/** The conjunctions among them: after the long name they beat a one-character word (王大为及 → 王大为). */
const LIST_WORD = /[及和与]/;

/**
 * Whether text[i, i+len) is a name closed on its right by punctuation or a two-character verb word;
 * `anyFollower`: by any follower word, when no shorter name fits (林社攸向…).
 */
function closedName(text: string, i: number, len: number, limit: number, anyFollower = false): boolean {
  if (i + len > limit) return false;
  const s = text.slice(i, i + len);
  if (!validName(s, true) || PLACE_SUFFIX_AFTER.has(text[i + len] ?? '')) return false;
  // a verb word or a conjunction closes only a full name (李昌本参加, 王大为及); two characters need
  // punctuation (书记充分肯定); a name never ends with the conjunction itself (李明和与会人员)
  const next = text[i + len] ?? '';
  if (CLOSING_MARK.test(next)) return true;
  if (len - surnameLength(s) < 2) return false;
  const follower = followerAt(text, i + len);
  return (
    follower >= 2 ||
    (anyFollower && follower > 0) ||
    (CLOSING_WORD.test(next) && !CLOSING_WORD.test(s[s.length - 1]!))
  );
}

const POSITION_STOP = NAMES.positionStops;
const MAX_POSITION = 24;

const GLUED_ADVERB = new RegExp(`^${lexicon().adverbs.gluedToPosition}`);

/** The position phrase ending at `end` (区人大常委会主任), scanning back to a delimiter. */
function positionBefore(
  text: string,
  end: number,
  floor: number,
  headLength = 0,
): { text: string; start: number } | null {
  // the title word itself is never cut (所长, 主任, 优抚对象's 对象); stops apply to the organisation before it
  const head = Math.max(TITLES.headEndingAt(text, end)?.length ?? 0, headLength);
  let s = head ? Math.max(floor, end - head) : end;
  const titleStart = s;
  while (s > floor && end - s < MAX_POSITION) {
    const ch = text[s - 1]!;
    if (!isCjkCode(ch.charCodeAt(0))) break;
    if (POSITION_STOP.has(ch) && !(CONJ_IN_ORG.has(ch) && conjInOrg(text, s, titleStart, floor))) break;
    s--;
  }
  // drop a leading sentence adverb glued to the position (随后副市长 → 副市长)
  let t = text.slice(s, end);
  // a decision's verb before its object is no part of the position (推选州党委书记杨秀理 → 州党委书记)
  const verb = lastMatch(DECISION_VERB, t.slice(0, Math.max(0, t.length - (end - titleStart)))).end;
  if (verb) {
    s += verb;
    t = t.slice(verb);
  }
  // a verb whose object is the person (认真听取县委副书记 → 县委副书记), where a jurisdiction follows it
  const { end: opener, word } = lastMatch(
    POSITION_OPENER,
    t.slice(0, Math.max(0, t.length - (end - titleStart))),
  );
  if (opener && (!OPENERS_BEFORE_JURISDICTION.has(word) || JURISDICTION_START.test(t.slice(opener)))) {
    s += opener;
    t = t.slice(opener);
  }
  const lead = GLUED_ADVERB.exec(t);
  if (lead) {
    s += lead[0].length;
    t = t.slice(lead[0].length);
  }
  return t ? { text: t, start: s } : null;
}

/** Verbs written before their object (任命, 推选, 免去: appointment-verbs.tsv), as one alternation. */
const DECISION_VERB = new RegExp(
  [...lexicon().appointments.byFirst.values()]
    .flat()
    .filter((v) => v.frame === 'object-as' || v.frame === 'object-post')
    .map((v) => v.verb)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);

const POSITION_OPENER = new RegExp(NAMES.positionOpeners, 'g');
const OPENERS_BEFORE_JURISDICTION = NAMES.positionOpenersBeforeJurisdiction;
/** A position phrase that opens with a jurisdiction or the party (县委副书记, 中共…). */
const JURISDICTION_START = /^(?:[省市县区州旗盟镇乡村]|中共)/;

/** The last match of a global regex in s and the offset just past it (0 and '' when none). */
function lastMatch(re: RegExp, s: string): { end: number; word: string } {
  let end = 0;
  let word = '';
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    end = m.index + m[0].length;
    word = m[0];
  }
  return { end, word };
}

const CONJ_IN_ORG = NAMES.orgConjunctions;
/** Characters an organisation name ends with (厅, 局, 委 ...), before its title. */
const ORG_END = lexicon().organisations.endsName;

/**
 * Whether the conjunction at text[at-1] belongs to an organisation name (省文化和旅游厅,
 * 住房和城乡建设局, 人力资源和社会保障局) rather than joining two positions or people: the part after
 * it ends in an organisation word and starts no new jurisdiction (市委和市政府领导), and the part
 * before it is a short stem that is neither a title (县长和副县长) nor a name (张三和市局局长李四).
 */
function conjInOrg(text: string, at: number, titleStart: number, floor: number): boolean {
  const after = text.slice(at, titleStart);
  if (after.length < 2 || !ORG_END.test(after) || /^[省市县区州旗镇乡村]|^中共/.test(after)) return false;
  let b = at - 1;
  while (b > floor && at - 1 - b < 8) {
    const ch = text[b - 1]!;
    if (!isCjkCode(ch.charCodeAt(0)) || POSITION_STOP.has(ch)) break;
    b--;
  }
  const before = text.slice(b, at - 1);
  if (before.length < 2 || at - 1 - b >= 8) return false;
  if (
    endsWithTitle(before) ||
    validName(before) ||
    validName(before.slice(-2)) ||
    validName(before.slice(-3))
  )
    return before.length >= 3 && /^[省市县区州旗]/.test(before) && !endsWithTitle(before);
  return true;
}

/** Whether a phrase ends with a title word (市委副书记, 局长). */
export function endsWithTitle(p: string): boolean {
  return TITLES.headEnding(p) !== undefined;
}

/** Positions for a name whose title ends at titleEnd: 市委副书记、政法委书记 → both. */
function positionsBefore(text: string, titleEnd: number, floor: number, headLength = 0): string[] {
  const out: string[] = [];
  let end = titleEnd;
  for (;;) {
    const p = positionBefore(text, end, floor, end === titleEnd ? headLength : 0);
    if (!p) break;
    out.unshift(p.text);
    if (text[p.start - 1] !== '、') break;
    const prev = positionBefore(text, p.start - 1, floor);
    if (!prev || !endsWithTitle(prev.text)) break;
    end = p.start - 1;
  }
  return out;
}

const WEAK_TITLES = TITLES.weak;

const CLEAR_END = /[,.;:!?、。)”"\s]/;
/** Words that close a name after a common noun as well: a list's end or join, a home (村民张三家). */
const CLEAR_END_WORD = /[等及和与家]/;

/**
 * Whether a phrase written before a name says who the person is, not an office (老党员, 困难群众,
 * 残疾人, 困难教师, 老干部): it ends with a word for people, or it is modifiers and a bare title.
 */
export function isDescriptor(p: string): boolean {
  for (const n of NOUNS.beforeName) if (p.endsWith(n)) return true;
  let rest = p;
  for (let mod = modifierAt(rest); mod; mod = modifierAt(rest)) rest = rest.slice(mod.length);
  return rest !== p && (NOUNS.beforeName.has(rest) || TITLES.headEnding(rest) === rest);
}

/** Whether a modifier (困难, 老) is written just before text[at]. */
function modifierEndingAt(text: string, at: number): boolean {
  return NOUNS.modifiers.some((m) => at >= m.length && text.startsWith(m, at - m.length));
}

function modifierAt(s: string): string | undefined {
  return NOUNS.modifiers.find((m) => s.length > m.length && s.startsWith(m));
}

/** Words ending with a surname character (随后, 有关): not-name-starts.tsv. */
const NOT_NAME_STARTS = NAMES.notNameStarts;

/** Whether one of those words ends at text[s+1]: 随后周书记 is no person 后周, 有关负责同志 no 关负责. */
function startsInsideWord(text: string, s: number): boolean {
  for (const w of NOT_NAME_STARTS)
    if (s + 1 - w.length >= 0 && text.startsWith(w, s + 1 - w.length)) return true;
  return false;
}

const LIST_SEP = ['、', '和', '及', '与', ' '];

const PARTY_COMMITTEE = lexicon().organisations.partyCommittee;

/** A speaker: a name opening a clause before a speech verb, 一行 and a movement, or 同志. */
const SPEAKER = new RegExp(
  `(?<=^|[”"。!?,:;\\n ])([\\u4e00-\\u9fff]{2,4}?)(?=${lexicon().verbs.speech}[,:。!?“]|一行(?:来|到|赴|深入|先后|首先|实地)|同志[,。、])`,
  'g',
);

/** Finds person mentions in text[from, to); `masked` spans (bylines) are skipped. */
export function findPeople(
  text: string,
  from: number,
  to: number,
  masked: (i: number) => boolean,
): PersonMention[] {
  const out: PersonMention[] = [];
  const seg = text.slice(from, to);
  // where the next title is looked for (a list of names read after a title moves it on)
  let next = from;
  for (let m = TITLE_FINDER.find(text, next, to); m; m = TITLE_FINDER.find(text, next, to)) {
    const ts = m.index;
    const te = ts + m.word.length;
    next = te;
    if (masked(ts)) continue;
    const word = m.word;
    // a word for people before a name (村民张三); 同志 only follows one
    const noun = NOUNS.beforeName.has(word);
    const nameAfter = noun || TITLES.official.has(word);
    // names after the title, possibly an enumeration
    let i = te;
    if (text[i] === ' ' && isCjkCode(text.charCodeAt(i + 1))) i++;
    let first = nameAfter ? (nameAt(text, i, to) ?? transliteratedNameAt(text, i, to)) : null;
    // after a common noun (居民满意度, 党员干部) a name needs a clear end: punctuation, a verb word,
    // or a list's end or join
    if (
      first &&
      (noun || WEAK_TITLES.has(word)) &&
      followerAt(text, first.end) < 2 &&
      !CLEAR_END.test(text[first.end] ?? '.') &&
      !CLEAR_END_WORD.test(text[first.end] ?? '')
    ) {
      first = null;
    }
    // a bare word for people is often an object (回应群众关切, 引导牧民储草): without a modifier
    // (困难群众, 老党员) its name is a full one (残疾人何建坡) or a transliterated one (牧户新巴特尔)
    if (first && noun && !modifierEndingAt(text, ts) && surnameLength(first.name) && first.name.length < 3)
      first = null;
    if (first && !masked(i)) {
      // descriptors are no positions (老党员王某: a person, not an official)
      // a position never reaches back over a name found before it (…书记姚甲河受县委书记戴正明)
      const floor = Math.max(from, Math.min(ts, out[out.length - 1]?.end ?? from));
      const positions = positionsBefore(text, te, floor, word.length).filter((p) => !isDescriptor(p));
      while (first) {
        out.push({ name: first.name, start: i, end: first.end, positions, via: 'title' });
        const sep = LIST_SEP.find((s) => text.startsWith(s, first!.end));
        if (!sep) break;
        i = first.end + sep.length;
        let nxt =
          nameAt(text, i, to) ?? (sep === '、' ? bareNameAt(text, i, to) : transliteratedNameAt(text, i, to));
        // one item that is no name does not end a 、 list: the next item may be (…、宝音满都呼、王力平)
        if (!nxt && sep === '、') {
          const skip = /^[\u4e00-\u9fff]{2,7}、/.exec(text.slice(i, i + 8));
          // an item with a title of its own (、副主任许秋平、) is read from that title
          let titled = false;
          for (let k = 0; skip && k < skip[0].length - 1; k++) titled ||= TITLES.headAt(text, i + k);
          if (skip && !titled) {
            const after = i + skip[0].length;
            const again = nameAt(text, after, to);
            if (again && !TITLES.headAt(text, again.end)) {
              i = after;
              nxt = again;
            }
          }
        }
        // a list continues only with names that end where another name or the verb follows
        if (!nxt || TITLES.headAt(text, nxt.end)) break;
        first = nxt;
      }
      next = Math.max(next, i);
      continue;
    }
    // a name before the title: 习近平总书记, 省委袁家军书记, 张三同志
    if (TITLES.afterName.has(word) || NOUNS.afterName.has(word)) {
      for (const len of [3, 2, 4]) {
        const s = ts - len;
        if (s < from || masked(s)) continue;
        const cand = text.slice(s, ts);
        // 同志 closes the name itself (张左己同志), a title does not (李四平书记)
        if (!validName(cand, NOUNS.afterName.has(word)) || startsInsideWord(text, s)) continue;
        const org = PARTY_COMMITTEE.exec(text.slice(Math.max(from, s - 3), s));
        const position = NOUNS.afterName.has(word) ? [] : [(org ? org[1] : '') + word];
        out.push({ name: cand, start: s, end: ts, positions: position, via: 'before-title' });
        break;
      }
    } else if (!noun && nameAfter) {
      const before = nameBeforeTitle(text, ts, word, from, masked);
      if (before) out.push(before);
    }
  }
  untitledLists(text, seg, from, masked, out);
  // 习近平新时代中国特色社会主义思想, 李四重要讲话精神: a name before a studied work is a person, referenced
  for (const m of seg.matchAll(NAMED_WORK)) {
    const at = from + m.index;
    for (const len of [3, 2]) {
      const start = at - len;
      if (start < from || masked(start)) continue;
      const cand = text.slice(start, at);
      // the name opens a clause or follows a study verb (贯彻习近平…, 学习王明…); 共同富裕重要… is none
      const before = text.slice(Math.max(from, start - 4), start);
      if (!validName(cand) || !(before === '' || /[,。;:、“(\s以]$/.test(before) || STUDY_END.test(before)))
        continue;
      out.push({ name: cand, start, end: at, positions: [], via: 'before-title' });
      break;
    }
  }
  // speakers: “……”张三说 / 。张三表示
  for (const m of seg.matchAll(SPEAKER)) {
    const start = from + m.index;
    if (masked(start) || !validName(m[1]!)) continue;
    out.push({ name: m[1]!, start, end: start + m[1]!.length, positions: [], via: 'speaker' });
  }
  return out;
}

/**
 * A name without a Han surname right after a title (旗人大常委会副主任宝日夫、, 旗级人大代表胡日沁必力格时):
 * three to seven characters that punctuation or a two-character verb word closes, with no function
 * word, organisation word or title inside, and no verb word at its start.
 */
function bareNameAt(text: string, i: number, limit: number): { name: string; end: number } | null {
  if (followerAt(text, i) > 0) return null;
  for (let e = i + 1; e < Math.min(limit, i + 8); e++) {
    const c = text.charCodeAt(e - 1);
    if (!isCjkCode(c) || NAMES.closedStops.has(text[e - 1]!)) return null;
    if (e - i < 3) {
      if (e > i + 1 && followerAt(text, e - 1) >= 2) return null;
      continue;
    }
    if (!CLOSING_MARK.test(text[e] ?? '') && followerAt(text, e) < 2) continue;
    const name = text.slice(i, e);
    if (NOT_NAMES.has(name.slice(0, 2)) || HEAD_INSIDE.test(name)) return null;
    return { name, end: e };
  }
  return null;
}

/**
 * A name without a Han surname right after a title or a word for people (旗政协主席宝力道、,
 * 副主任宝龙先后到, 牧户敖特根巴雅尔家): two to seven characters of transliterated names
 * (transliteration-chars.tsv), closed by punctuation or a follower word; never a word that itself
 * follows names, nor a place (达拉特旗).
 */
const TRANSLITERATION = NAMES.transliteration;
function transliteratedNameAt(text: string, i: number, limit: number): { name: string; end: number } | null {
  if (followerAt(text, i) > 0) return null;
  let k = i;
  while (k < limit && k - i < 7 && TRANSLITERATION.has(text[k]!)) k++;
  for (let e = k; e >= i + 2; e--) {
    const next = text[e] ?? '';
    if (PLACE_SUFFIX_AFTER.has(next)) return null;
    if (!CLOSING_MARK.test(next) && !followerAt(text, e)) continue;
    const name = text.slice(i, e);
    return NOT_NAMES.has(name.slice(0, 2)) ? null : { name, end: e };
  }
  return null;
}

/** A decision verb or a position opener written just before a name (决定郑皓副区长代理…). */
const VERB_BEFORE_NAME = new RegExp(`(?:${DECISION_VERB.source}|${NAMES.positionOpeners})$`);

/**
 * A name written right before a title that does not usually follow names (决定郑皓副区长代理…,
 * 研究室主任赵密珍研究员等): after a decision verb, a position opener or a title of its own (whose
 * positions it keeps). Never before a title that starts with a level character (张家镇长 is the head
 * of 张家镇), a weak one, or one inside an organisation's name (区人大常委会).
 */
function nameBeforeTitle(
  text: string,
  ts: number,
  word: string,
  from: number,
  masked: (i: number) => boolean,
): PersonMention | null {
  if (WEAK_TITLES.has(word) || PLACE_SUFFIX_AFTER.has(word[0]!)) return null;
  // a title followed by an organisation word is part of the organisation's name (区人大常委会)
  const te = ts + word.length;
  if (ORG_END.test(text.slice(te, te + 1)) || ORG_END.test(text.slice(te, te + 2))) return null;
  for (const len of [3, 2]) {
    const s = ts - len;
    if (s < from || masked(s)) continue;
    const cand = text.slice(s, ts);
    if (!validName(cand) || startsInsideWord(text, s)) continue;
    const titled =
      s > from && TITLES.headEndingAt(text, s) !== undefined && endsWithTitle(text.slice(from, s));
    // a name that merely opens a clause is not enough: too many words before a title fit a name
    if (!titled && !VERB_BEFORE_NAME.test(text.slice(Math.max(from, s - 4), s))) continue;
    const positions = titled ? positionsBefore(text, s, from) : [];
    return { name: cand, start: s, end: ts, positions: [...positions, word], via: 'before-title' };
  }
  return null;
}

/** A title or a word for people anywhere in a word (困难群众石香莲 is no bare name). */
const HEAD_INSIDE = new RegExp(alternation(TITLE_WORDS));

/** A work written right after its author's name: 重要 and a work, or a work's full title (新时代…思想). */
const NAMED_WORK = new RegExp(
  `(?:(?:同志)?(?:的)?重要${NAMES.works}|${lexicon()
    .names.worksList.filter((w) => w.length >= 4)
    .join('|')})`,
  'g',
);

const STUDY_END = new RegExp(`${NAMES.studyVerbs}(?:了)?$`);

/** A run of 、-separated words in a segment: CJK characters, middle dots and 、. */
const isListChar = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || c === 0xb7; // [\u4e00-\u9fff·]
/** Where the run found by the last nextListRun() call ends. */
let listRunEnd = 0;

/**
 * The next run of names joined by 、 in s at or after `from` (what /[\u4e00-\u9fff·]+(?:、[\u4e00-\u9fff·]+)+/g
 * matches): its start, its end in listRunEnd; -1 when none. Found from the 、 outwards: the regex tried
 * every position of a run of Han characters and read the run to its end each time (quadratic in a
 * clause's length, 3% of extraction).
 */
function nextListRun(s: string, from: number): number {
  for (let k = s.indexOf('、', from); k >= 0; k = s.indexOf('、', k + 1)) {
    if (k === from || !isListChar(s.charCodeAt(k - 1)) || !isListChar(s.charCodeAt(k + 1))) continue;
    let start = k - 1;
    while (start > from && isListChar(s.charCodeAt(start - 1))) start--;
    let end = k + 1;
    for (;;) {
      while (isListChar(s.charCodeAt(end))) end++;
      if (s.charCodeAt(end) !== 0x3001 || !isListChar(s.charCodeAt(end + 1))) break;
      end++;
    }
    listRunEnd = end;
    return start;
  }
  return -1;
}
/** A count after 等 (等16位, 等5名, 等18人). */
const COUNT = /^(?:[\d一二三四五六七八九十两百]+(?:位|名|人|个))?/;
/** Nouns for people that are no position (等困难群众, 等工作人员): person-nouns.tsv after_list. */
const PERSON_NOUN = new RegExp(`^[\\u4e00-\\u9fff]{0,3}${alternation(NOUNS.afterList)}`);

/** 和/及/与 and a group named by a title (周乃翔、葛慧君和大会主席团成员在…): the list ends before it. */
function joinsTitledGroup(rest: string): boolean {
  if (!/^[和及与]/.test(rest)) return false;
  for (let k = 3; k <= Math.min(rest.length, 13); k++) if (endsWithTitle(rest.slice(1, k))) return true;
  return false;
}

/** Whether s is a name of a list item: a Han name closed by 、, or a transliterated name. */
function listName(s: string): boolean {
  return s.includes('·')
    ? /^[\u4e00-\u9fff]{1,7}(?:·[\u4e00-\u9fff]{1,7}){1,3}$/.test(s)
    : validName(s, true);
}

/**
 * Lists of names with no title before them (黄茂军、何积光、卫强担任; 谢东、…邹晓宇等区领导;
 * 李向林、…唐秀林等16位原市级领导): every item is a name, the list opens a clause (or follows 由 or
 * 的是:) and ends in 等 and a title or a word for people, or in a verb word. A title after the list
 * goes to every name; so does the title of "X由…担任" and "担任X的是:…".
 */
function untitledLists(
  text: string,
  seg: string,
  from: number,
  masked: (i: number) => boolean,
  out: PersonMention[],
): void {
  for (let runAt = nextListRun(seg, 0); runAt >= 0; runAt = nextListRun(seg, listRunEnd)) {
    const run = seg.slice(runAt, listRunEnd);
    const runStart = from + runAt;
    const items = run.split('、');
    // the first item: a name at its end, after nothing or after 由 / 的是
    const head = items[0]!;
    let firstName: string | null = null;
    let lead = '';
    for (const len of [3, 2, 4]) {
      const cand = head.slice(head.length - len);
      const before = head.slice(0, head.length - len);
      if (len <= head.length && listName(cand) && (before === '' || /(?:由|的是|了)$/.test(before))) {
        firstName = cand;
        lead = before;
        break;
      }
    }
    if (!firstName && head.includes('·') && listName(head)) firstName = head;
    if (!firstName) continue;
    // the last item: a name at its start, then 等…, or a verb word
    const tail = items[items.length - 1]!;
    let lastName: string | null = null;
    let after = '';
    for (const len of tail.includes('·') ? [tail.length] : [3, 2, 4]) {
      const cand = tail.slice(0, len);
      if (len > tail.length || !listName(cand)) continue;
      const rest = tail.slice(len);
      const restAt = runStart + run.length - rest.length;
      if (
        rest.startsWith('等') ||
        (rest && followerAt(text, restAt) >= 2) ||
        (!rest && /[,。]/.test(text[restAt] ?? '')) ||
        joinsTitledGroup(rest)
      ) {
        lastName = cand;
        after = rest;
        break;
      }
    }
    if (!lastName || !items.slice(1, -1).every(listName)) continue;
    const names = [firstName, ...items.slice(1, -1), lastName];
    let positions: string[] = [];
    if (after.startsWith('等')) {
      // the shortest title phrase after 等 (等区领导和大会主席团成员 → 区领导)
      const afterAt = runStart + run.length - after.length;
      const noun = /^[\u4e00-\u9fff]*/.exec(text.slice(afterAt + 1, afterAt + 24).replace(COUNT, ''))![0];
      let title = '';
      for (let k = 2; k <= Math.min(noun.length, 12) && !title; k++)
        if (endsWithTitle(noun.slice(0, k))) title = noun.slice(0, k);
      if (title) positions = [title];
      else if (!PERSON_NOUN.test(noun)) continue; // 舞泉、辛安等乡镇: places, not people
    } else if (!after && !/[,。]/.test(text[runStart + run.length] ?? '')) continue;
    if (!positions.length) {
      // 执行主席由A、B担任 / 担任本次大会执行主席的是:A、B
      const before = text.slice(Math.max(from, runStart - 24), runStart + lead.length);
      const by =
        /([\u4e00-\u9fff]{2,20}?)由$/.exec(before) ?? /担任([\u4e00-\u9fff]{2,20}?)的是:?$/.exec(before);
      if (by && endsWithTitle(by[1]!)) positions = [by[1]!.replace(/^本次会议/, '')];
    }
    // items are at known offsets: the run is the names and the 、 between them
    let at = runStart + lead.length;
    for (const name of names) {
      if (!masked(at)) out.push({ name, start: at, end: at + name.length, positions, via: 'title' });
      at += name.length + 1;
    }
  }
}

/**
 * The names found on a page, indexed for one left-to-right pass: the first two characters of a
 * name (as one number) give a bit mask of the name lengths that start with them.
 */
export interface KnownNames {
  readonly names: ReadonlySet<string>;
  readonly byStart: PairIndex;
  /** A bit for each UTF-16 code a known name begins with: most positions are skipped without a lookup. */
  readonly firstChars: Uint32Array;
  /** Names too long for the mask (more than 30 characters), searched one by one. */
  readonly long: readonly string[];
}

const MAX_MASKED = 30;
const NO_FIRST_CHARS = new Uint32Array(2048);
const pairAt = (s: string, at: number) => (s.charCodeAt(at) << 16) | s.charCodeAt(at + 1);

export function knownNames(list: Iterable<string>): KnownNames {
  const names = new Set(list);
  const byStart = new PairIndex(6);
  const firstChars = names.size ? new Uint32Array(2048) : NO_FIRST_CHARS;
  const long: string[] = [];
  for (const name of names) {
    if (name.length < 2) continue; // never a name: validName needs a given name
    const c = name.charCodeAt(0);
    firstChars[c >>> 5]! |= 1 << (c & 31);
    if (name.length > MAX_MASKED) {
      long.push(name);
      continue;
    }
    const key = pairAt(name, 0);
    byStart.or(key, 1 << name.length);
  }
  return { names, byStart, firstChars, long };
}

/**
 * Later bare mentions of already-found names (徐旭强调, 居亚平一行) in text[from, to): every
 * occurrence followed by a follower word or punctuation. One pass over the span, whatever the
 * number of names: searching the page once per name made long pages quadratic. A longer name that
 * merely begins with a known one (方明 in 方明华) is not taken, because 华 is no follower.
 */
export function findKnown(
  text: string,
  from: number,
  to: number,
  known: KnownNames,
  taken: (i: number) => boolean,
): PersonMention[] {
  const out: PersonMention[] = [];
  const accept = (name: string, i: number) => {
    if (taken(i) || followerAt(text, i + name.length) === 0) return;
    out.push({ name, start: i, end: i + name.length, positions: [], via: 'known' });
  };
  const first = known.firstChars;
  for (let i = from; i + 1 < to; i++) {
    const c = text.charCodeAt(i);
    if (!((first[c >>> 5]! >>> (c & 31)) & 1)) continue;
    const lengths = known.byStart.get(pairAt(text, i));
    if (!lengths) continue;
    for (let len = 2; len <= MAX_MASKED && i + len <= to; len++) {
      if (!(lengths & (1 << len))) continue;
      const name = text.slice(i, i + len);
      if (known.names.has(name)) accept(name, i);
    }
  }
  if (known.long.length) {
    const span = text.slice(from, to);
    for (const name of known.long)
      for (let k = span.indexOf(name); k >= 0; k = span.indexOf(name, k + 1)) accept(name, from + k);
  }
  return out;
}

const WORK_AFTER_NAME = new RegExp(`^(?:总书记|同志|书记|主席)?(?:的)?(?:重要)?${NAMES.works}`);
const STUDY_BEFORE_NAME = new RegExp(`${NAMES.studyVerbs}[^,。]{0,2}$`);

/** National leaders and people whose words are studied are referenced, not present. */
export function isReferenced(text: string, m: PersonMention): boolean {
  if (m.positions.some((p) => TITLES.referenceWhole.has(p) || TITLES.referenceEnd.some((e) => p.endsWith(e))))
    return true;
  const after = text.slice(m.end, m.end + 24);
  const clause = after.split(/[,。;!?]/)[0] ?? '';
  const work = WORK_AFTER_NAME.exec(clause);
  // 周涛讲话。 is someone speaking at the event; 习近平讲话精神 / 的重要讲话 are studied texts
  if (work && !(work[0] === '讲话' && !/^讲话(?:精神|要求|指示)/.test(clause))) return true;
  if (
    /^(?:总书记|同志|书记)?(?:[^,。]{0,3})?在.{1,20}时/.test(clause) &&
    /时(?:强调|指出|说|表示)/.test(after)
  )
    return true;
  const before = text.slice(Math.max(0, m.start - 6), m.start);
  if (STUDY_BEFORE_NAME.test(before)) return true;
  // 受县委书记戴正明委托, X…: the one who delegates is named, the delegate is there
  return DELEGATED.test(after) && /受[^,。;]{0,16}$/.test(text.slice(Math.max(0, m.start - 17), m.start));
}

/** Right after a name: it delegated someone else (受…戴正明委托). */
const DELEGATED = /^(?:同志)?(?:的)?委托/;
