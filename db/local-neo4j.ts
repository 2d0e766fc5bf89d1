// Starts the in-process Neo4j of tools/neo4j (Launcher.java) for machines without a Docker engine.
// Maven resolves the classpath once (cached under the data root); plain `java` runs the launcher.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { portIsOpen } from './net.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const launcherDir = path.join(repoRoot, 'tools', 'neo4j');

export interface LocalNeo4jOptions {
  /** Folder for data, logs and the cached classpath; git-ignored. */
  root: string;
  host?: string;
  port: number;
  user: string;
  password: string;
  /** Where the launcher's own output goes (Neo4j logs its startup there). */
  logFile?: string;
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Java major version on PATH, or null when java is missing. */
export function javaMajorVersion(): number | null {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return null;
  // Java 8 reports "1.8"; everything since reports its major first.
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

export function hasMaven(): boolean {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  return !result.error && result.status === 0;
}

/** Returns the launcher classpath, asking Maven only when the pom changed since the last run. */
export function resolveClasspath(root: string, log: (line: string) => void = () => {}): string {
  const pom = path.join(launcherDir, 'pom.xml');
  const pomHash = createHash('sha256').update(fs.readFileSync(pom)).digest('hex').slice(0, 16);
  fs.mkdirSync(root, { recursive: true });
  const cached = path.join(root, `classpath-${pomHash}.txt`);
  if (!fs.existsSync(cached)) {
    log('Resolving Neo4j from Maven Central (first run only, about a minute)...');
    const result = spawnSync(
      'mvn',
      ['-B', '-q', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${cached}.tmp`],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (result.error || result.status !== 0) {
      throw new Error(
        `Maven could not resolve Neo4j (mvn exited ${result.status}): ${(result.stdout + result.stderr).trim().slice(-2000)}`,
      );
    }
    fs.renameSync(`${cached}.tmp`, cached);
  }
  return fs.readFileSync(cached, 'utf8').trim();
}

/** Below this much free space Neo4j fails late and obscurely; say so before starting it. */
const MIN_FREE_BYTES = 256 * 1024 * 1024;

/**
 * Makes sure the data folder exists, is writable (a real write, so read-only mounts show even to root)
 * and has room, and throws one clear sentence otherwise.
 */
export function checkDataFolder(root: string): void {
  try {
    fs.mkdirSync(root, { recursive: true });
    const probe = path.join(root, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(
      `the Neo4j data folder ${root} cannot be created or written (${code}); choose a writable folder.`,
      {
        cause: error,
      },
    );
  }
  const stats = fs.statfsSync(root);
  const free = stats.bavail * stats.bsize;
  if (free < MIN_FREE_BYTES) {
    throw new Error(
      `only ${(free / 1024 / 1024).toFixed(0)} MB free for the Neo4j data folder ${root}; it needs at least ${MIN_FREE_BYTES / 1024 / 1024} MB.`,
    );
  }
}

export async function startLocalNeo4j(
  options: LocalNeo4jOptions,
  log: (line: string) => void = () => {},
): Promise<LocalNeo4j> {
  const java = javaMajorVersion();
  if (java === null || java < 17) {
    throw new Error(`the local Neo4j needs Java 17 or newer on PATH (found ${java ?? 'none'}).`);
  }
  const host = options.host ?? '127.0.0.1';
  checkDataFolder(options.root);
  if (await portIsOpen(host, options.port)) {
    throw new Error(
      `port ${options.port} on ${host} is already in use; stop what runs there or set NEO4J_BOLT_PORT.`,
    );
  }
  const classpath = resolveClasspath(options.root, log);
  const dataDir = path.join(options.root, 'data');
  const logFile = options.logFile ?? path.join(options.root, 'neo4j.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'a');

  const child = spawn(
    'java',
    [
      '-Xms256m',
      `-Xmx${process.env.NEO4J_HEAP ?? '1g'}`,
      // The same module openings the Neo4j server script passes on Java 17.
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '-cp',
      classpath,
      'Launcher.java',
    ],
    {
      cwd: launcherDir,
      env: {
        ...process.env,
        NEO4J_HOME_DIR: dataDir,
        NEO4J_BOLT_HOST: host,
        NEO4J_BOLT_PORT: String(options.port),
        NEO4J_USER: options.user,
        NEO4J_PASSWORD: options.password,
        NEO4J_EXIT_ON_STDIN_EOF: '1',
      },
      // stdin stays open as a lifeline: the launcher stops when this process dies.
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      fs.writeSync(out, chunk);
      output += chunk.toString('utf8');
      if (output.includes('BOLT READY')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      const why = /neo4j launcher: (.*)/.exec(output)?.[1] ?? output.trim().split('\n').slice(-3).join(' ');
      reject(new Error(`the local Neo4j exited (code ${code}) before Bolt was up: ${why} (log: ${logFile})`));
    });
  });

  const timeoutMs = options.startTimeoutMs ?? 180_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`the local Neo4j did not open Bolt within ${timeoutMs / 1000}s (log: ${logFile})`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }

  let stopping: Promise<void> | undefined;
  return {
    uri: `bolt://${host}:${options.port}`,
    process: child,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null) return;
        child.kill('SIGTERM');
        // A clean shutdown flushes the store; give it time before forcing.
        const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(killer);
        fs.closeSync(out);
      })();
      return stopping;
    },
  };
}
