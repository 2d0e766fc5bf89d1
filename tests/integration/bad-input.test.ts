// Bad input for the ingest, each on its own: the run reports it, stores everything else, and never hangs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { clearDatabase, testDatabase } from '../helpers.ts';

const seed = (name: string) => fs.readFileSync(path.join('seeds', name), 'utf8');
let db: Database;
let dir: string;

async function peopleOf(doc: string): Promise<string[]> {
  const { records } = await db.driver.executeQuery(
    'MATCH (p:Person)-[:MENTIONED_IN]->(:Article {doc: $doc}) RETURN DISTINCT p.name AS name ORDER BY name',
    { doc },
    { database: db.database, routing: 'READ' },
  );
  return records.map((r) => r.get('name') as string);
}

beforeAll(() => {
  db = testDatabase();
});
beforeEach(async () => {
  await clearDatabase(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-bad-'));
});
afterAll(async () => db.close());

describe('bad input', () => {
  it('a symlink loop and a dangling link in the folder', async () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'page.txt'), seed('001_2955f14923da8811.txt'));
    fs.symlinkSync('..', path.join(dir, 'sub', 'loop'));
    fs.symlinkSync('/nonexistent/target.txt', path.join(dir, 'sub', 'dangling.txt'));
    const summary = await ingestPaths(db, [dir]);
    expect(summary.written).toBe(1);
    expect(await peopleOf('sub/page.txt')).toContain('章旭升');
  });

  it('a file deleted after the folder was listed', async () => {
    for (let i = 0; i < 30; i++)
      fs.writeFileSync(
        path.join(dir, `p${String(i).padStart(2, '0')}.txt`),
        seed('001_2955f14923da8811.txt'),
      );
    let deleted = false;
    const summary = await ingestPaths(db, [dir], {
      progress: {
        update: () => {
          if (!deleted) fs.rmSync(path.join(dir, 'p29.txt'));
          deleted = true;
        },
        stop: () => {},
      },
    });
    expect(summary.failed.map((f) => path.basename(f.file))).toEqual(['p29.txt']);
    expect(summary.failed[0]!.reason).toMatch(/ENOENT|cannot read/);
    expect(summary.written).toBe(29);
  });

  it('UTF-8, UTF-8 with BOM and GB18030 files side by side', async () => {
    const text = seed('004_f17a095ea133b679.txt');
    fs.writeFileSync(path.join(dir, 'utf8.txt'), text);
    fs.writeFileSync(path.join(dir, 'bom.txt'), `\uFEFF${text}`);
    fs.writeFileSync(path.join(dir, 'gb.txt'), iconv.encode(text, 'gb18030'));
    const summary = await ingestPaths(db, [dir]);
    expect(summary.failed).toEqual([]);
    const reference = await peopleOf('utf8.txt');
    expect(reference).toContain('徐旭');
    expect(await peopleOf('bom.txt')).toEqual(reference);
    expect(await peopleOf('gb.txt')).toEqual(reference);
  });

  it('a malformed manifest.json is ignored with a warning, not fatal', async () => {
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{ "paper": "永康日报", ');
    fs.writeFileSync(path.join(dir, 'page.txt'), seed('001_2955f14923da8811.txt'));
    const summary = await ingestPaths(db, [dir]);
    expect(summary.failed).toEqual([]);
    expect(await peopleOf('page.txt')).toContain('章旭升');
  });

  it('a path that does not exist is a clear error', async () => {
    await expect(ingestPaths(db, [path.join(dir, 'missing')])).rejects.toThrow(
      /missing: no such file or folder/,
    );
  });
});
