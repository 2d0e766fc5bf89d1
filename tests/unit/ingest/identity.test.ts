// Document identity: short, stable ids from source + path, and the version-2 ids they replace.
import { describe, expect, it } from 'vitest';
import { currentIdOfV2, documentId, documentIdV2 } from '../../../ingest/load/identity.ts';

describe('document ids', () => {
  it('are 16 hex digits, the same for the same source and path, different otherwise', () => {
    const id = documentId('/archives/永康日报', '2022/04/01.txt');
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(documentId('/archives/永康日报', '2022/04/01.txt')).toBe(id);
    expect(documentId('/archives/其他', '2022/04/01.txt')).not.toBe(id);
    // The separator keeps source and path apart: "a/b" + "c" is not "a" + "b/c".
    expect(documentId('a/b', 'c')).not.toBe(documentId('a', 'b/c'));
  });

  it('map an article or event id of ledger version 2 to its id today', () => {
    const source = '/tmp/100%/报纸';
    const old = documentIdV2(source, 'html/2021-03/15/content_1#2.htm');
    expect(old).toBe('%2Ftmp%2F100%25%2F报纸/html/2021-03/15/content_1#2.htm');
    const doc = documentId(source, 'html/2021-03/15/content_1#2.htm');
    expect(currentIdOfV2(`${old}#3`)).toBe(`${doc}#3`);
    expect(currentIdOfV2(`${old}#3/e1`)).toBe(`${doc}#3/e1`);
    expect(currentIdOfV2(`${doc}#3`)).toBeNull();
    expect(currentIdOfV2('章旭升@金华市')).toBeNull();
  });
});
