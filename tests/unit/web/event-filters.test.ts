// The explorer's filters by event kind and by role, and the matrix's client-side sort.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../web/src/graph/derive.ts';
import { hiddenNodes, kindsAndRoles } from '../../../web/src/state/filters.ts';
import { noFilters } from '../../../web/src/state/store.ts';
import { sortMatrix, type TableData } from '../../../web/src/tables/model.ts';

const graph = () =>
  buildGraph({
    nodes: [
      { id: 'Person:a', labels: ['Person'], properties: { id: 'a', name: '甲' } },
      { id: 'Person:b', labels: ['Person'], properties: { id: 'b', name: '乙' } },
      { id: 'Event:1', labels: ['Event'], properties: { id: '1', kind: '会议', date: '2023-01-01' } },
      { id: 'Event:2', labels: ['Event'], properties: { id: '2', kind: '调研', date: '2023-02-01' } },
      { id: 'Event:3', labels: ['Event'], properties: { id: '3', kind: '调研', date: '2023-03-01' } },
    ],
    edges: [
      { id: 'r1', source: 'Person:a', target: 'Event:1', type: 'ATTENDED', properties: { role: '主持' } },
      { id: 'r2', source: 'Person:b', target: 'Event:1', type: 'ATTENDED', properties: { role: '参加' } },
      { id: 'r3', source: 'Person:a', target: 'Event:2', type: 'ATTENDED', properties: { role: '调研' } },
      { id: 'r4', source: 'Person:b', target: 'Event:3', type: 'ATTENDED', properties: { role: '陪同' } },
    ],
  });

describe('event kind and role filters', () => {
  it('keep only events of the chosen kinds, and people left with nothing go too', () => {
    const hidden = hiddenNodes(graph(), { ...noFilters(), eventKinds: ['会议'] });
    expect([...hidden].sort()).toEqual(['Event:2', 'Event:3']);
    expect(hiddenNodes(graph(), { ...noFilters(), eventKinds: ['仪式'] })).toEqual(
      new Set(['Event:1', 'Event:2', 'Event:3', 'Person:a', 'Person:b']),
    );
  });

  it('keep only events someone attended in one of the chosen roles', () => {
    const hidden = hiddenNodes(graph(), { ...noFilters(), roles: ['陪同'] });
    expect([...hidden].sort()).toEqual(['Event:1', 'Event:2', 'Person:a']);
    expect(hiddenNodes(graph(), { ...noFilters(), roles: ['主持', '陪同'] })).toEqual(new Set(['Event:2']));
  });

  it('offer the kinds and roles in view, most frequent first', () => {
    const { kinds, roles } = kindsAndRoles(graph());
    expect(kinds).toEqual(['调研', '会议']);
    expect(new Set(roles)).toEqual(new Set(['主持', '参加', '调研', '陪同']));
  });
});

describe('matrix sort', () => {
  const data: TableData = {
    request: { of: 'matrix', key: 'x', name: 'x', sort: 'sum', desc: true, limit: 10 },
    columns: [
      { key: 'place', label: '地点', sortable: true },
      { key: 'sum', label: '合计', sortable: true, numeric: true },
    ],
    rows: [
      ['石梁镇', 5],
      ['航埠镇', 12],
      ['万田乡', 0],
    ],
    articles: [null, null, null],
    total: 3,
  };
  it('sorts counts as numbers and names by the Chinese collation, either way', () => {
    expect(sortMatrix(data, 'sum', true).rows.map((r) => r[1])).toEqual([12, 5, 0]);
    expect(sortMatrix(data, 'sum', false).rows.map((r) => r[1])).toEqual([0, 5, 12]);
    const names = sortMatrix(data, 'place', false).rows.map((r) => r[0]);
    expect(names).toEqual(['航埠镇', '石梁镇', '万田乡']);
    expect(sortMatrix(data, 'place', false).request).toMatchObject({ sort: 'place', desc: false });
  });
});
