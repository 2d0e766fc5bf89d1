// Starts one real Neo4j for the integration and end-to-end tests, on its own port and in its own
// data folder (wiped first), so a test run never touches the database `npm start` uses.
// NEO4J_TEST_URI points the tests at an existing server instead; they delete everything in it.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { neo4jConfig } from '../../db/config.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../db/local-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    /** The test Neo4j's process (0 with NEO4J_TEST_URI): the hung-database tests stop and resume it. */
    neo4jPid: number;
  }
}

let local: LocalNeo4j | undefined;

export async function setup(project: TestProject) {
  const configured = neo4jConfig();
  const user = configured.user;
  // Our own test database gets a password of its own, distinctive enough that the security tests can
  // search everything the server sends for it; NEO4J_TEST_URI servers use NEO4J_PASSWORD.
  let password = configured.password;
  let uri = process.env.NEO4J_TEST_URI;
  if (!uri) {
    // NEO4J_TEST_ROOT and NEO4J_TEST_PORT let several test runs share a machine.
    const root = path.resolve(process.env.NEO4J_TEST_ROOT ?? '.neo4j/test');
    fs.rmSync(path.join(root, 'data'), { recursive: true, force: true });
    const port = Number(process.env.NEO4J_TEST_PORT ?? 7688);
    password = 'test-only-secret-5f2c9a';
    local = await startLocalNeo4j(
      { root, port, user, password, logFile: path.join(root, 'neo4j.log') },
      (line) => console.log(line),
    );
    uri = local.uri;
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', user);
  project.provide('neo4jPassword', password);
  project.provide('neo4jPid', local?.process.pid ?? 0);
}

export async function teardown() {
  await local?.stop();
}
