// Named queries live in cypher/queries/*.cypher; a header of `//` comments describes each:
//   // title: ...            // description: ...
//   // param: NAME TYPE DEFAULT Description...   (TYPE: string | integer | float | boolean | date)
//   // zh.title: ...         // zh.description: ...   (the Chinese title and description for the app)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

export const queriesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cypher/queries');

export type ParamType = 'string' | 'integer' | 'float' | 'boolean' | 'date';

export interface QueryParam {
  name: string;
  type: ParamType;
  default: string;
  description: string;
}

export interface NamedQuery {
  name: string;
  title: string;
  description: string;
  /** Chinese title and description, when the header gives them. */
  zh?: { title?: string; description?: string };
  params: QueryParam[];
  cypher: string;
}

const PARAM_TYPES = new Set<ParamType>(['string', 'integer', 'float', 'boolean', 'date']);

export function parseNamedQuery(name: string, source: string): NamedQuery {
  const query: NamedQuery = { name, title: name, description: '', params: [], cypher: '' };
  const body: string[] = [];
  for (const line of source.split('\n')) {
    const header = /^\/\/\s*(title|description|param|zh\.title|zh\.description):\s*(.*)$/.exec(line.trim());
    if (!header) {
      body.push(line);
      continue;
    }
    const [, key, value = ''] = header;
    if (key === 'zh.title') query.zh = { ...query.zh, title: value.trim() };
    else if (key === 'zh.description') query.zh = { ...query.zh, description: value.trim() };
    else if (key === 'title') query.title = value.trim();
    else if (key === 'description') query.description = value.trim();
    else {
      const [paramName, type, fallback = '', ...description] = value.trim().split(/\s+/);
      if (!paramName || !PARAM_TYPES.has(type as ParamType)) {
        throw new Error(`${name}.cypher: bad param line "${line.trim()}"`);
      }
      query.params.push({
        name: paramName,
        type: type as ParamType,
        default: fallback,
        description: description.join(' '),
      });
    }
  }
  query.cypher = body.join('\n').trim();
  return query;
}

export function loadNamedQueries(dir = queriesDir): Map<string, NamedQuery> {
  const queries = new Map<string, NamedQuery>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()) {
    const name = file.replace(/\.cypher$/, '');
    queries.set(name, parseNamedQuery(name, fs.readFileSync(path.join(dir, file), 'utf8')));
  }
  return queries;
}

/** Converts user-supplied values (strings from a form or URL) to the declared Cypher types. */
export function bindParams(query: NamedQuery, values: Record<string, unknown>): Record<string, unknown> {
  const bound: Record<string, unknown> = {};
  for (const param of query.params) {
    const raw = values[param.name] ?? param.default;
    bound[param.name] = coerce(param, raw);
  }
  return bound;
}

function coerce(param: QueryParam, raw: unknown): unknown {
  const text = String(raw);
  switch (param.type) {
    case 'string':
      return text;
    case 'date':
      // Dates are stored as YYYY-MM-DD strings, so they compare as text.
      if (!/^\d{4}-\d\d-\d\d$/.test(text))
        throw new Error(`parameter ${param.name} must be a date (YYYY-MM-DD), got "${text}"`);
      return text;
    case 'integer': {
      const value = Number(text);
      if (!Number.isSafeInteger(value))
        throw new Error(`parameter ${param.name} must be an integer, got "${text}"`);
      // Cypher's LIMIT and SKIP reject floats, and JS numbers travel as floats.
      return neo4j.int(value);
    }
    case 'float': {
      const value = Number(text);
      if (!Number.isFinite(value)) throw new Error(`parameter ${param.name} must be a number, got "${text}"`);
      return value;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false')
        throw new Error(`parameter ${param.name} must be true or false`);
      return text === 'true';
  }
}
