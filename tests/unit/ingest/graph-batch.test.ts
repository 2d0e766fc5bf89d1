import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../ingest/extract/types.ts';
import {
  namePinyin,
  personId,
  personScope,
  placeId,
  splitBatch,
  toGraphBatch,
} from '../../../ingest/load/graph-batch.ts';

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
    // The place's evidence is the event's own sentence, stored once with the event (REPORTED_IN).
    expect(batch.heldIn.map((h) => [h.eventId, h.placeId, h.start, h.sentence])).toEqual([
      ['page.txt#0/e0', '330802100', null, null],
    ]);
    expect(batch.events[0]).toMatchObject({ start: evidence[0]!.start, end: evidence[0]!.end });
  });

  it('stores a name as written and a position only where nothing else says them', () => {
    for (const mention of batch.personMentions) expect(mention.asWritten).toBeNull();
    const held = new Set(batch.holds.map((h) => `${h.personId}\t${h.position}`));
    for (const mention of batch.personMentions)
      for (const position of mention.positions)
        expect(held.has(`${mention.nodeId}\t${position}`)).toBe(false);
    for (const mention of batch.placeMentions) {
      const place = batch.places.find((p) => p.id === mention.nodeId)!;
      expect(mention.asWritten === null || mention.asWritten !== place.name).toBe(true);
    }
  });

  it('deduplicates reporters within an article', () => {
    expect(batch.wrote).toEqual([{ reporterId: '李记者@柯城报', name: '李记者', articleId: 'page.txt#0' }]);
  });
});

describe('hierarchy and offices', () => {
  const batch = toGraphBatch({
    ...doc,
    articles: [
      {
        ...doc.articles[0]!,
        people: [
          {
            name: '王小明',
            positions: ['区委书记'],
            offices: ['柯城区委'],
            official: true,
            evidence,
            holds: [{ position: '区委书记', title: '书记', office: '柯城区委', evidence }],
          },
          {
            name: '李强',
            positions: ['石梁镇党委书记'],
            offices: ['石梁镇党委'],
            official: true,
            evidence,
            holds: [{ position: '石梁镇党委书记', title: '书记', office: '石梁镇党委', evidence }],
          },
        ],
      },
    ],
  });

  it('hangs a town under its county, city and province', () => {
    const byId = new Map(batch.places.map((p) => [p.id, p]));
    const chain: string[] = [];
    for (let id: string | null = '330802100'; id; id = byId.get(id)?.parentId ?? null)
      chain.push(byId.get(id)!.name);
    expect(chain).toEqual(['石梁镇', '柯城区', '衢州市', '浙江省']);
    expect(byId.get('330802')?.level).toBe('county');
  });

  it('links an office to the place it governs: its jurisdiction, or the town it is named after', () => {
    const offices = new Map(batch.offices.map((o) => [o.id, o]));
    expect(offices.get('柯城区委')).toMatchObject({ jurisdiction: '柯城区', placeId: '330802' });
    expect(offices.get('石梁镇党委')).toMatchObject({ jurisdiction: '石梁镇', placeId: '330802100' });
    expect(batch.holds.map((h) => [h.personId, h.title, h.officeId, h.asOf])).toEqual([
      ['王小明@衢州市', '书记', '柯城区委', '2022-01-12'],
      ['李强@衢州市', '书记', '石梁镇党委', '2022-01-12'],
    ]);
  });
});

describe('personnel decisions', () => {
  const decision = (name: string, action: 'appoint' | 'remove', office: string | null) => ({
    name,
    action,
    position: '副区长',
    office,
    date: '2022-01-10',
    evidence,
  });
  const batch = toGraphBatch({
    ...doc,
    articles: [
      {
        ...doc.articles[0]!,
        appointments: [
          decision('王小明', 'appoint', '柯城区人民政府'),
          decision('王小明', 'appoint', '柯城区人民政府'),
          decision('李强', 'remove', '柯城区人民政府'),
          decision('张三', 'appoint', null),
        ],
      },
    ],
  });

  it('become APPOINTED rows to their office, once each, with title, date, article date and evidence', () => {
    expect(batch.appointed.map((a) => [a.personId, a.action, a.officeId, a.title, a.date, a.asOf])).toEqual([
      ['王小明@衢州市', 'appoint', '柯城区人民政府', '副区长', '2022-01-10', '2022-01-12'],
      ['李强@衢州市', 'remove', '柯城区人民政府', '副区长', '2022-01-10', '2022-01-12'],
    ]);
    expect(batch.appointed[0]!.articleId).toBe(batch.articles[0]!.id);
    // The office and the people are written with them; a decision without an office has no row.
    expect(batch.offices.map((o) => o.id)).toContain('柯城区人民政府');
    expect(batch.people.map((p) => p.id)).toEqual(expect.arrayContaining(['王小明@衢州市', '李强@衢州市']));
  });

  it('travel with their article when a large file is split', () => {
    const two = toGraphBatch({
      ...doc,
      articles: [
        doc.articles[0]!,
        { ...doc.articles[0]!, appointments: [decision('李强', 'remove', '柯城区人民政府')] },
      ],
    });
    const chunks = splitBatch(two, 1);
    expect(chunks.map((c) => c.appointed.length)).toEqual([0, 1]);
    // The chunk that writes the decision carries the person and the office it needs.
    expect(chunks[1]!.people.map((p) => p.id)).toContain('李强@衢州市');
    expect(chunks[1]!.offices.map((o) => o.id)).toContain('柯城区人民政府');
  });
});

describe('person identity scope', () => {
  it('is national for the national leadership and provincial for provincial bodies', () => {
    expect(personScope(['总书记'], [], home)).toBe('全国');
    expect(personScope(['省经信厅厅长'], ['浙江省经济和信息化厅'], home)).toBe('浙江省');
    expect(personScope(['区长'], ['柯城区人民政府'], home)).toBe('衢州市');
  });

  it('gives later bare mentions on the page the same scope', () => {
    const national = toGraphBatch({
      ...doc,
      articles: [
        {
          ...doc.articles[1]!,
          people: [{ name: '习近平', positions: ['总书记'], offices: [], official: true, evidence }],
        },
        {
          ...doc.articles[0]!,
          people: [{ name: '习近平', positions: [], offices: [], official: true, evidence }],
        },
      ],
    });
    expect(national.people.filter((p) => p.name === '习近平').map((p) => p.id)).toEqual(['习近平@全国']);
  });

  it('writes pinyin with surname readings', () => {
    expect(namePinyin('章旭升')).toBe('zhang xu sheng');
    expect(namePinyin('单明')).toBe('shan ming');
  });
});

describe('splitBatch', () => {
  it('keeps every chunk self-sufficient and loses nothing', () => {
    const many: ExtractedDocument = {
      ...doc,
      articles: Array.from({ length: 7 }, (_, i) => ({ ...doc.articles[0]!, id: `page.txt#${i}` })),
    };
    const whole = toGraphBatch(many);
    const chunks = splitBatch(whole, 3);
    expect(chunks.map((c) => c.articles.length)).toEqual([3, 3, 1]);
    expect(chunks[0]!.docs).toEqual(['page.txt']);
    expect(chunks[1]!.docs).toEqual([]);
    const seen = new Set<string>();
    for (const chunk of chunks) {
      for (const row of [...chunk.people, ...chunk.places, ...chunk.offices]) seen.add(row.id);
      for (const row of chunk.attended) expect(seen.has(row.personId)).toBe(true);
      for (const row of chunk.heldIn) expect(seen.has(row.placeId)).toBe(true);
      for (const row of chunk.places) if (row.parentId) expect(seen.has(row.parentId)).toBe(true);
    }
    expect(chunks.flatMap((c) => c.attended)).toHaveLength(whole.attended.length);
    expect(seen.size).toBe(whole.people.length + whole.places.length + whole.offices.length);
  });
});

describe('evidence stored once', () => {
  // A page whose article 0 spans the text; the evidence sentence sits at offsets 10..24.
  const text = `${'头'.repeat(10)}区委书记王小明到石梁镇调研。${'尾'.repeat(76)}${'第二篇'.repeat(40)}`;

  it('keeps offsets into the stored article text and drops the copy of the sentence', () => {
    const batch = toGraphBatch(doc, text);
    const mention = batch.personMentions.find((m) => m.articleId === 'page.txt#0')!;
    expect(mention).toMatchObject({ sentence: null, start: 10, end: 24 });
    const article = batch.articles[0]!;
    expect(article.text!.slice(mention.start! - article.start, mention.end! - article.start)).toBe(
      evidence[0]!.sentence,
    );
  });

  it('keeps the sentence where the stored text cannot give it back', () => {
    // Article 1 (100..200) does not contain offsets 10..24: its mention keeps the sentence.
    const batch = toGraphBatch(doc, text);
    expect(batch.personMentions.find((m) => m.articleId === 'page.txt#1')!.sentence).toBe(
      evidence[0]!.sentence,
    );
    // After a character outside the BMP, code-point and UTF-16 offsets differ: the copy stays.
    const astral = `𠀀${text.slice(2)}`;
    const shifted = toGraphBatch(doc, astral.padEnd(text.length, '尾'));
    expect(shifted.personMentions.find((m) => m.articleId === 'page.txt#0')!.sentence).toBe(
      evidence[0]!.sentence,
    );
  });

  it('shifts offsets and numbers articles for a part of a large file', () => {
    const batch = toGraphBatch(doc, text, { offset: 1000, articleBase: 7, path: 'big.txt' });
    expect(batch.articles.map((a) => [a.id, a.start, a.doc])).toEqual([
      ['page.txt#7', 1000, 'big.txt'],
      ['page.txt#8', 1100, 'big.txt'],
    ]);
    expect(batch.personMentions[0]).toMatchObject({ articleId: 'page.txt#7', start: 1010, end: 1024 });
  });
});
