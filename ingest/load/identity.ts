// Document identity: a document is its source (a name: --source, the manifest's paper, or the folder's
// canonical path) plus its path inside that source, so two folders that both hold `00000.txt` never
// touch each other's facts. The document id is a short hash of the two (the source and path themselves
// are stored once, on the Document node): ids are repeated on every article, event, HOLDS and their
// indexes, and a source named by its absolute folder path made them the largest strings in the store.
// Article ids are `<document id>#<n>`, event ids `<article id>/e<k>`; all are stable across rebuilds.
import { createHash } from 'node:crypto';

/** Hex digits of the document id: 64 bits, so a collision among 10 million documents is a 1 in 400,000 chance. */
export const DOCUMENT_ID_LENGTH = 16;

/** The document id: the first 64 bits of sha256(source NUL path), in hex. */
export function documentId(source: string, path: string): string {
  return createHash('sha256')
    .update(source)
    .update('\u0000')
    .update(path)
    .digest('hex')
    .slice(0, DOCUMENT_ID_LENGTH);
}

/** The document id of ledger version 2: the source with `%` and `/` escaped, a `/`, then the path. */
export function documentIdV2(source: string, path: string): string {
  return `${source.replace(/%/g, '%25').replace(/\//g, '%2F')}/${path}`;
}

/**
 * An article or event id of ledger version 2 (`<escaped source>/<path>#<n>[/e<k>]`) in today's form,
 * so that a link shared before the migration still finds its node; null when the id is not of that form.
 */
export function currentIdOfV2(id: string): string | null {
  const match = /^([^/]*)\/(.*)(#\d+(?:\/e\d+)?)$/.exec(id);
  if (!match) return null;
  const source = match[1]!.replace(/%2[5F]/g, (escape) => (escape === '%25' ? '%' : '/'));
  return `${documentId(source, match[2]!)}${match[3]}`;
}

export const articleId = (document: string, index: number) => `${document}#${index}`;

/** What the ingest knows of a document it writes or removes. */
export interface DocumentKey {
  id: string;
  source: string;
  path: string;
}

/**
 * The ledger format this code writes; older databases are migrated on their first run.
 * 1: `Source {doc}` entries, ids keyed by path alone; 2: sources, ids embedding source and path;
 * 3: hashed document ids, the source only on the Document.
 */
export const LEDGER_VERSION = 3;
