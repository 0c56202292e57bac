import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { asc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../src/db/schema/core.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditCommand } from '../../src/cli/audit.commands.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface AuditPage {
  items: { seq: number; actorUsername: string | null; action: string; entity: string; entityId: string; before: unknown; after: unknown; cooperationId: string | null }[];
  total: number;
  page: number;
  pageSize: number;
}

describe.each(databaseFlavours())('audit trail on %s', (flavour) => {
  let t: TestApp;
  let qdSz: { id: string; version: number };
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await t.login(username));
    return tokens.get(username) ?? '';
  };
  const auditOf = async (username: string, query = '') => t.call('GET', `/api/v1/cooperations/${qdSz.id}/audit${query}`, { token: await token(username) });

  beforeAll(async () => {
    t = await startTestApp(flavour);
    const list = (await t.call('GET', '/api/v1/cooperations?q=青岛—深圳', { token: await token('qd.fgw') })).json<{ items: { id: string; version: number }[] }>();
    const found = list.items[0];
    if (!found) throw new Error('demo cooperation 青岛—深圳 missing');
    qdSz = found;
  });
  afterAll(() => t?.close());

  it("shows a cooperation office who changed what, with the actor's username and the before and after", async () => {
    const patched = await t.call('PATCH', `/api/v1/cooperations/${qdSz.id}`, {
      token: await token('qd.fgw'),
      body: { version: qdSz.version, summary: '两市在科技、产业、人才等领域深化合作。' },
    });
    expect(patched.statusCode).toBe(200);
    const res = await auditOf('sz.fgw', `?entity=cooperation&entityId=${qdSz.id}`);
    expect(res.statusCode).toBe(200);
    const page = res.json<AuditPage>();
    expect(page.items[0]).toMatchObject({
      actorUsername: 'qd.fgw',
      action: 'update',
      entity: 'cooperation',
      entityId: qdSz.id,
      after: expect.objectContaining({ summary: '两市在科技、产业、人才等领域深化合作。' }),
      before: expect.objectContaining({ version: qdSz.version }),
    });
    const create = page.items.find((e) => e.action === 'create');
    expect(create?.actorUsername).toBeNull();
    expect(page.items.every((e) => e.entity === 'cooperation' && e.cooperationId === qdSz.id)).toBe(true);
  });

  it('names the actor and what the entry is about, and filters by who and when', async () => {
    const before = new Date().toISOString();
    const current = (await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token: await token('qd.fgw') })).json<{ version: number }>();
    const patched = await t.call('PATCH', `/api/v1/cooperations/${qdSz.id}`, { token: await token('sz.fgw'), body: { version: current.version, summary: '深圳侧修改的简介。' } });
    expect(patched.statusCode).toBe(200);
    const after = new Date(Date.now() + 1000).toISOString();
    const me = (await t.call('GET', '/api/v1/me', { token: await token('sz.fgw') })).json<{ user: { id: string } }>();

    const window = `&from=${encodeURIComponent(before)}&to=${encodeURIComponent(after)}`;
    const mine = (await auditOf('qd.fgw', `?actorId=${me.user.id}${window}`)).json<AuditPage & { items: { actorName: string | null; subject: string | null }[] }>();
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ actorUsername: 'sz.fgw', actorName: '深圳市发改委协调办', subject: '青岛—深圳跨区域合作', entity: 'cooperation' });

    const earlier = (await auditOf('qd.fgw', `?actorId=${me.user.id}&to=${encodeURIComponent(before)}`)).json<AuditPage>();
    expect(earlier.items.map((e) => e.after)).not.toContainEqual(expect.objectContaining({ summary: '深圳侧修改的简介。' }));

    // A report has no name of its own: it is named by its task.
    const reports = (await auditOf('qd.fgw', '?entity=report&pageSize=5')).json<{ items: { subject: string | null }[] }>();
    expect(reports.items.length).toBeGreaterThan(0);
    expect(reports.items.every((e) => typeof e.subject === 'string' && e.subject.length > 0)).toBe(true);

    const backwards = await auditOf('qd.fgw', `?from=${encodeURIComponent(after)}&to=${encodeURIComponent(before)}`);
    expect(backwards.statusCode).toBe(400);
  });

  it('pages through the trail newest first', async () => {
    const first = (await auditOf('qd.fgw', '?pageSize=5')).json<AuditPage>();
    const second = (await auditOf('qd.fgw', '?pageSize=5&page=2')).json<AuditPage>();
    expect(first.items).toHaveLength(5);
    expect(first.total).toBeGreaterThan(10);
    const seqs = [...first.items, ...second.items].map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(10);
  });

  it("lets leaders and admins read it, refuses unit users and outsiders, and does not reveal a private cooperation's existence", async () => {
    expect((await auditOf('qd.leader')).statusCode).toBe(200);
    expect((await auditOf('admin')).statusCode).toBe(200);
    const unit = await auditOf('qd.kj');
    expect(unit.statusCode).toBe(403);
    expect(unit.json().error.code).toBe('auth.forbidden');
    // 青岛—深圳 is public: outsiders see the cooperation, not its trail.
    expect((await auditOf('dl.fgw')).statusCode).toBe(403);
    const all = (await t.call('GET', '/api/v1/cooperations?pageSize=50', { token: await token('admin') })).json<{ items: { id: string; name: string }[] }>();
    const dlyt = all.items.find((c) => c.name.startsWith('大连'));
    const hidden = await t.call('GET', `/api/v1/cooperations/${dlyt?.id}/audit`, { token: await token('sz.fgw') });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('cooperation.not_found');
  });

  it("keeps one side's own rows out of the other side's view of the trail", async () => {
    const created = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/projects`, {
      token: await token('qd.fgw'),
      body: { name: '青岛侧储备项目：海洋药物中试基地', visibility: 'side' },
    });
    expect(created.statusCode).toBe(201);
    const projectId = created.json<{ id: string }>().id;
    const mine = (await auditOf('qd.fgw', `?entity=project&entityId=${projectId}`)).json<AuditPage>();
    expect(mine.items.map((e) => e.action)).toEqual(['create']);
    const theirs = (await auditOf('sz.fgw', `?entity=project&entityId=${projectId}`)).json<AuditPage>();
    expect(theirs).toMatchObject({ items: [], total: 0 });
    const everything = (await auditOf('sz.fgw', '?pageSize=200')).json<AuditPage>();
    expect(everything.items.map((e) => e.entityId)).not.toContain(projectId);
  });

  it('gives admins the whole trail, users and units included, and nobody else', async () => {
    const all = await t.call('GET', '/api/v1/audit?entity=user&pageSize=50', { token: await token('admin') });
    expect(all.statusCode).toBe(200);
    const users = all.json<AuditPage>().items;
    expect(users.length).toBeGreaterThan(5);
    expect(users.every((e) => e.entity === 'user' && e.cooperationId === null)).toBe(true);
    expect(JSON.stringify(users)).not.toContain('passwordHash');
    expect((await t.call('GET', '/api/v1/audit', { token: await token('qd.fgw') })).statusCode).toBe(403);
  });

  it('verifies an intact chain, then reports the entry someone altered with SQL', async () => {
    const lines: string[] = [];
    const db = t.services.database.db;
    expect(await verifyAuditCommand(db, (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toMatch(/^audit chain intact: \d+ entries in \d+ chains$/);
    // One chain per cooperation and one for the platform: each begins at the genesis hash and links only its own entries.
    const entries = await db.select({ cooperationId: auditLog.cooperationId, prevHash: auditLog.prevHash, hash: auditLog.hash }).from(auditLog).where(eq(auditLog.chain, 'cooperation')).orderBy(asc(auditLog.seq));
    const lastOf = new Map<string | null, string>();
    for (const entry of entries) {
      expect(entry.prevHash).toBe(lastOf.get(entry.cooperationId) ?? '0'.repeat(64));
      lastOf.set(entry.cooperationId, entry.hash);
    }
    expect(lastOf.size).toBeGreaterThan(3);
    expect(lastOf.has(null)).toBe(true);

    const victim = (await auditOf('qd.fgw', `?entity=cooperation&entityId=${qdSz.id}`)).json<AuditPage>().items[0];
    await db.execute(sql`update audit_log set after = jsonb_set(after, '{summary}', '"篡改后的摘要"') where seq = ${victim?.seq ?? 0}`);

    lines.length = 0;
    expect(await verifyAuditCommand(db, (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toContain(`audit chain broken at seq ${victim?.seq}`);
    expect(lines[0]).toContain('altered');
    // The broken chain is named, and it is the only one: the other cooperations' chains still hold.
    expect(lines[0]).toContain('青岛—深圳');
    expect(lines[1]).toMatch(/^1 of \d+ chains broken/);
  });
});

// The CLI is a separate process, so it needs a database it can reach by URL: PostgreSQL (the PGlite test databases live in memory).
describe.skipIf(!databaseFlavours().includes('postgres'))('`liandong audit verify` as a process', () => {
  it('exits with code 1 when the chain is broken', async () => {
    const t = await startTestApp('postgres');
    try {
      await t.services.database.db.execute(sql`update audit_log set after = jsonb_set(coalesce(after, '{}'::jsonb), '{tampered}', 'true') where seq = (select max(seq) from audit_log)`);
      const run = promisify(execFile);
      const failure = await run(process.execPath, ['bin/liandong.mjs', 'audit', 'verify'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: t.config.databaseUrl ?? '', LIANDONG_LOG_LEVEL: 'silent' },
      }).then(
        () => null,
        (error: { code: number; stdout: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stdout).toMatch(/audit chain broken at seq \d+/);
    } finally {
      await t.close();
    }
  });
});
