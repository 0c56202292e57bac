import type { Command } from 'commander';
import { z } from 'zod';
import { TASK_STATUSES } from '../db/schema/work.ts';
import { SYSTEM_ACTOR } from '../modules/access/actor.ts';
import type { Services } from '../app/services.ts';
import { withServices } from './data.commands.ts';

export interface TaskListOptions {
  cooperation: string;
  status?: string[] | undefined;
  overdue?: boolean | undefined;
  format: 'table' | 'json';
}

const statusList = z.array(z.enum(TASK_STATUSES));

/** A cooperation by id, exact name, or a fragment of its name that matches only one. */
export async function resolveCooperation(services: Services, given: string): Promise<{ id: string; name: string }> {
  if (z.uuid().safeParse(given).success) {
    const found = await services.cooperation.get(SYSTEM_ACTOR, given);
    return { id: found.id, name: found.name };
  }
  const { items } = await services.cooperation.list(SYSTEM_ACTOR, { q: given, page: 1, pageSize: 20 });
  const exact = items.find((c) => c.name === given);
  if (exact) return { id: exact.id, name: exact.name };
  const [only, ...more] = items;
  if (only && !more.length) return { id: only.id, name: only.name };
  if (!only) throw new Error(`no cooperation matches "${given}"`);
  throw new Error(`"${given}" matches several cooperations: ${items.map((c) => c.name).join(', ')}`);
}

/** Terminal columns a string takes: CJK characters are two wide. */
const displayWidth = (text: string) => [...text].reduce((width, ch) => width + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1), 0);
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? '')))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

/** The ledger of one cooperation as text: a table for people, JSON for scripts. */
export async function listTasksCommand(services: Services, options: TaskListOptions): Promise<string> {
  const cooperation = await resolveCooperation(services, options.cooperation);
  const wanted = options.status?.flatMap((s) => s.split(',')).filter(Boolean) ?? [];
  const parsed = statusList.safeParse(wanted);
  if (!parsed.success) throw new Error(`unknown status in "${wanted.join(',')}"; use ${TASK_STATUSES.join(', ')}`);
  const status = parsed.data.length ? parsed.data : undefined;
  const items = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const result = await services.task.ledger(SYSTEM_ACTOR, cooperation.id, { status, overdue: options.overdue, sort: 'dueOn', order: 'asc', page, pageSize: 200 });
    items.push(...result.items);
    total = result.total;
    if (items.length >= total || !result.items.length) break;
  }
  if (options.format === 'json') return JSON.stringify({ cooperation, total, items }, null, 2);
  const header = ['status', 'due', '%', 'priority', 'lead units', 'title'];
  const rows = items.map((t) => [
    t.status,
    `${t.dueOn ?? '-'}${t.overdue ? ' !' : ''}`,
    String(t.percent),
    t.priority,
    t.sides.map((s) => s.lead?.name ?? `${s.partyName}: -`).join(' / ') || '-',
    t.title,
  ]);
  return `${cooperation.name}: ${total} task(s)${options.overdue ? ', overdue' : ''}\n${table([header, ...rows])}`;
}

export function registerTaskCommands(program: Command): void {
  const tasks = program.command('tasks').description('the task ledger (任务台账)');
  tasks
    .command('list')
    .description('list the tasks of a cooperation, due first ("!" marks overdue)')
    .requiredOption('--cooperation <name|id>', 'cooperation id, exact name, or a unique part of its name')
    .option('--status <status...>', `only these statuses (${TASK_STATUSES.join(', ')}); repeat or separate by commas`)
    .option('--overdue', 'only tasks past their due date and still open')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { cooperation: string; status?: string[]; overdue?: boolean; format: string }) => {
      const format = z.enum(['table', 'json']).parse(options.format);
      console.log(await withServices((services) => listTasksCommand(services, { ...options, format })));
    });
}
