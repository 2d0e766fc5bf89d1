import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../../ingest/load/schema.ts';

describe('splitStatements', () => {
  it('splits the schema file into idempotent statements, comments dropped', () => {
    const statements = splitStatements(fs.readFileSync('cypher/schema.cypher', 'utf8'));
    expect(statements.length).toBeGreaterThanOrEqual(8);
    for (const statement of statements) {
      // Idempotent: creations only if missing, and the one retired index dropped only if present.
      expect(statement).toMatch(/^(CREATE .* IF NOT EXISTS|DROP INDEX \w+ IF EXISTS$)/s);
      expect(statement).not.toContain('//');
    }
    expect(statements.some((s) => s.includes("'cjk'"))).toBe(true);
  });

  it('keeps a statement that spans lines whole', () => {
    expect(splitStatements('// c\nMATCH (n)\nRETURN n;\nRETURN 1;')).toEqual([
      'MATCH (n)\nRETURN n',
      'RETURN 1',
    ]);
  });
});
