import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.ts';
import { businessToday } from '../../src/modules/task/business-date.ts';
import { startServer } from './server-harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data directory of a server that started once on an empty one and loaded the demo; null if it did not. */
    preparedServerData: { dir: string; demoSeededOn: string } | null;
  }
}

/** Loading the demo onto disk is most of a first start: on a busy machine it has taken over a minute and a half. */
const FIRST_START_LIMIT_MS = 240_000;

/** The business day the server counts the demo's dates from, in its own time zone. */
export const serverBusinessToday = () => businessToday(loadConfig({ ...process.env, LIANDONG_DATA_DIR: 'memory://' }).timeZone);

/**
 * A first start on an empty data directory loads the demo, which on disk takes the server most of half a
 * minute. It is done once, as a user's first start, and every browser test file starts its server on a copy.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(fileURLToPath(new URL('../../web/dist/index.html', import.meta.url)))) {
    // Each file then reports the missing build itself.
    project.provide('preparedServerData', null);
    return;
  }
  const root = await mkdtemp(path.join(tmpdir(), 'liandong-e2e-prepared-'));
  const dir = path.join(root, 'data');
  const teardown = () => rm(root, { recursive: true, force: true });
  try {
    const seededOn = serverBusinessToday();
    const server = await startServer({ dataDir: dir, startupLimitMs: FIRST_START_LIMIT_MS });
    const output = server.output();
    await server.stop();
    if (!output.includes('Demo data loaded')) throw new Error(`the first start on an empty data directory loaded no demo:\n${output}`);
    if (existsSync(path.join(dir, 'liandong.lock'))) throw new Error(`the server left its data directory locked:\n${server.output()}`);
    project.provide('preparedServerData', seededOn === serverBusinessToday() ? { dir, demoSeededOn: seededOn } : null);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
