// GET /api/articles/:id: the text behind a piece of evidence, with offsets that find the sentence in it.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import type { ArticleResponse } from '../../web/contract.ts';
import { closeApp, seededApp, withEvidence } from '../helpers.ts';

let db: Database;
let app: FastifyInstance;
beforeAll(async () => ({ db, app } = await seededApp()));
afterAll(() => closeApp(app, db));

describe('GET /api/articles/:id', () => {
  it('returns the article text, in which the evidence offsets find the sentence', async () => {
    const rows = await withEvidence(db, 'MATCH (p:Person)-[r:ATTENDED]->(:Event) RETURN r, p.name AS name');
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const { articleId, start, end, sentence } = row.r as {
        articleId: string;
        start: number;
        end: number;
        sentence: string;
      };
      const response = await app.inject({ url: `/api/articles/${encodeURIComponent(articleId)}` });
      expect(response.statusCode).toBe(200);
      const article = response.json() as ArticleResponse;
      const from = start - article.start;
      const to = end - article.start;
      expect(article.text!.slice(from, to)).toBe(sentence);
      expect(sentence).toContain(row.name as string);
      expect(article.headline.length).toBeGreaterThan(0);
    }
  });

  it('answers 404 for an unknown article', async () => {
    const response = await app.inject({ url: `/api/articles/${encodeURIComponent('nope.txt#9')}` });
    expect(response.statusCode).toBe(404);
    expect((response.json() as { error: string }).error).toMatch(/no article/);
  });
});
