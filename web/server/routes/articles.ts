// The article behind a piece of evidence, with its text, for the reader in the details panel.
import type { FastifyInstance } from 'fastify';
import type { ArticleResponse } from '../../contract.ts';
import type { RouteContext } from '../context.ts';
import { notFound } from '../errors.ts';

export function articleRoutes(app: FastifyInstance, { read }: RouteContext): void {
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
      const article = await read(async (tx) => {
        const result = await tx.run(
          'MATCH (a:Article {id: $id}) RETURN a.id AS id, a.headline AS headline, a.doc AS doc, a.paper AS paper, a.date AS date, a.start AS start, a.text AS text',
          { id },
        );
        return result.records[0]?.toObject() as ArticleResponse | undefined;
      });
      if (!article) throw notFound(`no article with id ${id}`);
      return { ...article, start: Number(article.start ?? 0) };
    },
  );
}
