// Per-request plumbing the routes share: a signal that aborts when the client goes away (so its queued
// or running work is dropped at once), deadlines on it, and the key that concurrency caps count by.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Aborted } from './limits.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Aborts when the connection closes before the response is complete. (Fastify's own
     * request.signal listens to the request stream, which a POST has already finished by the time a
     * handler looks.)
     */
    gone: AbortSignal;
  }
}

export function registerClientSignals(app: FastifyInstance): void {
  app.decorateRequest('gone', null as unknown as AbortSignal);
  app.addHook('onRequest', async (request, reply) => {
    const controller = new AbortController();
    request.gone = controller.signal;
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort(new Aborted('the client went away'));
    });
  });
}

/** Who a request counts against in the per-client caps: its peer address (no proxy is trusted). */
export const clientOf = (request: FastifyRequest): string => request.ip;

/** The request's signal, also aborted after `ms` with `reason`. */
export function withDeadline(request: FastifyRequest, ms: number, reason: () => Error) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(reason()), ms);
  const onAbort = () => controller.abort(request.gone.reason);
  request.gone.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      request.gone.removeEventListener('abort', onAbort);
    },
  };
}
