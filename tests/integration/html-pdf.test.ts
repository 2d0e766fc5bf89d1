// E-paper HTML and PDF pages through `npm run ingest` and `npm run extract`, against the real Neo4j:
// the items arrive with their dates, pages and addresses, and evidence offsets point into the stored text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/driver.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { makePdf, PDF_PAGES } from '../fixtures/make-pdf.ts';
import { clearDatabase, testDatabase } from '../helpers.ts';

let db: Database;
let dir: string;

beforeAll(async () => {
  db = testDatabase();
  await clearDatabase(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-html-'));
  fs.cpSync(path.resolve('tests/fixtures/epaper'), dir, { recursive: true });
  fs.cpSync(path.resolve('tests/fixtures/news'), path.join(dir, 'news'), { recursive: true });
  fs.writeFileSync(path.join(dir, '20210113_page02.pdf'), await makePdf(PDF_PAGES));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db.close();
});

async function rows(cypher: string, params: Record<string, unknown> = {}) {
  const result = await db.driver.executeQuery(cypher, params, { database: db.database, routing: 'READ' });
  return result.records.map((r) => r.toObject());
}

describe('HTML and PDF pages', () => {
  it('ingest with their headlines, dates, pages and addresses', async () => {
    const summary = await ingestPaths(db, [dir], { source: '衢州日报' });
    expect(summary.failed).toEqual([]);
    expect(summary.written).toBe(4);
    const articles = await rows(
      "MATCH (d:Document {source: $source}) MATCH (a:Article) WHERE a.id STARTS WITH d.id + '#' RETURN a.doc AS doc, a.headline AS headline, a.date AS date, a.page AS page, a.url AS url ORDER BY doc, a.start",
      { source: '衢州日报' },
    );
    expect(articles).toEqual([
      expect.objectContaining({
        doc: '20210113_page02.pdf',
        headline: PDF_PAGES[0]![0]!.headline,
        date: '2021-01-12',
      }),
      expect.objectContaining({
        doc: '20210113_page02.pdf',
        headline: PDF_PAGES[1]![0]!.headline,
        date: '2021-01-12',
      }),
      expect.objectContaining({
        doc: 'gb2312/content_1002.htm',
        headline: '省经信厅领导来柯城开展“三服务”活动',
        date: '2021-01-12',
        page: '第02版',
      }),
      expect.objectContaining({
        doc: 'html/2021-01/13/content_1001.htm',
        headline: '吴舜泽来柯城蹲点调研 基层治理“四平台”建设工作',
        date: '2021-01-12',
        page: '第02版',
      }),
      expect.objectContaining({
        doc: 'news/xinxin-jiedao.html',
        url: 'https://www.qz.gov.cn.example/art/2021/1/13/art_1229_2021011300123.html',
      }),
    ]);
    const people = await rows(
      "MATCH (p:Person)-[:ATTENDED]->(:Event)-[:REPORTED_IN]->(a:Article) WHERE a.doc ENDS WITH '.htm' RETURN DISTINCT p.name AS name ORDER BY name",
    );
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['吴舜泽', '徐旭']));
  });

  it('keeps evidence offsets pointing into the text the ingest stores', async () => {
    const evidence = await rows(
      `MATCH (d:Document {source: $source}) MATCH (a:Article)<-[:MENTIONED_IN]-(:Person) WHERE a.id STARTS WITH d.id + '#'
       MATCH (a)<-[m:MENTIONED_IN]-() WHERE m.start IS NOT NULL
       RETURN DISTINCT a.text AS text, a.start AS articleStart, m.start AS start, m.end AS end, m.sentence AS sentence`,
      { source: '衢州日报' },
    );
    expect(evidence.length).toBeGreaterThan(5);
    for (const e of evidence) {
      const from = Number(e.start) - Number(e.articleStart);
      const to = Number(e.end) - Number(e.articleStart);
      expect((e.text as string).slice(from, to)).toBe(e.sentence ?? (e.text as string).slice(from, to));
      expect(to - from).toBeGreaterThan(0);
    }
  });

  it('`npm run extract` reads them too', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('ingest/cli/extract.ts'), dir], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      documents: { doc: string; date: string; page?: string; articles: { headline: string }[] }[];
    };
    const byDoc = Object.fromEntries(out.documents.map((d) => [d.doc, d]));
    expect(byDoc['content_1001.htm']).toMatchObject({ date: '2021-01-13', page: '第02版' });
    expect(byDoc['20210113_page02.pdf']!.articles.map((a) => a.headline)).toEqual(
      PDF_PAGES.map((p) => p[0]!.headline),
    );
  });
});
