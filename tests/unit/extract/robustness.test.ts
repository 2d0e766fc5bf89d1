// Pathological pages: the extractor must finish (no stack overflow, no quadratic blow-up) on a page
// that is one enormous paragraph repeating the same official.
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../ingest/extract/index.ts';

describe('a page that is one huge line', () => {
  it('is extracted whole: 200,000 sentences in one paragraph', () => {
    const text = '县委书记王建国到青塘镇调研。'.repeat(200_000);
    const document = extractText(text, 'oneline.txt', {
      home: { province: '江西省', city: '赣州市', county: '宁都县' },
    });
    const people = document.articles.flatMap((a) => a.people);
    expect(people.map((p) => p.name)).toEqual(['王建国']);
    // One evidence entry per sentence naming him, each pointing at its own sentence.
    const evidence = people[0]!.evidence;
    expect(evidence).toHaveLength(200_000);
    expect(text.slice(evidence[123_456]!.start, evidence[123_456]!.end)).toBe('县委书记王建国到青塘镇调研。');
  });
});
