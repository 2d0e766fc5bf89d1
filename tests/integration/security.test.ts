// What the API protects: basic auth when a token is set (required beyond loopback), security headers,
// no cross-origin reads, no files outside dist/, and no Neo4j credentials in anything it serves.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import { buildApp } from '../../web/server/app.ts';
import { distDir, startServer } from '../../web/server/main.ts';
import { checkExposure, LoginBackoff } from '../../web/server/security.ts';
import { testDatabase } from '../helpers.ts';

let db: Database;
let open: FastifyInstance;
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

beforeAll(async () => {
  db = testDatabase();
  open = await buildApp({ db, staticDir: distDir });
});
afterAll(async () => {
  await open.close();
  await db.close();
});

describe('access', () => {
  it('refuses to listen beyond loopback without a token', async () => {
    expect(() => checkExposure('127.0.0.1', undefined)).not.toThrow();
    expect(() => checkExposure('::1', undefined)).not.toThrow();
    expect(() => checkExposure('0.0.0.0', undefined)).toThrow(/CADRE_ACCESS_TOKEN/);
    expect(() => checkExposure('0.0.0.0', 'a-token-of-16-chars')).not.toThrow();
    await expect(startServer(db, '0.0.0.0', 0)).rejects.toThrow(/CADRE_ACCESS_TOKEN/);
  });

  it('asks for basic auth when a token is set, and accepts only the token', async () => {
    const app = await buildApp({ db, accessToken: 'team-secret-42-long' });
    try {
      const anonymous = await app.inject({ url: '/api/health' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm="cadre-graph"/);
      expect(anonymous.body).not.toContain('    at ');
      const wrong = await app.inject({
        url: '/api/health',
        headers: { authorization: basic('ana', 'nope') },
      });
      expect(wrong.statusCode).toBe(401);
      const right = await app.inject({
        url: '/api/health',
        headers: { authorization: basic('ana', 'team-secret-42-long') },
      });
      expect(right.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('tokens and failed logins', () => {
  it('refuses a short or blank token at start', async () => {
    await expect(buildApp({ db, accessToken: ' ' })).rejects.toThrow(/at least 16 characters/);
    await expect(buildApp({ db, accessToken: 'x' })).rejects.toThrow(/at least 16 characters/);
    await expect(startServer(db, '0.0.0.0', 0, 'too-short')).rejects.toThrow(/at least 16/);
  });

  it('slows down wrong tokens per client: a few checked, the rest 429 with Retry-After', async () => {
    // A first wait of a minute, so that no guess of this loop outlasts it however slow the machine;
    // the doubling itself (0.25 s, 0.5 s, …) is LoginBackoff's unit test.
    const app = await buildApp({
      db,
      accessToken: 'team-secret-42-long',
      loginBackoff: new LoginBackoff(60_000, 60_000),
    });
    try {
      const attempt = (password: string, remoteAddress = '10.0.0.1') =>
        app.inject({
          url: '/api/queries',
          remoteAddress,
          headers: { authorization: basic('eve', password) },
        });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const response = await attempt(`guess-${i}`);
        statuses.push(response.statusCode);
        if (response.statusCode === 429) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
      // One typo is free, the second failure starts the wait: two checked, 28 refused unchecked.
      expect(statuses.slice(0, 2)).toEqual([401, 401]);
      expect(statuses.slice(2)).toEqual(Array(28).fill(429));
      // Even the right token waits its turn; another client is not affected.
      expect((await attempt('team-secret-42-long')).statusCode).toBe(429);
      expect((await attempt('team-secret-42-long', '10.0.0.2')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('Host header', () => {
  it.each([
    'attacker.example',
    'attacker.example:5173',
    '127.0.0.1.attacker.example',
    'localhost.attacker.example',
  ])('refuses %j with 421 and no data', async (host) => {
    for (const url of ['/api/graph', '/api/health', '/']) {
      const response = await open.inject({ url, headers: { host } });
      expect(response.statusCode, url).toBe(421);
      expect(response.body).not.toContain('"nodes"');
    }
  });

  it.each(['127.0.0.1:5173', 'localhost:5173', 'LOCALHOST', '[::1]:5173'])('serves %j', async (host) => {
    expect((await open.inject({ url: '/api/health', headers: { host } })).statusCode).toBe(200);
  });

  it('serves the names in CADRE_ALLOWED_HOSTS and the address it listens on', async () => {
    const app = await buildApp({ db, host: '192.168.7.9', allowedHosts: ['cadre.example.org'] });
    try {
      for (const host of ['cadre.example.org', 'cadre.example.org:443', '192.168.7.9:5173'])
        expect((await app.inject({ url: '/api/health', headers: { host } })).statusCode, host).toBe(200);
      expect(
        (await app.inject({ url: '/api/health', headers: { host: 'other.example.org' } })).statusCode,
      ).toBe(421);
    } finally {
      await app.close();
    }
  });
});

describe('deep or huge JSON', () => {
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

  it('answers a params object nested 4,000 deep with 400, never 500', async () => {
    for (const url of ['/api/cypher', '/api/queries/person-events/run']) {
      const response = await open.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        payload: `{"query": "RETURN $a AS a", "params": ${nested(4000)}}`,
      });
      expect(response.statusCode, url).toBe(400);
      expect((response.json() as { error: string }).error).toMatch(/nests deeper than 32 levels/);
    }
  });

  it('runs a params object of ordinary depth, and answers an oversized body with 413', async () => {
    const ok = await open.inject({
      method: 'POST',
      url: '/api/cypher',
      payload: `{"query": "RETURN $a.a.a AS a", "params": ${nested(10)}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const huge = await open.inject({
      method: 'POST',
      url: '/api/cypher',
      headers: { 'content-type': 'application/json' },
      payload: `{"query": "RETURN 1", "params": {"a": [${'1,'.repeat(100_000)}1]}}`,
    });
    expect(huge.statusCode).toBe(413);
  });
});

describe('responses', () => {
  it('carry security headers and no CORS permission for other origins', async () => {
    const response = await open.inject({
      url: '/api/health',
      headers: { origin: 'http://elsewhere.example' },
    });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/assets/../../package.json',
    '/..%2f..%2fpackage.json',
  ])('never serve a file outside dist/: %s', async (url) => {
    const response = await open.inject({ url });
    expect(response.body).not.toContain('"name": "cadre-graph"');
  });

  it('never contain the Neo4j password', async () => {
    const password = inject('neo4jPassword');
    for (const file of fs.readdirSync(distDir, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      expect(
        fs.readFileSync(path.join(file.parentPath, file.name), 'utf8').includes(password),
        file.name,
      ).toBe(false);
    }
    for (const url of ['/api/health', '/api/schema', '/api/queries', '/api/graph']) {
      expect((await open.inject({ url })).body.includes(password), url).toBe(false);
    }
  });
});
