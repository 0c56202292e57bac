import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openMigrated } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import { createServices } from '../../src/app/services.ts';
import type { LedgerQuery } from '../../src/modules/task/task.service.ts';
import { startThrowawayPostgres } from '../../test/setup/throwaway-postgres.ts';
import { benchCoordinator, generateNationalDataset } from '../national-dataset.ts';
import { ms, time, timeInTurns } from '../stats.ts';

/**
 * `npx tsx bench/plans/explain-ledger.ts`: builds the 200,000-task national
 * dataset in a throwaway PostgreSQL, runs the ledger through the service for
 * typical filters, and writes EXPLAIN ANALYZE of every statement it sent to
 * bench/plans/ledger-<case>.txt, so reviews see plan changes.
 */

const OUT = path.dirname(fileURLToPath(import.meta.url));
const TASKS = Number(process.env.BENCH_TASKS ?? 200_000);

interface Captured {
  text: string;
  values: unknown[];
}

const captured: Captured[] = [];
const originalQuery = pg.Pool.prototype.query;
let capturing = false;
// Drizzle sends every statement through Pool#query; recording them gives the exact SQL and parameters of a ledger call.
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  const [config, values] = args;
  if (capturing && config && typeof config === 'object' && 'text' in config) {
    const c = config as { text: string; values?: unknown[] };
    captured.push({ text: c.text, values: c.values ?? (Array.isArray(values) ? values : []) });
  } else if (capturing && typeof config === 'string') {
    captured.push({ text: config, values: Array.isArray(values) ? values : [] });
  }
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Pool.prototype.query;

const LARGE = Number(process.env.BENCH_LARGE_TASKS ?? 20_000);

const pg15 = await startThrowawayPostgres();
const config = loadConfig({ DATABASE_URL: pg15.url, LIANDONG_LOG_LEVEL: 'silent', LIANDONG_DATA_DIR: 'memory://' });
const database = await openMigrated(config);
const explainer = new pg.Client({ connectionString: pg15.url });
try {
  const services = createServices(database, config);
  const { db } = database;
  await generateNationalDataset(db, { cooperations: 300, tasks: TASKS, unitsPerSide: 5 });
  await explainer.connect();
  // One cooperation far above the average (a province-wide programme), so the plans show how the ledger scales within a tenant.
  await explainer.query(`
    insert into tasks (cooperation_id, title, description, source, joint, priority, status, percent, start_on, due_on, tags)
    select c.id, '大型合作任务 ' || t, '基准测试任务（大）', 'clause', true,
           (array['low','normal','normal','high','urgent'])[1 + t % 5],
           (array['not_started','in_progress','in_progress','done','blocked','cancelled'])[1 + (t * 7) % 6],
           (t * 13) % 101, date '2025-01-01' + (t % 700), date '2025-03-01' + ((t * 37) % 1000), jsonb_build_array('标签' || (t % 12))
    from cooperations c cross join generate_series(1, ${LARGE}) t where c.name = 'bench合作1'`);
  await explainer.query(`
    insert into task_units (cooperation_id, task_id, party_id, organization_id, role)
    select t.cooperation_id, t.id, p.id, o.id, 'lead'
    from tasks t join parties p on p.cooperation_id = t.cooperation_id
    join lateral (select id from organizations o where o.region_code = p.region_code and o.name like '%基准单位%'
                  order by o.name offset (abs(hashtext(t.id::text)) % 5) limit 1) o on true
    where t.description = '基准测试任务（大）'`);
  // Autovacuum would get there after the bulk load; doing it now measures the steady state, not the first minutes.
  await explainer.query('vacuum analyze');
  const { rows: counted } = await explainer.query<{ n: number }>('select count(*)::int as n from tasks');
  const { rows: reference } = await explainer.query<{ id: string }>('select id from tasks limit 1');
  const pkLookup = await time(() => explainer.query('select id, title from tasks where id = $1', [reference[0]?.id]), 200);
  const summary: string[] = [
    `dataset: 300 cooperations, ${(counted[0]?.n ?? 0).toLocaleString('en')} tasks; a page of 50 through services.task.ledger`,
    `reference: primary-key lookup p95 ${ms(pkLookup.p95)} (how fast the machine was during the run)`,
  ];

  for (const [label, cooperationName, prefix] of [
    ['typical cooperation (bench合作150, ~670 tasks)', 'bench合作150', 'ledger'],
    [`large cooperation (bench合作1, ~${(LARGE + 667).toLocaleString('en')} tasks)`, 'bench合作1', 'ledger-large'],
  ] as const) {
    const { sample, coordinator } = await benchCoordinator(db, cooperationName);
    const base: LedgerQuery = { sort: 'dueOn', order: 'asc', page: 1, pageSize: 50 };
    const cases: [string, Partial<LedgerQuery>][] = [
      ['no-filter', {}],
      ['status', { status: ['in_progress', 'blocked'] }],
      ['overdue', { overdue: true }],
      ['side', { side: sample.partyId }],
      ['unit', { unit: sample.organizationId }],
      ['due-range', { dueFrom: '2026-01-01', dueTo: '2026-06-30' }],
      ['title-search', { q: '任务 1' }],
      ['priority-newest', { priority: ['urgent'], sort: 'createdAt', order: 'desc' }],
      ['tag', { tag: '标签3' }],
      ['sort-title-desc', { sort: 'title', order: 'desc' }],
      ['page-5', { page: 5 }],
    ];
    summary.push('', label);
    const timings = await timeInTurns(Object.fromEntries(cases.map(([name, filter]) => [name, () => services.task.ledger(coordinator, sample.cooperationId, { ...base, ...filter })])), 100);
    for (const [name, filter] of cases) {
      const query = { ...base, ...filter };
      const timing = timings[name];
      if (!timing) continue;
      captured.length = 0;
      capturing = true;
      await services.task.ledger(coordinator, sample.cooperationId, query);
      capturing = false;
      const statements = captured.filter((c) => /from "tasks"/.test(c.text));
      const sections = [`${label}: ledger ${name} ${JSON.stringify(filter)}`, `service call p95 ${ms(timing.p95)} (median ${ms(timing.median)}, ${timing.runs} runs, in turns with the other cases)`, ''];
      for (const statement of statements) {
        const plan = await explainer.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off, summary on) ${inline(statement)}`);
        sections.push(`-- ${inline(statement)}`, ...plan.rows.map((r) => r['QUERY PLAN']), '');
      }
      fs.writeFileSync(path.join(OUT, `${prefix}-${name}.txt`), sections.join('\n'));
      summary.push(`  ${name.padEnd(18)} p95 ${ms(timing.p95).padStart(9)}  median ${ms(timing.median).padStart(9)}  p95 = ${(timing.p95 / pkLookup.p95).toFixed(1)}× a PK lookup`);
    }
  }
  fs.writeFileSync(path.join(OUT, 'ledger-summary.txt'), `${summary.join('\n')}\n`);
  console.log(summary.join('\n'));
} finally {
  await explainer.end().catch(() => undefined);
  await database.close();
  pg15.remove();
}

/** The statement with its parameters written in, so the plan file can be pasted into psql as it is. */
function inline(statement: Captured): string {
  return statement.text.replace(/\$(\d+)/g, (_, i: string) => literal(statement.values[Number(i) - 1]));
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  return `'${String(value).replace(/'/g, "''")}'`;
}
