// What protects the API: security headers on every response, and basic auth whenever an access token is
// configured, which is required as soon as the server listens beyond loopback.
import { timingSafeEqual } from 'node:crypto';
import fastifyBasicAuth from '@fastify/basic-auth';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/** Refuses to expose the explorer (and through it the database) on a network without a token. */
export function checkExposure(host: string, token: string | undefined): void {
  if (!isLoopback(host) && !token) {
    throw new Error(
      `HOST=${host} makes the explorer reachable from other machines: set CADRE_ACCESS_TOKEN (users then log in with any name and that token as password), or keep HOST=127.0.0.1.`,
    );
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function registerSecurity(app: FastifyInstance, accessToken: string | undefined): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // CodeMirror and sigma set styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // ForceAtlas2 runs in a worker built from a blob.
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  if (!accessToken) return;
  await app.register(fastifyBasicAuth, {
    authenticate: { realm: 'cadre-graph' },
    validate: async (_user, password) => {
      if (!sameSecret(password, accessToken)) throw new HttpError(401, 'Wrong access token.');
    },
  });
  app.addHook('onRequest', app.basicAuth);
}
