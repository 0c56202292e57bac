import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from './index.ts';

const seeds = path.resolve(import.meta.dirname, '../../../shared/seeds');
const scorer = path.resolve(import.meta.dirname, '../../../shared/tools/score-ingest.mjs');

// The quality bar of the ingestion module, per field (F1 as the shared scorer computes it).
const THRESHOLDS: Readonly<Record<string, number>> = {
  parties: 0.95,
  amounts: 0.95,
  signed_on: 0.95,
  areas: 0.9,
  agreement: 0.9,
  targets: 0.85,
  sub_agreements: 0.8,
};

type Scores = Record<string, { F: number }>;

function score(names: readonly string[]): Scores {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-seed-'));
  const gold = path.join(dir, 'gold');
  const pred = path.join(dir, 'pred');
  fs.mkdirSync(gold);
  fs.mkdirSync(pred);
  for (const name of names) {
    fs.copyFileSync(path.join(seeds, 'gold', `${name}.json`), path.join(gold, `${name}.json`));
    const result = ingest(fs.readFileSync(path.join(seeds, `${name}.txt`), 'utf8'));
    fs.writeFileSync(path.join(pred, `${name}.json`), JSON.stringify(result));
  }
  try {
    return JSON.parse(execFileSync(process.execPath, [scorer, gold, pred, '--json'], { encoding: 'utf8' })) as Scores;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const names = fs.existsSync(seeds)
  ? fs
      .readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => f.replace(/\.txt$/, ''))
      .sort()
  : [];

// The seeds live beside the repository (../shared); a checkout without them has nothing to score.
describe.skipIf(names.length === 0)('ingestion quality on the seed texts', () => {
  it.each(names)('meets every field threshold on seed %s', (name) => {
    const scores = score([name]);
    for (const [field, threshold] of Object.entries(THRESHOLDS)) expect(scores[field]?.F ?? 0, field).toBeGreaterThanOrEqual(threshold);
  }, 0);

  it('meets every field threshold over all seeds together', () => {
    const scores = score(names);
    for (const [field, threshold] of Object.entries(THRESHOLDS)) expect(scores[field]?.F ?? 0, field).toBeGreaterThanOrEqual(threshold);
  }, 0);
});
