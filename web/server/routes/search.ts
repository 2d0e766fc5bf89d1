// GET /api/search: Chinese names, titles and office aliases through `search_names` (cjk analyzer; a
// single character as a prefix, since the analyzer indexes pairs), and latin input as pinyin or as
// initials (zxs) through `search_pinyin_v2` (people, places, offices).
import type { FastifyInstance } from 'fastify';
import neo4j, { type ManagedTransaction, type Node } from 'neo4j-driver';
import { nodeCaption } from '../../../graph/payload.ts';
import type { SearchHit, SearchResponse } from '../../contract.ts';
import type { RouteContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import { isLatin, pinyinLuceneQuery } from '../pinyin.ts';
import { explorerNode } from '../serialize.ts';

const LABEL_ORDER = ['Person', 'Place', 'Office', 'Event', 'Article', 'Reporter'];

/** Every Lucene operator character is escaped; lower case turns AND/OR/NOT into plain words. */
export function escapeLucene(text: string): string {
  return text.toLowerCase().replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&');
}

/**
 * Both full-text indexes in one query (one round trip, one plan, no wait between them): the pinyin
 * index only for latin input. A node found by both counts once, with its better score; namesakes a
 * reviewer decided are one person are found once, under the smallest id of their group (what the
 * person panel, career and tables merge them under).
 */
export const SEARCH = `CALL () {
  CALL db.index.fulltext.queryNodes('search_names', $names) YIELD node, score
  RETURN node, score LIMIT $limit
  UNION ALL
  WITH $pinyin AS pinyin WHERE pinyin IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_pinyin_v2', pinyin) YIELD node, score
  RETURN node, score LIMIT $limit
}
WITH node, max(score) AS score
WHERE NOT (node:Person AND EXISTS { MATCH (d:NamesakeDecision {b: node.id}) WHERE d.verdict = 'same' })
RETURN node, score, COUNT { (node)--() } AS degree
ORDER BY score DESC LIMIT $limit`;

async function search(
  tx: ManagedTransaction,
  names: string,
  pinyin: string | null,
  limit: number,
): Promise<SearchHit[]> {
  const result = await tx.run(SEARCH, { names, pinyin, limit: neo4j.int(limit) });
  return result.records.map((r) => {
    const node = explorerNode(r.get('node') as Node, r.get('degree'));
    return {
      node,
      label: LABEL_ORDER.find((l) => node.labels.includes(l)) ?? node.labels[0] ?? '',
      caption: nodeCaption(node),
      score: Number(r.get('score')),
    };
  });
}

export function searchRoutes(app: FastifyInstance, { read }: RouteContext): void {
  app.get<{ Querystring: { q: string; limit: number } }>(
    '/api/search',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', maxLength: 200 },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
          },
          required: ['q'],
          additionalProperties: false,
        },
      },
    },
    async (request): Promise<SearchResponse> => {
      const { q, limit } = request.query;
      const text = q.trim();
      if (!text) throw badRequest('q must not be empty');
      // Only punctuation: nothing an analyzer would keep, so nothing to find.
      if (!/[\p{L}\p{N}]/u.test(text)) return { hits: [] };
      const latin = isLatin(text);
      // The cjk analyzer indexes character pairs: one character finds the names that start a pair with it.
      const names = [...text].length === 1 && !latin ? `${escapeLucene(text)}*` : escapeLucene(text);
      const syllables = latin ? pinyinLuceneQuery(text) : null;
      const word = text.toLowerCase().replace(/\s+/g, '');
      const initials = latin && /^[a-z]{2,8}$/.test(word) ? `initials:${word}^3 OR initials:${word}*` : null;
      const pinyinQuery = [syllables, initials].filter(Boolean).join(' OR ');
      return { hits: await read(request, (tx) => search(tx, names, pinyinQuery || null, limit)) };
    },
  );
}
