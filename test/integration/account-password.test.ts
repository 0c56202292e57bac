import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../src/db/schema/core.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

const OLD = 'liandong-demo';
const NEW = 'harbour-lights-2026';

describe.each(databaseFlavours())('changing one’s own password on %s', (flavour) => {
  let t: TestApp;
  let cooperationId: string;

  const change = (token: string, currentPassword: string, newPassword: string) =>
    t.call('POST', '/api/v1/me/password', { token, body: { currentPassword, newPassword } });
  const loginStatus = async (username: string, password: string) =>
    (await t.call('POST', '/api/v1/auth/login', { body: { username, password } })).statusCode;

  beforeAll(async () => {
    t = await startTestApp(flavour);
    const admin = await t.login('admin');
    const list = (await t.call('GET', '/api/v1/cooperations?q=深圳—汕头', { token: admin })).json<{ items: { id: string }[] }>();
    cooperationId = list.items[0]?.id ?? '';
    expect(cooperationId).not.toBe('');
  });
  afterAll(() => t?.close());

  it('refuses a wrong current password, a weak new one and the same one, and changes nothing', async () => {
    const session = await t.login('qd.leader');
    const hashBefore = (await t.services.database.db.select().from(users).where(eq(users.username, 'qd.leader')))[0]?.passwordHash;
    const wrong = await change(session, 'not-my-password', NEW);
    const weak = await change(session, OLD, 'aaaaaaaaaaaa');
    const same = await change(session, OLD, OLD);
    console.log(`account password: wrong current → ${wrong.statusCode} ${wrong.json().error.code}; weak → ${weak.statusCode} ${weak.json().error.code}; same → ${same.statusCode} ${same.json().error.code}`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('auth.wrong_password');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('user.weak_password');
    expect(same.statusCode).toBe(400);
    expect(same.json().error.code).toBe('auth.same_password');
    const hashAfter = (await t.services.database.db.select().from(users).where(eq(users.username, 'qd.leader')))[0]?.passwordHash;
    expect(hashAfter).toBe(hashBefore);
    expect(await loginStatus('qd.leader', OLD)).toBe(200);
  });

  it('refuses an API token, even one that may write', async () => {
    const session = await t.login('sz.fgw');
    const created = await t.call('POST', `/api/v1/cooperations/${cooperationId}/api-tokens`, { token: session, body: { name: 'password probe', scope: 'write' } });
    expect(created.statusCode).toBe(201);
    const res = await change(created.json<{ token: string }>().token, OLD, NEW);
    console.log(`account password: through a write API token → ${res.statusCode}`);
    expect(res.statusCode).toBe(403);
    expect(await loginStatus('sz.fgw', OLD)).toBe(200);
  });

  it('changes the password, ends the other sessions but keeps this one and the API tokens, and audits it without the password', async () => {
    const here = await t.login('st.fgw');
    const elsewhere = await t.login('st.fgw');
    const token = (
      await t.call('POST', `/api/v1/cooperations/${cooperationId}/api-tokens`, { token: here, body: { name: 'kept', scope: 'read' } })
    ).json<{ token: string }>().token;

    const res = await change(here, OLD, NEW);
    const hereAfter = await t.call('GET', '/api/v1/me', { token: here });
    const elsewhereAfter = await t.call('GET', '/api/v1/me', { token: elsewhere });
    const tokenAfter = await t.call('GET', `/api/v1/cooperations/${cooperationId}`, { token });
    console.log(`account password: change → ${res.statusCode} ${res.body}; this session ${hereAfter.statusCode}, the other ${elsewhereAfter.statusCode}, API token ${tokenAfter.statusCode}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sessionsEnded: 1 });
    expect(hereAfter.statusCode).toBe(200);
    // The account page shows the unit by name.
    expect(hereAfter.json().organization).toMatchObject({ name: '汕头市发展和改革局' });
    expect(elsewhereAfter.statusCode).toBe(401);
    expect(tokenAfter.statusCode).toBe(200);
    expect(await loginStatus('st.fgw', OLD)).toBe(401);
    expect(await loginStatus('st.fgw', NEW)).toBe(200);

    const [user] = await t.services.database.db.select().from(users).where(eq(users.username, 'st.fgw'));
    const entries = await t.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, user?.id ?? ''), eq(auditLog.action, 'change_password')));
    expect(entries).toHaveLength(1);
    const recorded = JSON.stringify(entries[0]);
    expect(recorded).not.toContain(NEW);
    expect(recorded).not.toContain(OLD);
    expect(recorded).not.toContain(user?.passwordHash ?? 'no hash');
    expect(recorded).not.toContain('scrypt$');
  });
});
