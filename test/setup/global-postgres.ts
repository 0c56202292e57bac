import type { TestProject } from 'vitest/node';
import { postgresAvailable, startThrowawayPostgres } from './throwaway-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/**
 * Starts one throwaway PostgreSQL for the whole run; each test file makes its
 * own database in it. Without the binaries the PostgreSQL tier is skipped
 * loudly, and fails the run when LIANDONG_REQUIRE_ALL=1.
 */
export default async function setup(project: TestProject) {
  if (!postgresAvailable()) {
    const message = 'PostgreSQL binaries not found (/usr/lib/postgresql/15/bin): the PostgreSQL tier is SKIPPED';
    if (process.env.LIANDONG_REQUIRE_ALL === '1') throw new Error(`${message}, and LIANDONG_REQUIRE_ALL=1 forbids skipping`);
    console.warn(`\n!!! ${message} !!!\n`);
    project.provide('postgresUrl', null);
    return;
  }
  const pg = await startThrowawayPostgres();
  project.provide('postgresUrl', pg.url);
  return () => pg.remove();
}
