// What the API protects: basic auth when a token is set (required beyond loopback), security headers,
// no cross-origin reads, no files outside dist/, and no Neo4j credentials in anything it serves.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import { buildApp } from '../../web/server/app.ts';
import { distDir, startServer } from '../../web/server/main.ts';
import { checkExposure } from '../../web/server/security.ts';
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
    expect(() => checkExposure('0.0.0.0', 'a-token')).not.toThrow();
    await expect(startServer(db, '0.0.0.0', 0)).rejects.toThrow(/CADRE_ACCESS_TOKEN/);
  });

  it('asks for basic auth when a token is set, and accepts only the token', async () => {
    const app = await buildApp({ db, accessToken: 'team-secret-42' });
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
        headers: { authorization: basic('ana', 'team-secret-42') },
      });
      expect(right.statusCode).toBe(200);
    } finally {
      await app.close();
    }
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
