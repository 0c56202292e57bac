/**
 * Runs the ingester over the seed texts, scores it against their gold
 * annotations and times it on 20,000 characters: npm run eval:ingest.
 * `npm run eval:ingest -- --dir DIR` does the same for the NNN_*.txt texts of
 * DIR against DIR/gold (relative paths are read from the repository root),
 * e.g. --dir test/fixtures/ingest-unseen.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ingest } from '../src/ingest/index.ts';

const repo = path.resolve(import.meta.dirname, '..');
const dirFlag = process.argv.indexOf('--dir');
const dirArg = dirFlag >= 0 ? process.argv[dirFlag + 1] : undefined;
const seeds = dirArg ? path.resolve(repo, dirArg) : path.resolve(repo, 'src/db/demo/seeds');
const scorer = path.resolve(repo, 'scripts/score-ingest.mjs');
const out = path.resolve(repo, '.tmp/ingest-eval', dirArg ? path.basename(seeds) : 'seeds');

const files = fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => fs.readFileSync(path.join(seeds, f), 'utf8'));
// The first call loads the region dictionary and the segmenter; time the rest warm.
ingest(texts[0] ?? '');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
files.forEach((file, k) => {
  const text = texts[k] ?? '';
  const started = performance.now();
  const result = ingest(text);
  const ms = performance.now() - started;
  fs.writeFileSync(path.join(out, file.replace(/\.txt$/, '.json')), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${file}: ${text.length} chars, ${ms.toFixed(1)} ms`);
});
process.stdout.write(execFileSync(process.execPath, [scorer, path.join(seeds, 'gold'), out, '--verbose'], { encoding: 'utf8' }));

const sample = texts.join('\n\n').repeat(2).slice(0, 20_000);
const runs: number[] = [];
for (let k = 0; k < 25; k++) {
  const started = performance.now();
  ingest(sample);
  runs.push(performance.now() - started);
}
runs.sort((a, b) => a - b);
console.log(`${sample.length} chars: median ${(runs[12] ?? 0).toFixed(1)} ms, fastest ${(runs[0] ?? 0).toFixed(1)} ms over ${runs.length} runs`);
