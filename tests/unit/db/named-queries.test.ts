import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { bindParams, loadNamedQueries, parseNamedQuery } from '../../../db/named-queries.ts';

const source = `// title: People of a place
// description: Who was there.
// param: place string 花街镇 The place name
// param: limit integer 25 Maximum rows
MATCH (p:Place {name: $place}) RETURN p LIMIT $limit`;

describe('parseNamedQuery', () => {
  it('reads the header and keeps the Cypher', () => {
    const query = parseNamedQuery('people-of-place', source);
    expect(query.title).toBe('People of a place');
    expect(query.description).toBe('Who was there.');
    expect(query.params).toEqual([
      { name: 'place', type: 'string', default: '花街镇', description: 'The place name' },
      { name: 'limit', type: 'integer', default: '25', description: 'Maximum rows' },
    ]);
    expect(query.cypher).toBe('MATCH (p:Place {name: $place}) RETURN p LIMIT $limit');
  });

  it('rejects an unknown parameter type', () => {
    expect(() => parseNamedQuery('bad', '// param: x time 1 When\nRETURN 1')).toThrow(/bad param line/);
  });
});

describe('bindParams', () => {
  const query = parseNamedQuery('q', source);

  it('uses defaults and sends integers as Cypher integers', () => {
    const bound = bindParams(query, {});
    expect(bound.place).toBe('花街镇');
    expect(neo4j.isInt(bound.limit)).toBe(true);
    expect((bound.limit as ReturnType<typeof neo4j.int>).toNumber()).toBe(25);
  });

  it('rejects a value of the wrong type', () => {
    expect(() => bindParams(query, { limit: '2.5' })).toThrow(/limit must be an integer/);
  });
});

describe('cypher/queries', () => {
  it('every named query has a title, a description and parses', () => {
    const queries = loadNamedQueries();
    expect(queries.size).toBeGreaterThan(0);
    for (const query of queries.values()) {
      expect(query.title, query.name).not.toBe(query.name);
      expect(query.description, query.name).not.toBe('');
      for (const param of query.params) expect(query.cypher, query.name).toContain(`$${param.name}`);
    }
  });
});
