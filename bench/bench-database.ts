import { createServices, type Services } from '../src/app/services.ts';
import { openMigrated } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/client.ts';
import { startThrowawayPostgres } from '../test/setup/throwaway-postgres.ts';

/**
 * Runs a benchmark against a migrated PostgreSQL with the services wired on it: BENCH_DATABASE_URL when set,
 * otherwise a throwaway server of its own, closed and removed afterwards whatever the benchmark did.
 */
export async function withBenchDatabase<T>(run: (database: Database, services: Services) => Promise<T>): Promise<T> {
  const external = process.env.BENCH_DATABASE_URL;
  const pg = external ? null : await startThrowawayPostgres();
  const config = loadConfig({ DATABASE_URL: external ?? pg?.url, LIANDONG_LOG_LEVEL: 'silent', LIANDONG_DATA_DIR: 'memory://' });
  const database = await openMigrated(config);
  try {
    return await run(database, createServices(database, config));
  } finally {
    await database.close();
    pg?.remove();
  }
}
