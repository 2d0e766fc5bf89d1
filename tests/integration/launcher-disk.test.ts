// The local launcher on a folder it cannot use: a clear sentence at once, never a hang or a late,
// obscure Neo4j error. The full and read-only disks are small tmpfs mounts (this needs root, as CI has).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j } from '../../db/local-neo4j.ts';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-disk-'));
const mounts: string[] = [];
const options = { port: 7762, user: 'neo4j', password: 'disk-test-pass' };

function tmpfs(name: string, mountOptions: string): string {
  const dir = path.join(base, name);
  fs.mkdirSync(dir);
  execFileSync('mount', ['-t', 'tmpfs', '-o', mountOptions, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of mounts) execFileSync('umount', [dir]);
  fs.rmSync(base, { recursive: true, force: true });
});

describe('the local launcher on a bad data folder', () => {
  it('says the disk is too full, before starting Neo4j', async () => {
    const full = tmpfs('full', 'size=2m');
    await expect(startLocalNeo4j({ root: path.join(full, 'neo4j'), ...options })).rejects.toThrow(
      /only \d+ MB free for the Neo4j data folder .* it needs at least 256 MB/,
    );
  });

  it('says a read-only folder cannot be written', async () => {
    const readOnly = tmpfs('ro', 'size=64m,ro');
    await expect(startLocalNeo4j({ root: readOnly, ...options })).rejects.toThrow(
      /data folder .* cannot be created or written \(EROFS\)/,
    );
  });

  it('says a path that is a file cannot be a data folder', async () => {
    const file = path.join(base, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    await expect(startLocalNeo4j({ root: file, ...options })).rejects.toThrow(
      /cannot be created or written \(EEXIST\)/,
    );
  });
});
