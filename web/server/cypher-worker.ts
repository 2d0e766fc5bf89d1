// A worker thread of cypher-pool.ts: its own driver, and one query at a time from the main thread.
// Decoding and serialising a result of any size happens here, off the API's event loop.
import { workerData } from 'node:worker_threads';
import { openDatabase, type Database } from '../../db/driver.ts';
import { runCypherTask, type CypherOutcome, type CypherTask } from './cypher.ts';
import { startWorkerProfile } from './worker-profile.ts';

const { config } = workerData as { config: Database['config'] };
// Retries would only stretch a request past its deadline; the main thread answers 503 instead.
// A server that accepts TCP but does not answer (hung, stopped) fails a new connection in 5 s.
const db = openDatabase(config, { maxRetryMs: 0, maxPoolSize: 2, connectionTimeoutMs: 5000 });
const profiler = startWorkerProfile(process.env.CADRE_WORKER_CPU_PROF);

export default async function run(task: CypherTask): Promise<CypherOutcome> {
  try {
    return await runCypherTask(db, task);
  } finally {
    profiler?.taskDone();
  }
}
