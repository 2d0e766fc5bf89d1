// `npm run export -- --query NAME_OR_CYPHER [--param k=v ...] --format gexf|graphml|json|csv|cypher --out FILE`
// Runs a named query (cypher/queries/NAME.cypher) or Cypher text in a read transaction and writes the
// nodes and relationships it returns. Read-only: the session is in READ mode, so writes are refused.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { neo4jConfig } from '../db/config.ts';
import { describeError, openDatabase } from '../db/driver.ts';
import { bindParams, loadNamedQueries } from '../db/named-queries.ts';
import { GraphCollector } from '../graph/collect.ts';
import { resolveEvidence } from '../graph/evidence.ts';
import {
  EXPORT_FORMATS,
  toCsv,
  toCypher,
  toGexf,
  toGraphml,
  toJson,
  type ExportFormat,
} from '../graph/formats.ts';

const USAGE = `usage: npm run export -- --query NAME_OR_CYPHER [--param name=value ...] --format ${EXPORT_FORMATS.join('|')} --out FILE
named queries: ${[...loadNamedQueries().keys()].join(', ')}`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        query: { type: 'string' },
        param: { type: 'string', multiple: true },
        format: { type: 'string' },
        out: { type: 'string' },
      },
    }).values;
  } catch (error) {
    console.error(`export: ${describeError(error)}\n${USAGE}`);
    return 2;
  }
  const format = args.format as ExportFormat | undefined;
  if (!args.query || !args.out || !format || !EXPORT_FORMATS.includes(format)) {
    console.error(USAGE);
    return 2;
  }
  const values: Record<string, string> = {};
  for (const pair of args.param ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      console.error(`export: --param takes name=value, got "${pair}"`);
      return 2;
    }
    values[pair.slice(0, at)] = pair.slice(at + 1);
  }

  const named = loadNamedQueries().get(args.query);
  const cypher = named?.cypher ?? args.query;
  const params = named ? bindParams(named, values) : values;

  const config = neo4jConfig();
  const db = openDatabase({ ...config, uri: config.uri ?? `bolt://127.0.0.1:${config.boltPort}` });
  const session = db.driver.session({ database: db.database, defaultAccessMode: 'READ' });
  try {
    const payload = await session.executeRead(
      async (tx) => {
        const result = new GraphCollector().addRecords((await tx.run(cypher, params)).records).toPayload();
        await resolveEvidence(tx, result.edges);
        return result;
      },
      { timeout: 60_000 },
    );
    const out = path.resolve(args.out);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const written: string[] = [];
    if (format === 'csv') {
      const { nodes, edges } = toCsv(payload);
      const stem = out.replace(/\.csv$/i, '');
      fs.writeFileSync(`${stem}.nodes.csv`, nodes);
      fs.writeFileSync(`${stem}.edges.csv`, edges);
      written.push(`${stem}.nodes.csv`, `${stem}.edges.csv`);
    } else {
      const writers = { gexf: toGexf, graphml: toGraphml, json: toJson, cypher: toCypher } as const;
      fs.writeFileSync(out, writers[format](payload));
      written.push(out);
    }
    console.log(
      `exported ${payload.nodes.length} nodes and ${payload.edges.length} relationships to ${written.join(', ')}`,
    );
    return 0;
  } catch (error) {
    console.error(`export: ${describeError(error)}`);
    return 1;
  } finally {
    await session.close();
    await db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
