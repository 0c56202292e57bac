import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessToday } from '../../src/modules/task/business-date.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { expectError } from './task-fixtures.ts';

/**
 * Issue 11, a cooperation workable from the moment it is created (by import or
 * by hand): its creator is the office of its own unit's side only, the other
 * sides' offices may be named (users of that side's region), an import brings
 * this year's quarterly periods, and the cooperation names what is still
 * missing, counted as far as the reader sees.
 */

interface Gap {
  item: string;
  partyId: string | null;
  partyName: string | null;
}
interface Cooperation {
  id: string;
  version: number;
  parties: { id: string; regionCode: string; hasOffice: boolean; coordinatingOrganization: { name: string } | null; can: { manageMembers: boolean; appointOffice: boolean } }[];
  setup: Gap[] | null;
  can: { manage: boolean; delete: boolean };
}
interface Member {
  username: string;
  partyId: string;
  role: string;
}

const QINGDAO = '370200';
const SHENZHEN = '440300';
const NINGBO = '330200';
const HEFEI = '340100';

describe.each(databaseFlavours())('setting up a new cooperation on %s', (flavour) => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await t.login(username));
    return tokens.get(username) ?? '';
  };
  const get = async (id: string, username: string) => (await t.call('GET', `/api/v1/cooperations/${id}`, { token: await token(username) })).json<Cooperation>();
  const members = async (id: string) =>
    (await t.call('GET', `/api/v1/cooperations/${id}/memberships`, { token: await token('admin') })).json<{ items: Member[] }>().items;
  const total = async () => (await t.call('GET', '/api/v1/cooperations?pageSize=100', { token: await token('admin') })).json<{ total: number }>().total;
  const importText = async (username: string, name: string, regions: string[], extra: Record<string, unknown> = {}) =>
    t.call('POST', '/api/v1/ingest/commit', {
      token: await token(username),
      body: {
        cooperation: { name },
        parties: regions.map((regionCode) => ({ regionCode })),
        agreement: { title: `${name}框架协议`, text: '双方同意加强合作。' },
        ...extra,
      },
    });
  const create = async (username: string, body: Record<string, unknown>) => t.call('POST', '/api/v1/cooperations', { token: await token(username), body });
  const items = (c: Cooperation) => (c.setup ?? []).map((g) => `${g.item}:${c.parties.find((p) => p.id === g.partyId)?.regionCode ?? ''}`).sort();

  beforeAll(async () => {
    t = await startTestApp(flavour);
  });
  afterAll(() => t?.close());

  it("makes the importing office the office of its own unit's side only, with this year's quarters, and lists what is missing", async () => {
    const res = await importText('qd.fgw', '青岛—宁波（导入）', [NINGBO, QINGDAO]);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ cooperationId: string }>().cooperationId;

    const cooperation = await get(id, 'qd.fgw');
    const qingdao = cooperation.parties.find((p) => p.regionCode === QINGDAO);
    const ningbo = cooperation.parties.find((p) => p.regionCode === NINGBO);
    // Ningbo is named first: the office still lands on its own city's side, not on the first party.
    expect((await members(id)).map((m) => [m.username, m.partyId, m.role])).toEqual([['qd.fgw', qingdao?.id, 'coordinator']]);
    expect(ningbo?.hasOffice).toBe(false);
    // The importer's unit coordinates its side; the other side names its own.
    expect(qingdao?.coordinatingOrganization?.name).toBe('青岛市发展和改革委员会');
    expect(ningbo?.coordinatingOrganization).toBeNull();

    const year = businessToday(t.services.config.timeZone).slice(0, 4);
    const periods = (await t.call('GET', `/api/v1/cooperations/${id}/periods`, { token: await token('qd.fgw') })).json<{ items: { kind: string; startsOn: string; endsOn: string }[] }>().items;
    expect(periods.map((p) => `${p.kind} ${p.startsOn}–${p.endsOn}`)).toEqual([
      `quarterly ${year}-01-01–${year}-03-31`,
      `quarterly ${year}-04-01–${year}-06-30`,
      `quarterly ${year}-07-01–${year}-09-30`,
      `quarterly ${year}-10-01–${year}-12-31`,
    ]);

    // Qingdao has demo units and the import brought an agreement and periods; Ningbo has neither office nor units, and there are no tasks.
    expect(items(cooperation)).toEqual([`office:${NINGBO}`, 'tasks:', `units:${NINGBO}`]);
    expect((cooperation.setup ?? []).find((g) => g.item === 'office')?.partyName).toBe('宁波市');
  });

  it('refuses an office whose unit is on none of the sides, and saves nothing of the import', async () => {
    const before = await total();
    expectError(await importText('qd.fgw', '合肥—宁波（导入）', [HEFEI, NINGBO]), 403, 'cooperation.no_own_side');
    expectError(await create('qd.fgw', { name: '合肥—宁波（手工）', parties: [{ regionCode: HEFEI }, { regionCode: NINGBO }] }), 403, 'cooperation.no_own_side');
    expect(await total()).toBe(before);
  });

  it("lets an admin import between any regions without becoming an office, and makes no periods when told 'none'", async () => {
    const res = await importText('admin', '合肥—宁波（管理员导入）', [HEFEI, NINGBO], { periods: 'none' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ cooperationId: string }>().cooperationId;
    expect(await members(id)).toEqual([]);
    const cooperation = await get(id, 'admin');
    expect(items(cooperation)).toEqual([`office:${NINGBO}`, `office:${HEFEI}`, 'periods:', 'tasks:', `units:${NINGBO}`, `units:${HEFEI}`]);
  });

  it("names the other side's office at creation only from that side's region, never the creator", async () => {
    const parties = [{ regionCode: QINGDAO }, { regionCode: SHENZHEN }];
    expectError(await create('qd.fgw', { name: '青深（错配）', parties, offices: [{ regionCode: SHENZHEN, username: 'qd.kj' }] }), 400, 'cooperation.office_elsewhere');
    expectError(await create('qd.fgw', { name: '青深（自任）', parties, offices: [{ regionCode: SHENZHEN, username: 'qd.fgw' }] }), 400, 'cooperation.office_self');
    const unknown = await create('qd.fgw', { name: '青深（无此人）', parties, offices: [{ regionCode: SHENZHEN, username: 'nobody.here' }] });
    expectError(unknown, 400, 'cooperation.office_unknown');
    // The refusal names the side and the user, for the form to show it there.
    expect(unknown.json<{ error: { details: unknown } }>().error.details).toEqual({ regionCode: SHENZHEN, username: 'nobody.here' });

    const res = await create('qd.fgw', { name: '青深（双方协调办）', parties, offices: [{ regionCode: SHENZHEN, username: 'sz.fgw' }], periods: 'half_yearly' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<Cooperation>();
    // The answer is already the creator's: it manages what it just made.
    expect(created.can.manage).toBe(true);
    const byRegion = (code: string) => created.parties.find((p) => p.regionCode === code)?.id;
    expect((await members(created.id)).map((m) => [m.username, m.partyId, m.role]).sort()).toEqual(
      [
        ['qd.fgw', byRegion(QINGDAO), 'coordinator'],
        ['sz.fgw', byRegion(SHENZHEN), 'coordinator'],
      ].sort(),
    );
    const periods = (await t.call('GET', `/api/v1/cooperations/${created.id}/periods`, { token: await token('sz.fgw') })).json<{ items: { kind: string }[] }>().items;
    expect(periods.map((p) => p.kind)).toEqual(['half_yearly', 'half_yearly']);
  });

  it('lets a user the admin appointed a cooperation office create a cooperation before being the office of any, and no one else', async () => {
    const admin = await token('admin');
    const units = (await t.call('GET', `/api/v1/organizations?q=${encodeURIComponent('青岛市发展和改革委员会')}`, { token: admin })).json<{ items: { id: string }[] }>();
    const register = async (username: string, isOffice: boolean) => {
      const res = await t.call('POST', '/api/v1/users', {
        token: admin,
        body: { username, displayName: username, organizationId: units.items[0]?.id, isOffice, password: 'first-pass-0123' },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ user: { isOffice: boolean } }>().user.isOffice).toBe(isOffice);
      const first = await t.login(username, 'first-pass-0123');
      const changed = await t.call('POST', '/api/v1/me/password', { token: first, body: { currentPassword: 'first-pass-0123', newPassword: 'own-pass-456789' } });
      expect(changed.statusCode, changed.body).toBeLessThan(300);
      return t.login(username, 'own-pass-456789');
    };
    const office = await register('qd.new.office', true);
    const plain = await register('qd.new.plain', false);
    const me = (await t.call('GET', '/api/v1/me', { token: office })).json<{ can: { register: boolean } }>();
    expect(me.can.register).toBe(true);
    const body = { name: '青深（新协调办）', parties: [{ regionCode: QINGDAO }, { regionCode: SHENZHEN }] };
    expectError(await t.call('POST', '/api/v1/cooperations', { token: plain, body }), 403, 'auth.forbidden');
    const created = await t.call('POST', '/api/v1/cooperations', { token: office, body });
    expect(created.statusCode, created.body).toBe(201);
    expect((await members(created.json<Cooperation>().id)).map((m) => [m.username, m.role])).toEqual([['qd.new.office', 'coordinator']]);
  });

  it("lets an office name the first office of a side that has none, from that side's region and as office only, and no more once it has one", async () => {
    const res = await create('qd.fgw', { name: '青深（后补协调办）', parties: [{ regionCode: QINGDAO }, { regionCode: SHENZHEN }] });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<Cooperation>();
    const shenzhen = created.parties.find((p) => p.regionCode === SHENZHEN);
    expect(shenzhen?.can).toMatchObject({ manageMembers: false, appointOffice: true });
    const add = async (username: string, role: string) =>
      t.call('POST', `/api/v1/cooperations/${created.id}/memberships`, { token: await token('qd.fgw'), body: { username, partyId: shenzhen?.id, role } });
    expectError(await add('sz.kj', 'unit'), 403, 'auth.forbidden');
    expectError(await add('qd.kj', 'coordinator'), 400, 'cooperation.office_elsewhere');
    const appointed = await add('sz.fgw', 'coordinator');
    expect(appointed.statusCode, appointed.body).toBe(201);
    // 深圳 has its office now: it grants its own side's roles, 青岛's office no longer does.
    expectError(await add('sz.kj', 'coordinator'), 403, 'auth.forbidden');
    const after = await get(created.id, 'qd.fgw');
    expect(after.parties.find((p) => p.regionCode === SHENZHEN)?.can.appointOffice).toBe(false);
    expect(items(after)).not.toContain(`office:${SHENZHEN}`);
  });

  it('counts only the tasks and agreements the reader may see, and shows the checklist to offices and admins only', async () => {
    const res = await create('qd.fgw', { name: '青深（清单）', parties: [{ regionCode: QINGDAO }, { regionCode: SHENZHEN }], offices: [{ regionCode: SHENZHEN, username: 'sz.fgw' }] });
    expect(res.statusCode, res.body).toBe(201);
    const { id, parties } = res.json<Cooperation>();
    const qingdao = parties.find((p) => p.regionCode === QINGDAO)?.id;
    const qd = await token('qd.fgw');
    const task = await t.call('POST', `/api/v1/cooperations/${id}/tasks`, { token: qd, body: { title: '青岛一方自己的任务', joint: false, ownerPartyId: qingdao, visibility: 'side' } });
    expect(task.statusCode, task.body).toBe(201);
    const agreement = await t.call('POST', `/api/v1/cooperations/${id}/agreements`, { token: qd, body: { title: '青岛一方的内部文件', kind: 'other', visibility: 'side', ownerPartyId: qingdao } });
    expect(agreement.statusCode, agreement.body).toBe(201);

    expect(items(await get(id, 'qd.fgw'))).toEqual(['periods:']);
    // Shenzhen's office cannot open Qingdao's own task and document: for it the cooperation has neither yet.
    expect(items(await get(id, 'sz.fgw'))).toEqual(['agreement:', 'periods:', 'tasks:']);
    expect(items(await get(id, 'admin'))).toEqual(['periods:']);

    await t.call('POST', `/api/v1/cooperations/${id}/memberships`, { token: qd, body: { username: 'qd.kj', partyId: qingdao, role: 'unit' } });
    expect((await get(id, 'qd.kj')).setup).toBeNull();
  });

  it('lets only an admin delete a cooperation, and not while it has tasks', async () => {
    const res = await create('qd.fgw', { name: '青深（待删除）', parties: [{ regionCode: QINGDAO }, { regionCode: SHENZHEN }] });
    const created = res.json<Cooperation>();
    expect(created.can.delete).toBe(false);
    expect((await get(created.id, 'admin')).can.delete).toBe(true);
    const task = await t.call('POST', `/api/v1/cooperations/${created.id}/tasks`, { token: await token('qd.fgw'), body: { title: '一项任务' } });
    expect(task.statusCode, task.body).toBe(201);

    const del = (username: string, version: number) => token(username).then((tk) => t.call('DELETE', `/api/v1/cooperations/${created.id}?version=${version}`, { token: tk }));
    expectError(await del('qd.fgw', created.version), 403, 'auth.forbidden');
    expectError(await del('admin', created.version), 409, 'cooperation.has_tasks');

    const taskId = task.json<{ id: string; version: number }>();
    const gone = await t.call('DELETE', `/api/v1/tasks/${taskId.id}?version=${taskId.version}`, { token: await token('qd.fgw') });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await del('admin', created.version)).statusCode).toBe(204);
    expect((await t.call('GET', `/api/v1/cooperations/${created.id}`, { token: await token('admin') })).statusCode).toBe(404);
  });
});
