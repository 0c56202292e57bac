import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { AppError, conflict } from '../../app-error.ts';
import { migrationTags, type Database, type Db } from '../../db/client.ts';
import { StoredFileMissing, type AttachmentStore } from '../attachment/attachment-store.ts';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, hashing, invalidArchive, packArchive, sha256OfFile, unpackArchive, type Manifest } from './backup-archive.ts';
import { backupRepository, type TableInfo } from './backup.repository.ts';

/** Rows read or written per statement: large enough to be quick, small enough to keep memory flat. */
const PAGE = 2000;
/** Reference data every instance loads by itself when it starts empty: its rows do not make an instance "in use". */
const REFERENCE_TABLES = new Set(['regions']);
const ATTACHMENTS = 'attachments';

type Progress = (message: string) => void;

export interface BackupDeps {
  database: Database;
  store: AttachmentStore;
  appVersion: string;
  progress?: Progress;
}

/** Tables in an order where each comes after those it refers to. */
function loadOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const placed = new Set<string>();
  const order: TableInfo[] = [];
  const pending = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  while (pending.length > 0) {
    const next = pending.findIndex((t) => t.parents.every((p) => placed.has(p) || !byName.has(p)));
    if (next < 0) throw new Error(`tables refer to each other in a circle: ${pending.map((t) => t.name).join(', ')}`);
    const [table] = pending.splice(next, 1);
    if (!table) break;
    placed.add(table.name);
    order.push(table);
  }
  return order;
}

/** A table that refers to itself is written parents first, so a restore never inserts a row before the row it names. */
function parentsFirst(table: TableInfo, lines: string[]): string[] {
  const self = table.selfReference;
  if (!self) return lines;
  const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const keyOf = (row: Record<string, unknown>, columns: string[]) => (columns.some((c) => row[c] === null || row[c] === undefined) ? null : JSON.stringify(columns.map((c) => row[c])));
  const index = new Map<string, number>();
  rows.forEach((row, i) => {
    const key = keyOf(row, self.referenced);
    if (key !== null) index.set(key, i);
  });
  const depths = new Array<number | undefined>(rows.length);
  const depthOf = (start: number): number => {
    const chain: number[] = [];
    let at: number | undefined = start;
    let base = 0;
    while (at !== undefined) {
      const known = depths[at];
      if (known !== undefined) {
        base = known + 1;
        break;
      }
      if (chain.includes(at)) throw new Error(`rows of ${table.name} refer to each other in a circle`);
      chain.push(at);
      const row: Record<string, unknown> | undefined = rows[at];
      const parent: string | null = row ? keyOf(row, self.columns) : null;
      at = parent === null ? undefined : index.get(parent);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const row = chain[i];
      if (row !== undefined) depths[row] = base + (chain.length - 1 - i);
    }
    return depths[start] ?? 0;
  };
  return lines.map((line, i) => ({ line, depth: depthOf(i), i })).sort((a, b) => a.depth - b.depth || a.i - b.i).map((r) => r.line);
}

/** All reads of a backup see the database at one moment, with times written in UTC whatever the server's zone. */
async function inSnapshot<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local timezone = 'UTC'`);
      return work(tx as unknown as Db);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function writeLines(file: string, lines: AsyncIterable<string[]> | string[][]): Promise<{ sha256: string; rows: number }> {
  const hash = hashing();
  let rows = 0;
  async function* text() {
    for await (const page of lines) {
      rows += page.length;
      if (page.length > 0) yield `${page.join('\n')}\n`;
    }
  }
  await pipeline(text(), hash, fs.createWriteStream(file));
  return { sha256: hash.digest().sha256, rows };
}

const storageKeys = (lines: string[]) => lines.map((line) => (JSON.parse(line) as { storage_key: string }).storage_key);

/** Writes the whole instance — every table and every attachment's bytes — to one archive file. */
export async function createBackup(deps: BackupDeps, target: string): Promise<Manifest> {
  const say = deps.progress ?? (() => undefined);
  const staging = await mkdtemp(path.join(tmpdir(), 'liandong-backup-'));
  try {
    await fs.promises.mkdir(path.join(staging, 'tables'));
    await fs.promises.mkdir(path.join(staging, 'files'));
    const { tables, migrations, keys } = await inSnapshot(deps.database.db, async (tx) => {
      const order = loadOrder(await backupRepository.tables(tx));
      const written: Manifest['tables'] = [];
      const keys: string[] = [];
      for (const table of order) {
        const file = path.join(staging, 'tables', `${table.name}.jsonl`);
        const pages = backupRepository.lines(tx, table, PAGE);
        let source: AsyncIterable<string[]> | string[][] = pages;
        if (table.selfReference || table.name === ATTACHMENTS) {
          const all: string[] = [];
          for await (const page of pages) all.push(...page);
          if (table.name === ATTACHMENTS) keys.push(...storageKeys(all));
          source = [parentsFirst(table, all)];
        }
        const { sha256, rows } = await writeLines(file, source);
        written.push({ name: table.name, rows, sha256 });
        say(`table ${table.name}: ${rows} row(s)`);
      }
      return { tables: written, migrations: await backupRepository.appliedMigrations(tx), keys };
    });
    const files: Manifest['files'] = [];
    for (const [i, key] of keys.entries()) {
      const file = path.join(staging, 'files', key);
      try {
        const hash = hashing();
        await pipeline(await deps.store.open(key), hash, fs.createWriteStream(file));
        files.push({ key, ...hash.digest() });
      } catch (error) {
        // A record whose bytes were already gone stays a record without bytes, as it was; the download says so.
        if (!(error instanceof StoredFileMissing)) throw error;
        say(`file ${key}: missing from storage, recorded without its bytes`);
      }
      if ((i + 1) % 100 === 0 || i === keys.length - 1) say(`files: ${i + 1} of ${keys.length}`);
    }
    const tags = migrationTags();
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      appVersion: deps.appVersion,
      database: deps.database.kind,
      migrations: { count: migrations, last: tags[migrations - 1] ?? null },
      tables,
      files,
    };
    await fs.promises.writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const partial = `${target}.part`;
    await packArchive(staging, [...tables.map((t) => `tables/${t.name}.jsonl`), ...files.map((f) => `files/${f.key}`), 'manifest.json'], partial);
    await fs.promises.rename(partial, target);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of fs.createReadStream(file)) {
    for (const byte of chunk as Buffer) if (byte === 0x0a) lines++;
  }
  return lines;
}

/** Every table and file the manifest names is in the archive, whole, with the rows and bytes the manifest says. */
async function checkStaged(staging: string, manifest: Manifest): Promise<void> {
  const tags = migrationTags();
  const { count, last } = manifest.migrations;
  if (count > tags.length) {
    throw new AppError('backup.newer_version', 409, `The backup was made by a newer Liandong (${count} migrations, this one has ${tags.length}); restore it with that version or a later one`);
  }
  if (count > 0 && tags[count - 1] !== last) throw invalidArchive(`its schema (${String(last)}) is not in this version's history`);
  for (const table of manifest.tables) {
    const file = path.join(staging, 'tables', `${table.name}.jsonl`);
    if (!fs.existsSync(file)) throw invalidArchive(`table ${table.name} is missing`);
    const { sha256 } = await sha256OfFile(file);
    if (sha256 !== table.sha256) throw invalidArchive(`table ${table.name} does not match its hash`);
    if ((await countLines(file)) !== table.rows) throw invalidArchive(`table ${table.name} does not hold ${table.rows} row(s)`);
  }
  for (const entry of manifest.files) {
    const file = path.join(staging, 'files', entry.key);
    if (!fs.existsSync(file)) throw invalidArchive(`file ${entry.key} is missing`);
    const { sha256, bytes } = await sha256OfFile(file);
    if (sha256 !== entry.sha256 || bytes !== entry.bytes) throw invalidArchive(`file ${entry.key} does not match its hash`);
  }
}

/** Whether the instance holds data of its own (reference data it loads by itself does not count). */
async function inUse(db: Db): Promise<string[]> {
  if ((await backupRepository.appliedMigrations(db)) === 0) return [];
  const used: string[] = [];
  for (const table of await backupRepository.tables(db)) {
    if (!REFERENCE_TABLES.has(table.name) && (await backupRepository.count(db, table.name)) > 0) used.push(table.name);
  }
  return used;
}

async function* stagedPages(file: string): AsyncGenerator<string[]> {
  let page: string[] = [];
  let rest = '';
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8' })) {
    const parts = (rest + String(chunk)).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) {
      page.push(line);
      if (page.length === PAGE) {
        yield page;
        page = [];
      }
    }
  }
  if (rest) page.push(rest);
  if (page.length > 0) yield page;
}

/**
 * Restores an archive into this instance: checks the whole archive first (nothing changes when it is damaged or
 * from a newer version), refuses an instance in use unless `force`, rebuilds the schema the archive was written
 * under, loads every table in one transaction, migrates on to this version and puts the attachments back.
 */
export async function restoreBackup(deps: BackupDeps, source: string, options: { force: boolean }): Promise<Manifest> {
  const say = deps.progress ?? (() => undefined);
  const { db } = deps.database;
  const staging = await mkdtemp(path.join(tmpdir(), 'liandong-restore-'));
  try {
    const manifest = await unpackArchive(fs.createReadStream(source), staging);
    await checkStaged(staging, manifest);
    say(`archive checked: ${manifest.tables.length} table(s), ${manifest.files.length} file(s), made ${manifest.createdAt}`);
    const used = await inUse(db);
    if (used.length > 0 && !options.force) {
      throw conflict('backup.target_not_empty', `This instance already holds data (${used.slice(0, 5).join(', ')}${used.length > 5 ? ', …' : ''}); restore into an empty one, or add --force to replace everything in it`);
    }
    await backupRepository.dropSchema(db);
    await deps.database.migrate(manifest.migrations.count);
    const tables = new Map((await backupRepository.tables(db)).map((t) => [t.name, t]));
    await db.transaction(async (txn) => {
      const tx = txn as unknown as Db;
      await tx.execute(sql`set local timezone = 'UTC'`);
      for (const entry of manifest.tables) {
        const table = tables.get(entry.name);
        if (!table) throw invalidArchive(`table ${entry.name} does not exist in the schema it was written under`);
        for await (const page of stagedPages(path.join(staging, 'tables', `${entry.name}.jsonl`))) await backupRepository.insert(tx, table, page);
        await backupRepository.moveSequences(tx, table);
        say(`table ${entry.name}: ${entry.rows} row(s)`);
      }
    });
    await deps.database.migrate();
    for (const [i, entry] of manifest.files.entries()) {
      await deps.store.save(entry.key, fs.createReadStream(path.join(staging, 'files', entry.key)));
      if ((i + 1) % 100 === 0 || i === manifest.files.length - 1) say(`files: ${i + 1} of ${manifest.files.length}`);
    }
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
