// Concurrency caps: each kind of work (user Cypher, named queries, the explorer's reads) has a lane
// with a number of slots, a bounded queue and a share per client. A request that finds its lane full
// waits in the queue; one that finds the queue or its own share full is answered 429 with Retry-After
// at once, before any work is done. Lanes are separate, so heavy Cypher never holds up a search.
import os from 'node:os';
import { HttpError } from './errors.ts';

export interface LaneLimits {
  /** Requests of this lane running at once. */
  running: number;
  /** Requests waiting for a slot; beyond this, 429. */
  queued: number;
  /** Requests one client may have running or waiting in this lane; beyond this, 429. */
  perClient: number;
}

export class TooManyRequests extends HttpError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
  readonly retryAfterSeconds: number;
}

interface Waiter {
  client: string;
  start: () => void;
  fail: (error: unknown) => void;
}

/** Thrown into a waiting or running request when its client went away or its deadline passed. */
export class Aborted extends Error {}

export class Lane {
  private active = 0;
  private readonly queue: Waiter[] = [];
  private readonly perClient = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly limits: LaneLimits,
  ) {}

  get running(): number {
    return this.active;
  }
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Waits for a slot and returns its release function (call it exactly once). Throws
   * TooManyRequests when full, and the signal's reason when it aborts while waiting.
   */
  async enter(client: string, signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    const mine = this.perClient.get(client) ?? 0;
    if (mine >= this.limits.perClient)
      throw new TooManyRequests(
        `Too many ${this.name} requests from this client at once (${this.limits.perClient}); wait for one to finish.`,
        1,
      );
    if (this.active >= this.limits.running && this.queue.length >= this.limits.queued)
      throw new TooManyRequests(
        `The server is busy with ${this.name} requests (${this.active} running, ${this.queue.length} waiting); retry shortly.`,
        2,
      );
    this.perClient.set(client, mine + 1);
    if (this.active < this.limits.running) this.active++;
    else {
      try {
        await new Promise<void>((resolve, reject) => {
          const waiter: Waiter = {
            client,
            start: () => {
              signal?.removeEventListener('abort', onAbort);
              resolve();
            },
            fail: reject,
          };
          const onAbort = () => {
            const at = this.queue.indexOf(waiter);
            if (at >= 0) this.queue.splice(at, 1);
            reject(signal?.reason instanceof Error ? signal.reason : new Aborted('aborted'));
          };
          signal?.addEventListener('abort', onAbort, { once: true });
          this.queue.push(waiter);
        });
      } catch (error) {
        this.forget(client);
        throw error;
      }
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.forget(client);
      const next = this.queue.shift();
      // The slot passes straight to the next waiter; otherwise it frees up.
      if (next) next.start();
      else this.active--;
    };
  }

  /** Runs `work` in a slot. */
  async run<T>(client: string, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    const release = await this.enter(client, signal);
    try {
      return await work();
    } finally {
      release();
    }
  }

  private forget(client: string): void {
    const left = (this.perClient.get(client) ?? 1) - 1;
    if (left > 0) this.perClient.set(client, left);
    else this.perClient.delete(client);
  }
}

export interface Lanes {
  /** POST /api/cypher: user queries, the heaviest and least predictable. */
  cypher: Lane;
  /** POST /api/queries/:name/run: our own queries, with results of any size. */
  named: Lane;
  /** The explorer's reads: overview, timeline, search, nodes, articles, schema, stats. */
  read: Lane;
}

export interface LaneConfig {
  cypher: LaneLimits;
  named: LaneLimits;
  read: LaneLimits;
}

/**
 * The lanes for a machine of `cores`. User Cypher runs one at a time on two cores or fewer: two heavy
 * queries at once (Neo4j's work plus the workers' decoding) took both cores, and expand and search
 * waited 1.5 s at p95 behind them (bench:api mixed run); the rest of a burst waits its turn, then 429.
 */
export function lanesFor(cores: number): LaneConfig {
  return {
    cypher: { running: cores <= 2 ? 1 : 2, queued: 4, perClient: 3 },
    named: { running: 2, queued: 8, perClient: 6 },
    read: { running: 16, queued: 64, perClient: 48 },
  };
}

export const DEFAULT_LANES: LaneConfig = lanesFor(os.availableParallelism());

export function createLanes(config: LaneConfig = DEFAULT_LANES): Lanes {
  return {
    cypher: new Lane('Cypher', config.cypher),
    named: new Lane('named-query', config.named),
    read: new Lane('read', config.read),
  };
}
