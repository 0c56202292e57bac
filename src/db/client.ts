import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';

/** Repositories use the query builder only, so the database type needs no schema map. */
export type Db = PgDatabase<PgQueryResultHKT>;
type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Applies the migrations, all of them or (`upTo`) only the first ones: a restore rebuilds the schema its archive was made on. */
  migrate(upTo?: number): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball, which `loadDataDir` starts another database from. */
  dumpDataDir?: () => Promise<Blob>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

interface Journal {
  entries: { tag: string }[];
}

const readJournal = (): Journal => JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;

/** The tags of the migrations this version of the code has, in order. */
export function migrationTags(): string[] {
  return readJournal().entries.map((e) => e.tag);
}

/**
 * The folder to migrate from: the real one, or a copy whose journal stops after the first `upTo`
 * migrations (the migrator applies what the journal lists). The caller removes the copy.
 */
function migrationsThrough(upTo: number | undefined): { folder: string; done: () => void } {
  if (upTo === undefined) return { folder: migrationsFolder, done: () => undefined };
  const journal = readJournal();
  if (!Number.isInteger(upTo) || upTo < 0 || upTo > journal.entries.length) throw new Error(`cannot migrate to ${upTo} of ${journal.entries.length} migrations`);
  const folder = mkdtempSync(path.join(tmpdir(), 'liandong-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
  return { folder, done: () => rmSync(folder, { recursive: true, force: true }) };
}
/** Any constant works; it only has to be the same for every app instance. */
const MIGRATION_LOCK_KEY = 7_353_201;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Directory for PGlite; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /**
   * PGlite only: start from this dumped data directory instead of an empty one. Tests migrate and seed once
   * and start every file from the dump, which takes a fraction of the time of creating and seeding it.
   */
  loadDataDir?: Blob | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string, loadDataDir: Blob | undefined): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const lock = inMemory ? null : acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create(inMemory ? dataDir : path.join(dataDir, 'pglite'), {
      extensions: { pg_trgm },
      // A commit is acknowledged only after its write reached the file system, so a killed server loses nothing it confirmed.
      relaxedDurability: false,
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    const db = drizzlePglite(client);
    return {
      db,
      kind: 'pglite',
      migrate: async (upTo) => {
        await client.exec('create extension if not exists pg_trgm');
        const { folder, done } = migrationsThrough(upTo);
        try {
          await migratePglite(drizzlePglite(client), { migrationsFolder: folder });
        } finally {
          done();
        }
      },
      ping: async () => {
        await client.query('select 1');
      },
      close: async () => {
        await client.close();
        lock?.release();
      },
      dumpDataDir: () => client.dumpDataDir('none'),
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool);
  return {
    db,
    kind: 'postgres',
    migrate: async (upTo) => {
      const client = await pool.connect();
      const { folder, done } = migrationsThrough(upTo);
      try {
        // Two app instances starting together must not both run the migrations.
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await client.query('create extension if not exists pg_trgm');
        await migratePg(drizzlePg(client), { migrationsFolder: folder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        client.release();
        done();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await pool.end();
    },
  };
}
