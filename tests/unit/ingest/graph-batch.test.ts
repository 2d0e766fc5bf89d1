import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../ingest/extract/types.ts';
import { personId, placeId, toGraphBatch } from '../../../ingest/load/graph-batch.ts';

const home = { province: '浙江省', city: '衢州市', county: '柯城区' };
const evidence = [{ sentence: '区委书记王小明到石梁镇调研。', start: 10, end: 24 }];

const doc: ExtractedDocument = {
  doc: 'page.txt',
  home,
  paper: '柯城报',
  articles: [
    {
      id: 'page.txt#0',
      headline: '王小明到石梁镇调研',
      start: 0,
      end: 100,
      reporters: ['李记者', '李记者'],
      people: [{ name: '王小明', positions: ['区委书记'], offices: ['柯城区委'], official: true, evidence }],
      places: [
        { name: '石梁镇', level: 'town', code: '330802100', evidence },
        { name: '新农村', level: 'village', code: null, evidence },
      ],
      events: [
        {
          title: '调研',
          kind: '调研',
          date: '2022-01-12',
          partOfDay: '上午',
          places: ['石梁镇', '不在列表'],
          participants: [
            { name: '王小明', role: '调研' },
            { name: '赵大海', role: '陪同' },
          ],
          evidence,
        },
      ],
    },
    {
      id: 'page.txt#1',
      headline: '第二篇',
      start: 100,
      end: 200,
      reporters: [],
      people: [{ name: '王小明', positions: [], offices: [], official: false, evidence }],
      places: [],
      events: [],
    },
  ],
};

describe('identity', () => {
  it('scopes people by city-level jurisdiction and places by code', () => {
    expect(personId('王小明', home)).toBe('王小明@衢州市');
    expect(personId('王小明', { province: '浙江省', city: '金华市', county: '永康市' })).toBe(
      '王小明@金华市',
    );
    expect(placeId({ name: '石梁镇', code: '330802100' }, home)).toBe('330802100');
    expect(placeId({ name: '新农村', code: null }, home)).toBe('柯城区/新农村');
  });
});

describe('toGraphBatch', () => {
  const batch = toGraphBatch(doc);

  it('merges one person mentioned in two articles, keeping both mentions', () => {
    expect(batch.people.filter((p) => p.name === '王小明')).toHaveLength(1);
    expect(batch.people.find((p) => p.name === '王小明')?.official).toBe(true);
    expect(batch.personMentions.filter((m) => m.nodeId === '王小明@衢州市').map((m) => m.articleId)).toEqual([
      'page.txt#0',
      'page.txt#1',
    ]);
  });

  it('gives a participant the text did not list among the people a node of their own', () => {
    expect(batch.people.map((p) => p.name)).toContain('赵大海');
    expect(batch.attended.map((a) => [a.personId, a.role])).toEqual([
      ['王小明@衢州市', '调研'],
      ['赵大海@衢州市', '陪同'],
    ]);
    expect(batch.attended[0]?.sentence).toBe(evidence[0]!.sentence);
  });

  it('links events only to places the article resolved', () => {
    expect(batch.events.map((e) => e.id)).toEqual(['page.txt#0/e0']);
    expect(batch.heldIn).toEqual([{ eventId: 'page.txt#0/e0', placeId: '330802100' }]);
  });

  it('deduplicates reporters within an article', () => {
    expect(batch.wrote).toEqual([{ reporterId: '李记者@柯城报', name: '李记者', articleId: 'page.txt#0' }]);
  });
});
