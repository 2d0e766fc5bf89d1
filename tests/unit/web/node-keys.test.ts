import { describe, expect, it } from 'vitest';
import { articleId, documentId, documentIdV2 } from '../../../ingest/load/identity.ts';
import { byKey } from '../../../web/server/keys.ts';

describe('node keys to the route query', () => {
  const find = byKey('RETURN n');

  it('seeks the node by its label key; an unknown label is refused', () => {
    expect(find('Person:章旭升')).toEqual({ query: 'MATCH (n:Person {id: $id})\nRETURN n', id: '章旭升' });
    expect(find('Source:a.txt')!.query).toContain('(n:Source {doc: $id})');
    expect(find('Ledger:x')).toBeNull();
    expect(find('~4:abc:7')).toEqual({ query: expect.stringContaining('elementId(n) = $id'), id: '4:abc:7' });
  });

  it('an article or event link shared before ledger version 3 opens the node it named then', () => {
    const source = '/archives/county paper';
    const before = `${articleId(documentIdV2(source, '2021/03/15.txt'), 2)}/e1`;
    const now = `${articleId(documentId(source, '2021/03/15.txt'), 2)}/e1`;
    expect(find(`Event:${before}`)!.id).toBe(now);
    expect(find(`Event:${now}`)!.id).toBe(now);
    // Only articles and events had ids of that form: a person named like one keeps its name.
    expect(find(`Person:${before}`)!.id).toBe(before);
  });
});
