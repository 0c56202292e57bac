import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/core.ts';
import { attachments } from '../../src/db/schema/work.ts';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.ts';
import { cooperationWideAudit } from '../../src/modules/access/policy.ts';
import { auditRepository } from '../../src/modules/audit/audit.repository.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit-chain.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { makeTask, PDF, reportWorld, upload, type ReportBody, type ReportWorld, type TestTask } from './report-fixtures.ts';

/**
 * The audit trail shows a reader an entry only when the reader may open the
 * row it is about: 深圳 reads nothing of 青岛's one-sided rows in 青岛—深圳's
 * trail, nobody but its unit (and admins) reads a draft report's entries,
 * and no answer carries where an evidence file is stored.
 */

/** Kinds of entries first written after the migration: the write path gave them their scope from the start, so it has nothing to backfill for them. */
const WRITTEN_SCOPED_SINCE = ['indicator_actual', 'indicator_target', 'signing_event', 'project_transaction', 'project_stages', 'cross_side_transaction'];
const MIGRATION = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/db/migrations/20261203143833_audit_scope.sql');

interface AuditPage {
  items: { seq: number; entity: string; entityId: string; action: string; before: unknown; after: unknown }[];
  total: number;
}

describe.each(databaseFlavours())('audit scope on %s', (flavour) => {
  let t: TestApp;
  let w: ReportWorld;
  let szLeader: string;
  const tag = randomUUID().slice(0, 8);
  const mark = (what: string) => `秘${what}-${tag}`;
  /** Markers of 青岛-only rows (and hashes of evidence files): 青岛 sees them, 深圳 does not. */
  const secrets = new Map<string, string>();
  /** Markers of what 青岛's unit added to its report while it was a draft: its own. */
  const draftSecrets = new Map<string, string>();
  const storageKeys: string[] = [];
  let quarter = '';

  const trail = async (token: string) => {
    const items: AuditPage['items'] = [];
    let total = -1;
    for (let page = 1; total < 0 || items.length < total; page++) {
      const res = await t.call('GET', `/api/v1/cooperations/${w.cooperationId}/audit?pageSize=200&page=${page}`, { token });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<AuditPage>();
      total = body.total;
      items.push(...body.items);
      if (!body.items.length) break;
    }
    // The count is taken under the same scope as the entries: the pages hold exactly `total` of them.
    expect(items).toHaveLength(total);
    return { items, text: JSON.stringify(items) };
  };
  const ok = <T>(res: { statusCode: number; body: string; json<U>(): U }, status = 201): T => {
    expect(res.statusCode, res.body).toBe(status);
    return (status === 204 ? undefined : res.json<T>()) as T;
  };
  const qingdaoOnlyTask = async (title: string) =>
    ok<{ id: string; version: number }>(
      await t.call('POST', `/api/v1/cooperations/${w.cooperationId}/tasks`, {
        token: w.tokens.qd,
        body: {
          title,
          joint: false,
          ownerPartyId: w.qd.partyId,
          visibility: 'side',
          dueOn: '2026-12-31',
          units: [{ partyId: w.qd.partyId, organizationId: w.qd.unitOrganizationId, role: 'lead' }],
        },
      }),
    );
  const draft = async (task: TestTask | { id: string }, token: string, narrative: string) =>
    ok<ReportBody>(await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token, body: { periodId: quarter, narrative, percent: 20 } }));

  beforeAll(async () => {
    t = await startTestApp(flavour);
    w = await reportWorld(t);
    await t.services.user.create(SYSTEM_ACTOR, { username: 'sz.leader', displayName: '深圳市分管副市长', password: 'liandong-demo' });
    ok(await t.call('POST', `/api/v1/cooperations/${w.cooperationId}/memberships`, { token: w.tokens.admin, body: { username: 'sz.leader', partyId: w.sz.partyId, role: 'leader' } }));
    szLeader = await t.login('sz.leader');
    // The first period still taking reports: the demo's earlier years are closed.
    quarter = (await t.call('GET', `/api/v1/cooperations/${w.cooperationId}/periods`, { token: w.tokens.qdUnit })).json<{ items: { id: string; closedAt: string | null }[] }>().items.find((p) => !p.closedAt)?.id ?? '';

    // A 青岛-only agreement with a clause, one edited and one deleted.
    const agreement = ok<{ id: string }>(
      await t.call('POST', `/api/v1/cooperations/${w.cooperationId}/agreements`, {
        token: w.tokens.qd,
        body: { kind: 'other', title: mark('协议'), visibility: 'side', ownerPartyId: w.qd.partyId, text: mark('协议正文') },
      }),
    );
    secrets.set('agreement', mark('协议'));
    const clause = ok<{ id: string; version: number }>(
      await t.call('POST', `/api/v1/agreements/${agreement.id}/clauses`, { token: w.tokens.qd, body: { level: 'area', title: mark('条款'), body: mark('条款正文') } }),
    );
    secrets.set('clause', mark('条款'));
    ok(await t.call('PATCH', `/api/v1/clauses/${clause.id}`, { token: w.tokens.qd, body: { version: clause.version, body: mark('条款修改') } }), 200);
    secrets.set('clause edit', mark('条款修改'));
    const doomed = ok<{ id: string; version: number }>(
      await t.call('POST', `/api/v1/agreements/${agreement.id}/clauses`, { token: w.tokens.qd, body: { level: 'area', title: mark('删除的条款') } }),
    );
    ok(await t.call('DELETE', `/api/v1/clauses/${doomed.id}?version=${doomed.version}`, { token: w.tokens.qd }), 204);
    secrets.set('deleted clause', mark('删除的条款'));

    // A 青岛-only task with a comment and a 督办 notice; its unit's report on it, with evidence, submitted, returned, commented, with more evidence.
    const task = await qingdaoOnlyTask(mark('任务'));
    secrets.set('task', mark('任务'));
    ok(await t.call('POST', `/api/v1/tasks/${task.id}/comments`, { token: w.tokens.qd, body: { body: mark('任务评论') } }));
    secrets.set('task comment', mark('任务评论'));
    ok(await t.call('POST', `/api/v1/tasks/${task.id}/supervision-notices`, { token: w.tokens.qd, body: { deadline: '2026-12-30', body: mark('督办通知') } }));
    secrets.set('notice', mark('督办通知'));
    const report = await draft(task, w.tokens.qdUnit, mark('青岛报告'));
    secrets.set('report', mark('青岛报告'));
    const evidence = async (name: string, into: Map<string, string>) => {
      const bytes = Buffer.concat([PDF, Buffer.from(`%${name}${tag}\n`)]);
      const file = ok<{ id: string }>(await upload(t, w.tokens.qdUnit, report.id, `${mark(name)}.pdf`, bytes));
      into.set(`${name} file name`, mark(name));
      into.set(`${name} file hash`, createHash('sha256').update(bytes).digest('hex'));
      const [stored] = await t.services.database.db.select({ key: attachments.storageKey }).from(attachments).where(eq(attachments.id, file.id));
      const key = stored?.key ?? '';
      expect(key).not.toBe('');
      storageKeys.push(key);
    };
    await evidence('草稿佐证', draftSecrets);
    ok(await t.call('POST', `/api/v1/reports/${report.id}/submit`, { token: w.tokens.qdUnit, body: {} }), 200);
    ok(await t.call('POST', `/api/v1/reports/${report.id}/review`, { token: w.tokens.qd, body: { decision: 'returned', reason: '请补充佐证' } }), 200);
    ok(await t.call('POST', `/api/v1/reports/${report.id}/comments`, { token: w.tokens.qd, body: { body: mark('报告评论') } }));
    secrets.set('report comment', mark('报告评论'));
    await evidence('补充佐证', secrets);

    // A 青岛-only task deleted with its comment: its entries stay as the task was when deleted.
    const gone = await qingdaoOnlyTask(mark('删除的任务'));
    ok(await t.call('POST', `/api/v1/tasks/${gone.id}/comments`, { token: w.tokens.qd, body: { body: mark('删除任务的评论') } }));
    ok(await t.call('DELETE', `/api/v1/tasks/${gone.id}?version=${gone.version}`, { token: w.tokens.qd }), 204);
    secrets.set('deleted task', mark('删除的任务'));
    secrets.set('deleted task comment', mark('删除任务的评论'));

    // An office's API token is its own.
    ok(await t.call('POST', `/api/v1/cooperations/${w.cooperationId}/api-tokens`, { token: w.tokens.qd, body: { name: mark('令牌'), scope: 'read' } }));
    secrets.set('api token', mark('令牌'));
  });
  afterAll(() => t?.close());

  it("shows 深圳's office and leader nothing of 青岛's one-sided rows, live or deleted, nor any storage key", async () => {
    for (const reader of [w.tokens.sz, szLeader]) {
      const { text } = await trail(reader);
      const leaked = [...secrets, ...draftSecrets].filter(([, marker]) => text.includes(marker)).map(([what]) => what);
      expect(leaked).toEqual([]);
      for (const key of storageKeys) expect(text).not.toContain(key);
      expect(text).not.toContain('storageKey');
    }
  });

  it("shows 青岛's office its own side's rows, and no storage key to anyone, admins included", async () => {
    const { text } = await trail(w.tokens.qd);
    expect([...secrets].filter(([, marker]) => !text.includes(marker)).map(([what]) => what)).toEqual([]);
    // Evidence added to the draft stays the unit's: 青岛's office reads it in the report, not in the trail.
    expect([...draftSecrets].filter(([, marker]) => text.includes(marker)).map(([what]) => what)).toEqual([]);
    const admin = (await trail(w.tokens.admin)).text;
    expect([...secrets, ...draftSecrets].filter(([, marker]) => !admin.includes(marker)).map(([what]) => what)).toEqual([]);
    const all = await t.call('GET', '/api/v1/audit?entity=attachment&pageSize=200', { token: w.tokens.admin });
    expect(all.statusCode).toBe(200);
    for (const body of [text, admin, all.body]) {
      for (const key of storageKeys) expect(body).not.toContain(key);
      expect(body).not.toContain('storageKey');
    }
  });

  it('answers an entity filter on a hidden row with an empty page, counted as such', async () => {
    const mine = (await trail(w.tokens.qd)).items.find((e) => e.entity === 'clause');
    expect(mine).toBeDefined();
    const theirs = await t.call('GET', `/api/v1/cooperations/${w.cooperationId}/audit?entity=clause&entityId=${mine?.entityId}`, { token: w.tokens.sz });
    expect(theirs.json<AuditPage>()).toMatchObject({ items: [], total: 0 });
  });

  it('keeps a draft report with its unit until it is submitted: not the other side, not its own side\'s office or leader', async () => {
    const task = await makeTask(t, w, mark('联合任务'), 'joint');
    const report = await draft(task, w.tokens.qdUnit, mark('初稿'));
    const edited = ok<ReportBody>(await t.call('PATCH', `/api/v1/reports/${report.id}`, { token: w.tokens.qdUnit, body: { version: report.version, narrative: mark('定稿') } }), 200);
    for (const reader of [w.tokens.sz, szLeader, w.tokens.qd, w.tokens.leader]) {
      // The same readers may not open the draft itself.
      expect((await t.call('GET', `/api/v1/reports/${report.id}`, { token: reader })).statusCode).toBe(404);
      const { text } = await trail(reader);
      expect(text).not.toContain(mark('初稿'));
      expect(text).not.toContain(mark('定稿'));
    }
    expect((await trail(w.tokens.admin)).text).toContain(mark('初稿'));

    ok(await t.call('POST', `/api/v1/reports/${report.id}/submit`, { token: w.tokens.qdUnit, body: { version: edited.version } }), 200);
    for (const reader of [w.tokens.sz, szLeader, w.tokens.qd]) {
      expect((await t.call('GET', `/api/v1/reports/${report.id}`, { token: reader })).statusCode).toBe(200);
      const { text } = await trail(reader);
      // The submitted text is shared; the drafts before it stay the unit's.
      expect(text).toContain(mark('定稿'));
      expect(text).not.toContain(mark('初稿'));
    }
  });

  it("lets an office read the draft it writes for its unit, and nobody else on either side", async () => {
    const task = await makeTask(t, w, mark('办公室代报任务'), 'joint');
    const report = await draft(task, w.tokens.qd, mark('办公室代报'));
    expect((await t.call('GET', `/api/v1/reports/${report.id}`, { token: w.tokens.qd })).statusCode).toBe(200);
    expect((await trail(w.tokens.qd)).text).toContain(mark('办公室代报'));
    for (const reader of [w.tokens.leader, w.tokens.sz, szLeader]) {
      expect((await t.call('GET', `/api/v1/reports/${report.id}`, { token: reader })).statusCode).toBe(404);
      expect((await trail(reader)).text).not.toContain(mark('办公室代报'));
    }
  });

  it("follows a live row's visibility: a 青岛-only task shared with both sides shows 深圳 its history", async () => {
    const task = await qingdaoOnlyTask(mark('后来共享的任务'));
    ok(await t.call('POST', `/api/v1/tasks/${task.id}/comments`, { token: w.tokens.qd, body: { body: mark('共享前的评论') } }));
    expect((await trail(w.tokens.sz)).text).not.toContain(mark('共享前的评论'));
    ok(await t.call('PATCH', `/api/v1/tasks/${task.id}`, { token: w.tokens.qd, body: { version: task.version, visibility: 'parties' } }), 200);
    expect((await t.call('GET', `/api/v1/tasks/${task.id}/comments`, { token: w.tokens.sz })).body).toContain(mark('共享前的评论'));
    expect((await trail(w.tokens.sz)).text).toContain(mark('共享前的评论'));
  });

  it('strips a storage key from entries written before the rule, and their chain still holds', async () => {
    const db = t.services.database.db;
    const legacyKey = `legacy${tag}${'0'.repeat(24)}`;
    await db.transaction((tx) =>
      auditRepository.append(tx, {
        actorId: null,
        cooperationId: w.cooperationId,
        action: 'create',
        entity: 'attachment',
        entityId: randomUUID(),
        before: null,
        after: { fileName: mark('旧佐证'), storageKey: legacyKey },
        scope: cooperationWideAudit,
      }),
    );
    for (const body of [(await trail(w.tokens.qd)).text, (await t.call('GET', '/api/v1/audit?entity=attachment&pageSize=200', { token: w.tokens.admin })).body]) {
      expect(body).toContain(mark('旧佐证'));
      expect(body).not.toContain(legacyKey);
    }
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('the migration gives existing entries the scope the write path gives them, and leaves the chain intact', async () => {
    const db = t.services.database.db;
    // The entry appended above by hand, as old code wrote attachments, has no row to trace; leave it out.
    const scopes = async () =>
      db
        .select({
          seq: auditLog.seq,
          scopeType: auditLog.scopeType,
          scopeId: auditLog.scopeId,
          scopeVisibility: auditLog.scopeVisibility,
          scopePartyId: auditLog.scopePartyId,
          heldByUserId: auditLog.heldByUserId,
          heldByOrganizationId: auditLog.heldByOrganizationId,
          heldByPartyId: auditLog.heldByPartyId,
        })
        .from(auditLog)
        .where(and(sql`${auditLog.after} ->> 'fileName' is distinct from ${mark('旧佐证')}`, notInArray(auditLog.entity, WRITTEN_SCOPED_SINCE)))
        .orderBy(auditLog.seq);
    const written = await scopes();
    expect(written.filter((e) => e.scopeVisibility === 'side' && e.scopePartyId === w.qd.partyId).length).toBeGreaterThan(10);
    expect(written.filter((e) => e.heldByOrganizationId === w.qd.unitOrganizationId).length).toBeGreaterThan(2);
    const backfill = readFileSync(MIGRATION, 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => !s.startsWith('ALTER TABLE') && !s.startsWith('CREATE INDEX'));
    await db.transaction(async (tx) => {
      // Entries of the kinds the migration knew; kinds added later (project money and stages, signing events,
      // cross-side transactions) have been scoped since they were first written.
      await tx.execute(
        sql`update audit_log set scope_type = null, scope_id = null, scope_visibility = null, scope_party_id = null, held_by_user_id = null, held_by_organization_id = null, held_by_party_id = null where entity not in ('project_transaction', 'project_stages', 'signing_event', 'cross_side_transaction')`,
      );
      for (const statement of backfill) await tx.execute(sql.raw(statement));
    });
    expect(await scopes()).toEqual(written);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    // And the readers see what they saw.
    const { text } = await trail(w.tokens.sz);
    expect([...secrets, ...draftSecrets].filter(([, marker]) => text.includes(marker)).map(([what]) => what)).toEqual([]);
  });
});
