import { performance } from 'node:perf_hooks';

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

/** Runs `work` `warmup` times unmeasured, then `runs` times measured (milliseconds). */
export async function time(work: () => unknown, runs: number, warmup = Math.ceil(runs / 5)): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

export const ms = (n: number) => `${n.toFixed(2)} ms`;

/**
 * Times several pieces of work in turns (one run of each per round), so a
 * stretch of noise on a shared machine falls on all of them alike instead of
 * on whichever happened to be measured then. Every piece is warmed up first.
 */
export async function timeInTurns(work: Record<string, () => unknown>, runs: number, warmup = Math.ceil(runs / 5)): Promise<Record<string, Timing>> {
  const names = Object.keys(work);
  for (let i = 0; i < warmup; i++) for (const name of names) await work[name]?.();
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      const start = performance.now();
      await work[name]?.();
      samples.get(name)?.push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarise(samples.get(name) ?? [])]));
}
