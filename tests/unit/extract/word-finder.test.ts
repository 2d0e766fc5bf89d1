// WordFinder finds what a global regex alternation of the same words (longest first) finds.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alternation, lexicon } from '../../../ingest/extract/lexicon.ts';
import { WordFinder } from '../../../ingest/extract/word-finder.ts';

function byRegex(words: Iterable<string>, text: string, from: number, to: number): [number, string][] {
  const re = new RegExp(alternation(words), 'g');
  return [...text.slice(from, to).matchAll(re)].map((m) => [from + m.index, m[0]]);
}

function byFinder(words: Iterable<string>, text: string, from: number, to: number): [number, string][] {
  const f = new WordFinder(words);
  const out: [number, string][] = [];
  for (let h = f.find(text, from, to); h; h = f.find(text, h.index + h.word.length, to))
    out.push([h.index, h.word]);
  return out;
}

describe('WordFinder', () => {
  it('takes the leftmost, then the longest word, and never a word past the end', () => {
    const words = ['书记', '副书记', '市委副书记', '记者', '长'];
    const text = '市委副书记、市长王明和记者李四。县委书记';
    expect(byFinder(words, text, 0, text.length)).toEqual([
      [0, '市委副书记'],
      [7, '长'],
      [11, '记者'],
      [18, '书记'],
    ]);
    // a word that would end past `to` is not found, as the regex over text.slice(from, to) does not
    expect(byFinder(words, text, 0, 19)).toEqual([
      [0, '市委副书记'],
      [7, '长'],
      [11, '记者'],
    ]);
  });

  it('finds the same titles as the regex of the title table on real sentences', () => {
    const lex = lexicon();
    const words = new Set([...lex.titles.heads, ...lex.personNouns.beforeName, ...lex.personNouns.afterName]);
    const text =
      '县委书记王建国,县委副书记、县长李明到青塘镇调研。市人大常委会副主任张三,村党支部书记、村委会主任赵四,' +
      '困难群众王五,老党员刘六同志参加。新闻联络员陈七。';
    for (const [from, to] of [
      [0, text.length],
      [3, 40],
      [10, 11],
    ] as const)
      expect(byFinder(words, text, from, to)).toEqual(byRegex(words, text, from, to));
    // and on every page of the real corpus
    const dir = path.join(import.meta.dirname, '../../quality/real');
    const pages = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(pages.length).toBeGreaterThan(20);
    for (const f of pages) {
      const page = readFileSync(path.join(dir, f), 'utf8');
      expect(byFinder(words, page, 0, page.length)).toEqual(byRegex(words, page, 0, page.length));
    }
  });
});
