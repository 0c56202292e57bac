import os from 'node:os';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { openMigrated } from '../../src/bootstrap.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/demo.seed.ts';
import type { Database } from '../../src/db/client.ts';
import { createServices } from '../../src/app/services.ts';
import { businessToday } from '../../src/modules/task/business-date.ts';

/**
 * Creating a database, migrating it, loading the regions and seeding the demo cost seconds per file and
 * tier, the same work every time. The integration run does it once and each file starts from a copy:
 * PGlite from a dumped data directory, PostgreSQL from a template database.
 */

/** Where a test database starts: migrated with the regions loaded, or with the demo seeded on top. */
export type PreparedStart = 'migrated' | 'demo';

export interface PreparedDatabases {
  /** Dumped PGlite data directories, by start. */
  pglite: Record<PreparedStart, string>;
  /** Template databases in the throwaway PostgreSQL, by start; null without the PostgreSQL tier. */
  postgres: Record<PreparedStart, string> | null;
  /** The business day the demo was seeded on: its due dates count from it, so on another day it is seeded anew. */
  demoSeededOn: string | null;
}

/** The settings the integration tests run with; `overrides` as the environment would give them. */
export function testConfig(databaseUrl: string | undefined, overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LIANDONG_DATA_DIR: 'memory://',
    LIANDONG_LOG_LEVEL: 'silent',
    // One upload directory per test process: files run two at a time, and a test counts the files it stored.
    LIANDONG_UPLOAD_DIR: path.join(os.tmpdir(), `liandong-uploads-${process.pid}`),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...overrides,
  });
}

async function seed(database: Database, config: Config): Promise<string | null> {
  const before = businessToday(config.timeZone);
  await seedDemo(createServices(database, config));
  return businessToday(config.timeZone) === before ? before : null;
}

async function preparePglite(dir: string): Promise<{ files: Record<PreparedStart, string>; seededOn: string | null }> {
  const config = testConfig(undefined);
  const database = await openMigrated(config);
  try {
    if (!database.dumpDataDir) throw new Error('PGlite cannot dump its data directory');
    const files = { migrated: path.join(dir, 'migrated.tar'), demo: path.join(dir, 'demo.tar') };
    await writeFile(files.migrated, Buffer.from(await (await database.dumpDataDir()).arrayBuffer()));
    const seededOn = await seed(database, config);
    await writeFile(files.demo, Buffer.from(await (await database.dumpDataDir()).arrayBuffer()));
    return { files, seededOn };
  } finally {
    await database.close();
  }
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const databaseUrl = (adminUrl: string, name: string) => adminUrl.replace(/\/postgres$/, `/${name}`);

async function preparePostgres(adminUrl: string): Promise<{ templates: Record<PreparedStart, string>; seededOn: string | null }> {
  const templates = { migrated: 'template_migrated', demo: 'template_demo' };
  await adminQuery(adminUrl, `create database ${templates.migrated}`);
  const migrated = await openMigrated(testConfig(databaseUrl(adminUrl, templates.migrated)));
  await migrated.close();
  await adminQuery(adminUrl, `create database ${templates.demo} template ${templates.migrated}`);
  const config = testConfig(databaseUrl(adminUrl, templates.demo));
  const demo = await openMigrated(config);
  try {
    return { templates, seededOn: await seed(demo, config) };
  } finally {
    await demo.close();
  }
}

/** Prepares both starts on PGlite (files in `dir`) and, given its admin URL, on PostgreSQL. */
export async function prepareDatabases(dir: string, postgresAdminUrl: string | null): Promise<PreparedDatabases> {
  const [pglite, postgres] = await Promise.all([preparePglite(dir), postgresAdminUrl ? preparePostgres(postgresAdminUrl) : null]);
  const seededOn = pglite.seededOn !== null && (postgres === null || postgres.seededOn === pglite.seededOn) ? pglite.seededOn : null;
  return { pglite: pglite.files, postgres: postgres?.templates ?? null, demoSeededOn: seededOn };
}
