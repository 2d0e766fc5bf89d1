// The compiled extractor bundle (ingest/compiled.ts): never stale, and the same output as the sources.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiled, importCompiled } from '../../../ingest/compiled.ts';
import * as source from '../../../ingest/extract/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('compiled bundle', () => {
  it('rebuilds when any file it was built from changes, and only then', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cadre-compiled-'));
    const cacheDir = path.join(root, 'cache');
    writeFileSync(path.join(root, 'entry.ts'), "export { value } from './dep/value.ts';\n");
    writeFileSync(path.join(root, 'where.ts'), 'export const where: string = import.meta.url;\n');
    const dep = path.join(root, 'dep');
    mkdirSync(dep);
    writeFileSync(path.join(root, 'unrelated.ts'), 'export const no = 0;\n');
    writeFileSync(path.join(dep, 'value.ts'), "export { default as value } from './value.json';\n");
    writeFileSync(path.join(dep, 'value.json'), '1\n');
    const options = { root, entries: ['entry.ts', 'where.ts'], cacheDir };

    const first = await compiled(options);
    expect(first.built).toBe(true);
    expect((await import(first.url('entry.ts'))).value).toBe(1);
    const again = await compiled(options);
    expect(again).toMatchObject({ built: false, dir: first.dir });

    // an edit of a data file two imports down is seen
    writeFileSync(path.join(dep, 'value.json'), '2\n');
    const second = await compiled(options);
    expect(second.built).toBe(true);
    expect(second.dir).not.toBe(first.dir);
    expect((await importCompiled<{ value: number }>('entry.ts', options)).value).toBe(2);
    // the manifest names the new build; the old one stays for processes that still use it
    const manifest = JSON.parse(readFileSync(path.join(cacheDir, 'manifest.json'), 'utf8'));
    expect(manifest.dir).toBe(second.dir);
    expect(Object.keys(manifest.inputs).sort()).toEqual([
      'dep/value.json',
      'dep/value.ts',
      'entry.ts',
      'where.ts',
    ]);
    expect(readdirSync(cacheDir).filter((f) => /^[0-9a-f]{16}$/.test(f))).toHaveLength(2);

    // each module keeps its own location (the lexicon and the gazetteer find their files from it)
    expect((await import(second.url('where.ts'))).where).toBe(
      pathToFileURL(path.join(root, 'where.ts')).href,
    );
    expect(() => second.url('dep/value.ts')).toThrow(/not an entry/);

    // and an edit of the code itself
    writeFileSync(path.join(dep, 'value.ts'), 'export const value: number = 3;\n');
    const third = await compiled(options);
    expect(third.built).toBe(true);
    expect((await import(third.url('entry.ts'))).value).toBe(3);
  });

  it('extracts exactly what the sources extract', async () => {
    const bundle = await importCompiled<typeof source>('ingest/extract/index.ts');
    expect(bundle.extractText).not.toBe(source.extractText);
    const dir = path.join(ROOT, 'seeds');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      expect(JSON.stringify(bundle.extractText(text, f))).toBe(JSON.stringify(source.extractText(text, f)));
    }
  });
});
