// `npm run ingest -- DIR_OR_FILE...`: extracts the articles and loads them into Neo4j.
import { neo4jConfig } from '../../db/config.ts';
import { describeError, openDatabase, waitForDatabase } from '../../db/driver.ts';
import { formatSummary, ingestPaths } from '../pipeline.ts';
import { createProgress } from '../progress.ts';

async function main(argv: string[]): Promise<number> {
  const force = argv.includes('--force');
  const inputs = argv.filter((arg) => arg !== '--force');
  if (inputs.length === 0) {
    console.error('usage: npm run ingest -- [--force] DIR_OR_FILE...');
    return 2;
  }
  const config = neo4jConfig();
  const uri = config.uri ?? `bolt://127.0.0.1:${config.boltPort}`;
  const db = openDatabase({ ...config, uri });
  try {
    await waitForDatabase(db, 15_000);
    const summary = await ingestPaths(db, inputs, {
      force,
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
