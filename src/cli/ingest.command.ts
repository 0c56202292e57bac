import fs from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { decodeText, ingest, MAX_INGEST_CHARS, type IngestResult } from '../ingest/index.ts';

function readInput(file: string): Uint8Array {
  return file === '-' ? fs.readFileSync(0) : fs.readFileSync(file);
}

function asTable(result: IngestResult): string {
  const lines: string[] = [];
  const row = (key: string, value: string) => lines.push(`${key.padEnd(14)} ${value}`);
  row('title', result.title ?? '—');
  row('signed_on', result.signed_on ?? '—');
  row('parties', result.parties.join('、') || '—');
  row('agreement', result.agreement ?? '—');
  for (const area of result.areas) {
    row('area', `${area.label ?? ''}${area.title}`);
    for (const item of area.items) row('', `  ${item.label ?? '·'} ${item.title}`);
  }
  for (const amount of result.amounts) row('amount', `${amount.text} = ${amount.value} ${amount.unit}`);
  for (const target of result.targets) row('target', `${target.year ?? '—'} ${target.indicator} ${target.comparator} ${target.value} ${target.unit}`);
  for (const sub of result.sub_agreements) row('sub_agreement', sub);
  for (const project of result.projects) row('project', project);
  for (const count of result.counts) row('count', count.text);
  return lines.join('\n');
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('read a Chinese agreement or news text (UTF-8 or GB18030) and print the structure found in it')
    .argument('<file>', 'the text file, or - for standard input')
    .option('--format <format>', 'json | yaml | table', 'json')
    .action((file: string, options: { format: string }) => {
      if (!['json', 'yaml', 'table'].includes(options.format)) throw new Error(`unknown format ${options.format}: use json, yaml or table`);
      const text = decodeText(readInput(file));
      if (text.length > MAX_INGEST_CHARS) throw new Error(`the text has ${text.length} characters; at most ${MAX_INGEST_CHARS} are read`);
      const result = ingest(text);
      const out = options.format === 'json' ? JSON.stringify(result, null, 2) : options.format === 'yaml' ? stringify(result) : asTable(result);
      process.stdout.write(`${out}\n`);
    });
}
