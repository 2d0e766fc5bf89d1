// Normalisation (offsets kept), page segmentation, bylines, sentences and evidence offsets.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../ingest/extract/index.ts';
import { buildView, sourceSpan } from '../../../ingest/extract/normalise.ts';
import { bylineNames, segmentPage } from '../../../ingest/extract/segment.ts';

describe('buildView', () => {
  it('joins a paragraph cut by the layout and maps back to the source', () => {
    const src =
      '通过一体化考核,进一步推进部门派驻镇(街道)机构人员编制县属乡用,为构建高效协\n\n同、整体智治的基层治理体系夯实基础。';
    const v = buildView(src);
    expect(v.text).toContain('高效协同');
    const at = v.text.indexOf('协同');
    const [s, e] = sourceSpan(v, at, at + 2);
    expect(src.slice(s, e)).toBe('协\n\n同');
  });

  it('keeps a headline apart from the next paragraph', () => {
    const v = buildView('省经信厅领导来柯城开展活动\n\n本报讯(记者 严嘉慧)1月12日下午,徐旭来我区。');
    expect(v.text.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('turns full-width punctuation into half-width without moving offsets', () => {
    const v = buildView('本报讯（记者 姚雪）今天，');
    expect(v.text).toBe('本报讯(记者 姚雪)今天,');
  });
});

describe('segmentPage', () => {
  const page = [
    '中共永康市委主办',
    '2022年4月',
    '星期六',
    '02',
    '## 永康日报',
    '# 市委常委会召开扩大会议',
    '本报讯(融媒首席记者 陈晓苏) 4月1日下午,市委常委会召开扩大会议。',
    '市委书记章旭升主持会议。',
    '## 嘉宾陆续报到',
    '10月31日下午, 嘉宾陆续抵达驻地。',
    '融媒见习记者 张曼欣 摄',
    '网格自治《一本通》',
    '近日,衢化街道下发了工作指南。(卢颖 叶青云 摄)',
  ].join('\n\n');
  const layout = segmentPage(buildView(page).text);

  it('drops page furniture and reads the masthead', () => {
    expect(layout.paper).toBe('永康日报');
    expect(layout.mastheadDate).toBe('2022年4月');
    expect(layout.segments.map((s) => s.headline)).toEqual([
      '市委常委会召开扩大会议',
      '嘉宾陆续报到',
      '网格自治《一本通》',
    ]);
  });

  it('collects reporters and photographers from bylines', () => {
    expect(layout.segments.map((s) => s.reporters)).toEqual([['陈晓苏'], ['张曼欣'], ['卢颖', '叶青云']]);
  });

  it('splits byline fragments into names', () => {
    expect(bylineNames('通讯员 舒畅 胡光辉 融媒记者 应柳依')).toEqual(['舒畅', '胡光辉', '应柳依']);
    expect(bylineNames('记者姚雪')).toEqual(['姚雪']);
  });

  it('keeps reporters out of the people of the story', () => {
    const doc = extractText(
      '本报讯(记者 陈蓉蓉 通讯员 李明)1月12日上午,市委副书记吴舜泽到石梁镇调研。',
      'x.txt',
    );
    expect(doc.articles[0]!.reporters).toEqual(['陈蓉蓉', '李明']);
    expect(doc.articles[0]!.people.map((p) => p.name)).toEqual(['吴舜泽']);
  });
});

describe('evidence', () => {
  it('every sentence equals the source slice at its offsets (seed pages)', () => {
    const dir = path.resolve(import.meta.dirname, '../../../seeds');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const src = readFileSync(path.join(dir, f), 'utf8');
      const doc = extractText(src, f);
      const all = doc.articles.flatMap((a) => [
        ...a.people.flatMap((p) => p.evidence),
        ...a.places.flatMap((p) => p.evidence),
        ...a.events.flatMap((e) => [...e.evidence, ...e.participants.flatMap((p) => p.evidence ?? [])]),
      ]);
      expect(all.length).toBeGreaterThan(5);
      for (const e of all) expect(src.slice(e.start, e.end)).toBe(e.sentence);
      for (const a of doc.articles) expect(a.id.startsWith(`${f}#`)).toBe(true);
    }
  });
});
