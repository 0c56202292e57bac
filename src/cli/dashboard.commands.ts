import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../modules/access/actor.ts';
import type { Services } from '../app/services.ts';
import { withServices } from './data.commands.ts';
import { resolveCooperation } from './task.commands.ts';

const percent = (share: number | null) => (share === null ? '-' : `${Math.round(share * 100)}%`);

/** A cooperation's dashboard as the platform sees it: JSON for other programs (the API's shape), or a few lines for people. */
export async function dashboardCommand(services: Services, options: { cooperation: string; side?: string | undefined; json: boolean }): Promise<string> {
  const cooperation = await resolveCooperation(services, options.cooperation);
  const dashboard = await services.dashboard.get(SYSTEM_ACTOR, cooperation.id, { side: options.side ?? 'all' });
  if (options.json) return JSON.stringify(dashboard, null, 2);
  const { tasks, coverage, reporting } = dashboard;
  return [
    `${dashboard.cooperation.name}${dashboard.side ? ` (${dashboard.side.name})` : ''}, as of ${dashboard.asOf}`,
    `tasks ${tasks.total.count}: done ${percent(tasks.doneShare)} against ${percent(tasks.elapsedShare)} of time elapsed; overdue ${tasks.overdue.count}; due within ${dashboard.dueSoonDays} days ${tasks.dueSoon.count}`,
    `directions ${coverage.directions}, ${coverage.gaps} without a task`,
    reporting.period ? `reports for ${reporting.period.label} (due ${reporting.period.dueOn}): submitted ${reporting.totals.submitted}, approved ${reporting.totals.approved}, returned ${reporting.totals.returned}, missing ${reporting.totals.missing}` : 'no period owed reports',
  ].join('\n');
}

export function registerDashboardCommands(program: Command): void {
  program
    .command('dashboard')
    .description('where a cooperation stands (合作看板): tasks, coverage, reporting; --json for every figure with its drill-down')
    .requiredOption('--cooperation <name|id>', 'cooperation id, exact name, or a unique part of its name')
    .option('--side <partyId>', "one side's view (default: both sides)")
    .option('--json', 'the whole dashboard as JSON', false)
    .action(async (options: { cooperation: string; side?: string; json: boolean }) => {
      console.log(await withServices((services) => dashboardCommand(services, options)));
    });
}
