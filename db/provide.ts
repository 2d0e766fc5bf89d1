// Picks the database for `npm start`: NEO4J_URI, else Docker Compose, else the local launcher.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Neo4jConfig } from './config.ts';
import { hasMaven, javaMajorVersion, startLocalNeo4j } from './local-neo4j.ts';
import { portIsOpen } from './net.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const localDataRoot = path.join(repoRoot, '.neo4j');

export interface ProvidedDatabase {
  uri: string;
  source: 'NEO4J_URI' | 'docker compose' | 'local launcher' | 'already running';
  /** Stops what this process started; undefined when it started nothing. */
  stop?: () => Promise<void>;
}

export function dockerEngineAnswers(): boolean {
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return !result.error && result.status === 0 && result.stdout.trim() !== '';
}

export async function provideDatabase(
  config: Neo4jConfig,
  log: (line: string) => void,
): Promise<ProvidedDatabase> {
  if (config.uri) return { uri: config.uri, source: 'NEO4J_URI' };

  const localUri = `bolt://127.0.0.1:${config.boltPort}`;
  if (await portIsOpen('127.0.0.1', config.boltPort)) {
    return { uri: localUri, source: 'already running' };
  }

  if (dockerEngineAnswers()) {
    log('Starting Neo4j with Docker Compose...');
    const result = spawnSync('docker', ['compose', 'up', '--detach', '--wait', 'neo4j'], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: process.env,
    });
    if (result.status !== 0) throw new Error('`docker compose up neo4j` failed; see its output above.');
    return { uri: localUri, source: 'docker compose' };
  }

  const java = javaMajorVersion();
  if (java !== null && java >= 17 && hasMaven()) {
    log('No Docker engine: starting Neo4j in-process from Maven Central (tools/neo4j)...');
    const local = await startLocalNeo4j(
      { root: localDataRoot, port: config.boltPort, user: config.user, password: config.password },
      log,
    );
    return { uri: local.uri, source: 'local launcher', stop: local.stop };
  }

  throw new Error(
    'No Neo4j available: set NEO4J_URI to a running database, or install Docker, or install Java 17+ and Maven.',
  );
}
