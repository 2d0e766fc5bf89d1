import { describe, expect, it } from 'vitest';
import { appConfig, neo4jConfig } from '../../../db/config.ts';

describe('neo4jConfig', () => {
  it('has the documented defaults', () => {
    expect(neo4jConfig({})).toEqual({
      uri: undefined,
      user: 'neo4j',
      password: 'cadre-graph',
      database: undefined,
      boltPort: 7687,
    });
  });

  it.each(['bolt://db:7687', 'neo4j://cluster:7687', 'neo4j+s://abc.databases.neo4j.io', 'bolt+s://h:1'])(
    'accepts %s',
    (uri) => {
      expect(neo4jConfig({ NEO4J_URI: uri }).uri).toBe(uri);
    },
  );

  it.each(['http://localhost:7474', 'localhost:7687', 'ftp://x'])(
    'rejects %s with a clear message',
    (uri) => {
      expect(() => neo4jConfig({ NEO4J_URI: uri })).toThrow(/NEO4J_URI must start with bolt:\/\//);
    },
  );

  it('selects the database and rejects a bad port', () => {
    expect(neo4jConfig({ NEO4J_DATABASE: 'news' }).database).toBe('news');
    expect(() => neo4jConfig({ NEO4J_BOLT_PORT: '70000' })).toThrow(/NEO4J_BOLT_PORT must be a port/);
  });
});

describe('appConfig', () => {
  it('binds to loopback by default', () => {
    expect(appConfig({})).toEqual({ host: '127.0.0.1', port: 5173, allowedHosts: [] });
    expect(appConfig({ HOST: '::1', PORT: '8080' })).toEqual({ host: '::1', port: 8080, allowedHosts: [] });
  });
});
