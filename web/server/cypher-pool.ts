// The worker threads that run Cypher for POST /api/cypher and the named queries (piscina). A result of
// any size is decoded and serialised there, so the API's event loop never stalls on it. When a query
// overruns its deadline, its client goes away or Neo4j stops answering, the client is answered at once
// and the query is stopped: its transaction (found by the request id in its metadata) is terminated in
// Neo4j, and a thread that has not finished a second later (busy decoding, or Neo4j hung) is killed.
// Each thread's heap is capped, so a huge record costs that thread and a 413, not the server.
import { randomUUID } from 'node:crypto';
import { Piscina } from 'piscina';
import type { Database } from '../../db/driver.ts';
import type { CypherOutcome, CypherTask } from './cypher.ts';
import { NotAnswering, notAnsweringMessage, within, type Liveness } from './database.ts';
import { HttpError, timedOut } from './errors.ts';

/** Ends the transactions a request left in Neo4j; Neo4j does not notice a closed connection by itself. */
async function terminate(db: Database, request: string): Promise<void> {
  await db.driver.executeQuery(
    `SHOW TRANSACTIONS YIELD transactionId AS tx, metaData WHERE metaData.request = $request
     TERMINATE TRANSACTIONS tx YIELD transactionId RETURN transactionId`,
    { request },
    { database: db.database },
  );
}

export interface CypherPoolOptions {
  threads: number;
  /** Threads started at once (and kept), so the first query does not wait for one to start. */
  warmThreads?: number;
  /** Heap of one worker thread; a result that needs more ends that thread with a 413. */
  heapMb: number;
  /** Whether Neo4j still answers (database.ts prober); told when a worker's query hears from it. */
  probe: Liveness;
  /** How often a running query checks that Neo4j still answers. */
  probeEveryMs?: number;
}

export class CypherPool {
  private readonly pool: Piscina<CypherTask, CypherOutcome>;

  constructor(
    private readonly db: Database,
    private readonly options: CypherPoolOptions,
  ) {
    this.pool = new Piscina<CypherTask, CypherOutcome>({
      filename: new URL('./cypher-worker.ts', import.meta.url).href,
      // Workers load TypeScript the way the main process does.
      execArgv: ['--import', 'tsx'],
      workerData: { config: db.config },
      minThreads: options.warmThreads ?? 0,
      maxThreads: options.threads,
      idleTimeout: 5 * 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
    });
  }

  /**
   * Runs a task in a worker until it settles, `signal` aborts (its reason is thrown), `deadlineMs`
   * passes or Neo4j stops answering (NotAnswering, a 503).
   */
  async run(
    task: CypherTask,
    { signal, deadlineMs }: { signal?: AbortSignal; deadlineMs: number },
  ): Promise<CypherOutcome> {
    const request = randomUUID();
    const kill = new AbortController();
    const running = this.pool.run(
      { ...task, metadata: { ...task.metadata, request } },
      { signal: kill.signal },
    );
    // A worker's answer other than "not reachable" came from Neo4j: it is alive, however busy.
    running.then(
      (outcome) => {
        if (outcome.ok || outcome.status !== 503) this.options.probe.heard();
      },
      () => {},
    );
    let stop: (reason: unknown) => void = () => {};
    const stopped = new Promise<never>((_, reject) => (stop = reject));
    let timer: NodeJS.Timeout | undefined;
    let watch: NodeJS.Timeout | undefined;
    const onClientAbort = () => stop(signal?.reason);
    try {
      signal?.addEventListener('abort', onClientAbort, { once: true });
      if (signal?.aborted) onClientAbort();
      // Neo4j answers (else the watch below would have said so first): the query itself is too slow.
      timer = setTimeout(() => stop(timedOut(Math.round(deadlineMs / 1000))), deadlineMs);
      const every = this.options.probeEveryMs ?? 2000;
      watch = setInterval(() => {
        void this.options.probe().then((alive) => {
          if (!alive) stop(new NotAnswering(notAnsweringMessage(every)));
        });
      }, every);
      return await Promise.race([running, stopped]);
    } catch (error) {
      void this.cleanUp(request, running, kill);
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
        throw new HttpError(
          413,
          `The result needs more than the ${this.options.heapMb} MB a query may use on the server; return fewer or smaller values.`,
        );
      throw error;
    } finally {
      clearTimeout(timer);
      clearInterval(watch);
      signal?.removeEventListener('abort', onClientAbort);
    }
  }

  /** Stops an abandoned query: its transaction in Neo4j first, then its thread if still busy. */
  private async cleanUp(request: string, running: Promise<unknown>, kill: AbortController): Promise<void> {
    const settled = running.then(
      () => true,
      () => true,
    );
    try {
      await within(terminate(this.db, request), 3000, 'terminate');
    } catch {
      // Neo4j does not answer: killing the thread closes its connection at least.
    }
    if (!(await within(settled, 1000, 'settle').catch(() => false))) kill.abort();
  }

  /**
   * Resolves once the warm threads have started (loaded their code), or after `timeoutMs` regardless:
   * a thread takes seconds to start on a busy machine, time a request should not have to wait.
   */
  async ready(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.pool.idleThreads < (this.options.warmThreads ?? 0) && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 100));
  }

  get threads(): number {
    return this.pool.threads.length;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
