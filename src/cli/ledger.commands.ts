import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { LEDGER_LANGS } from '../contract/ledger-columns.ts';
import { SYSTEM_ACTOR } from '../modules/access/actor.ts';
import type { Services } from '../app/services.ts';
import type { LedgerImportReport } from '../modules/ledger-exchange/ledger-exchange.schemas.ts';
import { withServices } from './data.commands.ts';
import { resolveCooperation, table } from './task.commands.ts';

export interface ExportLedgerOptions {
  cooperation: string;
  format: 'xlsx' | 'csv' | 'json';
  lang: (typeof LEDGER_LANGS)[number];
  /** Where to write; the file's own name in the current folder when absent. */
  output?: string | undefined;
}

/** The whole ledger of a cooperation as a file, as the web's 导出 Excel writes it; answers the path written. */
export async function exportLedgerCommand(services: Services, options: ExportLedgerOptions): Promise<string> {
  const cooperation = await resolveCooperation(services, options.cooperation);
  const file = await services.ledgerExchange.export(SYSTEM_ACTOR, cooperation.id, { sort: 'dueOn', order: 'asc' }, options.format, options.lang);
  const target = options.output ?? path.resolve(file.fileName);
  fs.writeFileSync(target, file.body);
  return target;
}

/** The dry run's or commit's report for people: counts, then each row that is not unchanged. */
export function importReportText(report: LedgerImportReport): string {
  const lines = [
    `${report.mode === 'commit' ? (report.committed ? 'committed' : 'NOT committed') : 'dry run, nothing changed'}: ` +
      Object.entries(report.summary)
        .map(([action, n]) => `${n} ${action}`)
        .join(', '),
  ];
  for (const reason of report.fileReasons) lines.push(`file: ${reason.code} ${JSON.stringify(reason.params)}`);
  if (report.unmatched.length) lines.push(`unmatched columns: ${report.unmatched.map((c) => `${c.column} "${c.header}"`).join(', ')}`);
  const shown = report.rows.filter((r) => r.action !== 'unchanged');
  if (shown.length) {
    lines.push(
      table([
        ['row', 'action', 'cell', 'reason / changes', 'title'],
        ...shown.map((r) => [
          String(r.row),
          r.action,
          r.cell ?? '',
          r.reasons.length ? r.reasons.map((reason) => `${reason.code} ${JSON.stringify(reason.params)}`).join('; ') : r.changes.join(', '),
          r.title,
        ]),
      ]),
    );
  }
  return lines.join('\n');
}

export async function importLedgerCommand(services: Services, file: string, options: { cooperation: string; commit: boolean }): Promise<LedgerImportReport> {
  const cooperation = await resolveCooperation(services, options.cooperation);
  const data = fs.readFileSync(file);
  return services.ledgerExchange.import(SYSTEM_ACTOR, cooperation.id, { fileName: path.basename(file), data }, options.commit ? 'commit' : 'dry-run', {});
}

export function registerLedgerCommands(program: Command): void {
  program
    .command('export')
    .description('export data as files')
    .command('ledger')
    .description('the task ledger (任务台账) of a cooperation as xlsx (importable again), csv or json')
    .requiredOption('--cooperation <name|id>', 'cooperation id, exact name, or a unique part of its name')
    .option('--format <format>', 'xlsx, csv or json', 'xlsx')
    .option('--lang <lang>', 'language of headers and values: zh-CN or en', 'zh-CN')
    .option('-o, --output <file>', 'where to write (default: the file name the web would download, here)')
    .action(async (options: { cooperation: string; format: string; lang: string; output?: string }) => {
      const format = z.enum(['xlsx', 'csv', 'json']).parse(options.format);
      const lang = z.enum(LEDGER_LANGS).parse(options.lang);
      console.log(await withServices((services) => exportLedgerCommand(services, { cooperation: options.cooperation, format, lang, output: options.output })));
    });

  program
    .command('import')
    .description('import a task ledger file (xlsx or csv) into a cooperation: --dry-run reports each row, --commit applies all rows or none')
    .argument('<file>', 'the ledger file')
    .requiredOption('--cooperation <name|id>', 'cooperation id, exact name, or a unique part of its name')
    .option('--dry-run', 'report what would change (the default)')
    .option('--commit', 'apply the changes, only if no row is in error or conflict')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: { cooperation: string; dryRun?: boolean; commit?: boolean; json?: boolean }) => {
      if (options.dryRun && options.commit) throw new Error('choose --dry-run or --commit, not both');
      const report = await withServices((services) => importLedgerCommand(services, file, { cooperation: options.cooperation, commit: !!options.commit }));
      console.log(options.json ? JSON.stringify(report, null, 2) : importReportText(report));
      if (options.commit && !report.committed) process.exitCode = 1;
    });
}
