// Personnel decisions (issue 10 §4): 任命A为X (appoint), 免去A的X职务 (remove), A辞去X职务 (resign),
// A当选为X / 选举A为X (elect). The verbs, their actions and frames are data (appointment-verbs.tsv);
// this module keeps the grammar: where the names and the position stand around each frame, how a
// coordinated object without a verb of its own (任命A为X,B为Y) inherits it, and how one decision
// written twice (headline and body, 任命…代理县长 and 决定…代理…县长职务) becomes one entry.
import { lexicon, type AppointmentAction, type AppointmentVerb } from './lexicon.ts';
import { endsWithTitle, validName, type PersonMention } from './people.ts';
import type { Span } from './segment.ts';

export interface AppointmentDraft {
  name: string;
  action: AppointmentAction;
  /** The position as written (代理 kept: 代理县长, 代理通州区人民政府区长). */
  position: string;
  /** The sentence (or headline line) it was read from. */
  sentence: Span;
  /** Read from the headline, not the body: the body's form wins when both give it. */
  headline: boolean;
  /** Read from the acting frame (A代理X职务), which often restates a 任命 of the same item. */
  restated: boolean;
}

const VERBS = lexicon().appointments.byFirst;
const TITLES = lexicon().titles;
/** 1 for each UTF-16 code a verb begins with: most characters are passed without a lookup. */
const VERB_FIRST = new Uint8Array(65536);
for (const first of VERBS.keys()) VERB_FIRST[first.charCodeAt(0)] = 1;

/** Ends a clause: names and positions never run across these. */
const CLAUSE_END = /[,;。!?:\n“”"《》()（）【】\s]/;
/** How far back a list of names, and how far on a position, is read. */
const MAX_NAMES = 80;
const MAX_POSITION = 50;
/** Separators of a list of names. */
const NAME_SEP = /[、,]/;
/** Words a name in a decision may carry after it: 同志, 等18人, 请求, 分别. */
const NAME_TAIL = /(?:同志|等[\d一二三四五六七八九十百]+(?:名|位|人)?(?:同志|人)?|请求|分别|均)$/;
/** Words a decision's first name follows (决定接受张左己同志辞去, 代表候选人韩正): they close the name before. */
const LEAD_IN = /(?:接受|同意|批准|决定|会议|的|人|是)$/;
/** The first character of a jurisdiction written right after a name (王科区人民法院院长). */
const JURISDICTION_START = /^[省市县区州旗镇乡]/;
const DOTTED = /^[\u4e00-\u9fff]{1,7}(?:·[\u4e00-\u9fff]{1,7}){1,3}$/;

/** The verb written at text[i], longest first; null where none (or where it is part of 担任, 主任). */
function verbAt(text: string, i: number): AppointmentVerb | null {
  if (!VERB_FIRST[text.charCodeAt(i)]) return null;
  const list = VERBS.get(text[i]!);
  if (!list) return null;
  for (const v of list) if (text.startsWith(v.verb, i) && !(i > 0 && v.notAfter.has(text[i - 1]!))) return v;
  return null;
}

/** Whether a table verb starts anywhere in s (a new decision, not part of a list). */
function hasVerb(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (verbAt(s, k)) return true;
  return false;
}

type Token = { name: string } | 'position' | null;

/**
 * One item of a list of names in a decision: [position]name[同志], name[title] (郑皓副区长), or a
 * bare position of the next name (伊犁州党委副书记、州长叶尔夏提·吐尔逊拜 → 'position').
 * `free`: anything may stand before the name (the first item of a list read backwards).
 */
function nameToken(text: string, start: number, end: number, mentions: MentionIndex, free: boolean): Token {
  let s = text.slice(start, end);
  for (let m = NAME_TAIL.exec(s); m && m[0].length < s.length; m = NAME_TAIL.exec(s)) s = s.slice(0, m.index);
  if (!s) return null;
  const known = mentions.byEnd.get(start + s.length);
  if (known && known.start >= start) return { name: known.name };
  const prefixOk = (p: string) => p === '' || free || endsWithTitle(p);
  const suffixName = (t: string): string | null => {
    const dot = t.indexOf('·');
    if (dot >= 0) {
      // the longest title before the name is the name's (州长叶尔夏提·吐尔逊拜), else the whole item
      for (let k = dot - 1; k > 0; k--)
        if (endsWithTitle(t.slice(0, k)) && DOTTED.test(t.slice(k))) return t.slice(k);
      return prefixOk('') && DOTTED.test(t) ? t : null;
    }
    for (const len of [3, 2, 4]) {
      if (len > t.length) continue;
      const name = t.slice(t.length - len);
      const prefix = t.slice(0, t.length - len);
      if (!prefixOk(prefix)) continue;
      // the list item closes the name: a given name may hold 有, 科 (张有力, 王科), unless free text precedes it
      const closed = prefix === '' || endsWithTitle(prefix) || LEAD_IN.test(prefix);
      if (validName(name, closed)) return name;
    }
    return null;
  };
  const head = TITLES.headEnding(s);
  if (head) {
    // 郑皓副区长: a title after the name; otherwise the item is a position of the next name
    const before = s.slice(0, s.length - head.length);
    const name = before ? suffixName(before) : null;
    return name ? { name } : 'position';
  }
  const name = suffixName(s);
  return name ? { name } : null;
}

/** Names of a list written in text[from, to), right to left; the first item may carry anything before it. */
function namesBefore(text: string, from: number, to: number, mentions: MentionIndex): string[] | null {
  const items: Span[] = [];
  let e = to;
  for (let k = to - 1; k >= from; k--)
    if (NAME_SEP.test(text[k]!)) {
      items.unshift({ start: k + 1, end: e });
      e = k;
    }
  items.unshift({ start: from, end: e });
  const names: string[] = [];
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k]!;
    const tok = splitConjoined(text, it, mentions, k === 0);
    if (!tok) {
      if (k === items.length - 1) return null;
      break;
    }
    if (tok !== 'position') names.unshift(...tok);
  }
  return names.length ? names : null;
}

/** An item, or two joined by 和/及/与 (杰恩斯·哈德斯和赛力克·哈布肯): their names, or 'position'. */
function splitConjoined(
  text: string,
  it: Span,
  mentions: MentionIndex,
  free: boolean,
): string[] | 'position' | null {
  const tok = nameToken(text, it.start, it.end, mentions, free);
  const whole = tok && tok !== 'position' ? [tok.name] : tok;
  for (let k = it.end - 2; k > it.start; k--) {
    if (!'和及与'.includes(text[k]!)) continue;
    const left = nameToken(text, it.start, k, mentions, free);
    const right = nameToken(text, k + 1, it.end, mentions, false);
    // A和B; or A和 the title of the next item (…杰恩斯·哈德斯和阿勒泰地区人大工委党组副书记、主任B)
    if (left && left !== 'position' && right)
      return right === 'position' ? [left.name] : [left.name, right.name];
  }
  return whole;
}

/** Names of a list written in text[from, to) after a verb (every item strict). */
function namesAfter(text: string, from: number, to: number, mentions: MentionIndex): string[] | null {
  if (text.slice(from, to) === '其') return null;
  const names: string[] = [];
  let s = from;
  for (let k = from; k <= to; k++) {
    if (k < to && !NAME_SEP.test(text[k]!)) continue;
    const tok = splitConjoined(text, { start: s, end: k }, mentions, false);
    if (!tok) return null;
    if (tok !== 'position') names.push(...tok);
    s = k + 1;
  }
  return names.length ? names : null;
}

/**
 * The positions written from text[at]: up to the clause's end, 职务 or 一职, split at 、 where each
 * part ends with a title (市、县人大代表 stays one), and at 和 after 分别. Empty when none ends with a title.
 */
function positionsAt(
  text: string,
  at: number,
  limit: number,
  distributive: boolean,
): { list: string[]; end: number } {
  let e = at;
  while (e < limit && e - at < MAX_POSITION && !CLAUSE_END.test(text[e]!)) e++;
  let region = text.slice(at, e);
  const post = /(?:的)?(?:职务|一职)/.exec(region);
  if (post) region = region.slice(0, post.index);
  let end = post ? at + post.index + post[0].length : at + region.length;
  const list: string[] = [];
  let pending = '';
  let from = 0;
  for (const part of region.split(distributive ? /[、和]/ : /、/)) {
    const next = verbAt(part, 0);
    if (next && next.frame !== 'acting' && list.length) {
      end = at + from - 1; // 、选举余靖为…: the next decision starts here
      break;
    }
    from += part.length + 1;
    const p = pending ? `${pending}、${part}` : part;
    if (endsWithTitle(p) && !/^(?:的|者)/.test(p)) {
      list.push(p);
      pending = '';
    } else pending = p;
  }
  return { list, end };
}

/** The name right after a verb of the object-post frame (免去卢炳椿泉州市…): its end, past 同志 and 的. */
function nameAfter(
  text: string,
  at: number,
  limit: number,
  mentions: MentionIndex,
): { name: string; end: number } | null {
  const known = mentions.byStart.get(at);
  let name: string | null = known ? known.name : null;
  if (!name) {
    const window = text.slice(at, Math.min(limit, at + 24));
    const dot = window.indexOf('·');
    if (dot > 0 && dot <= 7) {
      const m = /^([\u4e00-\u9fff]{1,7}(?:·[\u4e00-\u9fff]{1,7}){1,3}?)(?=同志|的)/.exec(window);
      if (m) name = m[1]!;
    } else {
      // a name followed by 同志 or 的 is sure; else three characters, unless the third starts a jurisdiction
      const closed = [3, 2, 4]
        .map((len) => window.slice(0, len))
        .find((n) => validName(n, true) && /^(?:同志|的)/.test(window.slice(n.length)));
      const fits = [3, 2, 4].filter((len) => validName(window.slice(0, len)));
      name =
        closed ??
        (fits.includes(3) && !(fits.includes(2) && JURISDICTION_START.test(window.slice(2)))
          ? window.slice(0, 3)
          : null) ??
        (fits.length ? window.slice(0, fits[0]!) : null);
    }
  }
  if (!name) return null;
  let end = at + name.length;
  if (text.startsWith('同志', end)) end += 2;
  if (text[end] === '的') end++;
  return { name, end };
}

/** The page's person mentions by where they start and end: a name found elsewhere is taken as found. */
export interface MentionIndex {
  byStart: ReadonlyMap<number, PersonMention>;
  byEnd: ReadonlyMap<number, PersonMention>;
}

const NO_MENTIONS: MentionIndex = { byStart: new Map(), byEnd: new Map() };

/** The sentence of a group that holds offset i (the last one when none does). */
function sentenceIn(group: readonly Span[], i: number): Span {
  return group.find((x) => i < x.end) ?? group[group.length - 1]!;
}

/** Where the clause before `at` begins: the names of a subject frame stand there. */
function clauseStart(text: string, at: number, floor: number): number {
  let k = at;
  while (k > floor && at - k < MAX_NAMES && !CLAUSE_END.test(text[k - 1]!)) k--;
  return k;
}

/**
 * Decisions written in one span of text (a headline line, or sentences joined by ; in `group`),
 * each entry with the sentence of the group it was read in. Module functions, not closures made per
 * span: under tsx each named closure costs a defineProperty call, and this runs for every sentence.
 */
function decisionsIn(
  text: string,
  span: Span,
  mentions: MentionIndex,
  headline: boolean,
  out: AppointmentDraft[],
  lastElected: { position: string | null },
  group: readonly Span[] = [span],
): void {
  const { start, end } = span;
  let at = start;
  let floor = start;
  for (let i = start; i < end; i++) {
    const verb = verbAt(text, i);
    if (!verb) continue;
    at = i;
    const after = i + verb.verb.length;
    if (verb.frame === 'object-as') {
      const res = objectAs(text, after, end, mentions, []);
      if (!res) continue;
      addDrafts(out, res.names, verb.action, res.positions, sentenceIn(group, at), headline, false);
      let { names, to } = res;
      // 任命A为X,B为Y / 推选A为X;B、C为Y: a following clause without a verb of its own inherits it
      while (to < end && /[,;、]/.test(text[to]!)) {
        const next = objectAs(text, to + 1, end, mentions, names);
        if (!next) break;
        at = to + 1;
        addDrafts(out, next.names, verb.action, next.positions, sentenceIn(group, at), headline, false);
        ({ names, to } = next);
      }
      i = to - 1;
      floor = to;
    } else if (verb.frame === 'object-post') {
      const who = nameAfter(text, after, end, mentions);
      if (!who) continue;
      const pos = positionsAt(text, who.end, end, false);
      if (!pos.list.length) continue;
      addDrafts(out, [who.name], verb.action, pos.list, sentenceIn(group, at), headline, false);
      i = pos.end - 1;
      floor = pos.end;
    } else {
      // subject and acting: the names before the verb, the position after it
      const distributive = text.startsWith('分别', i - 2);
      const pos = positionsAt(text, after, end, distributive);
      let positions = pos.list;
      // 韩正、郑建邦同志当选。: a bare 当选 takes the position of the 当选为 before it
      if (
        !positions.length &&
        verb.action === 'elect' &&
        lastElected.position &&
        /[,;。]/.test(text[after] ?? '')
      )
        positions = [lastElected.position];
      if (verb.action === 'elect' && pos.list.length) lastElected.position = pos.list[pos.list.length - 1]!;
      if (!positions.length) continue;
      const names = namesBefore(text, clauseStart(text, i, floor), i, mentions);
      if (!names) continue;
      if (verb.frame === 'acting') positions = positions.map((p) => verb.verb + p);
      const restated = verb.frame === 'acting';
      if (distributive && positions.length === names.length && names.length > 1)
        names.forEach((n, k) =>
          addDrafts(out, [n], verb.action, [positions[k]!], sentenceIn(group, at), headline, restated),
        );
      else addDrafts(out, names, verb.action, positions, sentenceIn(group, at), headline, restated);
      const to = Math.max(pos.end, after);
      i = to - 1;
      floor = to;
    }
  }
}

/** One entry per name and position. */
function addDrafts(
  out: AppointmentDraft[],
  names: string[],
  action: AppointmentAction,
  positions: string[],
  sentence: Span,
  headline: boolean,
  restated: boolean,
): void {
  for (const name of names)
    for (const position of positions) out.push({ name, action, position, sentence, headline, restated });
}

/** names 为 positions from text[at]: the first 为 whose names and positions both read. 其 stands for `previous`. */
function objectAs(
  text: string,
  at: number,
  limit: number,
  mentions: MentionIndex,
  previous: string[],
): { names: string[]; positions: string[]; to: number } | null {
  for (let k = at + 1; k < limit && k - at <= MAX_NAMES; k++) {
    const ch = text[k]!;
    if (/[;。!?:\n]/.test(ch)) return null;
    if (ch !== '为') continue;
    const region = text.slice(at, k);
    if (hasVerb(region)) return null;
    const names = region === '其' && previous.length ? previous : namesAfter(text, at, k, mentions);
    if (!names) continue;
    const pos = positionsAt(text, k + 1, limit, false);
    if (!pos.list.length) continue;
    return { names, positions: pos.list, to: pos.end };
  }
  return null;
}

/**
 * Every decision of an item: the headline lines and body sentences are read in order; entries that
 * give one decision twice (one person, action and title, in compatible offices) are merged, the
 * body's most frequent form first, then the longest.
 */
export function findAppointments(
  text: string,
  headlines: readonly Span[],
  sentences: readonly Span[],
  mentions: readonly PersonMention[],
): { draft: AppointmentDraft; sentences: Span[] }[] {
  const drafts: AppointmentDraft[] = [];
  const lastElected = { position: null as string | null };
  const index: MentionIndex = { byStart: new Map(), byEnd: new Map() };
  for (const m of mentions) {
    (index.byStart as Map<number, PersonMention>).set(m.start, m);
    (index.byEnd as Map<number, PersonMention>).set(m.end, m);
  }
  for (const h of headlines) decisionsIn(text, h, NO_MENTIONS, true, drafts, lastElected);
  // sentences joined by ; are read together (推选A为X;B、C为Y), each entry keeping its own sentence
  for (let k = 0; k < sentences.length;) {
    let j = k;
    while (
      j + 1 < sentences.length &&
      /[;；]$/.test(text.slice(sentences[j]!.start, sentences[j]!.end).trimEnd())
    )
      j++;
    const group = sentences.slice(k, j + 1);
    const span = { start: group[0]!.start, end: group[group.length - 1]!.end };
    decisionsIn(text, span, index, false, drafts, lastElected, group);
    k = j + 1;
  }
  // one person's decisions of one action are few: groups are searched within them only
  const groups: AppointmentDraft[][] = [];
  const byPerson = new Map<string, AppointmentDraft[][]>();
  for (const d of drafts) {
    const key = `${d.name}\t${d.action}`;
    let own = byPerson.get(key);
    if (!own) byPerson.set(key, (own = []));
    const g = own.find((list) => list.some((x) => sameDecision(x, d)));
    if (g) g.push(d);
    else {
      own.push([d]);
      groups.push(own[own.length - 1]!);
    }
  }
  return groups.map((list) => {
    const body = list.filter((d) => !d.headline);
    const pool = body.length ? body : list;
    const count = (p: string) => pool.filter((d) => d.position === p).length;
    // a 任命/当选 statement names the decision; 代理…职务 restates it (王永礼代理泉州市人民政府市长职务)
    const best = [...pool].sort(
      (a, b) =>
        count(b.position) - count(a.position) ||
        Number(a.restated) - Number(b.restated) ||
        b.position.length - a.position.length,
    )[0]!;
    const sentences: Span[] = [];
    for (const d of list) if (!sentences.includes(d.sentence)) sentences.push(d.sentence);
    return { draft: best, sentences };
  });
}

/** A position as acting flag, bare title and organisation (代理通州区人民政府区长 → 代, 区长, 通州区政府). */
function titleOf(position: string): { acting: boolean; title: string; org: string } {
  let p = position;
  let acting = false;
  if (p.startsWith('代理')) {
    acting = true;
    p = p.slice(2);
  }
  const title = TITLES.headEnding(p) ?? p;
  let org = p.slice(0, p.length - title.length);
  if (org.endsWith('代理')) {
    acting = true;
    org = org.slice(0, -2);
  }
  return { acting, title, org: org.replace(/人民/g, '') };
}

function sameDecision(a: AppointmentDraft, b: AppointmentDraft): boolean {
  if (a.name !== b.name || a.action !== b.action) return false;
  const x = titleOf(a.position);
  const y = titleOf(b.position);
  if (x.acting !== y.acting || x.title !== y.title) return false;
  // one office written shorter or longer (崇明区 / 上海市崇明区人民政府, 人大 / 古井镇人大)
  const [short, long] = x.org.length <= y.org.length ? [x.org, y.org] : [y.org, x.org];
  return !short || (short.length >= 2 && long.includes(short));
}
