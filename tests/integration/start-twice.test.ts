// A second `npm start` while a real cadre-graph serves the port: the first instance is the real server
// entry (`npm run serve`, web/server/main.ts) as its own process against the test Neo4j; the second is
// the real scripts/start.ts. It must say so in one sentence, before any database or ingest work, and
// leave the first one serving.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
let first: ChildProcess | undefined;

afterAll(async () => {
  if (first && first.exitCode === null) {
    first.kill('SIGTERM');
    await new Promise((resolve) => first!.once('exit', resolve));
  }
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const env = (port: number) => ({
  ...process.env,
  HOST: '127.0.0.1',
  PORT: String(port),
  NEO4J_URI: inject('neo4jUri'),
  NEO4J_USER: inject('neo4jUser'),
  NEO4J_PASSWORD: inject('neo4jPassword'),
});

function run(script: string, port: number): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script)], {
    cwd: ROOT,
    env: env(port),
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

describe('npm start while another instance runs', () => {
  it('says in one sentence that cadre-graph already runs there, and the first one keeps serving', async () => {
    const port = await freePort();
    const serving = run('web/server/main.ts', port);
    first = serving.child;
    const deadline = Date.now() + 90_000;
    while (!serving.output().includes('cadre-graph is serving') && Date.now() < deadline) {
      if (first.exitCode !== null) throw new Error(`the first instance stopped: ${serving.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(serving.output()).toContain(`cadre-graph is serving http://127.0.0.1:${port}/`);

    const second = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start.ts')], {
      cwd: ROOT,
      env: env(port),
      timeout: 90_000,
    });
    let stdout = '';
    let stderr = '';
    second.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    second.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => second.on('close', resolve));
    expect(status).toBe(1);
    expect(stderr.trim()).toBe(
      `start: cadre-graph is already running at http://127.0.0.1:${port}/; use it, or stop it (Ctrl-C in its terminal) or set PORT to start another.`,
    );
    // Nothing was started, ingested or built before the check.
    expect(stdout).not.toMatch(/Neo4j:|Ingesting|Building/);

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(first.exitCode).toBeNull();
  });
});
