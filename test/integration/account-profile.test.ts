import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/core.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { expectError } from './task-fixtures.ts';

interface Me {
  user: { id: string; email: string | null; locale: string; version: number };
}

describe.each(databaseFlavours())('changing one’s own profile on %s', (flavour) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(flavour);
  });
  afterAll(() => t?.close());

  const me = async (token: string) => (await t.call('GET', '/api/v1/me', { token })).json<Me>().user;

  it("changes one's own mail address and language with the version, refuses another account's address, a malformed one and a stale version, and audits the change", async () => {
    const [leader, unit] = await Promise.all([t.login('qd.leader'), t.login('qd.kj')]);
    const before = await me(leader);
    const changed = await t.call('PATCH', '/api/v1/me', { token: leader, body: { version: before.version, email: 'Leader@Qingdao.example.cn', locale: 'en' } });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await me(leader);
    expect(after).toMatchObject({ email: 'Leader@Qingdao.example.cn', locale: 'en', version: before.version + 1 });

    // Mail addresses are compared as mail servers do: another case is the same address.
    expectError(await t.call('PATCH', '/api/v1/me', { token: unit, body: { version: (await me(unit)).version, email: 'leader@qingdao.example.cn' } }), 409, 'user.email_taken');
    expectError(await t.call('PATCH', '/api/v1/me', { token: leader, body: { version: after.version, email: 'not-a-mail' } }), 400, 'request.invalid');
    expectError(await t.call('PATCH', '/api/v1/me', { token: leader, body: { version: before.version, email: null } }), 409, 'user.version_conflict');
    // The admin area keeps to the same rule.
    const admin = await t.login('admin');
    const unitUser = (await t.call('GET', '/api/v1/users?q=qd.kj', { token: admin })).json<{ items: { id: string; username: string; version: number }[] }>().items.find((u) => u.username === 'qd.kj');
    expectError(await t.call('PATCH', `/api/v1/users/${unitUser?.id}`, { token: admin, body: { version: unitUser?.version, email: 'LEADER@qingdao.example.cn' } }), 409, 'user.email_taken');

    const entries = await t.services.database.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, before.id), eq(auditLog.action, 'update')));
    expect(entries.map((e) => (e.after as { email: string | null }).email)).toEqual(['Leader@Qingdao.example.cn']);
    expect(JSON.stringify(entries)).not.toContain('passwordHash');
    // Cleared again, the address is free for anyone.
    expect((await t.call('PATCH', '/api/v1/me', { token: leader, body: { version: after.version, email: null } })).statusCode).toBe(200);
    expect((await me(leader)).email).toBeNull();
  });
});
