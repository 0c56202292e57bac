import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabases, type PreparedDatabases } from './prepared-databases.ts';
import { postgresAvailable, startThrowawayPostgres } from './throwaway-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    preparedDatabases: PreparedDatabases;
  }
}

/**
 * Starts one throwaway PostgreSQL for the whole run; each test file makes its
 * own database in it. Without the binaries the PostgreSQL tier is skipped
 * loudly, and fails the run when LIANDONG_REQUIRE_ALL=1. Then migrates and
 * seeds once what every file starts from (see prepared-databases.ts).
 */
export default async function setup(project: TestProject) {
  const dumps = await mkdtemp(path.join(os.tmpdir(), 'liandong-prepared-'));
  let pg: Awaited<ReturnType<typeof startThrowawayPostgres>> | null = null;
  const teardown = async () => {
    pg?.remove();
    await rm(dumps, { recursive: true, force: true });
  };
  try {
    if (postgresAvailable()) {
      pg = await startThrowawayPostgres();
    } else {
      const message = 'PostgreSQL binaries not found (/usr/lib/postgresql/15/bin): the PostgreSQL tier is SKIPPED';
      if (process.env.LIANDONG_REQUIRE_ALL === '1') throw new Error(`${message}, and LIANDONG_REQUIRE_ALL=1 forbids skipping`);
      console.warn(`\n!!! ${message} !!!\n`);
    }
    project.provide('postgresUrl', pg?.url ?? null);
    project.provide('preparedDatabases', await prepareDatabases(dumps, pg?.url ?? null));
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
