import { sql } from 'drizzle-orm';
import type { LedgerQuery } from '../src/modules/task/task.service.ts';
import { benchCoordinator, generateNationalDataset } from './national-dataset.ts';
import { ms, timeInTurns } from './stats.ts';
import { withBenchDatabase } from './bench-database.ts';

const TASKS = Number(process.env.BENCH_TASKS ?? 200_000);
const COOPERATIONS = 300;
const BUDGET_P95_MS = 15;

/**
 * Ledger page of 50 for one cooperation, with each kind of filter, on
 * PostgreSQL holding the national dataset. Reported as p95 and as a ratio to
 * a primary-key lookup measured in the same run, since absolute times on a
 * shared machine drift from run to run.
 */
export async function benchLedger(): Promise<string[]> {
  return withBenchDatabase(async (database, services) => {
    const started = Date.now();
    await generateNationalDataset(database.db, { cooperations: COOPERATIONS, tasks: TASKS, unitsPerSide: 5 });
    const lines = [`national dataset: ${COOPERATIONS} cooperations, ${TASKS.toLocaleString('en')} tasks generated in ${((Date.now() - started) / 1000).toFixed(1)} s`];

    const { sample, coordinator } = await benchCoordinator(database.db, 'bench合作150');
    const base: LedgerQuery = { sort: 'dueOn', order: 'asc', page: 1, pageSize: 50 };
    const cases: [string, Partial<LedgerQuery>][] = [
      ['no filter', {}],
      ['status in progress', { status: ['in_progress'] }],
      ['overdue', { overdue: true }],
      ['side', { side: sample.partyId }],
      ['unit', { unit: sample.organizationId }],
      ['due range', { dueFrom: '2026-01-01', dueTo: '2026-06-30' }],
      ['title search', { q: '任务 150-1' }],
      ['priority urgent, newest first', { priority: ['urgent'], sort: 'createdAt', order: 'desc' }],
      ['page 5', { page: 5 }],
    ];
    const REFERENCE = 'primary-key lookup';
    const timings = await timeInTurns(
      {
        [REFERENCE]: () => database.db.execute(sql`select id, title from tasks where id = ${sample.taskId}`),
        ...Object.fromEntries(cases.map(([name, filter]) => [name, () => services.task.ledger(coordinator, sample.cooperationId, { ...base, ...filter })])),
      },
      100,
    );
    const pkP95 = timings[REFERENCE]?.p95 ?? Number.NaN;
    lines.push(`reference: ${REFERENCE} p95 ${ms(pkP95)} (every case below measured in turns with it, 100 rounds)`);
    for (const [name] of cases) {
      const timing = timings[name];
      if (!timing) continue;
      lines.push(
        `ledger ${name.padEnd(30)} p95 ${ms(timing.p95).padStart(9)}  median ${ms(timing.median).padStart(9)}  = ${(timing.p95 / pkP95).toFixed(1).padStart(5)}× a PK lookup, ${(timing.p95 / BUDGET_P95_MS).toFixed(2)}× the 15 ms budget`,
      );
    }
    return lines;
  });
}
