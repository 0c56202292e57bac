import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ingest } from '../src/ingest/index.ts';
import { ms, time } from './stats.ts';

const SEEDS = path.resolve(import.meta.dirname, '../src/demo/seeds');

/** 20,000 characters of real cooperation news, the size the budget names. */
function sampleText(chars: number): string {
  const texts = fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'));
  let text = '';
  while (text.length < chars) text += texts.join('\n\n');
  return text.slice(0, chars);
}

/** Cold start of the region dictionary, in a fresh process so nothing is cached. */
function dictionaryLoadMs(): number {
  const script = `import { performance } from 'node:perf_hooks';
const { getRegionDictionary } = await import('./src/ingest/region-dictionary.ts');
const t = performance.now(); getRegionDictionary(); console.log(performance.now() - t);`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.resolve(import.meta.dirname, '..'), encoding: 'utf8' });
  return Number.parseFloat(out.trim());
}

export async function benchIngest(): Promise<string[]> {
  const text = sampleText(20_000);
  const timing = await time(() => ingest(text), 50, 10);
  const emptyTiming = await time(() => ingest('合作'), 200, 20);
  const loads = [dictionaryLoadMs(), dictionaryLoadMs(), dictionaryLoadMs()].sort((a, b) => a - b);
  const load = loads[1] ?? Number.NaN;
  return [
    `ingest 20,000 chars: median ${ms(timing.median)}, p95 ${ms(timing.p95)} (${timing.runs} runs) — budget 50 ms: ${(timing.p95 / 50).toFixed(2)}× of budget`,
    `ingest per-call floor (2 chars): median ${ms(emptyTiming.median)}; 20k text costs ${(timing.median / Math.max(emptyTiming.median, 0.001)).toFixed(0)}× the floor`,
    `region dictionary cold load: ${ms(load)} (median of 3 fresh processes) — budget 300 ms: ${(load / 300).toFixed(2)}× of budget`,
  ];
}
