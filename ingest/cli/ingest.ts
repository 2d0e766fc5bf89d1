// `npm run ingest -- DIR_OR_FILE...`: extracts the articles and loads them into Neo4j.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { neo4jConfig, type Neo4jConfig } from '../../db/config.ts';
import { describeError, openDatabase, waitForDatabase } from '../../db/driver.ts';
import { startLocalNeo4j } from '../../db/local-neo4j.ts';
import { portIsOpen } from '../../db/net.ts';
import { localDataRoot } from '../../db/provide.ts';
import { createSchema, importLocally, manualCommands, writeBulkCsv } from '../bulk.ts';
import { formatSummary, ingestPaths } from '../pipeline.ts';
import { createProgress } from '../progress.ts';

const USAGE = `usage: npm run ingest -- [options] DIR_OR_FILE...
  --source NAME    the name of the source these files belong to (default: the manifest's paper, else the
                   folder's canonical path); a document is its source plus its path inside it
  --prune          remove the facts of documents whose files are gone from the source (listed first)
  --dry-run        say what would be written and pruned, write nothing
  --bulk DIR       first load of a large archive into an empty database: CSV files in DIR, loaded with
                   neo4j-admin database import (the local Neo4j must be stopped; NEO4J_URI set: the
                   commands to run are printed), then the schema; --force replaces a local database
  --force          re-extract and rewrite files whose content did not change
  --batch          articles per write transaction (default 500)
  --threads        extraction worker threads (default: cores - 1)
  --retry-seconds  how long to keep retrying while Neo4j is unreachable (default 60)`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        prune: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        bulk: { type: 'string' },
        force: { type: 'boolean', default: false },
        batch: { type: 'string' },
        threads: { type: 'string' },
        'retry-seconds': { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`ingest: ${describeError(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals: inputs } = parsed;
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const batch = number(values.batch);
  const threads = number(values.threads);
  const retrySeconds = number(values['retry-seconds']) ?? 60;
  const valid = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n > 0);
  if (inputs.length === 0 || ![batch, threads, retrySeconds].every(valid) || values.source?.trim() === '') {
    console.error(USAGE);
    return 2;
  }

  const config = neo4jConfig();
  if (values.bulk !== undefined) {
    if (values.prune || values['dry-run']) {
      console.error('ingest: --bulk loads an empty database; --prune and --dry-run do not apply');
      return 2;
    }
    return bulk(values.bulk, inputs, config, { source: values.source, threads, force: values.force });
  }
  const uri = config.uri ?? `bolt://127.0.0.1:${config.boltPort}`;
  // Managed transactions retry while Neo4j is unreachable (a restart, a leader switch) for this long;
  // then the ingest stops with a message, and a rerun carries on where it stopped.
  const db = openDatabase({ ...config, uri }, { maxRetryMs: retrySeconds * 1000 });
  try {
    await waitForDatabase(db, retrySeconds * 1000);
    const summary = await ingestPaths(db, inputs, {
      force: values.force,
      source: values.source,
      prune: values.prune,
      dryRun: values['dry-run'],
      articlesPerTransaction: batch,
      threads,
      log: (line) => console.error(line),
      progress: createProgress(),
    });
    console.log(formatSummary(summary));
    return summary.failed.length > 0 ? 1 : 0;
  } catch (error) {
    const message = describeError(error);
    // Problems with the input are not Neo4j's fault; only say "start a database" when it is one.
    const input = /no such file or folder|cannot read|newer ingest/.test(message);
    console.error(
      input
        ? `ingest: ${message}`
        : `ingest: ${message} (NEO4J_URI=${uri}; start a database with \`npm run neo4j\`). ` +
            'What was written is complete file by file; run the ingest again to finish.',
    );
    return 1;
  } finally {
    await db.close();
  }
}

/** `--bulk DIR`: extract to CSV, import with neo4j-admin, create the schema. */
async function bulk(
  dir: string,
  inputs: string[],
  config: Neo4jConfig,
  options: { source?: string; threads?: number; force: boolean },
): Promise<number> {
  const store = path.join(localDataRoot, 'data', 'data', 'databases', 'neo4j');
  if (!config.uri) {
    // Checked before hours of extraction: the import needs the local store to itself.
    if (await portIsOpen('127.0.0.1', config.boltPort)) {
      console.error(
        `ingest: a Neo4j is running on port ${config.boltPort}; stop it (npm start, npm run neo4j) before --bulk, which writes its store directly.`,
      );
      return 1;
    }
    if (fs.existsSync(store) && !options.force) {
      console.error(
        `ingest: the local database (${store}) already exists; --bulk is for a first load into an empty database. Add --force to replace it, or leave out --bulk to add to it.`,
      );
      return 1;
    }
  }
  const started = performance.now();
  const csv = await writeBulkCsv(inputs, dir, {
    source: options.source,
    threads: options.threads,
    log: (line) => console.error(line),
    progress: createProgress(),
  });
  console.log(formatSummary(csv.summary));
  console.log(`CSV written to ${path.resolve(dir)} in ${csv.extractSeconds.toFixed(1)} s`);
  if (config.uri) {
    console.log(
      `\nNEO4J_URI is set (${config.uri}): load the files there.\n\n${manualCommands(dir, csv.files, inputs)}`,
    );
    return csv.summary.failed.length > 0 ? 1 : 0;
  }
  try {
    const output = await importLocally(localDataRoot, csv.files, (line) => console.error(line));
    console.log(output.trim().split('\n').slice(-6).join('\n'));
    const neo4j = await startLocalNeo4j(
      { root: localDataRoot, port: config.boltPort, user: config.user, password: config.password },
      (line) => console.error(line),
    );
    const db = openDatabase({ ...config, uri: neo4j.uri });
    try {
      await createSchema(db);
    } finally {
      await db.close();
      await neo4j.stop();
    }
  } catch (error) {
    console.error(`ingest: ${describeError(error)}`);
    return 1;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `bulk load done: ${csv.summary.articles} articles in ${seconds.toFixed(1)} s (${(csv.summary.articles / seconds).toFixed(0)} articles/s); start with npm start or npm run neo4j`,
  );
  return csv.summary.failed.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
