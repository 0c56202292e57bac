import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../src/db/schema/core.ts';
import { apiTokens, notifications } from '../../src/db/schema/platform.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

interface Cooperation {
  id: string;
  name: string;
  visibility: string;
  version: number;
}
interface CreatedToken {
  id: string;
  token: string;
  scope: string;
}

describe.each(databaseFlavours())('API tokens on %s', (flavour) => {
  let t: TestApp;
  let qd: string;
  let admin: string;
  let all: Cooperation[];
  const byName = (prefix: string) => {
    const found = all.find((c) => c.name.startsWith(prefix));
    if (!found) throw new Error(`demo cooperation ${prefix} missing`);
    return found;
  };
  const createToken = async (session: string, cooperationId: string, scope: 'read' | 'write', name = `${scope} token`) => {
    const res = await t.call('POST', `/api/v1/cooperations/${cooperationId}/api-tokens`, { token: session, body: { name, scope } });
    expect(res.statusCode).toBe(201);
    return res.json<CreatedToken>();
  };

  beforeAll(async () => {
    t = await startTestApp(flavour);
    qd = await t.login('qd.fgw');
    admin = await t.login('admin');
    all = (await t.call('GET', '/api/v1/cooperations?pageSize=50', { token: admin })).json<{ items: Cooperation[] }>().items;
  });
  afterAll(() => t?.close());

  it('shows the secret once, with its own prefix, and stores only a hash of it', async () => {
    const qdSz = byName('青岛—深圳');
    const created = await createToken(qd, qdSz.id, 'read');
    expect(created.token).toMatch(/^ldt_[A-Za-z0-9_-]{40,}$/);
    const listed = (await t.call('GET', `/api/v1/cooperations/${qdSz.id}/api-tokens`, { token: qd })).json<{ items: Record<string, unknown>[] }>();
    const row = listed.items.find((i) => i.id === created.id);
    expect(row).toMatchObject({ name: 'read token', scope: 'read', username: 'qd.fgw', revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const [stored] = await t.services.database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(created.token.slice(4));
  });

  it('lets a read token read its cooperation and refuses every write with 403', async () => {
    const qdSz = byName('青岛—深圳');
    const { token } = await createToken(qd, qdSz.id, 'read');
    const read = await t.call('GET', `/api/v1/cooperations/${qdSz.id}/agreements`, { token });
    const patch = await t.call('PATCH', `/api/v1/cooperations/${qdSz.id}`, { token, body: { version: qdSz.version, summary: 'by a read token' } });
    const create = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/projects`, { token, body: { name: 'read token project' } });
    console.log(`api tokens: read token GET ${read.statusCode}, PATCH ${patch.statusCode}, POST ${create.statusCode}`);
    expect(read.statusCode).toBe(200);
    expect(patch.statusCode).toBe(403);
    expect(create.statusCode).toBe(403);
  });

  it('lets a write token write in its cooperation, as the user who made it would', async () => {
    const qdSz = byName('青岛—深圳');
    const { token } = await createToken(qd, qdSz.id, 'write');
    const create = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/projects`, { token, body: { name: '写令牌建立的项目' } });
    expect(create.statusCode).toBe(201);
  });

  it('is issued only by a cooperation office: a leader and a unit user are refused, and a token a unit user holds from before is dead', async () => {
    const qdSz = byName('青岛—深圳');
    const leader = await t.login('qd.leader');
    const unit = await t.login('qd.kj');
    const byLeader = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/api-tokens`, { token: leader, body: { name: 'leader token', scope: 'write' } });
    const byUnit = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/api-tokens`, { token: unit, body: { name: 'unit token', scope: 'write' } });
    const { db } = t.services.database;
    const [unitUser] = await db.select().from(users).where(eq(users.username, 'qd.kj'));
    if (!unitUser) throw new Error('demo user qd.kj missing');
    const secret = 'ldt_issued-to-a-unit-before-the-rule-existed-0123456789';
    await db.insert(apiTokens).values({ userId: unitUser.id, cooperationId: qdSz.id, name: 'old unit token', scope: 'write', tokenHash: createHash('sha256').update(secret).digest('hex') });
    const withOld = await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token: secret });
    console.log(`api tokens: issued by a leader ${byLeader.statusCode}, by a unit user ${byUnit.statusCode}; a unit user's older token → ${withOld.statusCode}`);
    expect(byLeader.statusCode).toBe(403);
    expect(byUnit.statusCode).toBe(403);
    expect(withOld.statusCode).toBe(401);
  });

  it('reaches nothing outside its cooperation: not another one of the user, not a public one, not platform registers', async () => {
    const qdSz = byName('青岛—深圳');
    const jiaodong = byName('胶东');
    const cnJp = byName('中日');
    const { token } = await createToken(qd, jiaodong.id, 'write');
    const own = await t.call('GET', `/api/v1/cooperations/${jiaodong.id}`, { token });
    const otherOfUser = await t.call('GET', `/api/v1/cooperations/${cnJp.id}/agreements`, { token });
    const publicOne = await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token });
    const list = (await t.call('GET', '/api/v1/cooperations?pageSize=50', { token })).json<{ items: Cooperation[] }>();
    const register = await t.call('POST', '/api/v1/cooperations', { token, body: { name: '令牌登记的合作', parties: [{ regionCode: '370200' }, { regionCode: '440300' }] } });
    console.log(`api tokens: own cooperation ${own.statusCode}, user's other cooperation ${otherOfUser.statusCode}, public cooperation ${publicOne.statusCode}, register ${register.statusCode}, list ${list.items.length} item(s)`);
    expect(own.statusCode).toBe(200);
    expect(otherOfUser.statusCode).toBe(404);
    expect(publicOne.statusCode).toBe(404);
    expect(list.items.map((c) => c.id)).toEqual([jiaodong.id]);
    expect(register.statusCode).toBe(403);
  });

  it("confines an administrator's token to its cooperation too", async () => {
    const dlyt = byName('大连');
    const szSt = byName('深圳—汕头');
    const { token } = await createToken(admin, dlyt.id, 'read');
    expect((await t.call('GET', `/api/v1/cooperations/${dlyt.id}/agreements`, { token })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/cooperations/${szSt.id}`, { token })).statusCode).toBe(404);
  });

  it('stops working once revoked, and tokens cannot mint or revoke tokens', async () => {
    const qdSz = byName('青岛—深圳');
    const created = await createToken(qd, qdSz.id, 'write');
    const mint = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/api-tokens`, { token: created.token, body: { name: 'child', scope: 'write' } });
    expect(mint.statusCode).toBe(403);
    const revoke = await t.call('DELETE', `/api/v1/cooperations/${qdSz.id}/api-tokens/${created.id}`, { token: qd });
    expect(revoke.statusCode).toBe(204);
    const after = await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token: created.token });
    console.log(`api tokens: after revoke → ${after.statusCode}`);
    expect(after.statusCode).toBe(401);
  });

  it("does not let one user revoke or see another user's token", async () => {
    const qdSz = byName('青岛—深圳');
    const created = await createToken(qd, qdSz.id, 'read');
    const sz = await t.login('sz.fgw');
    const revoke = await t.call('DELETE', `/api/v1/cooperations/${qdSz.id}/api-tokens/${created.id}`, { token: sz });
    const listed = (await t.call('GET', `/api/v1/cooperations/${qdSz.id}/api-tokens`, { token: sz })).json<{ items: { id: string }[] }>();
    expect(revoke.statusCode).toBe(404);
    expect(listed.items.map((i) => i.id)).not.toContain(created.id);
    expect((await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token: created.token })).statusCode).toBe(200);
  });

  it('answers an unknown or malformed token as not logged in', async () => {
    expect((await t.call('GET', '/api/v1/me', { token: 'ldt_not-a-real-token' })).statusCode).toBe(401);
    expect((await t.call('GET', '/api/v1/me', { token: 'ldt_' })).statusCode).toBe(401);
  });

  describe('on the routes of the user rather than of a cooperation', () => {
    let qdUserId: string;
    let ownNote: string;
    let otherNote: string;
    const notificationsOf = async (token: string) =>
      (await t.call('GET', '/api/v1/notifications?pageSize=100', { token })).json<{ items: { id: string; title: string }[]; total: number; unreadCount: number }>();

    beforeAll(async () => {
      const { db } = t.services.database;
      const [user] = await db.select().from(users).where(eq(users.username, 'qd.fgw'));
      if (!user) throw new Error('demo user qd.fgw missing');
      qdUserId = user.id;
      const inserted = await db
        .insert(notifications)
        .values([
          { userId: qdUserId, cooperationId: byName('青岛—深圳').id, kind: 'test.marker', title: 'MARKER-OWN 青岛—深圳的提醒' },
          { userId: qdUserId, cooperationId: byName('胶东').id, kind: 'test.marker', title: 'MARKER-OTHER 胶东五市的提醒' },
        ])
        .returning();
      [ownNote, otherNote] = inserted.map((n) => n.id) as [string, string];
    });

    it("shows only the token's cooperation in the inbox and its unread count", async () => {
      const { token } = await createToken(qd, byName('青岛—深圳').id, 'read');
      const viaToken = await notificationsOf(token);
      const viaSession = await notificationsOf(qd);
      const count = (await t.call('GET', '/api/v1/notifications/unread-count', { token })).json<{ unreadCount: number }>();
      console.log(`api tokens: inbox through a token ${viaToken.total} item(s), through the session ${viaSession.total}`);
      expect(viaSession.items.map((n) => n.id)).toEqual(expect.arrayContaining([ownNote, otherNote]));
      expect(viaToken.items.map((n) => n.id)).toContain(ownNote);
      expect(JSON.stringify(viaToken)).not.toContain('MARKER-OTHER');
      expect(count.unreadCount).toBe(viaToken.unreadCount);
      expect(count.unreadCount).toBeLessThan(viaSession.unreadCount);
    });

    it("cannot mark another cooperation's notification read, and read-all marks only its own", async () => {
      const { token } = await createToken(qd, byName('青岛—深圳').id, 'write');
      const other = await t.call('POST', `/api/v1/notifications/${otherNote}/read`, { token });
      expect(other.statusCode).toBe(404);
      expect((await t.call('POST', '/api/v1/notifications/read-all', { token })).statusCode).toBe(200);
      const { db } = t.services.database;
      const [own] = await db.select().from(notifications).where(eq(notifications.id, ownNote));
      const [stillUnread] = await db.select().from(notifications).where(and(eq(notifications.id, otherNote), isNull(notifications.readAt)));
      console.log(`api tokens: marking another cooperation's notification read → ${other.statusCode}`);
      expect(own?.readAt).not.toBeNull();
      expect(stillUnread).toBeDefined();
    });

    it("lists only the token's cooperation in /me and says it is a token", async () => {
      const qdSz = byName('青岛—深圳');
      const created = await createToken(qd, qdSz.id, 'read');
      const me = (await t.call('GET', '/api/v1/me', { token: created.token })).json<{ memberships: { cooperationId: string }[]; apiToken: { id: string; cooperationId: string; scope: string } | null }>();
      const mine = (await t.call('GET', '/api/v1/me', { token: qd })).json<{ memberships: { cooperationId: string }[]; apiToken: null }>();
      console.log(`api tokens: /me through a token lists ${me.memberships.length} membership(s), through the session ${mine.memberships.length}`);
      expect(new Set(me.memberships.map((m) => m.cooperationId))).toEqual(new Set([qdSz.id]));
      expect(me.apiToken).toEqual({ id: created.id, cooperationId: qdSz.id, scope: 'read' });
      expect(mine.memberships.length).toBeGreaterThan(me.memberships.length);
      expect(mine.apiToken).toBeNull();
    });

    it('offers registering cooperations to an office through its session, never through a token', async () => {
      const created = await createToken(qd, byName('青岛—深圳').id, 'write');
      const can = async (token: string) => (await t.call('GET', '/api/v1/me', { token })).json<{ can: { register: boolean } }>().can.register;
      expect(await can(qd)).toBe(true);
      expect(await can(created.token)).toBe(false);
      const [leader, unit] = await Promise.all([t.login('qd.leader'), t.login('qd.kj')]);
      if (!leader || !unit) throw new Error('demo logins missing');
      expect(await can(leader)).toBe(false);
      expect(await can(unit)).toBe(false);
    });

    it('may neither read nor rewrite notification preferences, which serve every cooperation', async () => {
      const { token } = await createToken(qd, byName('青岛—深圳').id, 'write');
      const before = (await t.call('GET', '/api/v1/me/notification-preferences', { token: qd })).json<unknown>();
      const read = await t.call('GET', '/api/v1/me/notification-preferences', { token });
      const write = await t.call('PUT', '/api/v1/me/notification-preferences', { token, body: { inApp: false, email: false, wecomWebhook: null, dingtalkWebhook: null } });
      const after = (await t.call('GET', '/api/v1/me/notification-preferences', { token: qd })).json<unknown>();
      console.log(`api tokens: preferences through a token: GET ${read.statusCode}, PUT ${write.statusCode}`);
      expect(read.statusCode).toBe(403);
      expect(write.statusCode).toBe(403);
      expect(after).toEqual(before);
    });

    it("cannot end the user's browser sessions", async () => {
      const { token } = await createToken(qd, byName('青岛—深圳').id, 'write');
      const res = await t.call('POST', '/api/v1/auth/logout-everywhere', { token });
      console.log(`api tokens: logout-everywhere through a token → ${res.statusCode}`);
      expect(res.statusCode).toBe(403);
      expect((await t.call('GET', '/api/v1/me', { token: qd })).statusCode).toBe(200);
    });
  });

  it("revokes the user's API tokens on logout-everywhere, auditing each in its cooperation", async () => {
    const qdSz = byName('青岛—深圳');
    const sz = await t.login('sz.fgw');
    const created = await createToken(sz, qdSz.id, 'read');
    expect((await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token: created.token })).statusCode).toBe(200);
    const res = await t.call('POST', '/api/v1/auth/logout-everywhere', { token: sz });
    const after = await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token: created.token });
    console.log(`api tokens: logout-everywhere → ${res.body}; the token afterwards → ${after.statusCode}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ tokensRevoked: number }>().tokensRevoked).toBeGreaterThanOrEqual(1);
    expect(after.statusCode).toBe(401);
    const entries = await t.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'api_token'), eq(auditLog.entityId, created.id), eq(auditLog.action, 'revoke')));
    expect(entries.map((e) => e.cooperationId)).toEqual([qdSz.id]);
  });
});
