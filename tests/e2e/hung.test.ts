// Neo4j hung (SIGSTOP: it keeps its connections open and answers nothing, the worst kind of outage):
// every API route answers 503 with a clear message within 10 s, the page says so with a Retry button,
// and both recover once Neo4j resumes. Uses the test Neo4j's own process, resumed in any case.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiErrorBody } from '../../web/contract.ts';
import { startExplorer, type Explorer } from './harness.ts';

const pid = inject('neo4jPid');
let explorer: Explorer;
const resume = () => pid && process.kill(pid, 'SIGCONT');

beforeAll(async () => {
  if (pid) explorer = await startExplorer();
});
afterAll(async () => {
  resume();
  await explorer?.close();
});

/** Runs `work` with Neo4j stopped, resuming it afterwards whatever happens. */
async function whileHung<T>(work: () => Promise<T>): Promise<T> {
  process.kill(pid, 'SIGSTOP');
  try {
    return await work();
  } finally {
    resume();
  }
}

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.skipIf(!pid)('Neo4j hung', () => {
  it('every route answers 503 within 10 s with a clear message, and all work again after', async () => {
    const { records } = await explorer.db.driver.executeQuery(
      "MATCH (p:Person {name: '章旭升'}) RETURN 'Person:' + p.id AS id",
    );
    const id = encodeURIComponent(records[0]!.get('id') as string);
    const post = (url: string, body: unknown) => ({
      url,
      init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    });
    const requests = [
      { url: '/api/health' },
      { url: '/api/stats' },
      { url: '/api/graph' },
      { url: '/api/timeline' },
      { url: '/api/search?q=%E5%BE%90%E6%97%AD' },
      { url: '/api/search?q=zhang' },
      { url: `/api/nodes/${id}` },
      { url: `/api/nodes/${id}/neighbors` },
      { url: '/api/schema' },
      { url: '/api/articles/x' },
      post('/api/cypher', { query: 'MATCH (n) RETURN count(n) AS n' }),
      post('/api/queries/person-events/run', { params: { name: '章旭升' } }),
    ];
    const answers = await whileHung(() =>
      Promise.all(
        requests.map(async ({ url, init }: { url: string; init?: RequestInit }) => {
          const started = Date.now();
          const response = await fetch(new URL(url, explorer.url), init);
          const body = (await response.json()) as ApiErrorBody;
          return { url, status: response.status, error: body.error, ms: Date.now() - started };
        }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status, answer.url).toBe(503);
      expect(answer.ms, answer.url).toBeLessThan(10_000);
      expect(answer.error, answer.url).toMatch(/Neo4j (did not answer|is not reachable)|not answered within/);
    }
    await until(async () => (await fetch(new URL('/api/graph', explorer.url))).status === 200, 30_000);
    for (const { url, init } of requests.slice(2, 8) as { url: string; init?: RequestInit }[])
      expect((await fetch(new URL(url, explorer.url), init)).status, url).toBe(200);
  });

  it('the page shows the outage with Retry, and Retry loads the graph once Neo4j is back', async () => {
    const page = await explorer.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await whileHung(async () => {
        await page.goto(explorer.url);
        await page.locator('[data-testid=retry]').waitFor({ timeout: 15_000 });
        expect(await page.locator('#status').textContent()).toMatch(/Neo4j/);
      });
      await until(async () => (await fetch(new URL('/api/health', explorer.url))).status === 200, 30_000);
      await page.locator('[data-testid=retry]').click();
      await page.waitForFunction(
        () => window.__cadre?.ready === true && window.__cadre.graph.order > 10,
        undefined,
        {
          timeout: 30_000,
        },
      );
      expect(await page.locator('#status').isHidden()).toBe(true);
    } finally {
      await page.close();
    }
  });
});
