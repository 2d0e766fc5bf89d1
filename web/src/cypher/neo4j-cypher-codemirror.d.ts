// @neo4j-cypher/codemirror ships its types at src/codemirror.d.ts but its package.json "exports" has no
// "types" condition, so TypeScript's bundler resolution cannot find them; this points it there.
declare module '@neo4j-cypher/codemirror' {
  export * from '@neo4j-cypher/codemirror/src/codemirror.d.ts';
}
