import type { Db } from '../db/client.ts';
import type { JobDefinition } from './job-definition.ts';
import { jobRepository, type JobRow } from './job.repository.ts';

export interface JobWorkerOptions {
  /** How long to sleep when no job is due. */
  pollMs?: number;
  /** How long a claimed job stays ours; after that another server may take it over. */
  leaseMs?: number;
  /** First retry delay; doubles with every failed attempt. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  clock?: () => Date;
  /** Runs before each poll: periodic scheduling (the daily reminder sweep). */
  onTick?: (now: Date) => Promise<void>;
}

/** Where a running worker reports what went wrong (the server's log). */
export interface JobWorkerHooks {
  onJobError?: (job: JobRow, error: unknown) => void;
  onLoopError?: (error: unknown) => void;
}

export interface RunSummary {
  done: number;
  retried: number;
  failed: number;
}

const MAX_ERROR_LENGTH = 2000;

const errorText = (error: unknown): string => {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
};

/** Delay before attempt n+1 after n failed attempts: base · 2^(n-1), capped. */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claims due jobs one at a time, runs their handler, and settles them: done,
 * retried later with exponential backoff, or failed after maxAttempts.
 * Several workers (one per app server) may share one database.
 */
export function createJobWorker(db: Db, definitions: readonly JobDefinition[], options: JobWorkerOptions = {}) {
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const backoffBaseMs = options.backoffBaseMs ?? 30_000;
  const backoffMaxMs = options.backoffMaxMs ?? 60 * 60_000;
  const clock = options.clock ?? (() => new Date());
  const byQueue = new Map(definitions.map((d) => [d.queue, d]));
  const queues = [...byQueue.keys()];

  let loop: Promise<void> | null = null;
  let stopping = false;
  let wake: (() => void) | null = null;
  let hooks: JobWorkerHooks = {};

  async function execute(job: JobRow, now: Date): Promise<void> {
    const definition = byQueue.get(job.queue);
    if (!definition) throw new Error(`no handler for queue ${job.queue}`);
    await definition.handle(definition.payload.parse(job.payload), { db, job, now });
  }

  /** Runs one due job if there is one; `null` when nothing was due. `at` tells the time for this run. */
  async function runOne(at: () => Date): Promise<keyof RunSummary | null> {
    const now = at();
    const [job] = await jobRepository.claim(db, { now, leaseUntil: new Date(now.getTime() + leaseMs), limit: 1, queues });
    if (!job) return null;
    try {
      await execute(job, now);
    } catch (error) {
      hooks.onJobError?.(job, error);
      const finishedAt = at();
      if (job.attempts >= job.maxAttempts) {
        await jobRepository.markFailed(db, job, finishedAt, errorText(error));
        return 'failed';
      }
      const retryAt = new Date(finishedAt.getTime() + backoffDelay(job.attempts, backoffBaseMs, backoffMaxMs));
      await jobRepository.markRetry(db, job, retryAt, errorText(error));
      return 'retried';
    }
    await jobRepository.markDone(db, job, at());
    return 'done';
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });
  }

  async function runLoop(): Promise<void> {
    while (!stopping) {
      try {
        await options.onTick?.(clock());
        if (stopping) break;
        if ((await runOne(clock)) === null && !stopping) await sleep(pollMs);
      } catch (error) {
        // A lost database connection must not end the loop; the next poll tries again.
        hooks.onLoopError?.(error);
        if (!stopping) await sleep(pollMs);
      }
    }
  }

  return {
    /** Runs every job that is due, as if the time were `now` (the worker's clock when omitted); for the CLI and tests. */
    async runDue(now?: Date): Promise<RunSummary> {
      const at = now ? () => now : clock;
      const summary: RunSummary = { done: 0, retried: 0, failed: 0 };
      for (;;) {
        const outcome = await runOne(at);
        if (outcome === null) return summary;
        summary[outcome]++;
      }
    },

    start(reportTo: JobWorkerHooks = {}): void {
      if (loop) return;
      hooks = reportTo;
      stopping = false;
      loop = runLoop();
    },

    /** Lets the job in hand finish, then returns; nothing new is claimed. */
    async stop(): Promise<void> {
      stopping = true;
      wake?.();
      await loop;
      loop = null;
    },
  };
}
