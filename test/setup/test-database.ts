import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.ts';
import { openMigrated } from '../../src/bootstrap.ts';
import { createServices, type Services } from '../../src/modules/services.ts';

export type DatabaseFlavour = 'pglite' | 'postgres';

/** Every integration suite runs on PGlite, and on PostgreSQL when the run started one. */
export function databaseFlavours(): DatabaseFlavour[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh database for one test file: in-memory PGlite, or a new database in the throwaway cluster. */
export async function freshDatabaseUrl(flavour: DatabaseFlavour): Promise<string | undefined> {
  if (flavour === 'pglite') return undefined;
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) throw new Error('PostgreSQL tier requested but no server was started');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

export function testConfig(databaseUrl: string | undefined, overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LIANDONG_DATA_DIR: 'memory://',
    LIANDONG_LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...overrides,
  });
}

export interface TestContext {
  services: Services;
  config: Config;
  close(): Promise<void>;
}

/** `env` adds settings as the environment would (e.g. LIANDONG_SMTP_URL of a test mail server); `clock` moves time for the rules that read it. */
export async function openTestServices(flavour: DatabaseFlavour, env: Record<string, string> = {}, clock?: () => Date): Promise<TestContext> {
  const config = testConfig(await freshDatabaseUrl(flavour), env);
  const database = await openMigrated(config);
  return { services: createServices(database, config, clock ? { clock } : {}), config, close: () => database.close() };
}
