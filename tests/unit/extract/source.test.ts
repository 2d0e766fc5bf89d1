// Reading article files: encodings (UTF-8, BOM, GB18030 made with iconv-lite), binary input,
// empty files, folder listing.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractFiles, extractText } from '../../../ingest/extract/index.ts';
import { listArticleFiles, readTextFile } from '../../../ingest/source/files.ts';

const SAMPLE = '本报讯(记者 严嘉慧)1月12日下午,省经信厅党组书记、厅长徐旭来我区走访慰问生活困难群众。';

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'cadre-src-'));
}

describe('readTextFile', () => {
  it('reads UTF-8', async () => {
    const f = path.join(tmp(), 'a.txt');
    writeFileSync(f, SAMPLE, 'utf8');
    expect(await readTextFile(f)).toEqual({ text: SAMPLE, encoding: 'UTF-8', replaced: 0 });
  });

  it('strips a UTF-8 byte order mark', async () => {
    const f = path.join(tmp(), 'bom.txt');
    writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]));
    const r = await readTextFile(f);
    expect(r.text).toBe(SAMPLE);
    expect(r.encoding).toBe('UTF-8-BOM');
  });

  it('detects GB18030 and GBK', async () => {
    for (const enc of ['gb18030', 'gbk']) {
      const f = path.join(tmp(), `${enc}.txt`);
      writeFileSync(f, iconv.encode(SAMPLE, enc));
      const r = await readTextFile(f);
      expect(r.text).toBe(SAMPLE);
      expect(r.encoding).toBe('GB18030');
    }
  });

  it('rejects binary files with a clear message', async () => {
    const f = path.join(tmp(), 'img.txt');
    writeFileSync(
      f,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
    );
    await expect(readTextFile(f)).rejects.toThrow(/img\.txt: binary/);
  });

  it('names the file that cannot be read', async () => {
    await expect(readTextFile('/nonexistent/x.txt')).rejects.toThrow(/x\.txt: cannot read/);
  });
});

describe('listArticleFiles', () => {
  it('walks folders, keeps .txt only, skips hidden entries, sorts', async () => {
    const d = tmp();
    mkdirSync(path.join(d, 'sub'));
    mkdirSync(path.join(d, '.git'));
    writeFileSync(path.join(d, 'b.txt'), 'x');
    writeFileSync(path.join(d, 'sub', 'a.txt'), 'x');
    writeFileSync(path.join(d, '.hidden.txt'), 'x');
    writeFileSync(path.join(d, '.git', 'c.txt'), 'x');
    writeFileSync(path.join(d, 'manifest.json'), '{}');
    expect(await listArticleFiles([d])).toEqual([path.join(d, 'b.txt'), path.join(d, 'sub', 'a.txt')]);
  });

  it('fails clearly on a missing path', async () => {
    await expect(listArticleFiles(['/no/such/dir'])).rejects.toThrow('no such file or folder: /no/such/dir');
  });
});

describe('bad input', () => {
  it('an empty file gives a document without articles', () => {
    expect(extractText('', 'empty.txt').articles).toEqual([]);
  });

  it('uses manifest.json metadata of the folder', async () => {
    const d = tmp();
    writeFileSync(path.join(d, 'p.txt'), '县委书记张建平主持会议。\n');
    writeFileSync(
      path.join(d, 'manifest.json'),
      JSON.stringify({
        paper: '仁寿日报',
        date: '2023-03-15',
        home: { province: '四川省', city: '眉山市', county: '仁寿县' },
      }),
    );
    const out = await extractFiles([d]);
    expect(out.documents[0]!.home).toEqual({ province: '四川省', city: '眉山市', county: '仁寿县' });
    expect(out.documents[0]!.articles[0]!.people[0]!.offices).toEqual(['仁寿县委']);
  });
});
