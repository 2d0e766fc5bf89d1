// The CLI contract: JSON only on stdout; unreadable files reported on stderr, the run goes on, exit 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'ingest/cli/extract.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('npm run extract', () => {
  it('prints one JSON object and reports a bad file without stopping', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'cadre-cli-'));
    writeFileSync(path.join(d, 'a.txt'), '县委书记张建平到文宫镇调研。');
    writeFileSync(path.join(d, 'b.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0]));
    writeFileSync(path.join(d, 'c.txt'), '');
    const r = run(d);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/b\.txt: binary/);
    const out = JSON.parse(r.stdout);
    expect(out.documents.map((x: { doc: string }) => x.doc)).toEqual(['a.txt', 'c.txt']);
    expect(out.documents[1].articles).toEqual([]);
  });

  it('exits 0 on success and fails clearly on a missing path', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'cadre-cli-'));
    writeFileSync(path.join(d, 'a.txt'), '县委书记张建平到文宫镇调研。');
    expect(run(d).status).toBe(0);
    const missing = run('/no/such/place');
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/no such file or folder: \/no\/such\/place/);
  });
});
