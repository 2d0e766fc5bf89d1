// Request bodies: JSON nested deeper than any request of ours needs is refused with 400 before it is
// parsed (a params object 4,000 levels deep once ended in a 500 from deep in the driver); size is
// capped by Fastify's bodyLimit (413).
import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors.ts';

export const MAX_JSON_DEPTH = 32;

/** How deeply arrays and objects nest in a JSON text (strings are skipped, so "[[[" inside one is fine). */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

export function registerJsonParser(app: FastifyInstance): void {
  // Fastify's own parser (prototype-poisoning safe), behind the depth check.
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepth(body as string, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
      return done(badRequest(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`), undefined);
    return parse(request, body as string, done);
  });
}
