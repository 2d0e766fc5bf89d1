import { describe, expect, it } from 'vitest';
import { formatCell, tableData } from '../../../web/src/cypher/table.ts';
import { formParams, inputFor, rowsAsRecords } from '../../../web/src/cypher/params.ts';

const person = { elementId: '4:a:1', labels: ['Person'], properties: { name: '徐旭', official: true } };
const event = { elementId: '4:a:2', labels: ['Event'], properties: { title: '会议', date: '2022-04-01' } };
const attended = {
  elementId: '5:a:9',
  type: 'ATTENDED',
  startNodeElementId: '4:a:1',
  endNodeElementId: '4:a:2',
  properties: { role: '主持' },
};

describe('the result table', () => {
  it('writes nodes, relationships and paths the way Cypher does', () => {
    expect(formatCell(person)).toBe('(:Person {name: "徐旭", official: true})');
    expect(formatCell(attended)).toBe('[:ATTENDED {role: "主持"}]');
    expect(formatCell({ nodes: [person, event], relationships: [attended] })).toBe(
      '(:Person {name: "徐旭", official: true})-[:ATTENDED {role: "主持"}]->(:Event {title: "会议", date: "2022-04-01"})',
    );
    expect(formatCell({ nodes: [event, person], relationships: [attended] })).toContain('<-[:ATTENDED');
  });

  it('writes scalars, lists, maps and nulls; strings at the top level unquoted', () => {
    expect(formatCell('永康市')).toBe('永康市');
    expect(formatCell(null)).toBe('null');
    expect(formatCell([1, 'a', null])).toBe('[1, "a", null]');
    expect(formatCell({ 'a b': 1, c: [true] })).toBe('{`a b`: 1, c: [true]}');
  });

  it('gives one cell per column even for short rows', () => {
    expect(tableData({ columns: ['p', 'n'], rows: [[person], ['x', 3]] })).toEqual({
      columns: ['p', 'n'],
      rows: [
        ['(:Person {name: "徐旭", official: true})', 'null'],
        ['x', '3'],
      ],
    });
  });

  it('gives the JSON view records keyed by column', () => {
    expect(rowsAsRecords({ columns: ['a', 'b'], rows: [[1], [2, 'x']] })).toEqual([
      { a: 1, b: null },
      { a: 2, b: 'x' },
    ]);
  });
});

describe('the named-query form', () => {
  it('picks an input per parameter type with the default filled in', () => {
    expect(inputFor({ name: 'name', type: 'string', default: '胡勇春', description: '' })).toEqual({
      type: 'text',
      value: '胡勇春',
      required: true,
    });
    expect(inputFor({ name: 'from', type: 'date', default: '2022-01-01', description: '' })).toMatchObject({
      type: 'text',
      pattern: '\\d{4}-\\d\\d-\\d\\d',
    });
    expect(inputFor({ name: 'limit', type: 'integer', default: '20', description: '' })).toMatchObject({
      type: 'number',
      step: '1',
    });
    expect(inputFor({ name: 'x', type: 'boolean', default: 'true', description: '' })).toMatchObject({
      type: 'checkbox',
      checked: true,
    });
  });

  it('sends strings, leaves empty numbers to the default', () => {
    const params = [
      { name: 'name', type: 'string' as const, default: '', description: '' },
      { name: 'limit', type: 'integer' as const, default: '20', description: '' },
      { name: 'flag', type: 'boolean' as const, default: 'false', description: '' },
      { name: 'missing', type: 'string' as const, default: '', description: '' },
    ];
    const values: Record<string, string | boolean> = { name: ' 徐旭 ', limit: ' ', flag: true };
    expect(formParams(params, (name) => values[name])).toEqual({ name: '徐旭', flag: 'true' });
  });
});
