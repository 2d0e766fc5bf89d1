// `npm run ingest -- DIR_OR_FILE...`: extracts the articles and loads them into Neo4j.
import { parseArgs } from 'node:util';
import { neo4jConfig } from '../../db/config.ts';
import { describeError, openDatabase, waitForDatabase } from '../../db/driver.ts';
import { formatSummary, ingestPaths } from '../pipeline.ts';
import { createProgress } from '../progress.ts';

const USAGE = `usage: npm run ingest -- [--force] [--batch ARTICLES] [--threads N] DIR_OR_FILE...
  --force    re-extract and rewrite files whose content did not change
  --batch    articles per write transaction (default 500)
  --threads  extraction worker threads (default: cores - 1)`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        force: { type: 'boolean', default: false },
        batch: { type: 'string' },
        threads: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`ingest: ${describeError(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals: inputs } = parsed;
  const positive = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const batch = positive(values.batch);
  const threads = positive(values.threads);
  if (
    inputs.length === 0 ||
    [batch, threads].some((n) => n !== undefined && !(Number.isInteger(n) && n > 0))
  ) {
    console.error(USAGE);
    return 2;
  }
  const config = neo4jConfig();
  const uri = config.uri ?? `bolt://127.0.0.1:${config.boltPort}`;
  const db = openDatabase({ ...config, uri });
  try {
    await waitForDatabase(db, 15_000);
    const summary = await ingestPaths(db, inputs, {
      force: values.force,
      articlesPerTransaction: batch,
      threads,
      log: (line) => console.error(line),
      progress: createProgress(),
    });
    console.log(formatSummary(summary));
    return summary.failed.length > 0 ? 1 : 0;
  } catch (error) {
    console.error(
      `ingest: ${describeError(error)} (NEO4J_URI=${uri}; start a database with \`npm run neo4j\`)`,
    );
    return 1;
  } finally {
    await db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
