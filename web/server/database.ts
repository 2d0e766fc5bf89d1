// Every database call of the API's own routes: a managed READ transaction with parameters, a Neo4j-side
// timeout, and a deadline of our own, so that a Neo4j that stopped answering (hung, SIGSTOP, a network
// black hole) costs a request at most `deadlineMs` and a clear 503, never a wait without end.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../db/driver.ts';
import { describeError } from '../../db/driver.ts';
import { DatabaseUnavailable, isDatabaseDown } from './errors.ts';
import { Aborted } from './limits.ts';

export interface ReadOptions {
  /** Aborts the wait (the client went away); the transaction is then left to its Neo4j timeout. */
  signal?: AbortSignal;
}

export type Reader = <T>(work: (tx: ManagedTransaction) => Promise<T>, options?: ReadOptions) => Promise<T>;

/** Raised when Neo4j did not answer in time: the client hears 503 and may retry. */
export class NotAnswering extends DatabaseUnavailable {}

/** Rejects with NotAnswering after `ms`, or with the signal's reason; `clear` stops the timer. */
export function deadline(ms: number, message: string, signal?: AbortSignal) {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NotAnswering(message)), ms);
    if (signal) {
      onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Aborted('aborted'));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  return {
    expired,
    clear: () => {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Waits for `work` until the deadline or the signal; a late outcome of `work` is dropped quietly. */
export async function within<T>(
  work: Promise<T>,
  ms: number,
  message: string,
  signal?: AbortSignal,
): Promise<T> {
  const limit = deadline(ms, message, signal);
  work.catch(() => {});
  try {
    return await Promise.race([work, limit.expired]);
  } finally {
    limit.clear();
  }
}

export const notAnsweringMessage = (ms: number) =>
  `Neo4j did not answer within ${Math.round(ms / 1000)} s (it may be hung or overloaded); retry shortly.`;

export interface ReaderOptions extends LivenessOptions {
  /** Neo4j stops the transaction after this long. */
  timeoutMs: number;
  /** Told whenever Neo4j answered (Liveness.heard). */
  heard?: () => void;
}

export const hungMessage = (ms: number) =>
  `Neo4j did not answer within ${Math.round(ms / 1000)} s, nor a liveness check (it may be hung); retry shortly.`;

export interface LivenessOptions {
  /** The longest we wait, whatever the probe says. */
  deadlineMs: number;
  /** After this long, ask the probe whether Neo4j answers at all. */
  probeAfterMs?: number;
  probe?: Probe;
}

/** Whether Neo4j answers; after a failed probe, `down` says the connection itself was refused or broken. */
export interface Probe {
  (): Promise<boolean>;
  down?: boolean;
  reason?: string;
}

/**
 * Waits for work that needs Neo4j: until `deadlineMs`, the signal, or — once it has run `probeAfterMs`
 * — until the probe finds Neo4j not answering (NotAnswering, a 503). A late outcome is dropped.
 */
export async function whileAlive<T>(
  work: Promise<T>,
  { deadlineMs, probeAfterMs, probe }: LivenessOptions,
  signal?: AbortSignal,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const hung = new Promise<never>((_, reject) => {
    if (!probe || probeAfterMs === undefined || probeAfterMs >= deadlineMs) return;
    timer = setTimeout(() => {
      void probe().then((alive) => {
        if (alive || done) return;
        // A refused connection is a Neo4j that is down, not one that hangs: say which.
        reject(
          probe.down
            ? new DatabaseUnavailable(probe.reason ?? 'down')
            : new NotAnswering(hungMessage(probeAfterMs)),
        );
      });
    }, probeAfterMs);
  });
  try {
    return await within(Promise.race([work, hung]), deadlineMs, notAnsweringMessage(deadlineMs), signal);
  } finally {
    done = true;
    clearTimeout(timer);
  }
}

/**
 * A reader whose transactions Neo4j stops after `timeoutMs` and we give up on after `deadlineMs`, or
 * sooner when the probe finds Neo4j hung.
 */
export function reader(db: Database, { timeoutMs, heard, ...liveness }: ReaderOptions): Reader {
  return async (work, { signal } = {}) => {
    const session = db.driver.session({ database: db.database, defaultAccessMode: 'READ' });
    let settled = false;
    const running = session
      .executeRead(work, { timeout: timeoutMs, metadata: { app: 'cadre-graph' } })
      .then(
        (value) => {
          heard?.();
          return value;
        },
        (error: unknown) => {
          if (!isDatabaseDown(error)) heard?.();
          throw error;
        },
      )
      .finally(() => (settled = true));
    try {
      return await whileAlive(running, liveness, signal);
    } catch (error) {
      if (isDatabaseDown(error)) throw new DatabaseUnavailable(describeError(error));
      throw error;
    } finally {
      // Closing waits for the transaction; after a deadline that may be never, so it is not awaited.
      const closing = session.close().catch(() => {});
      if (settled) await closing;
    }
  };
}

async function once(db: Database): Promise<void> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: 'READ' });
  const closing = () => void session.close().catch(() => {});
  try {
    await session.run('RETURN 1');
  } finally {
    // A hung server may never let the session close: not awaited.
    closing();
  }
}

/** Whether Neo4j still answers: a probe, plus the answers every other request hears meanwhile. */
export interface Liveness extends Probe {
  /** Neo4j answered something (a result or an error of its own): it is not hung, whatever its load. */
  heard(): void;
  /** Whether Neo4j answered anything in the last `ms`. */
  heardWithin(ms: number): boolean;
  /** Why the last probe failed. */
  reason: string;
  /** The last probe failed on a refused or broken connection (not on a timeout). */
  down: boolean;
}

/**
 * Whether Neo4j answers a trivial query within `timeoutMs`, or answers anything else meanwhile: tells
 * a busy server (its queue delays the probe past its deadline, but other queries keep finishing) from
 * one that stopped answering (hung, SIGSTOP: nothing comes back at all). A refused or broken
 * connection fails at once. Concurrent callers share one probe; an answer is kept for a second.
 */
export function prober(db: Database, timeoutMs = 3000): Liveness {
  let pending: Promise<boolean> | undefined;
  let last = { at: 0, alive: true };
  let heardAt = 0;
  const probe = () => {
    if (Date.now() - last.at < 1000) return Promise.resolve(last.alive);
    const started = Date.now();
    pending ??= within(
      // Auto-commit, so no retries: a refused connection fails at once rather than at the deadline.
      once(db),
      timeoutMs,
      notAnsweringMessage(timeoutMs),
    )
      .then(
        () => {
          liveness.down = false;
          return true;
        },
        // Timed out: alive if anything else came back while we waited; refused: down.
        (error: unknown) => {
          liveness.reason = describeError(error);
          liveness.down = isDatabaseDown(error);
          return !isDatabaseDown(error) && heardAt >= started;
        },
      )
      .then((alive) => {
        last = { at: Date.now(), alive };
        pending = undefined;
        return alive;
      });
    return pending;
  };
  const liveness: Liveness = Object.assign(probe, {
    heard: () => {
      heardAt = Date.now();
    },
    heardWithin: (ms: number) => Date.now() - heardAt <= ms,
    reason: '',
    down: false,
  });
  return liveness;
}
