import type { Command } from 'commander';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../modules/access/actor.ts';
import type { Services } from '../app/services.ts';
import { withServices } from './data.commands.ts';
import { resolveCooperation, table } from './task.commands.ts';

type Money = { currency: string; amount: string }[];

/** Money in several currencies as plain text: "18000000000.00 CNY + 35000000.00 USD". */
const money = (amounts: Money) => amounts.map((m) => `${m.amount} ${m.currency}`).join(' + ') || '0';

const CSV_COLUMNS = ['id', 'name', 'kind', 'stage', 'industryCode', 'investorPartyId', 'hostPartyId', 'investment', 'currency', 'signedOn', 'signingEventId', 'contracted', 'inPlace', 'late'] as const;

/** A CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180). */
const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

async function allProjects(services: Services, cooperationId: string) {
  const items = [];
  for (let page = 1; ; page++) {
    const result = await services.project.list(SYSTEM_ACTOR, cooperationId, {}, { page, pageSize: 200 });
    items.push(...result.items);
    if (items.length >= result.total || !result.items.length) return { items, totals: result.totals, stages: result.stages };
  }
}

/** A cooperation's projects with their money by the counting rule: a table for people, JSON or CSV for other programs. */
export async function projectsCommand(services: Services, options: { cooperation: string; format: 'table' | 'json' | 'csv' }): Promise<string> {
  const cooperation = await resolveCooperation(services, options.cooperation);
  const { items, totals, stages } = await allProjects(services, cooperation.id);
  if (options.format === 'json') return JSON.stringify({ cooperation, totals, items }, null, 2);
  if (options.format === 'csv') {
    const rows = items.map((p) =>
      [p.id, p.name, p.kind, p.stage, p.industryCode ?? '', p.investorPartyId ?? '', p.hostPartyId ?? '', p.investment ?? '', p.currency, p.signedOn ?? '', p.signingEventId ?? '', money(p.contracted), money(p.inPlace), p.late.map((l) => `${l.stage}@${l.plannedOn}`).join(' ')]
        .map(csvCell)
        .join(','),
    );
    return [CSV_COLUMNS.join(','), ...rows].join('\n');
  }
  const stageName = (code: string) => stages.find((s) => s.code === code)?.name ?? code;
  const rows = items.map((p) => [stageName(p.stage) + (p.late.length ? ' !' : ''), p.signedOn ?? '-', money(p.contracted), money(p.inPlace), p.name]);
  return `${cooperation.name}: ${totals.projects} project(s), contracted ${money(totals.contracted)}, in place ${money(totals.inPlace)}\n${table([['stage', 'signed', 'contracted', 'in place', 'name'], ...rows])}`;
}

export function registerProjectCommands(program: Command): void {
  const projects = program.command('projects').description('projects and money (项目与资金)');
  projects
    .command('list')
    .description('list the projects of a cooperation with contracted and in-place money ("!" marks a project late against its plan)')
    .requiredOption('--cooperation <name|id>', 'cooperation id, exact name, or a unique part of its name')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { cooperation: string; format: string }) => {
      const format = z.enum(['table', 'json']).parse(options.format);
      console.log(await withServices((services) => projectsCommand(services, { ...options, format })));
    });
  projects
    .command('export')
    .description('export the projects of a cooperation as CSV or JSON (to stdout)')
    .requiredOption('--cooperation <name|id>', 'cooperation id, exact name, or a unique part of its name')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (options: { cooperation: string; format: string }) => {
      const format = z.enum(['csv', 'json']).parse(options.format);
      console.log(await withServices((services) => projectsCommand(services, { ...options, format })));
    });
}
