// Runs the real CLI (npm run extract) on a folder and the shared scorer on its output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCORER = path.resolve(ROOT, '../shared/tools/score-extraction.mjs');
export const TARGETS = 'people=0.95,positions=0.90,places=0.90,attended=0.85,where=0.75';

export interface ScoreRun {
  status: number | null;
  stdout: string;
  stderr: string;
  metrics: Record<string, { f1: number; precision: number; recall: number }>;
}

/** Extracts `input` with the CLI, then scores it against `gold` with --min thresholds (F1). */
export function extractAndScore(
  input: string,
  gold: string,
  mins = TARGETS,
): ScoreRun & { documents: number } {
  const cli = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'ingest/cli/extract.ts'), input],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (cli.status !== 0) throw new Error(`extract failed (${cli.status}): ${cli.stderr}`);
  const pred = path.join(mkdtempSync(path.join(tmpdir(), 'cadre-score-')), 'pred.json');
  writeFileSync(pred, cli.stdout);
  const documents = (JSON.parse(cli.stdout) as { documents: unknown[] }).documents.length;
  const args = [SCORER, '--gold', gold, '--pred', pred, '--min', mins];
  const json = spawnSync(process.execPath, [...args, '--json'], { cwd: ROOT, encoding: 'utf8' });
  const verbose = spawnSync(process.execPath, [...args, '--verbose'], { cwd: ROOT, encoding: 'utf8' });
  const metrics = JSON.parse(json.stdout.split('\nbelow target')[0]!.split('\nF1:')[0]!).metrics;
  return { status: verbose.status, stdout: verbose.stdout, stderr: verbose.stderr, metrics, documents };
}
