import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import pg from 'pg';
import type { Config } from '../../src/config.ts';
import { openMigrated } from '../../src/bootstrap.ts';
import { createServices, type Services } from '../../src/app/services.ts';
import { businessToday } from '../../src/modules/task/business-date.ts';
import { testConfig, type PreparedStart } from './prepared-databases.ts';

export { testConfig } from './prepared-databases.ts';

export type DatabaseFlavour = 'pglite' | 'postgres';

/** Every integration suite runs on PGlite, and on PostgreSQL when the run started one. */
export function databaseFlavours(): DatabaseFlavour[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh database for one test file: in-memory PGlite, or a new database in the throwaway cluster,
 * empty or (`template`) a copy of another one.
 */
export async function freshDatabaseUrl(flavour: DatabaseFlavour, template?: string): Promise<string | undefined> {
  if (flavour === 'pglite') return undefined;
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) throw new Error('PostgreSQL tier requested but no server was started');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await client.end();
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

export interface TestContext {
  services: Services;
  config: Config;
  close(): Promise<void>;
}

/** Whether the demo the run seeded once is what seeding it now would give: seeded today, by the settings given here. */
export function preparedDemoFits(config: Config): boolean {
  return inject('preparedDatabases').demoSeededOn === businessToday(config.timeZone);
}

const dumps = new Map<string, Promise<Blob>>();
const readDump = (file: string) => {
  let dump = dumps.get(file);
  if (!dump) {
    dump = readFile(file).then((bytes) => new Blob([bytes]));
    dumps.set(file, dump);
  }
  return dump;
};

/**
 * `env` adds settings as the environment would (e.g. LIANDONG_SMTP_URL of a test mail server); `clock` moves time for the rules that read it.
 * `start`: the prepared database the file starts from (the demo one only where preparedDemoFits); openMigrated still runs on it.
 */
export async function openTestServices(flavour: DatabaseFlavour, env: Record<string, string> = {}, clock?: () => Date, start: PreparedStart = 'migrated'): Promise<TestContext> {
  const prepared = inject('preparedDatabases');
  const template = flavour === 'postgres' ? prepared.postgres?.[start] : undefined;
  const config = testConfig(await freshDatabaseUrl(flavour, template), env);
  const loadDataDir = flavour === 'pglite' ? await readDump(prepared.pglite[start]) : undefined;
  const database = await openMigrated(config, { loadDataDir });
  return { services: createServices(database, config, clock ? { clock } : {}), config, close: () => database.close() };
}
