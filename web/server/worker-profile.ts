// CPU profiles of the Cypher worker threads (bench:api --cpu-prof). `node --cpu-prof` writes a thread's
// profile when it exits, and piscina terminates its threads, so nothing was ever written: with
// CADRE_WORKER_CPU_PROF set to a folder, each thread profiles itself through the inspector and writes
// what it has gathered once it has been idle for a second (then starts a new profile).
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

export interface WorkerProfiler {
  /** Called after each task: the profile is written once no task has come for a second. */
  taskDone(): void;
}

export function startWorkerProfile(dir: string | undefined): WorkerProfiler | undefined {
  if (!dir) return undefined;
  fs.mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  session.post('Profiler.enable', () => session.post('Profiler.start'));
  let timer: NodeJS.Timeout | undefined;
  let part = 0;
  const write = () =>
    session.post('Profiler.stop', (error, result) => {
      if (!error) {
        const name = `worker-${process.pid}-${threadId}-${String(++part).padStart(3, '0')}.cpuprofile`;
        fs.writeFileSync(path.join(dir, name), JSON.stringify(result.profile));
      }
      session.post('Profiler.start');
    });
  return {
    taskDone() {
      clearTimeout(timer);
      timer = setTimeout(write, 1000);
      // A pending write must not keep an idle thread alive.
      timer.unref();
    },
  };
}
