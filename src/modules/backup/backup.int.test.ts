import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../app-error.ts';
import { buildApp } from '../../app/app.ts';
import { migrationTags, openDatabase, type Database } from '../../db/client.ts';
import { openTestServices, databaseFlavours, freshDatabaseUrl, type TestContext } from '../../../test/setup/test-database.ts';
import { startTestApp, type TestApp } from '../../../test/setup/test-app.ts';
import { makeTask, PDF, reportWorld, upload } from '../../../test/integration/report-fixtures.ts';
import { verifyAuditChain } from '../audit/audit-chain.ts';
import { createConfiguredAttachmentStore } from '../attachment/configured-attachment-store.ts';
import { createBackup, restoreBackup, type BackupDeps } from './backup.service.ts';
import type { Manifest } from './backup-archive.ts';

const depsOf = (context: TestContext): BackupDeps => ({
  database: context.services.database,
  store: createConfiguredAttachmentStore(context.config.uploads),
  appVersion: context.config.version,
});

/** What a manifest says of the data, leaving out when and where it was written. */
const contentOf = (m: Manifest) => ({ migrations: m.migrations, tables: m.tables, files: m.files });

/** Rewrites an archive entry by entry; `change` returns the entry's new bytes, or null to leave it out. */
async function rewriteArchive(source: string, target: string, change: (name: string, bytes: Buffer) => Buffer | null): Promise<void> {
  const extract = tar.extract();
  const reading = pipeline(fs.createReadStream(source), createGunzip(), extract);
  const entries: { name: string; bytes: Buffer }[] = [];
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const bytes = change(entry.header.name, Buffer.concat(chunks));
    if (bytes) entries.push({ name: entry.header.name, bytes });
  }
  await reading;
  const pack = tar.pack();
  const writing = pipeline(pack, createGzip(), fs.createWriteStream(target));
  for (const { name, bytes } of entries) pack.entry({ name }, bytes);
  pack.finalize();
  await writing;
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'none';
}

const userCount = async (db: Database): Promise<number> => {
  const result: unknown = await db.db.execute(sql`select count(*)::int as n from users`);
  return (result as { rows: { n: number }[] }).rows[0]?.n ?? 0;
};

describe.each(databaseFlavours())('backup and restore on %s', (flavour) => {
  let source: TestApp;
  let work: string;
  let archive: string;
  let made: Manifest;
  let evidence: { id: string; sha256: string };
  let target: TestContext;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'liandong-backup-test-'));
    source = await startTestApp(flavour);
    const world = await reportWorld(source);
    const task = await makeTask(source, world, '备份佐证任务', 'joint');
    const periods = (await source.call('GET', `/api/v1/cooperations/${world.cooperationId}/periods`, { token: world.qd.unit })).json<{ items: { id: string; label: string }[] }>();
    const periodId = periods.items.find((p) => p.label === '2026年第4季度')?.id ?? '';
    const report = (await source.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: world.qd.unit, body: { periodId, narrative: '附佐证材料', percent: 20 } })).json<{ id: string }>();
    const uploaded = await upload(source, world.qd.unit, report.id, '签约现场.pdf', PDF);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    evidence = uploaded.json<{ id: string; sha256: string }>();
    archive = path.join(work, 'instance.tar.gz');
    made = await createBackup(depsOf(source), archive);
    // Its own upload directory: the evidence it serves must come from the archive, not from the source's files.
    target = await openTestServices(flavour, { LIANDONG_UPLOAD_DIR: path.join(work, 'target-uploads') });
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('writes every table and the evidence file, with counts and hashes in the manifest', async () => {
    const users = made.tables.find((t) => t.name === 'users');
    expect(users?.rows).toBe(await userCount(source.services.database));
    expect(made.tables.find((t) => t.name === 'audit_log')?.rows).toBeGreaterThan(0);
    expect(made.files).toHaveLength(1);
    expect(made.files[0]?.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(made.migrations).toEqual({ count: migrationTags().length, last: migrationTags().at(-1) });
  });

  it('restores into an empty instance with identical counts and hashes, an intact audit chain and the evidence downloadable', async () => {
    const restored = await restoreBackup(depsOf(target), archive, { force: false });
    expect(contentOf(restored)).toEqual(contentOf(made));
    const again = await createBackup(depsOf(target), path.join(work, 'again.tar.gz'));
    expect(contentOf(again)).toEqual(contentOf(made));
    const chain = await verifyAuditChain(target.services.database.db);
    expect(chain.ok).toBe(true);

    const app = await buildApp({ services: target.services, logger: false });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'qd.kj', password: 'liandong-demo' } });
      expect(login.statusCode, login.body).toBe(200);
      const download = await app.inject({ method: 'GET', url: `/api/v1/attachments/${evidence.id}`, headers: { authorization: `Bearer ${login.json<{ token: string }>().token}` } });
      expect(download.statusCode).toBe(200);
      expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(evidence.sha256);
    } finally {
      await app.close();
    }
  });

  it('refuses an instance in use unless told, and with --force replaces what it holds', async () => {
    const extra = randomUUID().slice(0, 8);
    await target.services.database.db.execute(sql`insert into users (username, display_name, password_hash) values (${`extra.${extra}`}, '多出的用户', 'x')`);
    const before = await userCount(target.services.database);
    expect(await codeOf(restoreBackup(depsOf(target), archive, { force: false }))).toBe('backup.target_not_empty');
    expect(await userCount(target.services.database)).toBe(before);
    await restoreBackup(depsOf(target), archive, { force: true });
    expect(await userCount(target.services.database)).toBe(before - 1);
  });

  it('checks the whole archive before changing anything: a damaged table, a cut file, a missing attachment or a newer version change nothing', async () => {
    const before = await userCount(target.services.database);
    const damaged = path.join(work, 'damaged.tar.gz');
    await rewriteArchive(archive, damaged, (name, bytes) => (name === 'tables/users.jsonl' ? Buffer.from(bytes.toString('utf8').replace('qd.kj', 'qd.evil')) : bytes));
    expect(await codeOf(restoreBackup(depsOf(target), damaged, { force: true }))).toBe('backup.archive_invalid');

    const cut = path.join(work, 'cut.tar.gz');
    const whole = fs.readFileSync(archive);
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await codeOf(restoreBackup(depsOf(target), cut, { force: true }))).toBe('backup.archive_invalid');

    const missing = path.join(work, 'missing.tar.gz');
    await rewriteArchive(archive, missing, (name, bytes) => (name === 'manifest.json' ? bytes : name.startsWith('files/') ? null : bytes));
    expect(await codeOf(restoreBackup(depsOf(target), missing, { force: true }))).toBe('backup.archive_invalid');

    const newer = path.join(work, 'newer.tar.gz');
    await rewriteArchive(archive, newer, (name, bytes) => {
      if (name !== 'manifest.json') return bytes;
      const manifest = JSON.parse(bytes.toString('utf8')) as Manifest;
      return Buffer.from(JSON.stringify({ ...manifest, migrations: { count: manifest.migrations.count + 1, last: 'from_the_future' } }));
    });
    expect(await codeOf(restoreBackup(depsOf(target), newer, { force: true }))).toBe('backup.newer_version');
    expect(await userCount(target.services.database)).toBe(before);
  });

  it('restores a backup made under an older schema and migrates it to this version', async () => {
    const oldUrl = await freshDatabaseUrl(flavour);
    const old = await openDatabase({ databaseUrl: oldUrl, dataDir: 'memory://' });
    const fresh = await openDatabase({ databaseUrl: await freshDatabaseUrl(flavour), dataDir: 'memory://' });
    try {
      await old.migrate(1);
      await old.db.execute(sql`insert into users (username, display_name, password_hash) values ('old.user', '旧版本的用户', 'x')`);
      const oldArchive = path.join(work, 'old.tar.gz');
      const written = await createBackup({ database: old, store: depsOf(target).store, appVersion: 'old' }, oldArchive);
      expect(written.migrations).toEqual({ count: 1, last: migrationTags()[0] });
      await restoreBackup({ database: fresh, store: depsOf(target).store, appVersion: 'now' }, oldArchive, { force: false });
      const result: unknown = await fresh.db.execute(sql`select username, is_office from users`);
      expect((result as { rows: unknown[] }).rows).toEqual([{ username: 'old.user', is_office: false }]);
      const applied: unknown = await fresh.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect((applied as { rows: { n: number }[] }).rows[0]?.n).toBe(migrationTags().length);
    } finally {
      await old.close();
      await fresh.close();
    }
  });
});
