import { count, sql } from 'drizzle-orm';
import { projects } from '../src/db/schema/core.ts';
import { projectTransactions } from '../src/db/schema/projects.ts';
import { benchCoordinator, generateNationalDataset, generateProjectsDataset } from './national-dataset.ts';
import { ms, timeInTurns } from './stats.ts';
import { withBenchDatabase } from './bench-database.ts';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100_000);
/** Ten entries a project: 1,000,000 money entries for 100,000 projects, as the issue asks. */
const ENTRIES_PER_PROJECT = 10;
const COOPERATIONS = 300;
const BUDGET_P95_MS = 30;

/**
 * A cooperation's project totals (the counting rule over its entries) on PostgreSQL holding the national
 * dataset's projects and money, as the list's totals row, by event, by year, and as an indicator formula reads
 * them; p95 against the 30 ms budget and as a ratio to a primary-key lookup of the same run.
 */
export async function benchProjectTotals(): Promise<string[]> {
  return withBenchDatabase(async (database, services) => {
    const started = Date.now();
    await generateNationalDataset(database.db, { cooperations: COOPERATIONS, tasks: COOPERATIONS, unitsPerSide: 2 });
    await generateProjectsDataset(database.db, { cooperations: COOPERATIONS, projects: PROJECTS, entriesPerProject: ENTRIES_PER_PROJECT });
    const [projectCount] = await database.db.select({ n: count() }).from(projects);
    const [entryCount] = await database.db.select({ n: count() }).from(projectTransactions);
    const lines = [`national dataset: ${COOPERATIONS} cooperations, ${(projectCount?.n ?? 0).toLocaleString('en')} projects, ${(entryCount?.n ?? 0).toLocaleString('en')} money entries generated in ${((Date.now() - started) / 1000).toFixed(1)} s`];
    const { sample, coordinator } = await benchCoordinator(database.db, 'bench合作150');
    const id = sample.cooperationId;
    const REFERENCE = 'primary-key lookup';
    const cases: Record<string, () => Promise<unknown>> = {
      'totals (the list totals row)': () => services.project.totals(coordinator, id, {}, {}, null),
      'totals by event': () => services.project.totals(coordinator, id, {}, {}, 'event'),
      'totals by year': () => services.project.totals(coordinator, id, {}, {}, 'year'),
      'totals as of 2024-09-30': () => services.project.totals(coordinator, id, {}, { to: '2024-09-30' }, null),
      'formula: in place, stage ≥ 开工': () => services.projectFigures.value({ cooperationId: id, measure: 'in_place', where: { stageAtLeast: 'started' } }),
      'project list page of 50': () => services.project.list(coordinator, id, {}, { page: 1, pageSize: 50 }),
    };
    const timings = await timeInTurns({ [REFERENCE]: () => database.db.execute(sql`select id from projects limit 1`), ...cases }, 50);
    const pkP95 = timings[REFERENCE]?.p95 ?? Number.NaN;
    lines.push(`reference: ${REFERENCE} p95 ${ms(pkP95)} (50 rounds in turns)`);
    for (const name of Object.keys(cases)) {
      const timing = timings[name];
      if (!timing) continue;
      lines.push(`${name.padEnd(34)} p95 ${ms(timing.p95).padStart(9)}  median ${ms(timing.median).padStart(9)}  = ${(timing.p95 / BUDGET_P95_MS).toFixed(2)}× the 30 ms budget`);
    }
    return lines;
  });
}
