/**
 * Runs the ingester over the seed texts and scores it against their gold
 * annotations: npm run eval:ingest.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ingest } from '../src/ingest/index.ts';

const repo = path.resolve(import.meta.dirname, '..');
const seeds = path.resolve(repo, '../shared/seeds');
const scorer = path.resolve(repo, '../shared/tools/score-ingest.mjs');
const out = path.resolve(repo, '.tmp/ingest-eval');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
for (const file of fs.readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
  const text = fs.readFileSync(path.join(seeds, file), 'utf8');
  const started = performance.now();
  const result = ingest(text);
  const ms = performance.now() - started;
  fs.writeFileSync(path.join(out, file.replace(/\.txt$/, '.json')), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`${file}: ${text.length} chars, ${ms.toFixed(1)} ms`);
}
process.stdout.write(execFileSync(process.execPath, [scorer, path.join(seeds, 'gold'), out, '--verbose'], { encoding: 'utf8' }));
