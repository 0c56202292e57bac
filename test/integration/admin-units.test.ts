import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users as userTable } from '../../src/db/schema/core.ts';
import { taskUnits } from '../../src/db/schema/work.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { expectError } from './task-fixtures.ts';

/**
 * Issue 11, people and units from the web: the admin area's users (register
 * with a temporary password that must be changed, edit, disable, reset), and
 * a cooperation's units per side (list, leader, merge a duplicate), and an
 * office registering a person of its own side.
 */

interface UserView {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  organizationId: string | null;
  organizationName: string | null;
  locale: 'zh-CN' | 'en';
  disabled: boolean;
  mustChangePassword: boolean;
  version: number;
}
interface Unit {
  id: string;
  name: string;
  partyId: string;
  regionCode: string;
  version: number;
  leader: { id: string; displayName: string } | null;
  tasks: number;
  users: number;
  can: { edit: boolean };
}
interface Organization {
  id: string;
  name: string;
  version: number;
  leaderUserId: string | null;
}
interface Side {
  partyId: string;
  lead: { organizationId: string; name: string } | null;
  co: { organizationId: string; name: string }[];
}
interface Task {
  id: string;
  title: string;
  sides: Side[];
}
interface AuditPage {
  items: { action: string; entity: string; entityId: string; after: unknown }[];
}

describe.each(databaseFlavours())('admin area and units on %s', (flavour) => {
  let t: TestApp;
  let admin = '';
  let qd = '';
  let sz = '';
  let qdSz = '';
  let qdParty = '';
  let szParty = '';
  const login = (username: string, password: string) => t.call('POST', '/api/v1/auth/login', { body: { username, password } });
  const userId = async (username: string) => {
    const [row] = await t.services.database.db.select({ id: userTable.id }).from(userTable).where(eq(userTable.username, username));
    if (!row) throw new Error(`user ${username} missing`);
    return row.id;
  };
  const units = async (token = qd) => (await t.call('GET', `/api/v1/cooperations/${qdSz}/units`, { token })).json<{ items: Unit[] }>().items;
  const unitNamed = async (name: string, partyId = qdParty) => {
    const unit = (await units(admin)).find((u) => u.name === name && u.partyId === partyId);
    if (!unit) throw new Error(`unit ${name} missing`);
    return unit;
  };

  beforeAll(async () => {
    t = await startTestApp(flavour);
    [admin, qd, sz] = await Promise.all([t.login('admin'), t.login('qd.fgw'), t.login('sz.fgw')]);
    const list = (await t.call('GET', `/api/v1/cooperations?q=${encodeURIComponent('青岛—深圳')}`, { token: admin })).json<{ items: { id: string }[] }>();
    qdSz = list.items[0]?.id ?? '';
    const cooperation = (await t.call('GET', `/api/v1/cooperations/${qdSz}`, { token: qd })).json<{ parties: { id: string; regionCode: string }[] }>();
    qdParty = cooperation.parties.find((p) => p.regionCode === '370200')?.id ?? '';
    szParty = cooperation.parties.find((p) => p.regionCode === '440300')?.id ?? '';
  });
  afterAll(() => t?.close());

  it('offers the admin area to admins only, and lists users found by part of their username, name or mail address', async () => {
    const can = async (token: string) => (await t.call('GET', '/api/v1/me', { token })).json<{ can: { administer: boolean } }>().can.administer;
    expect(await can(admin)).toBe(true);
    expect(await can(qd)).toBe(false);
    expectError(await t.call('GET', '/api/v1/users', { token: qd }), 403, 'auth.forbidden');
    const found = (await t.call('GET', `/api/v1/users?q=${encodeURIComponent('科技')}`, { token: admin })).json<{ items: UserView[]; total: number }>();
    expect(found.items.map((u) => u.username).sort()).toEqual(['qd.kj', 'sz.kj']);
    expect(found.items.find((u) => u.username === 'qd.kj')?.organizationName).toBe('青岛市科学技术局');
    expect(JSON.stringify(found)).not.toContain('scrypt');
  });

  it('registers a user with a temporary password shown once, who must choose their own before anything else; refuses a taken username and a weak password', async () => {
    const units = (await t.call('GET', '/api/v1/organizations?regionCode=370200&pageSize=200', { token: admin })).json<{ items: { id: string; name: string }[] }>().items;
    const kj = units.find((u) => u.name === '青岛市科学技术局')?.id;
    const res = await t.call('POST', '/api/v1/users', { token: admin, body: { username: 'qd.kj.2', displayName: '科技局新联络员', email: 'kj2@qingdao.example.cn', organizationId: kj, locale: 'en' } });
    expect(res.statusCode, res.body).toBe(201);
    const { user, temporaryPassword } = res.json<{ user: UserView; temporaryPassword: string }>();
    expect(user).toMatchObject({ username: 'qd.kj.2', organizationName: '青岛市科学技术局', locale: 'en', mustChangePassword: true, disabled: false });
    expect(temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);

    const signedIn = await login('qd.kj.2', temporaryPassword);
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const token = signedIn.json<{ token: string; user: { mustChangePassword: boolean } }>().token;
    expect(signedIn.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
    expect((await t.call('GET', '/api/v1/me', { token })).statusCode).toBe(200);
    expectError(await t.call('GET', '/api/v1/cooperations', { token }), 403, 'auth.password_change_required');
    const changed = await t.call('POST', '/api/v1/me/password', { token, body: { currentPassword: temporaryPassword, newPassword: 'kj2-own-password' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await t.call('GET', '/api/v1/cooperations', { token })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/me', { token })).json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(false);

    expectError(await t.call('POST', '/api/v1/users', { token: admin, body: { username: 'qd.kj.2', displayName: '重名' } }), 409, 'user.username_taken');
    expectError(await t.call('POST', '/api/v1/users', { token: admin, body: { username: 'qd.weak', displayName: '弱密码', password: 'aaaaaaaaaaaa' } }), 400, 'user.weak_password');
    expectError(await t.call('POST', '/api/v1/users', { token: admin, body: { username: '张三', displayName: '中文用户名' } }), 400, 'request.invalid');
    expectError(await t.call('POST', '/api/v1/users', { token: admin, body: { username: 'qd.mail', displayName: '邮箱', email: 'not-a-mail' } }), 400, 'request.invalid');
    expectError(await t.call('POST', '/api/v1/users', { token: qd, body: { username: 'qd.office.made', displayName: '协调办建的' } }), 403, 'auth.forbidden');

    const chosen = await t.call('POST', '/api/v1/users', { token: admin, body: { username: 'qd.chosen', displayName: '自选密码', password: 'chosen-by-admin-1' } });
    expect(chosen.statusCode, chosen.body).toBe(201);
    expect(chosen.json<{ temporaryPassword: string | null; user: UserView }>()).toMatchObject({ temporaryPassword: null, user: { mustChangePassword: true } });

    const trail = (await t.call('GET', `/api/v1/audit?entity=user&entityId=${user.id}`, { token: admin })).json<AuditPage>();
    expect(trail.items.map((e) => e.action).sort()).toEqual(['change_password', 'create', 'login']);
    expect(JSON.stringify(trail)).not.toMatch(/scrypt|passwordHash/);
  });

  it('edits name, mail, unit and language with the version read, answering 409 to an older version and 404 to an unknown unit', async () => {
    const id = await userId('qd.chosen');
    const before = (await t.call('GET', `/api/v1/users/${id}`, { token: admin })).json<UserView>();
    const saved = await t.call('PATCH', `/api/v1/users/${id}`, { token: admin, body: { version: before.version, displayName: '改过的名字', email: 'chosen@qingdao.example.cn', locale: 'en' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<UserView>()).toMatchObject({ displayName: '改过的名字', email: 'chosen@qingdao.example.cn', locale: 'en', version: before.version + 1 });
    expectError(await t.call('PATCH', `/api/v1/users/${id}`, { token: admin, body: { version: before.version, displayName: '旧版本' } }), 409, 'user.version_conflict');
    expectError(
      await t.call('PATCH', `/api/v1/users/${id}`, { token: admin, body: { version: before.version + 1, organizationId: '00000000-0000-4000-8000-000000000000' } }),
      404,
      'organization.not_found',
    );
    const trail = (await t.call('GET', `/api/v1/audit?entity=user&entityId=${id}`, { token: admin })).json<AuditPage>();
    expect(trail.items.map((e) => e.action)).toContain('update');
  });

  it('disables a user: their sessions end, login and API tokens are refused; enabled again they log in, the tokens stay revoked; an admin cannot disable themselves', async () => {
    const session = await t.login('qd.kj');
    const issued = await t.call('POST', `/api/v1/cooperations/${qdSz}/api-tokens`, { token: qd, body: { name: '台账同步', scope: 'read' } });
    expect(issued.statusCode, issued.body).toBe(201);
    const apiToken = issued.json<{ token: string }>().token;
    const id = await userId('qd.fgw');
    const before = (await t.call('GET', `/api/v1/users/${id}`, { token: admin })).json<UserView>();
    const disabled = await t.call('POST', `/api/v1/users/${id}/disable`, { token: admin, body: { version: before.version } });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json<UserView>().disabled).toBe(true);
    expectError(await t.call('GET', '/api/v1/me', { token: qd }), 401, 'auth.required');
    expectError(await t.call('GET', `/api/v1/cooperations/${qdSz}`, { token: apiToken }), 401, 'auth.required');
    expectError(await login('qd.fgw', 'liandong-demo'), 401, 'auth.invalid_credentials');
    // Someone else's session is left alone.
    expect((await t.call('GET', '/api/v1/me', { token: session })).statusCode).toBe(200);

    const enabled = await t.call('POST', `/api/v1/users/${id}/enable`, { token: admin, body: { version: before.version + 1 } });
    expect(enabled.statusCode, enabled.body).toBe(200);
    qd = await t.login('qd.fgw');
    expectError(await t.call('GET', `/api/v1/cooperations/${qdSz}`, { token: apiToken }), 401, 'auth.required');
    const trail = (await t.call('GET', `/api/v1/audit?entity=user&entityId=${id}`, { token: admin })).json<AuditPage>();
    expect(trail.items.find((e) => e.action === 'disable')?.after).toMatchObject({ disabled: true, tokensRevoked: 1 });
    expect(trail.items.some((e) => e.action === 'enable')).toBe(true);

    const adminId = await userId('admin');
    const self = (await t.call('GET', `/api/v1/users/${adminId}`, { token: admin })).json<UserView>();
    expectError(await t.call('POST', `/api/v1/users/${adminId}/disable`, { token: admin, body: { version: self.version } }), 409, 'user.cannot_disable_self');
  });

  it('resets a password to a temporary one shown once: the old one is refused, the user is signed out and must choose a new one', async () => {
    const session = await t.login('sz.kj');
    const id = await userId('sz.kj');
    const before = (await t.call('GET', `/api/v1/users/${id}`, { token: admin })).json<UserView>();
    expectError(await t.call('POST', `/api/v1/users/${id}/password-reset`, { token: sz, body: { version: before.version } }), 403, 'auth.forbidden');
    const res = await t.call('POST', `/api/v1/users/${id}/password-reset`, { token: admin, body: { version: before.version } });
    expect(res.statusCode, res.body).toBe(200);
    const { temporaryPassword, user } = res.json<{ temporaryPassword: string; user: UserView }>();
    expect(user.mustChangePassword).toBe(true);
    expectError(await t.call('GET', '/api/v1/me', { token: session }), 401, 'auth.required');
    expectError(await login('sz.kj', 'liandong-demo'), 401, 'auth.invalid_credentials');
    expect((await login('sz.kj', temporaryPassword)).statusCode).toBe(200);
    const trail = (await t.call('GET', `/api/v1/audit?entity=user&entityId=${id}`, { token: admin })).json<AuditPage>();
    expect(JSON.stringify(trail)).not.toContain(temporaryPassword);
    expect(trail.items.map((e) => e.action)).toContain('reset_password');
  });

  it("lists each side's units to the members, editable only where the caller keeps the unit; refuses a leader from outside the office's people", async () => {
    const list = await units(qd);
    const kj = list.find((u) => u.name === '青岛市科学技术局');
    expect(kj).toMatchObject({ partyId: qdParty, can: { edit: true } });
    expect(kj?.tasks).toBeGreaterThan(0);
    const szKj = list.find((u) => u.name === '深圳市科技创新局');
    expect(szKj).toMatchObject({ partyId: szParty, can: { edit: false } });
    expect((await units(await t.login('qd.kj'))).every((u) => !u.can.edit)).toBe(true);
    // 青岛—深圳 is public: a reader from elsewhere sees it, not who works in it.
    expectError(await t.call('GET', `/api/v1/cooperations/${qdSz}/units`, { token: await t.login('dl.fgw') }), 403, 'auth.forbidden');

    if (!kj || !szKj) throw new Error('units missing');
    // A task of 青岛's own counts for 青岛, and for nothing on 深圳's screen.
    const own = await t.call('POST', `/api/v1/cooperations/${qdSz}/tasks`, {
      token: qd,
      body: { title: '青岛内部科技任务', joint: false, ownerPartyId: qdParty, visibility: 'side', units: [{ partyId: qdParty, organizationId: kj.id, role: 'lead' }] },
    });
    expect(own.statusCode, own.body).toBe(201);
    const countFor = async (token: string) => (await units(token)).find((u) => u.id === kj.id)?.tasks;
    expect(await countFor(qd)).toBe(kj.tasks + 1);
    expect(await countFor(sz)).toBe(kj.tasks);
    const leader = await userId('qd.leader');
    const set = await t.call('PATCH', `/api/v1/organizations/${kj.id}`, { token: qd, body: { version: kj.version, leaderUserId: leader } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<Organization>().leaderUserId).toBe(leader);
    expect((await unitNamed('青岛市科学技术局')).leader).toEqual({ id: leader, displayName: '青岛市分管副市长' });
    expectError(
      await t.call('PATCH', `/api/v1/organizations/${kj.id}`, { token: qd, body: { version: kj.version + 1, leaderUserId: await userId('sz.fgw') } }),
      400,
      'organization.leader_not_eligible',
    );
    expectError(await t.call('PATCH', `/api/v1/organizations/${szKj.id}`, { token: qd, body: { version: szKj.version, name: '深圳科创委' } }), 403, 'auth.forbidden');
  });

  it('merges a duplicate unit into the kept one in one go: task units (lead kept), users and the audit follow, the duplicate is gone; refuses another region and another side', async () => {
    const created = await t.call('POST', '/api/v1/organizations', { token: qd, body: { name: '青岛市科技局', kind: 'department', regionCode: '370200' } });
    expect(created.statusCode, created.body).toBe(201);
    const duplicate = created.json<Organization>();
    const kept = await unitNamed('青岛市科学技术局');
    const ledger = (await t.call('GET', `/api/v1/cooperations/${qdSz}/tasks?pageSize=200`, { token: qd })).json<{ items: Task[] }>().items;
    const qdSide = (task: Task) => task.sides.find((s) => s.partyId === qdParty);
    const ledByKept = ledger.find((task) => qdSide(task)?.lead?.organizationId === kept.id);
    const other = ledger.find((task) => task !== ledByKept && !qdSide(task)?.co.length && qdSide(task)?.lead?.organizationId !== kept.id);
    if (!ledByKept || !other) throw new Error('demo tasks missing');
    const db = t.services.database.db;
    await db.insert(taskUnits).values([
      { cooperationId: qdSz, taskId: ledByKept.id, partyId: qdParty, organizationId: duplicate.id, role: 'co' },
      { cooperationId: qdSz, taskId: other.id, partyId: qdParty, organizationId: duplicate.id, role: 'co' },
    ]);
    const person = await t.call('POST', '/api/v1/users', { token: admin, body: { username: 'qd.dup.person', displayName: '重复单位的人', organizationId: duplicate.id } });
    expect(person.statusCode, person.body).toBe(201);
    expect((await unitNamed('青岛市科技局')).tasks).toBe(2);

    const szUnit = await unitNamed('深圳市科技创新局', szParty);
    expectError(await t.call('POST', `/api/v1/organizations/${duplicate.id}/merge`, { token: admin, body: { version: duplicate.version, intoId: szUnit.id, intoVersion: szUnit.version } }), 409, 'organization.merge_other_region');
    expectError(await t.call('POST', `/api/v1/organizations/${duplicate.id}/merge`, { token: sz, body: { version: duplicate.version, intoId: kept.id, intoVersion: kept.version } }), 403, 'auth.forbidden');
    expectError(await t.call('POST', `/api/v1/organizations/${duplicate.id}/merge`, { token: qd, body: { version: duplicate.version, intoId: duplicate.id, intoVersion: duplicate.version } }), 400, 'organization.merge_same');
    expectError(await t.call('POST', `/api/v1/organizations/${duplicate.id}/merge`, { token: qd, body: { version: duplicate.version, intoId: kept.id, intoVersion: kept.version + 5 } }), 409, 'organization.version_conflict');

    const merged = await t.call('POST', `/api/v1/organizations/${duplicate.id}/merge`, { token: qd, body: { version: duplicate.version, intoId: kept.id, intoVersion: kept.version } });
    expect(merged.statusCode, merged.body).toBe(200);
    expectError(await t.call('GET', `/api/v1/organizations/${duplicate.id}`, { token: qd }), 404, 'organization.not_found');
    const task = async (id: string) => (await t.call('GET', `/api/v1/tasks/${id}`, { token: qd })).json<Task>();
    const first = qdSide(await task(ledByKept.id));
    expect(first?.lead?.organizationId).toBe(kept.id);
    expect(first?.co.map((u) => u.organizationId)).not.toContain(duplicate.id);
    expect(qdSide(await task(other.id))?.co.map((u) => u.name)).toEqual(['青岛市科学技术局']);
    const moved = (await t.call('GET', `/api/v1/users/${await userId('qd.dup.person')}`, { token: admin })).json<UserView>();
    expect(moved.organizationName).toBe('青岛市科学技术局');
    expect((await units(qd)).some((u) => u.id === duplicate.id)).toBe(false);
    const trail = (await t.call('GET', `/api/v1/cooperations/${qdSz}/audit?entity=organization&entityId=${duplicate.id}`, { token: qd })).json<AuditPage>();
    expect(trail.items.find((e) => e.action === 'merge')?.after).toMatchObject({ mergedInto: { id: kept.id }, moved: { taskUnits: 2, users: 1 } });
  });

  it("lets a side's office register a person of its own side and appoint them, with a temporary password; not on the other side or in another region's unit", async () => {
    const kj = await unitNamed('青岛市科学技术局');
    const szUnit = await unitNamed('深圳市科技创新局', szParty);
    const body = { username: 'qd.kj.new', displayName: '科技局新人', partyId: qdParty, organizationId: kj.id, role: 'unit' };
    expectError(await t.call('POST', `/api/v1/cooperations/${qdSz}/member-users`, { token: qd, body: { ...body, organizationId: szUnit.id } }), 400, 'user.unit_elsewhere');
    expectError(await t.call('POST', `/api/v1/cooperations/${qdSz}/member-users`, { token: sz, body }), 403, 'auth.forbidden');
    expectError(await t.call('POST', `/api/v1/cooperations/${qdSz}/member-users`, { token: qd, body: { ...body, username: 'qd.kj' } }), 409, 'user.username_taken');
    expectError(await t.call('POST', `/api/v1/cooperations/${qdSz}/member-users`, { token: await t.login('qd.kj'), body }), 403, 'auth.forbidden');
    const res = await t.call('POST', `/api/v1/cooperations/${qdSz}/member-users`, { token: qd, body });
    expect(res.statusCode, res.body).toBe(201);
    const { temporaryPassword, membershipId } = res.json<{ temporaryPassword: string; membershipId: string }>();
    const members = (await t.call('GET', `/api/v1/cooperations/${qdSz}/memberships`, { token: qd })).json<{ items: { id: string; username: string; role: string; partyId: string }[] }>().items;
    expect(members.find((m) => m.id === membershipId)).toMatchObject({ username: 'qd.kj.new', role: 'unit', partyId: qdParty });
    expect((await login('qd.kj.new', temporaryPassword)).json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
    const trail = (await t.call('GET', `/api/v1/cooperations/${qdSz}/audit?entity=user`, { token: qd })).json<AuditPage>();
    expect(trail.items.some((e) => e.action === 'create')).toBe(true);
  });
});
