import type { Db } from '../db/client.ts';
import { jobRepository, type JobRow } from './job.repository.ts';

export interface EnqueueRequest {
  queue: string;
  payload: Record<string, unknown>;
  /** Not before this moment; now when omitted. */
  runAt?: Date | undefined;
  /** A second job with the same key is not scheduled (one reminder per task per day). */
  uniqueKey?: string | undefined;
  maxAttempts?: number | undefined;
}

const DEFAULT_MAX_ATTEMPTS = 5;

export function createJobQueue(db: Db, clock: () => Date = () => new Date()) {
  return {
    /**
     * Called inside the caller's transaction, so a job exists only if the
     * change that asked for it commits. `undefined`: the uniqueKey was taken.
     */
    async enqueue(tx: Db, request: EnqueueRequest): Promise<JobRow | undefined> {
      return jobRepository.insert(tx, {
        queue: request.queue,
        payload: request.payload,
        runAt: request.runAt ?? clock(),
        uniqueKey: request.uniqueKey ?? null,
        maxAttempts: request.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      });
    },

    async get(id: number): Promise<JobRow | undefined> {
      return jobRepository.get(db, id);
    },

    async list(filter: { queue?: string | undefined; status?: JobRow['status'] | undefined; limit?: number | undefined }): Promise<JobRow[]> {
      return jobRepository.list(db, { ...filter, limit: filter.limit ?? 100 });
    },

    async counts() {
      return jobRepository.countByQueueAndStatus(db);
    },

    /** Gives a failed job a fresh set of attempts. */
    async retry(id: number): Promise<JobRow | undefined> {
      return jobRepository.requeue(db, id, clock());
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
