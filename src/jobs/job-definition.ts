import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { JobRow } from './job.repository.ts';

interface JobContext {
  db: Db;
  job: JobRow;
  /** The worker's clock, so handlers and tests agree on what "today" is. */
  now: Date;
}

/**
 * A kind of background work: its queue name, the shape of its payload (checked
 * when the job runs, since rows outlive code versions), and what doing it means.
 */
export interface JobDefinition<P = unknown> {
  queue: string;
  payload: z.ZodType<P>;
  handle(payload: P, context: JobContext): Promise<void>;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}
