import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../modules/access/actor.ts';
import type { Services } from '../app/services.ts';
import { withServices } from './data.commands.ts';
import { resolveCooperation } from './task.commands.ts';

const QUARTER = /^(\d{4})Q([1-4])$/i;
const HALF = /^(\d{4})H([12])$/i;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

/** The calendar span a short name stands for: 2026Q3, 2026H1, 2026-07, 2026. */
function spanOf(given: string): { startsOn: string; endsOn: string } | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const months = (y: number, from: number, to: number) => ({ startsOn: `${y}-${pad(from)}-01`, endsOn: `${y}-${pad(to)}-${pad(lastDay(y, to))}` });
  let m = QUARTER.exec(given);
  if (m) return months(Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3);
  m = HALF.exec(given);
  if (m) return months(Number(m[1]), Number(m[2]) * 6 - 5, Number(m[2]) * 6);
  m = MONTH.exec(given);
  if (m) return months(Number(m[1]), Number(m[2]), Number(m[2]));
  m = YEAR.exec(given);
  if (m) return months(Number(m[1]), 1, 12);
  return null;
}

/** A reporting period by id, by its label (2026年第3季度) or by a short name (2026Q3); the current one when none is given. */
async function resolvePeriod(services: Services, cooperationId: string, given: string | undefined): Promise<string | undefined> {
  if (!given) return undefined;
  if (z.uuid().safeParse(given).success) return given;
  const periods = await services.period.list(SYSTEM_ACTOR, cooperationId);
  const span = spanOf(given);
  const found = periods.find((p) => p.label === given || (span && p.startsOn === span.startsOn && p.endsOn === span.endsOn));
  if (!found) throw new Error(`No reporting period "${given}" in this cooperation; it has ${periods.map((p) => p.label).join(', ') || 'none'}`);
  return found.id;
}

/** LibreOffice prints a Word document to PDF; the official layout is the .docx's own. */
function docxToPdf(docx: Buffer): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'liandong-report-'));
  try {
    const input = path.join(dir, 'document.docx');
    writeFileSync(input, docx);
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, input], { stdio: 'ignore', timeout: 120_000 });
    return readFileSync(path.join(dir, 'document.pdf'));
  } catch (error) {
    throw new Error(`A PDF of the bulletin needs LibreOffice (soffice): ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ReportOptions {
  cooperation: string;
  period?: string | undefined;
  format: 'docx' | 'pdf';
  output?: string | undefined;
  lang: 'zh-CN' | 'en';
}

/** 工作简报 or 督办通报 of a cooperation and a period as a file; answers where it was written. */
export async function reportCommand(services: Services, kind: 'briefing' | 'bulletin', options: ReportOptions): Promise<string> {
  const cooperation = await resolveCooperation(services, options.cooperation);
  const period = await resolvePeriod(services, cooperation.id, options.period);
  let file: { body: Buffer; fileName: string };
  if (kind === 'briefing' && options.format === 'pdf') file = await services.briefing.pdf(SYSTEM_ACTOR, cooperation.id, { period, lang: options.lang });
  else if (kind === 'briefing') file = await services.document.briefingDocx(SYSTEM_ACTOR, cooperation.id, { period });
  else {
    const docx = await services.document.bulletinDocx(SYSTEM_ACTOR, cooperation.id, { period });
    file = options.format === 'pdf' ? { body: docxToPdf(docx.body), fileName: docx.fileName.replace(/\.docx$/, '.pdf') } : docx;
  }
  const target = options.output ?? file.fileName;
  writeFileSync(target, file.body);
  return `${target} (${file.body.length} bytes)`;
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('official documents of a cooperation: 工作简报 (briefing) and 督办通报 (bulletin), as Word or PDF');
  for (const kind of ['briefing', 'bulletin'] as const) {
    report
      .command(kind)
      .description(kind === 'briefing' ? '工作简报 of a period (PDF printed by Chromium, Word in the GB/T 9704 layout)' : '督办通报 of a period (Word in the GB/T 9704 layout; PDF through LibreOffice)')
      .requiredOption('--cooperation <name|id>', 'cooperation id, exact name, or a unique part of its name')
      .option('--period <period>', 'period id, label, or 2026Q3 / 2026H1 / 2026-07 / 2026 (default: the current period)')
      .option('--format <format>', 'docx or pdf', 'docx')
      .option('--lang <lang>', 'zh-CN or en (the PDF briefing; Word documents are in Chinese)', 'zh-CN')
      .option('-o, --output <file>', 'where to write it (default: its name, in the current directory)')
      .action(async (options: { cooperation: string; period?: string; format: string; output?: string; lang: string }) => {
        const format = z.enum(['docx', 'pdf']).parse(options.format);
        const lang = z.enum(['zh-CN', 'en']).parse(options.lang);
        console.log(await withServices((services) => reportCommand(services, kind, { ...options, format, lang })));
      });
  }
}
