// `npm start` checks its web port before anything else and says in one sentence who holds it (a real
// cadre-graph holding it: tests/integration/start-twice.test.ts).
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let close: (() => void) | undefined;
afterEach(() => close?.());

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => server.close();
  return (server.address() as net.AddressInfo).port;
}

/** Runs `npm start` without blocking this process, whose server must answer the health check. */
function start(port: number): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start.ts')], {
    cwd: ROOT,
    // An unreachable database: the port check must come first, before any database or ingest.
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), NEO4J_URI: 'bolt://127.0.0.1:9' },
    timeout: 60_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('npm start on a busy port', () => {
  it('says that another program holds it', async () => {
    const port = await listen(net.createServer((socket) => socket.end()));
    const run = await start(port);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `start: port ${port} on 127.0.0.1 is in use by another program; stop it or set PORT to another port.`,
    );
  });
});
