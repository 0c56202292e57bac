import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openMigrated } from '../../src/bootstrap.ts';
import type { Db } from '../../src/db/client.ts';
import { defineJob } from '../../src/jobs/job-definition.ts';
import { createJobQueue } from '../../src/jobs/job-queue.ts';
import { createJobWorker } from '../../src/jobs/job-worker.ts';
import { jobRepository } from '../../src/jobs/job.repository.ts';
import { databaseFlavours, freshDatabaseUrl, openTestServices, testConfig, type TestContext } from '../setup/test-database.ts';

const T0 = new Date('2026-03-02T01:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const echoPayload = z.object({ n: z.number() });

/** A queue whose handler records what it ran, and fails while `failuresLeft` says so. */
function recorder(queue: string) {
  const ran: number[] = [];
  let failuresLeft = 0;
  const definition = defineJob({
    queue,
    payload: echoPayload,
    async handle({ n }) {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error(`receiver unavailable (${n})`);
      }
      ran.push(n);
    },
  });
  return {
    definition,
    ran,
    failNext(times: number) {
      failuresLeft = times;
    },
  };
}

describe.each(databaseFlavours())('job queue on %s', (flavour) => {
  let t: TestContext;
  let db: Db;

  beforeAll(async () => {
    t = await openTestServices(flavour);
    db = t.services.database.db;
  });
  afterAll(() => t?.close());

  it('runs an enqueued job once and marks it done', async () => {
    const echo = recorder('test.once');
    const queue = createJobQueue(db, () => T0);
    const worker = createJobWorker(db, [echo.definition], { clock: () => T0 });
    const job = await queue.enqueue(db, { queue: 'test.once', payload: { n: 1 } });
    expect(await worker.runDue()).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await worker.runDue()).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(echo.ran).toEqual([1]);
    expect(await queue.get(job?.id ?? 0)).toMatchObject({ status: 'done', attempts: 1, lastError: null, finishedAt: T0 });
  });

  it('schedules a job with the same unique key only once', async () => {
    const echo = recorder('test.unique');
    const queue = createJobQueue(db, () => T0);
    const first = await queue.enqueue(db, { queue: 'test.unique', payload: { n: 1 }, uniqueKey: 'reminder:task-1:2026-03-02' });
    const second = await queue.enqueue(db, { queue: 'test.unique', payload: { n: 2 }, uniqueKey: 'reminder:task-1:2026-03-02' });
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
    await createJobWorker(db, [echo.definition], { clock: () => T0 }).runDue();
    expect(echo.ran).toEqual([1]);
  });

  it('leaves a job scheduled for later alone until its time has come', async () => {
    const echo = recorder('test.later');
    const queue = createJobQueue(db, () => T0);
    await queue.enqueue(db, { queue: 'test.later', payload: { n: 7 }, runAt: later(60_000) });
    const worker = createJobWorker(db, [echo.definition]);
    await worker.runDue(later(59_999));
    expect(echo.ran).toEqual([]);
    await worker.runDue(later(60_000));
    expect(echo.ran).toEqual([7]);
  });

  it('retries a failing job with exponential backoff and gives up after maxAttempts, keeping the last error', async () => {
    const echo = recorder('test.flaky');
    const queue = createJobQueue(db, () => T0);
    const job = await queue.enqueue(db, { queue: 'test.flaky', payload: { n: 3 }, maxAttempts: 3 });
    const worker = createJobWorker(db, [echo.definition], { backoffBaseMs: 1000 });
    echo.failNext(10);

    expect(await worker.runDue(T0)).toEqual({ done: 0, retried: 1, failed: 0 });
    expect(await queue.get(job?.id ?? 0)).toMatchObject({ status: 'pending', attempts: 1, runAt: later(1000), lastError: 'receiver unavailable (3)' });

    expect((await worker.runDue(later(999))).retried).toBe(0);
    expect(await worker.runDue(later(1000))).toEqual({ done: 0, retried: 1, failed: 0 });
    expect(await queue.get(job?.id ?? 0)).toMatchObject({ status: 'pending', attempts: 2, runAt: later(1000 + 2000) });

    expect(await worker.runDue(later(3000))).toEqual({ done: 0, retried: 0, failed: 1 });
    expect(await queue.get(job?.id ?? 0)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'receiver unavailable (3)', finishedAt: later(3000) });
    expect(echo.ran).toEqual([]);

    const retried = await createJobQueue(db, () => later(5000)).retry(job?.id ?? 0);
    expect(retried).toMatchObject({ status: 'pending', attempts: 0 });
    echo.failNext(0);
    await worker.runDue(later(5000));
    expect(echo.ran).toEqual([3]);
  });

  it('succeeds on a later attempt after a transient failure', async () => {
    const echo = recorder('test.transient');
    await createJobQueue(db, () => T0).enqueue(db, { queue: 'test.transient', payload: { n: 4 } });
    const worker = createJobWorker(db, [echo.definition], { backoffBaseMs: 1000 });
    echo.failNext(1);
    await worker.runDue(T0);
    await worker.runDue(later(1000));
    expect(echo.ran).toEqual([4]);
    expect(await jobRepository.list(db, { queue: 'test.transient', limit: 5 })).toMatchObject([{ status: 'done', attempts: 2, lastError: null }]);
  });

  it('hands a job whose worker died to another worker once the lease has run out, and only then', async () => {
    const echo = recorder('test.lease');
    const job = await createJobQueue(db, () => T0).enqueue(db, { queue: 'test.lease', payload: { n: 5 } });
    // A worker claims the job and dies without settling it.
    const [claimed] = await jobRepository.claim(db, { now: T0, leaseUntil: later(60_000), limit: 1, queues: ['test.lease'] });
    expect(claimed?.id).toBe(job?.id);

    const survivor = createJobWorker(db, [echo.definition]);
    await survivor.runDue(later(59_000));
    expect(echo.ran).toEqual([]);
    await survivor.runDue(later(60_001));
    expect(echo.ran).toEqual([5]);
    expect(await jobRepository.get(db, job?.id ?? 0)).toMatchObject({ status: 'done', attempts: 2 });
    // The dead worker's late answer no longer settles the job.
    expect(await jobRepository.markFailed(db, { id: job?.id ?? 0, attempts: 1 }, later(70_000), 'too late')).toBe(false);
    expect(await jobRepository.get(db, job?.id ?? 0)).toMatchObject({ status: 'done' });
  });

  it('lets the job in hand finish when stopped, and claims nothing more', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const finished: number[] = [];
    const slow = defineJob({
      queue: 'test.slow',
      payload: echoPayload,
      async handle({ n }) {
        started();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        finished.push(n);
      },
    });
    const queue = createJobQueue(db, () => T0);
    const first = await queue.enqueue(db, { queue: 'test.slow', payload: { n: 1 } });
    const second = await queue.enqueue(db, { queue: 'test.slow', payload: { n: 2 }, runAt: new Date(T0.getTime() + 1) });
    const worker = createJobWorker(db, [slow], { pollMs: 10 });
    worker.start();
    await handlerStarted;
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toEqual([1]);
    expect(await queue.get(first?.id ?? 0)).toMatchObject({ status: 'done' });
    expect(await queue.get(second?.id ?? 0)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('keeps queued jobs across a restart of the server', async () => {
    const dataDir = flavour === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'liandong-jobs-')) : 'memory://';
    const config = testConfig(await freshDatabaseUrl(flavour), { LIANDONG_DATA_DIR: dataDir });
    try {
      const before = await openMigrated(config);
      await createJobQueue(before.db).enqueue(before.db, { queue: 'test.restart', payload: { n: 9 } });
      await before.close();

      const after = await openMigrated(config);
      const echo = recorder('test.restart');
      try {
        expect(await createJobWorker(after.db, [echo.definition]).runDue()).toEqual({ done: 1, retried: 0, failed: 0 });
      } finally {
        await after.close();
      }
      expect(echo.ran).toEqual([9]);
    } finally {
      if (flavour === 'pglite') fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
