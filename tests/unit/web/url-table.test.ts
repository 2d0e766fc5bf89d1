// The open table in the address bar: kind, subject and order survive a round trip; a damaged or
// hostile value opens no table.
import { describe, expect, it } from 'vitest';
import { readUrl, urlOf, type UrlState } from '../../../web/src/state/url.ts';

const base: UrlState = {
  ops: [],
  selected: null,
  second: null,
  q: '',
  lang: 'zh',
  size: 'degree',
  hiddenKinds: [],
  from: null,
  to: null,
  place: null,
  office: null,
  positions: {},
  table: null,
};

describe('table in the URL', () => {
  it('round-trips kind, key, name, sort and direction', () => {
    const table = { of: 'matrix' as const, key: '330802', name: '柯城区', sort: '章旭升@金华市', desc: true };
    const url = urlOf({ ...base, table }, '/');
    expect(readUrl({ search: url.slice(1) }).table).toEqual(table);
    expect(readUrl({ search: urlOf(base, '/').slice(1) }).table).toBeNull();
  });

  it('ignores a table it does not know, a missing key or broken JSON', () => {
    for (const value of ['["drop","x","x","date",0]', '["person","","x","date",0]', '[', '{"of":"person"}'])
      expect(readUrl({ search: `?table=${encodeURIComponent(value)}` }).table).toBeNull();
    // An unknown sort falls back to the table's default order.
    expect(
      readUrl({ search: `?table=${encodeURIComponent('["person","a@b","a",7,1]')}` }).table,
    ).toMatchObject({
      sort: '',
      desc: true,
    });
  });
});
