/**
 * Runs the ingester over a directory of texts, scores it against their gold
 * annotations, lists the files it reads worst and times it on 20,000
 * characters: npm run eval:ingest.
 *
 *   npm run eval:ingest                       the seed texts (src/demo/seeds, gold beside the texts)
 *   npm run eval:ingest -- --dir DIR          the NNN_*.txt texts of DIR against DIR/gold
 *   npm run eval:ingest -- --dir DIR --summary   per-field scores only: for a held-out set, whose
 *                                             texts and misses are not to be read while tuning
 *
 * Relative paths are read from the repository root.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ingest } from '../src/ingest/index.ts';

const repo = path.resolve(import.meta.dirname, '..');
const dirFlag = process.argv.indexOf('--dir');
const dirArg = dirFlag >= 0 ? process.argv[dirFlag + 1] : undefined;
const summary = process.argv.includes('--summary');
const texts = dirArg ? path.resolve(repo, dirArg) : path.resolve(repo, 'src/demo/seeds');
// The demo seeds keep each gold file beside its text; the corpus folders keep them in gold/.
const goldDir = fs.existsSync(path.join(texts, 'gold')) ? path.join(texts, 'gold') : texts;
const scorer = path.resolve(repo, 'scripts/score-ingest.mjs');
const out = path.resolve(repo, '.tmp/ingest-eval', dirArg ? path.basename(texts) : 'seeds');
const WORST = 8;

type Scores = Record<string, { P: number; R: number; F: number; tp: number; gold: number; pred: number }>;

const files = fs.readdirSync(texts).filter((f) => f.endsWith('.txt') && fs.existsSync(path.join(goldDir, f.replace(/\.txt$/, '.json')))).sort();
const contents = files.map((f) => fs.readFileSync(path.join(texts, f), 'utf8'));
// The first call loads the region dictionary, the segmenter and OpenCC; time the rest warm.
ingest(contents[0] ?? '');

fs.rmSync(out, { recursive: true, force: true });
const predDir = path.join(out, 'pred');
fs.mkdirSync(predDir, { recursive: true });
let slowest = { file: '', ms: 0 };
files.forEach((file, k) => {
  const text = contents[k] ?? '';
  const started = performance.now();
  const result = ingest(text);
  const ms = performance.now() - started;
  if (ms > slowest.ms) slowest = { file, ms };
  fs.writeFileSync(path.join(predDir, file.replace(/\.txt$/, '.json')), `${JSON.stringify(result, null, 2)}\n`);
});
console.log(`${files.length} texts of ${path.relative(repo, texts) || texts}; slowest ${slowest.file} ${slowest.ms.toFixed(1)} ms`);

const score = (gold: string, pred: string, mode: '--verbose' | '--json' | null): string =>
  execFileSync(process.execPath, [scorer, gold, pred, ...(mode ? [mode] : [])], { encoding: 'utf8' });
const scoreLines = score(goldDir, predDir, summary ? null : '--verbose').split('\n');
process.stdout.write(`${(summary ? scoreLines.filter((l) => !l.includes(' gold=')) : scoreLines).join('\n')}`);

// Each file scored alone, worst micro-F1 first: where to look next (not shown for a held-out set).
if (!summary) {
  const single = path.join(out, 'single');
  const rows = files.map((file) => {
    const name = file.replace(/\.txt$/, '.json');
    const goldOne = path.join(single, 'gold');
    const predOne = path.join(single, 'pred');
    fs.rmSync(single, { recursive: true, force: true });
    fs.mkdirSync(goldOne, { recursive: true });
    fs.mkdirSync(predOne, { recursive: true });
    fs.copyFileSync(path.join(goldDir, name), path.join(goldOne, name));
    fs.copyFileSync(path.join(predDir, name), path.join(predOne, name));
    const scores = JSON.parse(score(goldOne, predOne, '--json')) as Scores;
    const missed = Object.entries(scores).filter(([field, s]) => field !== 'micro' && s.F < 1).map(([field]) => field);
    return { file, f: scores.micro?.F ?? 0, missed };
  });
  fs.rmSync(single, { recursive: true, force: true });
  console.log(`worst ${Math.min(WORST, rows.length)} files:`);
  for (const row of rows.sort((a, b) => a.f - b.f).slice(0, WORST)) console.log(`  ${row.f.toFixed(3)}  ${row.file}  (${row.missed.join(', ')})`);
}

const sample = contents.join('\n\n').repeat(2).slice(0, 20_000);
const runs: number[] = [];
for (let k = 0; k < 25; k++) {
  const started = performance.now();
  ingest(sample);
  runs.push(performance.now() - started);
}
runs.sort((a, b) => a - b);
console.log(`${sample.length} chars: median ${(runs[12] ?? 0).toFixed(1)} ms, fastest ${(runs[0] ?? 0).toFixed(1)} ms over ${runs.length} runs`);
