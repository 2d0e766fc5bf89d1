// Extraction in one pass: the bare-mention search (findKnown) finds exactly what a search per name
// finds, and a page of many items with many different names is read whole. No timing here: the time
// and memory targets live in npm run bench:extract.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractStream, extractText } from '../../../ingest/extract/index.ts';
import {
  findKnown,
  followerAt,
  knownNames,
  validName,
  type PersonMention,
} from '../../../ingest/extract/people.ts';

/** The search per name that findKnown replaced: every occurrence in [from, to) followed by a follower. */
function searchPerName(
  text: string,
  from: number,
  to: number,
  names: string[],
  taken: (i: number) => boolean,
) {
  const out: PersonMention[] = [];
  for (const name of names)
    for (let i = text.indexOf(name, from); i >= 0 && i + name.length <= to; i = text.indexOf(name, i + 1))
      if (!taken(i) && followerAt(text, i + name.length) !== 0)
        out.push({ name, start: i, end: i + name.length, positions: [], via: 'known' });
  return out;
}

const order = (list: PersonMention[]) =>
  [...list].sort((a, b) => a.start - b.start || a.end - b.end).map((m) => `${m.start}:${m.name}`);

describe('findKnown', () => {
  it('finds what a search per name finds, overlapping and nested names included', () => {
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const names = ['方明', '方明华', '王建国', '欧阳明华', '艾力·买买提', '李强', '强调'];
    const filler = ['主持', '强调', '说,', '。', '和', '的', '华', '会议', '在', '一行', ' '];
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let k = 0; k < 60; k++) text += rnd(2) ? names[rnd(names.length)] : filler[rnd(filler.length)];
      const from = rnd(20);
      const to = text.length - rnd(20);
      const taken = (i: number) => i % 7 === 3;
      expect(order(findKnown(text, from, to, knownNames(names), taken))).toEqual(
        order(searchPerName(text, from, to, names, taken)),
      );
    }
  });
});

describe('a page of many items', () => {
  it('reads 5,000 items, each with its own official, and finds each one again by name', () => {
    const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻';
    const given = '建国伟华明军勇平丽红英杰强磊洋敏静秀兰志刚海涛文斌春燕晓东亮峰鹏玉梅俊辉';
    const items: string[] = [];
    const expected: string[] = [];
    // distinct three-character names that pass the name rules (华丽 and 高强 are words, not names)
    for (let k = 0; expected.length < 5000; k++) {
      const name =
        surnames[k % surnames.length]! +
        given[Math.floor(k / surnames.length) % given.length]! +
        given[Math.floor(k / surnames.length / given.length) % given.length]!;
      if (!validName(name)) continue;
      expected.push(name);
      const n = expected.length - 1;
      // the lead names the official without a title: only the search for known names finds him there
      items.push(`# 第${n}次会议\n\n本报讯 3月5日,${name}主持召开会议。县委书记${name}强调,要抓好落实。`);
    }
    const document = extractText(items.join('\n\n'), 'many.txt', {
      home: { province: '江西省', city: '赣州市', county: '宁都县' },
    });
    expect(document.articles).toHaveLength(5000);
    document.articles.forEach((a, k) => {
      expect(
        a.people.map((p) => p.name),
        a.headline,
      ).toContain(expected[k]);
      const chair = a.events[0]?.participants.find((p) => p.name === expected[k]);
      expect(chair?.role, a.headline).toBe('主持');
      expect(chair?.evidence?.[0]?.sentence, a.headline).toContain('主持召开会议');
    });
  });
});

describe('extractStream', () => {
  it('hands on the same document as extractText, one article at a time', () => {
    const seeds = path.resolve(import.meta.dirname, '../../../seeds');
    for (const f of readdirSync(seeds).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(path.join(seeds, f), 'utf8');
      const whole = extractText(text, f);
      const { articles, ...document } = extractStream(text, f);
      const streamed: typeof whole.articles = [];
      for (const a of articles) streamed.push(a);
      expect({ ...document, articles: streamed }).toEqual(whole);
      expect(streamed.length).toBeGreaterThan(0);
    }
  });
});
