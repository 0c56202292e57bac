import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from './index.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const scorer = path.join(repo, 'scripts/score-ingest.mjs');
// The demo seeds double as the annotated seed texts: NNN_*.txt beside gold NNN_*.json.
const seeds = path.join(repo, 'src/db/demo/seeds');
// Texts the ingester was not written against, with their gold in gold/.
const unseen = path.join(repo, 'test/fixtures/ingest-unseen');

// The quality bar of the ingestion module on the seed texts, per field (F1 as the scorer computes it).
const SEED_THRESHOLDS: Readonly<Record<string, number>> = {
  parties: 0.95,
  amounts: 0.95,
  signed_on: 0.95,
  areas: 0.9,
  agreement: 0.9,
  targets: 0.85,
  sub_agreements: 0.8,
};

type Scores = Record<string, { F: number }>;

function textNames(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort();
}

function score(dir: string, goldDir: string, names: readonly string[]): Scores {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-score-'));
  const gold = path.join(work, 'gold');
  const pred = path.join(work, 'pred');
  fs.mkdirSync(gold);
  fs.mkdirSync(pred);
  for (const name of names) {
    fs.copyFileSync(path.join(goldDir, `${name}.json`), path.join(gold, `${name}.json`));
    const result = ingest(fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8'));
    fs.writeFileSync(path.join(pred, `${name}.json`), JSON.stringify(result));
  }
  try {
    return JSON.parse(execFileSync(process.execPath, [scorer, gold, pred, '--json'], { encoding: 'utf8' })) as Scores;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const seedNames = textNames(seeds);
const unseenNames = textNames(unseen);

// Generous bounds: scoring a few texts takes well under a second; a regex blow-up must fail, not hang.
const BOUND_MS = 60_000;

describe('ingestion quality on the seed texts', () => {
  it('finds the annotated seed texts in the repository', () => {
    expect(seedNames.length).toBeGreaterThanOrEqual(5);
  });

  it.each(seedNames)('meets every field threshold on seed %s', (name) => {
    const scores = score(seeds, seeds, [name]);
    for (const [field, threshold] of Object.entries(SEED_THRESHOLDS)) expect(scores[field]?.F ?? 0, field).toBeGreaterThanOrEqual(threshold);
  }, BOUND_MS);

  it('meets every field threshold over all seeds together', () => {
    const scores = score(seeds, seeds, seedNames);
    for (const [field, threshold] of Object.entries(SEED_THRESHOLDS)) expect(scores[field]?.F ?? 0, field).toBeGreaterThanOrEqual(threshold);
  }, BOUND_MS);
});

describe('ingestion quality on unseen texts', () => {
  const floors = JSON.parse(fs.readFileSync(path.join(unseen, 'floors.json'), 'utf8')) as Record<string, unknown>;
  const fieldFloors = Object.entries(floors).filter((entry): entry is [string, number] => typeof entry[1] === 'number');

  it('finds the unseen texts and a floor for every scored field', () => {
    expect(unseenNames.length).toBeGreaterThanOrEqual(10);
    expect(fieldFloors.map(([field]) => field).sort()).toEqual(
      ['agreement', 'amounts', 'areas', 'parties', 'projects', 'signed_on', 'sub_agreements', 'targets', 'title'],
    );
  });

  it('scores at least the floor of every field over all unseen texts', () => {
    const scores = score(unseen, path.join(unseen, 'gold'), unseenNames);
    for (const [field, floor] of fieldFloors) expect(scores[field]?.F ?? 0, field).toBeGreaterThanOrEqual(floor);
  }, BOUND_MS);
});
