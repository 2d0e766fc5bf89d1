// `npm run ingest -- DIR_OR_FILE...`: extracts the articles and loads them into Neo4j.
import { parseArgs } from 'node:util';
import { neo4jConfig } from '../../db/config.ts';
import { describeError, openDatabase, waitForDatabase } from '../../db/driver.ts';
import { formatSummary, ingestPaths } from '../pipeline.ts';
import { createProgress } from '../progress.ts';

const USAGE = `usage: npm run ingest -- [options] DIR_OR_FILE...
  --source NAME    the name of the source these files belong to (default: the manifest's paper, else the
                   folder's canonical path); a document is its source plus its path inside it
  --prune          remove the facts of documents whose files are gone from the source (listed first)
  --dry-run        say what would be written and pruned, write nothing
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

process.exitCode = await main(process.argv.slice(2));
