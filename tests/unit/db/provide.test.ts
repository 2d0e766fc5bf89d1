import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { neo4jConfig } from '../../../db/config.ts';
import { portIsOpen } from '../../../db/net.ts';
import { provideDatabase } from '../../../db/provide.ts';

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('provideDatabase', () => {
  it('uses NEO4J_URI without starting anything', async () => {
    const provided = await provideDatabase(
      neo4jConfig({ NEO4J_URI: 'neo4j+s://example.databases.neo4j.io' }),
      () => {},
    );
    expect(provided).toEqual({ uri: 'neo4j+s://example.databases.neo4j.io', source: 'NEO4J_URI' });
  });

  it('says in one sentence what to install when there is no database, Docker or Java', async () => {
    // An empty PATH: no docker, java or mvn can be found.
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), 'empty-path-'));
    const port = 1; // nothing listens on port 1
    expect(await portIsOpen('127.0.0.1', port)).toBe(false);
    await expect(provideDatabase(neo4jConfig({ NEO4J_BOLT_PORT: String(port) }), () => {})).rejects.toThrow(
      'No Neo4j available: set NEO4J_URI to a running database, or install Docker, or install Java 17+ and Maven.',
    );
  });
});
