// GET /api/articles/:id: the text behind a piece of evidence, with offsets that find the sentence in it.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import type { ArticleResponse } from '../../web/contract.ts';
import { buildApp } from '../../web/server/app.ts';
import { seededDatabase } from '../helpers.ts';

let db: Database;
let app: FastifyInstance;
beforeAll(async () => {
  db = await seededDatabase();
  app = await buildApp({ db });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('GET /api/articles/:id', () => {
  it('returns the article text, in which the evidence offsets find the sentence', async () => {
    const { records } = await db.driver.executeQuery(
      `MATCH (:Person)-[a:ATTENDED]->(:Event) RETURN a.articleId AS id, a.sentence AS sentence, a.start AS start, a.end AS end`,
      {},
      { database: db.database, routing: 'READ' },
    );
    expect(records.length).toBeGreaterThan(5);
    for (const record of records) {
      const response = await app.inject({
        url: `/api/articles/${encodeURIComponent(record.get('id') as string)}`,
      });
      expect(response.statusCode).toBe(200);
      const article = response.json() as ArticleResponse;
      const from = (record.get('start') as number) - article.start;
      const to = (record.get('end') as number) - article.start;
      expect(article.text!.slice(from, to)).toBe(record.get('sentence'));
      expect(article.headline.length).toBeGreaterThan(0);
    }
  });

  it('answers 404 for an unknown article', async () => {
    const response = await app.inject({ url: `/api/articles/${encodeURIComponent('nope.txt#9')}` });
    expect(response.statusCode).toBe(404);
    expect((response.json() as { error: string }).error).toMatch(/no article/);
  });
});
