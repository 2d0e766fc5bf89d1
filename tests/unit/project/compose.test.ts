// docker-compose.yml is for users with a Docker engine; here we can still validate it with the client.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appConfig } from '../../../db/config.ts';
import { checkExposure } from '../../../web/server/security.ts';

function composeCommand(): string[] {
  const plugin = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  if (plugin.status === 0) return ['docker', 'compose'];
  const standalone = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
  if (standalone.status === 0) return ['docker-compose'];
  throw new Error(
    'neither `docker compose` nor `docker-compose` is installed (.ci/run installs docker-compose)',
  );
}

describe('docker-compose.yml', () => {
  it('passes `compose config -q`', () => {
    const [command, ...args] = composeCommand();
    const result = spawnSync(command!, [...args, 'config', '-q'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs the app on 0.0.0.0 only with the access token, which the server then insists on', () => {
    const compose = fs.readFileSync('docker-compose.yml', 'utf8');
    expect(compose).toMatch(/HOST: 0\.0\.0\.0/);
    expect(compose).toMatch(/CADRE_ACCESS_TOKEN: \$\{CADRE_ACCESS_TOKEN:-\}/);
    // What the container gets when the user set no token: the server refuses to start.
    const { host, accessToken } = appConfig({ HOST: '0.0.0.0', CADRE_ACCESS_TOKEN: '' });
    expect(() => checkExposure(host, accessToken)).toThrow(/CADRE_ACCESS_TOKEN/);
    expect(() => checkExposure(host, 'short')).toThrow(/at least 16/);
  });

  it('runs the same Neo4j version line as the local launcher', () => {
    const compose = fs.readFileSync('docker-compose.yml', 'utf8');
    const pom = fs.readFileSync('tools/neo4j/pom.xml', 'utf8');
    const image = /image: neo4j:(\d+\.\d+)[.\d]*-community/.exec(compose)?.[1];
    const launcher = /<neo4j.version>(\d+\.\d+)\.\d+<\/neo4j.version>/.exec(pom)?.[1];
    expect(image).toBe('5.26');
    expect(launcher).toBe(image);
  });

  it('publishes ports on loopback only', () => {
    const compose = fs.readFileSync('docker-compose.yml', 'utf8');
    const published = [...compose.matchAll(/^\s+- '([^']+)'$/gm)]
      .map((m) => m[1]!)
      .filter((p) => p.includes(':'));
    expect(published.length).toBeGreaterThan(0);
    for (const port of published) expect(port.startsWith('127.0.0.1:')).toBe(true);
  });
});
