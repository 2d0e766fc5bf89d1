// The article behind a piece of evidence, with its text, for the reader in the details panel.
import type { FastifyInstance } from 'fastify';
import type { ArticleResponse, ArticleInfo, ArticlesResponse } from '../../contract.ts';
import type { RouteContext } from '../context.ts';
import { notFound } from '../errors.ts';

export const ARTICLE =
  'MATCH (a:Article {id: $id}) RETURN a.id AS id, a.headline AS headline, a.doc AS doc, a.paper AS paper, a.date AS date, a.start AS start, a.text AS text';

export function articleRoutes(app: FastifyInstance, { read }: RouteContext): void {
  // The sources evidence cites, many at once: the details panel shows their headlines.
  app.post<{ Body: { ids: string[] } }>(
    '/api/articles/lookup',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            ids: { type: 'array', maxItems: 500, items: { type: 'string', minLength: 1, maxLength: 2000 } },
          },
          required: ['ids'],
          additionalProperties: false,
        },
      },
    },
    async (request): Promise<ArticlesResponse> => ({
      articles: await read(request, async (tx) => {
        const result = await tx.run(
          'UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN a.id AS id, a.headline AS headline, a.doc AS doc, a.paper AS paper, a.date AS date',
          { ids: [...new Set(request.body.ids)] },
        );
        return result.records.map((r) => r.toObject() as ArticleInfo);
      }),
    }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/articles/:id',
    {
      schema: {
        params: {
          type: 'object',
          properties: { id: { type: 'string', minLength: 1, maxLength: 2000 } },
          required: ['id'],
        },
        querystring: { type: 'object', properties: {}, additionalProperties: false },
      },
    },
    async (request): Promise<ArticleResponse> => {
      const { id } = request.params;
      const article = await read(request, async (tx) => {
        const result = await tx.run(ARTICLE, { id });
        return result.records[0]?.toObject() as ArticleResponse | undefined;
      });
      if (!article) throw notFound(`no article with id ${id}`);
      return { ...article, start: Number(article.start ?? 0) };
    },
  );
}
