// The bulk path, for a first load of a large archive into an empty database: extract everything into
// CSV files (load/csv.ts) and load them with `neo4j-admin database import full`, which writes the store
// directly instead of running a transaction per batch, then create the schema (constraints, indexes and
// the full-text indexes, built once at the end). Locally it runs the import tool from the launcher's own
// Neo4j distribution (the Maven classpath of tools/neo4j); for Docker and remote servers it prints the
// exact commands instead.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../db/driver.ts';
import { resolveClasspath } from '../db/local-neo4j.ts';
import { CsvGraphWriter } from './load/csv.ts';
import { applySchema } from './load/schema.ts';
import { ingestPaths, type IngestOptions, type IngestSummary } from './pipeline.ts';

export interface BulkResult {
  summary: IngestSummary;
  /** The CSV files, as neo4j-admin arguments (--nodes=…, --relationships=…, --multiline-fields=…). */
  files: string[];
  extractSeconds: number;
}

/** Extracts the inputs into CSV files under `dir` (the same rows as the incremental path). */
export async function writeBulkCsv(
  inputs: string[],
  dir: string,
  options: Omit<IngestOptions, 'sink' | 'prune' | 'dryRun'> = {},
): Promise<BulkResult> {
  const started = performance.now();
  fs.rmSync(dir, { recursive: true, force: true });
  const writer = new CsvGraphWriter(dir);
  // Large "transactions": nothing is written to Neo4j, the rows only pass through to the files; and
  // every core extracts, since the main thread only appends to files.
  const summary = await ingestPaths(null, inputs, {
    articlesPerTransaction: 5000,
    ...options,
    threads: options.threads ?? os.availableParallelism(),
    sink: writer,
  });
  const files = await writer.finish();
  return { summary, files, extractSeconds: (performance.now() - started) / 1000 };
}

/** The arguments of `neo4j-admin` for these files (paths as given; rewrite them for a container). */
export function importArguments(files: string[], database = 'neo4j', reportFile?: string): string[] {
  return [
    'database',
    'import',
    'full',
    // The database first: the file options take every value that follows them.
    database,
    '--overwrite-destination=true',
    '--array-delimiter=U+001F',
    '--skip-duplicate-nodes=false',
    '--threads=2',
    // Else the tool writes import.report into the working directory.
    ...(reportFile ? [`--report-file=${reportFile}`] : []),
    ...files,
  ];
}

/**
 * Runs the import into the local launcher's data folder (`root`, as for startLocalNeo4j), which must
 * not be in use. Resolves with the tool's output; rejects with its last lines.
 */
export async function importLocally(
  root: string,
  files: string[],
  log: (line: string) => void = () => {},
): Promise<string> {
  const classpath = resolveClasspath(root, log);
  const home = path.join(root, 'data');
  const conf = path.join(root, 'import-conf');
  fs.mkdirSync(conf, { recursive: true });
  fs.mkdirSync(path.join(home, 'data'), { recursive: true });
  // The embedded launcher keeps its store under <home>/data, which is neo4j-admin's default too.
  fs.writeFileSync(path.join(conf, 'neo4j.conf'), `server.directories.data=${path.join(home, 'data')}\n`);
  const child = spawn(
    'java',
    [
      '-Xmx1g',
      '-cp',
      classpath,
      'org.neo4j.cli.AdminTool',
      ...importArguments(files, 'neo4j', path.join(root, 'import.report')),
    ],
    { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0)
    throw new Error(
      `neo4j-admin import failed (exit ${code}): ${output
        .trim()
        .split('\n')
        .filter((l) => !/^\s+at /.test(l))
        .slice(-12)
        .join('\n')}`,
    );
  return output;
}

/** After the import: constraints, indexes and full-text indexes, built once over the loaded graph. */
export async function createSchema(db: Database): Promise<void> {
  await applySchema(db);
}

/** What to run by hand when the database is in Docker or on another machine. */
export function manualCommands(dir: string, files: string[], inputs: string[]): string {
  const inContainer = files.map((f) => f.replaceAll(`${path.resolve(dir)}/`, '/import/'));
  const admin = ['neo4j-admin', ...importArguments(inContainer)].join(' ');
  const rerun = `npm run ingest -- ${inputs.map((i) => JSON.stringify(path.resolve(i))).join(' ')}`;
  return [
    `The CSV files are in ${path.resolve(dir)}. The database must be stopped while it is imported.`,
    '',
    'Docker Compose (this repository):',
    '  docker compose stop neo4j',
    `  docker compose run --rm --no-deps -v ${path.resolve(dir)}:/import neo4j ${admin}`,
    '  docker compose start neo4j',
    '',
    'A Neo4j server elsewhere: copy the folder to it as /import, stop the database, run there',
    `  ${admin}`,
    '  and start it again (a cluster: import on one server, then seed the others from it; see the README).',
    '',
    `Then create the schema and check the ledger (every file is found unchanged): ${rerun}`,
  ].join('\n');
}
