import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFlavours, freshDatabaseUrl } from '../setup/test-database.ts';

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/db/migrations');
const RECIPIENTS_MIGRATION = '20261203081702_supervision_recipients';

/** The migrations as they stood before notices had recipients: the journal cut before that migration. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'liandong-migrations-'));
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  if (cut < 0) throw new Error(`migration ${tag} missing`);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return dir;
}

interface Conn {
  query<T>(text: string): Promise<T[]>;
  /** Several statements at once. */
  exec(text: string): Promise<void>;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

async function connect(flavour: 'pglite' | 'postgres'): Promise<Conn> {
  const url = await freshDatabaseUrl(flavour);
  if (!url) {
    const client = await PGlite.create('memory://', { extensions: { pg_trgm } });
    await client.exec('create extension if not exists pg_trgm');
    return {
      query: async <T,>(text: string) => (await client.query<T>(text)).rows,
      exec: async (text) => {
        await client.exec(text);
      },
      migrate: (folder) => migratePglite(drizzlePglite(client), { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('create extension if not exists pg_trgm');
  return {
    query: async <T,>(text: string) => (await client.query(text)).rows as T[],
    exec: async (text) => {
      await client.query(text);
    },
    migrate: (folder) => migratePg(drizzlePg(client), { migrationsFolder: folder }),
    close: () => client.end(),
  };
}

const ID = {
  coop: '10000000-0000-4000-8000-000000000001',
  qd: '10000000-0000-4000-8000-000000000011',
  sz: '10000000-0000-4000-8000-000000000012',
  qdKj: '10000000-0000-4000-8000-000000000021',
  szKj: '10000000-0000-4000-8000-000000000022',
  office: '10000000-0000-4000-8000-000000000031',
  unitUser: '10000000-0000-4000-8000-000000000032',
  both: '10000000-0000-4000-8000-000000000041',
  shenzhenLed: '10000000-0000-4000-8000-000000000042',
  n1: '10000000-0000-4000-8000-000000000051',
  n2: '10000000-0000-4000-8000-000000000052',
  n3: '10000000-0000-4000-8000-000000000053',
  n4: '10000000-0000-4000-8000-000000000054',
  n5: '10000000-0000-4000-8000-000000000055',
};

describe.each(databaseFlavours())('督办 notices migrated to recipients on %s', (flavour) => {
  let conn: Conn;
  let before: string;

  beforeAll(async () => {
    conn = await connect(flavour);
    before = migrationsBefore(RECIPIENTS_MIGRATION);
    await conn.migrate(before);
    await conn.exec(`
      insert into regions (code, name, short_name, level) values ('370200', '青岛市', '青岛', 'city'), ('440300', '深圳市', '深圳', 'city');
      insert into organizations (id, name, kind, region_code) values ('${ID.qdKj}', '青岛市科学技术局', 'department', '370200'), ('${ID.szKj}', '深圳市科技创新局', 'department', '440300');
      insert into users (id, username, display_name, password_hash, organization_id) values ('${ID.office}', 'm.office', '协调办', 'x', null), ('${ID.unitUser}', 'm.unit', '联络员', 'x', '${ID.qdKj}');
      insert into cooperations (id, name) values ('${ID.coop}', '青岛—深圳');
      insert into parties (id, cooperation_id, region_code, name, ordinal) values ('${ID.qd}', '${ID.coop}', '370200', '青岛市', 0), ('${ID.sz}', '${ID.coop}', '440300', '深圳市', 1);
      insert into tasks (id, cooperation_id, title) values ('${ID.both}', '${ID.coop}', '两方牵头'), ('${ID.shenzhenLed}', '${ID.coop}', '深圳牵头');
      insert into task_units (cooperation_id, task_id, party_id, organization_id, role) values
        ('${ID.coop}', '${ID.both}', '${ID.qd}', '${ID.qdKj}', 'lead'), ('${ID.coop}', '${ID.both}', '${ID.sz}', '${ID.szKj}', 'lead'),
        ('${ID.coop}', '${ID.shenzhenLed}', '${ID.sz}', '${ID.szKj}', 'lead');
      insert into supervision_notices (id, cooperation_id, task_id, number, deadline, body, issued_by, issued_party_id, acknowledged_at, acknowledged_by, created_at) values
        ('${ID.n1}', '${ID.coop}', '${ID.both}', '督办〔2026〕1号', '2026-02-01', 'a', '${ID.office}', '${ID.qd}', '2026-01-06T02:00:00Z', '${ID.unitUser}', '2026-01-05T02:00:00Z'),
        ('${ID.n2}', '${ID.coop}', '${ID.both}', '督办〔2026〕2号', '2026-02-01', 'b', null, '${ID.sz}', null, null, '2026-01-06T02:00:00Z'),
        ('${ID.n3}', '${ID.coop}', '${ID.both}', '督办〔2026〕3号', '2026-02-01', 'c', '${ID.office}', '${ID.qd}', null, null, '2026-01-07T02:00:00Z'),
        ('${ID.n4}', '${ID.coop}', '${ID.shenzhenLed}', '督办〔2026〕4号', '2026-02-01', 'd', null, null, null, null, '2026-01-08T02:00:00Z'),
        ('${ID.n5}', '${ID.coop}', '${ID.both}', '督办〔2025〕7号', '2026-02-01', 'e', '${ID.office}', '${ID.qd}', null, null, '2025-12-30T02:00:00Z');
    `);
    await conn.migrate(MIGRATIONS);
  });
  afterAll(async () => {
    await conn?.close();
    if (before) rmSync(before, { recursive: true, force: true });
  });

  it('renumbers existing notices per issuing side and year in creation order', async () => {
    const rows = await conn.query<{ id: string; number: string; issued_party_id: string; sequence: number }>('select id, number, issued_party_id, sequence from supervision_notices order by id');
    expect(Object.fromEntries(rows.map((r) => [r.id, r.number]))).toEqual({
      [ID.n1]: '青督〔2026〕1号',
      [ID.n2]: '深督〔2026〕1号',
      [ID.n3]: '青督〔2026〕2号',
      // Issued under no side: it becomes the cooperation's first side's.
      [ID.n4]: '青督〔2026〕3号',
      [ID.n5]: '青督〔2025〕1号',
    });
    expect(rows.find((r) => r.id === ID.n4)?.issued_party_id).toBe(ID.qd);
  });

  it("addresses each to the issuing side's lead unit, else the task's lead units, and keeps who signed and when", async () => {
    const rows = await conn.query<{ notice_id: string; organization_id: string; acknowledged_by: string | null; acknowledged_at: Date | string | null }>(
      'select notice_id, organization_id, acknowledged_by, acknowledged_at from supervision_notice_recipients order by notice_id, organization_id',
    );
    const of = (id: string) => rows.filter((r) => r.notice_id === id);
    expect(of(ID.n1).map((r) => r.organization_id)).toEqual([ID.qdKj]);
    expect(of(ID.n1)[0]?.acknowledged_by).toBe(ID.unitUser);
    expect(new Date(of(ID.n1)[0]?.acknowledged_at ?? 0).toISOString()).toBe('2026-01-06T02:00:00.000Z');
    expect(of(ID.n2).map((r) => r.organization_id)).toEqual([ID.szKj]);
    expect(of(ID.n2)[0]?.acknowledged_at).toBeNull();
    expect(of(ID.n3).map((r) => r.organization_id)).toEqual([ID.qdKj]);
    expect(of(ID.n4).map((r) => r.organization_id)).toEqual([ID.szKj]);
  });
});
