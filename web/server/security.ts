// What protects the API: a Host allow-list (against DNS rebinding), security headers on every response,
// and basic auth whenever an access token is configured, which is required as soon as the server listens
// beyond loopback; failed logins are slowed down per client.
import { timingSafeEqual } from 'node:crypto';
import os from 'node:os';
import fastifyBasicAuth from '@fastify/basic-auth';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';
import { TooManyRequests } from './limits.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;
export const MIN_TOKEN_LENGTH = 16;

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
  if (token !== undefined) checkToken(token);
}

/** A token anyone could guess in a day of tries is no protection. */
export function checkToken(token: string): void {
  if (token.trim().length < MIN_TOKEN_LENGTH)
    throw new Error(
      `CADRE_ACCESS_TOKEN must have at least ${MIN_TOKEN_LENGTH} characters other than spaces (it has ${token.trim().length}); e.g. \`openssl rand -base64 24\`.`,
    );
}

/** The host name of a Host header: lower case, without port, brackets or a trailing dot. */
export function hostName(header: string): string {
  const host = header.trim().toLowerCase();
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/**
 * The names this server answers to: loopback names, the address it listens on (every local address
 * when that is 0.0.0.0 or ::), and the names in CADRE_ALLOWED_HOSTS. A page on another name that
 * resolves to us (DNS rebinding) is refused.
 */
export function allowedHostNames(listenHost: string, extra: string[] = []): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1', ...extra.map(hostName)]);
  const host = hostName(
    listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost,
  );
  if (host === '0.0.0.0' || host === '::') {
    for (const addresses of Object.values(os.networkInterfaces()))
      for (const address of addresses ?? []) names.add(address.address.toLowerCase());
  } else names.add(host);
  return names;
}

/**
 * Failed logins slow a client down: one typo is free, then after each failure it must wait twice as
 * long as after the one before (0.25 s, 0.5 s, 1 s, … up to 30 s) before its next try is even checked;
 * a success clears the slate.
 */
export class LoginBackoff {
  private readonly clients = new Map<string, { failures: number; until: number }>();

  constructor(
    private readonly firstMs = 250,
    private readonly maxMs = 30_000,
    private readonly maxClients = 10_000,
  ) {}

  /** Milliseconds this client must still wait, 0 when it may try. */
  wait(client: string, now = Date.now()): number {
    const entry = this.clients.get(client);
    return entry ? Math.max(0, entry.until - now) : 0;
  }

  failed(client: string, now = Date.now()): void {
    const failures = (this.clients.get(client)?.failures ?? 0) + 1;
    this.clients.delete(client);
    // Oldest first: past the cap, the clients that failed longest ago are forgotten.
    if (this.clients.size >= this.maxClients) this.clients.delete(this.clients.keys().next().value!);
    const delay = failures < 2 ? 0 : Math.min(this.maxMs, this.firstMs * 2 ** (failures - 2));
    this.clients.set(client, { failures, until: now + delay });
  }

  succeeded(client: string): void {
    this.clients.delete(client);
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface SecurityOptions {
  accessToken?: string;
  /** The wrong-token slow-down; a new LoginBackoff() when not given. */
  backoff?: LoginBackoff;
  /** The address the server listens on; its name (or, for 0.0.0.0, its interfaces) may be in Host. */
  host: string;
  /** Further names for the Host header (CADRE_ALLOWED_HOSTS). */
  allowedHosts?: string[];
}

export async function registerSecurity(
  app: FastifyInstance,
  { accessToken, backoff = new LoginBackoff(), host, allowedHosts = [] }: SecurityOptions,
): Promise<void> {
  const names = allowedHostNames(host, allowedHosts);
  app.addHook('onRequest', async (request) => {
    const given = request.headers.host ?? '';
    if (!names.has(hostName(given)))
      throw new HttpError(
        421,
        `This server does not answer to the host "${given}". Open it by its own address, or add the name to CADRE_ALLOWED_HOSTS.`,
      );
  });
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
  if (accessToken === undefined) return;
  checkToken(accessToken);
  app.addHook('onRequest', async (request) => {
    if (!request.headers.authorization) return;
    const wait = backoff.wait(request.ip);
    if (wait > 0)
      throw new TooManyRequests(
        `Too many wrong access tokens from this address; try again in ${Math.ceil(wait / 1000)} s.`,
        Math.ceil(wait / 1000),
      );
  });
  await app.register(fastifyBasicAuth, {
    authenticate: { realm: 'cadre-graph' },
    validate: async (_user, password, request) => {
      if (!sameSecret(password, accessToken)) {
        backoff.failed(request.ip);
        throw new HttpError(401, 'Wrong access token.');
      }
      backoff.succeeded(request.ip);
    },
  });
  app.addHook('onRequest', app.basicAuth);
}
