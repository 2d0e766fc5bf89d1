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

export const SEARCH = `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
RETURN node, score, COUNT { (node)--() } AS degree
LIMIT $limit`;

async function queryIndex(
  tx: ManagedTransaction,
  index: 'search_names' | 'search_pinyin_v2',
  lucene: string,
  limit: number,
): Promise<SearchHit[]> {
  const result = await tx.run(SEARCH, { index, lucene, limit: neo4j.int(limit) });
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

// Namesakes a reviewer decided are one person are found once: under the smallest id of their group
// (what the person panel, career and tables merge them under).
const MERGED_AWAY = `
UNWIND $ids AS id
MATCH (d:NamesakeDecision {b: id}) WHERE d.verdict = 'same'
RETURN collect(DISTINCT id) AS ids`;

async function mergedAway(tx: ManagedTransaction, hits: SearchHit[]): Promise<Set<string>> {
  const ids = hits.filter((h) => h.label === 'Person').map((h) => h.node.properties.id);
  if (ids.length === 0) return new Set();
  const result = await tx.run(MERGED_AWAY, { ids });
  return new Set((result.records[0]?.get('ids') as string[] | undefined) ?? []);
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
      const [hits, merged] = await read(request, async (tx) => {
        const found = [
          ...(await queryIndex(tx, 'search_names', names, limit)),
          ...(pinyinQuery ? await queryIndex(tx, 'search_pinyin_v2', pinyinQuery, limit) : []),
        ];
        return [found, await mergedAway(tx, found)] as const;
      });
      // A node found by both indexes appears once, with its better score.
      const best = new Map<string, SearchHit>();
      for (const hit of hits) {
        if (hit.label === 'Person' && merged.has(String(hit.node.properties.id))) continue;
        const seen = best.get(hit.node.id);
        if (!seen || seen.score < hit.score) best.set(hit.node.id, hit);
      }
      return { hits: [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit) };
    },
  );
}
