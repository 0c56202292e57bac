import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openMigrated } from '../../src/bootstrap.ts';
import type { Database } from '../../src/db/client.ts';
import { defineJob } from '../../src/jobs/job-definition.ts';
import { createJobQueue } from '../../src/jobs/job-queue.ts';
import { createJobWorker } from '../../src/jobs/job-worker.ts';
import { jobRepository } from '../../src/jobs/job.repository.ts';
import { databaseFlavours, freshDatabaseUrl, testConfig } from '../setup/test-database.ts';

const JOBS = 200;

// Two app servers need a database server; PGlite is one process by design.
describe.skipIf(!databaseFlavours().includes('postgres'))('two app servers on one PostgreSQL database', () => {
  let serverA: Database;
  let serverB: Database;

  beforeAll(async () => {
    const config = testConfig(await freshDatabaseUrl('postgres'));
    serverA = await openMigrated(config);
    serverB = await openMigrated(config);
  });
  afterAll(async () => {
    await serverA?.close();
    await serverB?.close();
  });

  it('run each of 200 jobs exactly once when their workers race for them', async () => {
    const runs = new Map<number, string[]>();
    const workerOf = (name: string) =>
      createJobWorker(
        name === 'A' ? serverA.db : serverB.db,
        [
          defineJob({
            queue: 'test.race',
            payload: z.object({ n: z.number() }),
            async handle({ n }) {
              runs.set(n, [...(runs.get(n) ?? []), name]);
              // Yield so the other server's worker gets its turn mid-job.
              await new Promise((resolve) => setImmediate(resolve));
            },
          }),
        ],
      );
    const queue = createJobQueue(serverA.db);
    for (let n = 0; n < JOBS; n++) await queue.enqueue(serverA.db, { queue: 'test.race', payload: { n } });

    const [a, b] = await Promise.all([workerOf('A').runDue(), workerOf('B').runDue()]);

    expect(a.done + b.done).toBe(JOBS);
    expect([...runs.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: JOBS }, (_, n) => n));
    expect([...runs.values()].filter((by) => by.length !== 1)).toEqual([]);
    // Both servers took part, so the race was real.
    expect(a.done).toBeGreaterThan(0);
    expect(b.done).toBeGreaterThan(0);
    const rows = await jobRepository.list(serverB.db, { queue: 'test.race', limit: 1000 });
    expect(rows.filter((r) => r.status !== 'done' || r.attempts !== 1)).toEqual([]);
  });

  it('schedule the daily reminder sweep once although both servers try', async () => {
    const queue = createJobQueue(serverA.db);
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        queue.enqueue(i % 2 ? serverA.db : serverB.db, { queue: 'reminders.sweep', uniqueKey: 'reminders.sweep:2026-03-02', payload: { date: '2026-03-02' } }),
      ),
    );
    expect(attempts.filter(Boolean)).toHaveLength(1);
  });
});
