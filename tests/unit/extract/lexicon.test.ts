// The lexicon is data: a linguist edits a table and the extractor's output follows; a malformed row
// is refused with its file and line. Each edit test runs the real CLI (and a real worker thread) on a
// copy of the shipped tables, once unedited and once edited, so that only the edit can explain a change.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON_DIR, LexiconError, loadLexicon } from '../../../ingest/extract/lexicon.ts';
import type { ExtractionOutput } from '../../../ingest/extract/types.ts';
import type { GraphBatch } from '../../../ingest/load/graph-batch.ts';
import type { ExtractResult, ExtractTask } from '../../../ingest/worker.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A fresh copy of the shipped tables. */
function copyTables(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'cadre-lexicon-')), 'lexicon');
  cpSync(DEFAULT_LEXICON_DIR, dir, { recursive: true });
  return dir;
}

/** Appends a row to a table of `dir`. */
function addRow(dir: string, table: string, cells: string[]): void {
  appendFileSync(path.join(dir, table), cells.join('\t') + '\n');
}

function page(text: string): string {
  const d = mkdtempSync(path.join(tmpdir(), 'cadre-lexicon-page-'));
  const file = path.join(d, 'page.txt');
  writeFileSync(file, text);
  writeFileSync(
    path.join(d, 'manifest.json'),
    JSON.stringify({ home: { province: '江西省', city: '赣州市', county: '宁都县' } }),
  );
  return file;
}

function extractWith(
  dir: string | null,
  file: string,
): { status: number | null; out: ExtractionOutput | null; stderr: string } {
  const env = { ...process.env };
  delete env.CADRE_LEXICON_DIR;
  if (dir) env.CADRE_LEXICON_DIR = dir;
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'ingest/cli/extract.ts'), file], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  return {
    status: r.status,
    out: r.status === 0 ? (JSON.parse(r.stdout) as ExtractionOutput) : null,
    stderr: r.stderr,
  };
}

const people = (out: ExtractionOutput | null) =>
  out!.documents.flatMap((d) =>
    d.articles.flatMap((a) => a.people.map((p) => [p.name, p.positions, p.official])),
  );
const roles = (out: ExtractionOutput | null) =>
  out!.documents.flatMap((d) =>
    d.articles.flatMap((a) => a.events.flatMap((e) => e.participants.map((p) => [p.name, p.role]))),
  );

describe('lexicon tables', () => {
  it('load from the module folder, whatever the working directory', () => {
    const cwd = process.cwd();
    try {
      process.chdir(tmpdir());
      const lex = loadLexicon();
      expect(lex.titles.heads).toContain('副书记');
      expect(lex.titles.heads.indexOf('副书记')).toBeLessThan(lex.titles.heads.indexOf('书记'));
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuse a malformed row with file and line', () => {
    const dir = copyTables();
    const file = path.join(dir, 'titles.tsv');
    const lines = readFileSync(file, 'utf8').split('\n').length;
    addRow(dir, 'titles.tsv', ['审计长', 'yes', 'maybe', 'no', 'no', 'no', 'no']);
    expect(() => loadLexicon(dir)).toThrow(LexiconError);
    expect(() => loadLexicon(dir)).toThrow(
      `${file}:${lines}: column official is "maybe", expected one of yes, in-government, no`,
    );
  });

  it('refuse a row with a missing column, a duplicate word or a wrong header', () => {
    let dir = copyTables();
    addRow(dir, 'titles.tsv', ['审计长', 'yes', 'yes']);
    expect(() => loadLexicon(dir)).toThrow(/titles\.tsv:\d+: 3 column\(s\), expected 7/);
    dir = copyTables();
    addRow(dir, 'titles.tsv', ['书记', 'yes', 'yes', 'no', 'no', 'no', 'no']);
    expect(() => loadLexicon(dir)).toThrow(/titles\.tsv:\d+: "书记" is already listed on line \d+/);
    dir = copyTables();
    const file = path.join(dir, 'titles.tsv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title\thead\t', 'title\tis_head\t'));
    expect(() => loadLexicon(dir)).toThrow(/titles\.tsv:\d+: header is .*expected the columns title \| head/);
  });

  it('make the CLI fail clearly on a bad table', () => {
    const dir = copyTables();
    addRow(dir, 'titles.tsv', ['审计长', 'yes']);
    const r = extractWith(dir, page('县委书记王建国到青塘镇调研。'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^extract: .*titles\.tsv:\d+: 2 column\(s\)/);
  });
});

describe('editing a table changes the extraction', () => {
  // 一级主任科员 is a civil-service rank the shipped table lacks: 主任 alone is a title, but
  // 科员 is no name, so nobody is found until the rank is added.
  const text = '3月5日,县审计局一级主任科员王建华到青塘镇核查防汛物资储备情况。';

  it('a title word added to titles.tsv', () => {
    const file = page(text);
    const unedited = copyTables();
    const edited = copyTables();
    addRow(edited, 'titles.tsv', ['主任科员', 'yes', 'yes', 'no', 'no', 'no', 'no']);
    const base = extractWith(null, file);
    expect(base.status).toBe(0);
    expect(people(base.out)).toEqual([]);
    expect(extractWith(unedited, file).out).toEqual(base.out);
    expect(people(extractWith(edited, file).out)).toEqual([['王建华', ['县审计局一级主任科员'], true]]);
  });

  it('a word for people added to person-nouns.tsv, a character to transliteration-chars.tsv', () => {
    // 孤儿 is no word for people in the shipped table, and 楞 no character of transliterated names:
    // neither name is read until its row is added
    const file = page('3月5日,副旗长宝雅斯古楞到青塘镇看望了孤儿陈小雨,送上慰问金。');
    const edited = copyTables();
    addRow(edited, 'person-nouns.tsv', ['孤儿', 'yes', 'no', 'yes', 'no']);
    addRow(edited, 'transliteration-chars.tsv', ['楞']);
    const base = extractWith(null, file);
    expect(base.status).toBe(0);
    expect(people(base.out)).toEqual([]);
    expect(people(extractWith(edited, file).out)).toEqual([
      ['宝雅斯古楞', ['副旗长'], true],
      ['陈小雨', [], false],
    ]);
  });

  it('a role verb added to verbs.tsv', () => {
    // 核查 is no role verb in the shipped table: the lead's participant gets the default 出席;
    // 现场 (a name follower) lets the name be read, the verb is then found later in the clause
    const file = page('3月5日,副县长王建华现场核查青塘镇防汛物资储备情况。');
    const unedited = copyTables();
    const edited = copyTables();
    // verb role later presence lead activity attend closes_list opens_block speech said hosts
    addRow(edited, 'verbs.tsv', [
      '核查',
      'yes',
      'yes',
      'yes',
      'no',
      'no',
      'no',
      'no',
      'no',
      'no',
      'no',
      'no',
    ]);
    const base = extractWith(null, file);
    expect(roles(base.out)).toEqual([['王建华', '出席']]);
    expect(extractWith(unedited, file).out).toEqual(base.out);
    expect(roles(extractWith(edited, file).out)).toEqual([['王建华', '核查']]);
  });

  it('a decision verb added to appointment-verbs.tsv', () => {
    // 调任 is not in the shipped table, and 任 after 调 is part of it (not_after): no decision until
    // a linguist adds the verb
    const file = page('6月5日,县人大常委会召开会议。会议通报,王建华调任县委副书记。');
    const edited = copyTables();
    addRow(edited, 'appointment-verbs.tsv', ['调任', 'appoint', 'subject', '-']);
    const decided = (out: ExtractionOutput | null) =>
      out!.documents.flatMap((d) =>
        d.articles.flatMap((a) => a.appointments ?? []).map((x) => [x.name, x.action, x.position]),
      );
    const base = extractWith(null, file);
    expect(base.status).toBe(0);
    expect(decided(base.out)).toEqual([]);
    expect(decided(extractWith(edited, file).out)).toEqual([['王建华', 'appoint', '县委副书记']]);
  });

  describe('in a worker thread of the ingest', () => {
    const pools: Piscina[] = [];
    afterAll(async () => {
      for (const p of pools) await p.destroy();
    });
    const runInWorker = async (dir: string | null, file: string) => {
      const env = { ...process.env };
      delete env.CADRE_LEXICON_DIR;
      if (dir) env.CADRE_LEXICON_DIR = dir;
      const pool = new Piscina<ExtractTask, ExtractResult>({
        filename: new URL('../../../ingest/worker.ts', import.meta.url).href,
        execArgv: ['--import', 'tsx'],
        env,
        minThreads: 1,
        maxThreads: 1,
      });
      pools.push(pool);
      return (
        await pool.run({
          docId: 'page.txt',
          path: 'page.txt',
          file: { fsPath: file, rel: 'page.txt', display: file, kind: 'text' },
          meta: { home: { province: '江西省', city: '赣州市', county: '宁都县' } },
        })
      ).batch;
    };

    it('reads the tables of CADRE_LEXICON_DIR', async () => {
      const file = page(text);
      const edited = copyTables();
      addRow(edited, 'titles.tsv', ['主任科员', 'yes', 'yes', 'no', 'no', 'no', 'no']);
      const names = (b: GraphBatch) => b.people.map((p) => p.name);
      expect(names(await runInWorker(null, file))).toEqual([]);
      expect(names(await runInWorker(edited, file))).toEqual(['王建华']);
    });
  });
});
