// Document identity: a document is its source (a name: --source, the manifest's paper, or the folder's
// canonical path) plus its path inside that source, so two folders that both hold `00000.txt` never
// touch each other's facts. Article ids are `<document id>#<n>`, event ids `<article id>/e<k>`.

/** The document id: the source with `%` and `/` escaped, a `/`, then the path (unambiguous both ways). */
export function documentId(source: string, path: string): string {
  return `${source.replace(/%/g, '%25').replace(/\//g, '%2F')}/${path}`;
}

export const articleId = (document: string, index: number) => `${document}#${index}`;

/** What the ingest knows of a document it writes or removes. */
export interface DocumentKey {
  id: string;
  source: string;
  path: string;
}

/** The ledger format this code writes; older databases are migrated on their first run. */
export const LEDGER_VERSION = 2;
