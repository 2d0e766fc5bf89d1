// `npm run neo4j`: runs the local in-process Neo4j in the foreground until Ctrl-C.
import { neo4jConfig } from '../db/config.ts';
import { localDataRoot } from '../db/provide.ts';
import { startLocalNeo4j } from '../db/local-neo4j.ts';

const config = neo4jConfig();
try {
  const neo4j = await startLocalNeo4j(
    { root: localDataRoot, port: config.boltPort, user: config.user, password: config.password },
    (line) => console.log(line),
  );
  console.log(
    `Neo4j is up at ${neo4j.uri} (user ${config.user}); data in ${localDataRoot}/data. Ctrl-C stops it.`,
  );
  const onExit = (code: number | null) => {
    console.error(`Neo4j exited unexpectedly (code ${code}).`);
    process.exit(1);
  };
  const stop = () => {
    neo4j.process.off('exit', onExit);
    console.log('Stopping Neo4j...');
    void neo4j.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  neo4j.process.once('exit', onExit);
} catch (error) {
  console.error(`neo4j: ${(error as Error).message}`);
  process.exit(1);
}
