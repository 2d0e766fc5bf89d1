// Byte-identity check of the extractor: records what `npm run --silent extract -- DIR` prints for a fixed
// list of input sets, and later compares a fresh run against a recorded snapshot. Refactors of the
// extractor (tables as data, linear-time scans) must leave every set byte-identical.
//
//   npx tsx scripts/extraction-snapshot.ts record before      # once, before touching the extractor
//   npx tsx scripts/extraction-snapshot.ts check [before]     # after each step: identical or the first difference
//   options: --dir DIR (default $CADRE_SNAPSHOT_DIR or ../team/snapshots), --only a,b, --skip a,b
//
// Sets: the repo's seeds, the shared seeds and outside items, the held-out pages, a copy of the real
// items of tests/quality/real (taken when first recorded), a generated corpus of
// 300 articles and three large generated pages (256 KB, 512 KB, 1 MB: real-looking articles, not one
// sentence repeated). Generated inputs are written once into DIR and never rewritten; their hashes are
// part of the snapshot, so a check against different inputs fails instead of passing by accident.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../bench/corpus.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dir: {
      type: 'string',
      default: process.env.CADRE_SNAPSHOT_DIR ?? path.resolve(ROOT, '../team/snapshots'),
    },
    only: { type: 'string' },
    skip: { type: 'string' },
  },
});
const [command, name = 'before'] = positionals;
const DIR = path.resolve(values.dir!);

interface InputSet {
  name: string;
  path: string;
  /** Writes the input when it is missing (generated sets only). */
  generate?: (dir: string) => void;
}

const LARGE_SIZES: [string, number][] = [
  ['p256k.txt', 256 * 1024],
  ['p512k.txt', 512 * 1024],
  ['p1m.txt', 1024 * 1024],
];

const SETS: InputSet[] = [
  { name: 'seeds', path: path.join(ROOT, 'seeds') },
  { name: 'shared-seeds', path: path.resolve(ROOT, '../shared/seeds') },
  { name: 'outside', path: path.resolve(ROOT, '../shared/outside') },
  { name: 'heldout', path: path.join(ROOT, 'tests/quality/heldout/pages') },
  {
    // a frozen copy: the team keeps adding real items to tests/quality/real
    name: 'real',
    path: path.join(DIR, 'real'),
    generate: (dir) => {
      fs.mkdirSync(dir, { recursive: true });
      const src = path.join(ROOT, 'tests/quality/real');
      for (const f of fs.readdirSync(src).filter((f) => f.endsWith('.txt')))
        fs.copyFileSync(path.join(src, f), path.join(dir, f));
    },
  },
  {
    name: 'corpus',
    path: path.join(DIR, 'corpus'),
    generate: (dir) => writeCorpus({ dir, pages: 60, counties: 50, seed: 7 }),
  },
  {
    name: 'large',
    path: path.join(DIR, 'large'),
    // one page per size, concatenated from distinct generated pages (several counties and items)
    generate: (dir) => {
      const src = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-snapshot-'));
      writeCorpus({ dir: src, pages: 600, counties: 20, seed: 11 });
      const pages = fs
        .readdirSync(src)
        .sort()
        .map((f) => fs.readFileSync(path.join(src, f), 'utf8'));
      fs.mkdirSync(dir, { recursive: true });
      for (const [file, size] of LARGE_SIZES) {
        const parts: string[] = [];
        let bytes = 0;
        for (const page of pages) {
          if (bytes >= size) break;
          parts.push(page);
          bytes += Buffer.byteLength(page) + 2;
        }
        fs.writeFileSync(path.join(dir, file), parts.join('\n\n'));
      }
      fs.rmSync(src, { recursive: true, force: true });
    },
  },
];

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()) : null);
const only = list(values.only);
const skip = list(values.skip) ?? [];
const chosen = SETS.filter((s) => (!only || only.includes(s.name)) && !skip.includes(s.name));

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** sha256 over the sorted relative paths and bytes of every .txt file of an input set. */
function inputHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt')) hash.update(path.relative(dir, p)).update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
  seconds: number;
}

function extract(input: string): Run {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'ingest/cli/extract.ts'), input],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
      env: process.env,
    },
  );
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, status: r.status, seconds: (performance.now() - t0) / 1000 };
}

/** The first path at which two JSON values differ, with both sides, or null when equal. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null))
    return `${at}: ${show(a)} ≠ ${show(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return a.length === b.length ? null : `${at}: length ${a.length} ≠ ${b.length}`;
  }
  if (a && typeof a === 'object' && b && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join() !== kb.join()) return `${at}: keys ${ka.join(',')} ≠ ${kb.join(',')}`;
    for (const k of ka) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${at}.${k}`,
      );
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${at}: ${show(a)} ≠ ${show(b)}`;
}
const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
};

function prepare(set: InputSet): void {
  if (fs.existsSync(set.path)) return;
  if (!set.generate) throw new Error(`input set ${set.name}: ${set.path} is missing`);
  console.log(`${set.name}: generating ${set.path}`);
  set.generate(set.path);
}

function record(snapshot: string): void {
  const out = path.join(DIR, snapshot);
  fs.mkdirSync(out, { recursive: true });
  for (const set of chosen) {
    prepare(set);
    const run = extract(set.path);
    fs.writeFileSync(path.join(out, `${set.name}.json`), run.stdout);
    fs.writeFileSync(
      path.join(out, `${set.name}.meta.json`),
      JSON.stringify(
        { input: set.path, inputSha256: inputHash(set.path), status: run.status, stderr: run.stderr },
        null,
        2,
      ) + '\n',
    );
    console.log(
      `${set.name}: recorded ${Buffer.byteLength(run.stdout)} bytes, sha256 ${sha256(run.stdout).slice(0, 16)}, ` +
        `exit ${run.status}, ${run.seconds.toFixed(1)} s`,
    );
  }
}

function check(snapshot: string): number {
  const ref = path.join(DIR, snapshot);
  let failed = 0;
  for (const set of chosen) {
    const stored = path.join(ref, `${set.name}.json`);
    if (!fs.existsSync(stored)) {
      console.log(`${set.name}: no snapshot at ${stored}`);
      failed++;
      continue;
    }
    prepare(set);
    const meta = JSON.parse(fs.readFileSync(path.join(ref, `${set.name}.meta.json`), 'utf8')) as {
      inputSha256: string;
      status: number | null;
      stderr: string;
    };
    if (inputHash(set.path) !== meta.inputSha256) {
      console.log(`${set.name}: DIFFERENT INPUT: ${set.path} changed since the snapshot was recorded`);
      failed++;
      continue;
    }
    const run = extract(set.path);
    const before = fs.readFileSync(stored, 'utf8');
    const digest = sha256(run.stdout).slice(0, 16);
    if (run.stdout === before && run.status === meta.status && run.stderr === meta.stderr) {
      console.log(
        `${set.name}: identical (${Buffer.byteLength(before)} bytes, sha256 ${digest}, ${run.seconds.toFixed(1)} s)`,
      );
      continue;
    }
    failed++;
    let where = run.stdout === before ? 'stdout identical' : 'output differs';
    try {
      where = firstDifference(JSON.parse(before), JSON.parse(run.stdout)) ?? where;
    } catch {
      // not JSON (a crash): the status and stderr below say why
    }
    console.log(`${set.name}: DIFFERENT: ${where}`);
    if (run.status !== meta.status) console.log(`  exit ${meta.status} → ${run.status}`);
    if (run.stderr !== meta.stderr) console.log(`  stderr: ${run.stderr.slice(0, 500)}`);
  }
  console.log(
    failed
      ? `${failed} of ${chosen.length} sets differ from ${ref}`
      : `all ${chosen.length} sets byte-identical to ${ref}`,
  );
  return failed ? 1 : 0;
}

if (command === 'record') record(name);
else if (command === 'check') process.exitCode = check(name);
else {
  console.error(
    'usage: tsx scripts/extraction-snapshot.ts record NAME | check [NAME] [--dir DIR] [--only a,b] [--skip a,b]',
  );
  process.exitCode = 2;
}
