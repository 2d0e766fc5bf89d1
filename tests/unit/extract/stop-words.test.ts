// The stop tables are data: a group noun added to stop-words.tsv makes the sentences it opens stops
// of the visit. Runs the real CLI on a copy of the shipped tables, unedited and edited.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON_DIR } from '../../../ingest/extract/lexicon.ts';
import type { ExtractionOutput } from '../../../ingest/extract/types.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function eventPlaces(dir: string, file: string): string[] {
  const env = { ...process.env, CADRE_LEXICON_DIR: dir };
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'ingest/cli/extract.ts'), file], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as ExtractionOutput;
  return out.documents.flatMap((d) => d.articles.flatMap((a) => a.events.flatMap((e) => e.places)));
}

describe('stop-words.tsv', () => {
  it('a group noun added to the table makes its sentences stops of the visit', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'cadre-stops-')), 'lexicon');
    cpSync(DEFAULT_LEXICON_DIR, dir, { recursive: true });
    const d = mkdtempSync(path.join(tmpdir(), 'cadre-stops-page-'));
    const file = path.join(d, 'page.txt');
    writeFileSync(
      file,
      '3月5日,县委书记李国平带队到盐井镇开展理论宣讲。\n宣讲小分队先后来到小渡口镇、梦溪镇,与群众面对面交流。',
    );
    writeFileSync(
      path.join(d, 'manifest.json'),
      JSON.stringify({ home: { province: '湖南省', city: '常德市', county: '澧县' } }),
    );
    expect(eventPlaces(dir, file)).toEqual(['盐井镇']);
    appendFileSync(path.join(dir, 'stop-words.tsv'), '小分队\tgroup\n');
    expect(eventPlaces(dir, file)).toEqual(['盐井镇', '小渡口镇', '梦溪镇']);
  }, 60_000);
});
