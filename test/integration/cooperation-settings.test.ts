import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { expectError } from './task-fixtures.ts';

/**
 * Issue 11, settings of a cooperation as its offices keep them from the web:
 * general fields, parties (region, name, order, coordinating organization,
 * removal) and reporting periods (generate, due date, close).
 */

interface Party {
  id: string;
  name: string;
  regionCode: string;
  ordinal: number;
  version: number;
  coordinatingOrganization: { id: string; name: string } | null;
  hasOffice: boolean;
  can: { edit: boolean; registerUnits: boolean; manageMembers: boolean };
}
interface Cooperation {
  id: string;
  name: string;
  version: number;
  parties: Party[];
  can: { manage: boolean };
}
interface Period {
  id: string;
  label: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  closedAt: string | null;
  version: number;
}
interface AuditPage {
  items: { action: string; entity: string; entityId: string; actorUsername: string | null }[];
}

describe.each(databaseFlavours())('cooperation settings on %s', (flavour) => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await t.login(username));
    return tokens.get(username) ?? '';
  };
  const idOf = async (name: string) => {
    const list = (await t.call('GET', `/api/v1/cooperations?q=${encodeURIComponent(name)}`, { token: await token('admin') })).json<{ items: { id: string }[] }>();
    const id = list.items[0]?.id;
    if (!id) throw new Error(`demo cooperation ${name} missing`);
    return id;
  };
  const get = async (id: string, username = 'qd.fgw') => (await t.call('GET', `/api/v1/cooperations/${id}`, { token: await token(username) })).json<Cooperation>();
  const orgId = async (regionCode: string, name: string) => {
    const page = (await t.call('GET', `/api/v1/organizations?regionCode=${regionCode}&pageSize=200`, { token: await token('qd.fgw') })).json<{ items: { id: string; name: string }[] }>();
    const found = page.items.find((o) => o.name === name);
    if (!found) throw new Error(`demo unit ${name} missing`);
    return found.id;
  };
  const auditOf = async (cooperationId: string, entity: string) =>
    (await t.call('GET', `/api/v1/cooperations/${cooperationId}/audit?entity=${entity}&pageSize=50`, { token: await token('qd.fgw') })).json<AuditPage>();

  let qdSz = '';
  let cnJp = '';

  beforeAll(async () => {
    t = await startTestApp(flavour);
    qdSz = await idOf('青岛—深圳');
    cnJp = await idOf('中日(青岛)');
  });
  afterAll(() => t?.close());

  it('tells the offices and admins, not units or leaders, that they may manage the cooperation, and which parties each may edit', async () => {
    expect((await get(qdSz, 'qd.fgw')).can.manage).toBe(true);
    expect((await get(qdSz, 'admin')).can.manage).toBe(true);
    expect((await get(qdSz, 'qd.kj')).can.manage).toBe(false);
    expect((await get(qdSz, 'qd.leader')).can.manage).toBe(false);
    const byQingdao = await get(qdSz, 'qd.fgw');
    const edit = Object.fromEntries(byQingdao.parties.map((p) => [p.regionCode, p.can.edit]));
    expect(edit).toEqual({ '370200': true, '440300': false });
    // 日本 has no office of its own in the demo: 青岛's office keeps its party record until it has one.
    const cn = await get(cnJp, 'qd.fgw');
    expect(cn.parties.map((p) => [p.regionCode, p.hasOffice, p.can.edit, p.can.registerUnits])).toEqual([
      ['370200', true, true, true],
      ['JP', false, true, false],
    ]);
    expect((await get(qdSz, 'qd.kj')).parties.every((p) => !p.can.edit)).toBe(true);
    // Members are appointed by their own side's office even where the other side has none.
    expect(cn.parties.map((p) => p.can.manageMembers)).toEqual([true, false]);
    const members = (await t.call('GET', `/api/v1/cooperations/${qdSz}/memberships`, { token: await token('qd.fgw') })).json<{ items: { username: string; can: { remove: boolean } }[] }>().items;
    expect(members.find((m) => m.username === 'qd.kj')?.can.remove).toBe(true);
    expect(members.find((m) => m.username === 'sz.kj')?.can.remove).toBe(false);
  });

  it("refuses an office changing the party record of another side that has its own office", async () => {
    const shenzhen = (await get(qdSz)).parties.find((p) => p.regionCode === '440300');
    if (!shenzhen) throw new Error('深圳 missing');
    const res = await t.call('PATCH', `/api/v1/cooperations/${qdSz}/parties/${shenzhen.id}`, { token: await token('qd.fgw'), body: { version: shenzhen.version, name: '深圳' } });
    expectError(res, 403, 'auth.forbidden');
    expect((await get(qdSz)).parties.find((p) => p.id === shenzhen.id)?.name).toBe(shenzhen.name);
  });

  it('saves the general fields with the version read, and answers 409 to an edit made on an older version', async () => {
    const before = await get(cnJp);
    const saved = await t.call('PATCH', `/api/v1/cooperations/${cnJp}`, {
      token: await token('qd.fgw'),
      body: { version: before.version, summary: '示范区建设年度重点。', principles: ['互利共赢', '务实推进'], startedOn: '2026-03-01', visibility: 'parties', status: 'active' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<Cooperation>().version).toBe(before.version + 1);
    expectError(await t.call('PATCH', `/api/v1/cooperations/${cnJp}`, { token: await token('qd.fgw'), body: { version: before.version, summary: '旧版本上的修改' } }), 409, 'cooperation.version_conflict');
    expectError(await t.call('PATCH', `/api/v1/cooperations/${cnJp}`, { token: await token('qd.kj'), body: { version: before.version + 1, summary: '单位用户' } }), 404, 'cooperation.not_found');
  });

  it('adds a party with its coordinating organization, refuses the same region twice and an organization of another region, edits and orders it, and audits each change', async () => {
    const yantaiOffice = await orgId('370600', '烟台市发展和改革委员会');
    const qingdaoOffice = await orgId('370200', '青岛市发展和改革委员会');
    const office = await token('qd.fgw');
    expectError(await t.call('POST', `/api/v1/cooperations/${cnJp}/parties`, { token: office, body: { regionCode: '370200' } }), 409, 'party.duplicate_region');
    expectError(
      await t.call('POST', `/api/v1/cooperations/${cnJp}/parties`, { token: office, body: { regionCode: '370600', coordinatingOrganizationId: qingdaoOffice } }),
      400,
      'party.coordinator_elsewhere',
    );
    const added = await t.call('POST', `/api/v1/cooperations/${cnJp}/parties`, { token: office, body: { regionCode: '370600', coordinatingOrganizationId: yantaiOffice } });
    expect(added.statusCode, added.body).toBe(201);
    const yantai = added.json<Cooperation>().parties.find((p) => p.regionCode === '370600');
    expect(yantai).toMatchObject({ name: '烟台市', ordinal: 2, hasOffice: false, can: { edit: true }, coordinatingOrganization: { id: yantaiOffice, name: '烟台市发展和改革委员会' } });
    if (!yantai) throw new Error('烟台 missing');

    // Moved to 潍坊 while nothing depends on it: the 烟台 coordinating organization no longer fits and is refused.
    expectError(
      await t.call('PATCH', `/api/v1/cooperations/${cnJp}/parties/${yantai.id}`, { token: office, body: { version: yantai.version, regionCode: '370700' } }),
      400,
      'party.coordinator_elsewhere',
    );
    expectError(
      await t.call('PATCH', `/api/v1/cooperations/${cnJp}/parties/${yantai.id}`, { token: office, body: { version: yantai.version, regionCode: 'JP' } }),
      409,
      'party.duplicate_region',
    );
    const weifangOffice = await orgId('370700', '潍坊市司法局');
    const moved = await t.call('PATCH', `/api/v1/cooperations/${cnJp}/parties/${yantai.id}`, {
      token: office,
      body: { version: yantai.version, regionCode: '370700', name: '潍坊', coordinatingOrganizationId: weifangOffice },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const weifang = moved.json<Cooperation>().parties.find((p) => p.id === yantai.id);
    expect(weifang).toMatchObject({ regionCode: '370700', name: '潍坊', coordinatingOrganization: { name: '潍坊市司法局' } });
    expectError(
      await t.call('PATCH', `/api/v1/cooperations/${cnJp}/parties/${yantai.id}`, { token: office, body: { version: yantai.version, name: '旧版本' } }),
      409,
      'party.version_conflict',
    );

    const ids = (await get(cnJp)).parties.map((p) => p.id);
    const reordered = [yantai.id, ...ids.filter((id) => id !== yantai.id)];
    expectError(await t.call('PUT', `/api/v1/cooperations/${cnJp}/party-order`, { token: office, body: { partyIds: reordered.slice(1) } }), 409, 'party.order_stale');
    const ordered = await t.call('PUT', `/api/v1/cooperations/${cnJp}/party-order`, { token: office, body: { partyIds: reordered } });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect(ordered.json<Cooperation>().parties.map((p) => p.id)).toEqual(reordered);
    expectError(await t.call('PUT', `/api/v1/cooperations/${cnJp}/party-order`, { token: await token('qd.leader'), body: { partyIds: ids } }), 404, 'cooperation.not_found');

    const audit = await auditOf(cnJp, 'party');
    expect(audit.items.filter((e) => e.entityId === yantai.id).map((e) => e.action)).toEqual(['update', 'create']);
    expect(audit.items.some((e) => e.action === 'reorder' && e.actorUsername === 'qd.fgw')).toBe(true);
  });

  it('refuses removing a party that tasks, units and members depend on with 409 and the counts, and removes one nothing depends on', async () => {
    const qingdao = (await get(qdSz)).parties.find((p) => p.regionCode === '370200');
    if (!qingdao) throw new Error('青岛 missing');
    const refused = await t.call('DELETE', `/api/v1/cooperations/${qdSz}/parties/${qingdao.id}?version=${qingdao.version}`, { token: await token('qd.fgw') });
    expectError(refused, 409, 'party.in_use');
    const counts = refused.json<{ error: { details: Record<string, number> } }>().error.details;
    expect(counts.tasks).toBeGreaterThan(0);
    expect(counts.units).toBeGreaterThan(0);
    expect(counts.members).toBeGreaterThan(0);
    expect((await get(qdSz)).parties).toHaveLength(2);

    const weifang = (await get(cnJp)).parties.find((p) => p.regionCode === '370700');
    if (!weifang) throw new Error('潍坊 missing');
    expectError(await t.call('DELETE', `/api/v1/cooperations/${cnJp}/parties/${weifang.id}?version=${weifang.version}`, { token: await token('qd.kj') }), 404, 'cooperation.not_found');
    const removed = await t.call('DELETE', `/api/v1/cooperations/${cnJp}/parties/${weifang.id}?version=${weifang.version}`, { token: await token('qd.fgw') });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await get(cnJp)).parties.map((p) => p.regionCode)).toEqual(['370200', 'JP']);
    expect((await auditOf(cnJp, 'party')).items[0]).toMatchObject({ action: 'delete', entityId: weifang.id, actorUsername: 'qd.fgw' });
    // Two parties remain: a cooperation keeps at least two.
    const japan = (await get(cnJp)).parties.find((p) => p.regionCode === 'JP');
    if (!japan) throw new Error('日本 missing');
    expectError(await t.call('DELETE', `/api/v1/cooperations/${cnJp}/parties/${japan.id}?version=${japan.version}`, { token: await token('qd.fgw') }), 409, 'party.last_two');
  });

  it('generates half-yearly and yearly periods, refuses overlaps, moves a due date (not before the end) and closes a period', async () => {
    const office = await token('qd.fgw');
    const half = await t.call('POST', `/api/v1/cooperations/${cnJp}/periods/generate`, { token: office, body: { kind: 'half_yearly', from: '2027-01-01', to: '2027-12-31', dueAfterDays: 10 } });
    expect(half.statusCode, half.body).toBe(201);
    const periods = half.json<{ items: Period[] }>().items;
    expect(periods.map((p) => [p.label, p.startsOn, p.endsOn, p.dueOn, p.closedAt])).toEqual([
      ['2027年上半年', '2027-01-01', '2027-06-30', '2027-07-10', null],
      ['2027年下半年', '2027-07-01', '2027-12-31', '2028-01-10', null],
    ]);
    const overlap = await t.call('POST', `/api/v1/cooperations/${cnJp}/periods/generate`, { token: office, body: { kind: 'yearly', from: '2027-01-01', to: '2028-12-31', dueAfterDays: 10 } });
    expectError(overlap, 409, 'period.overlap');
    // Nothing of the refused range was created: 2027 still has its two halves (the demo's years before are its indicators').
    expect((await t.call('GET', `/api/v1/cooperations/${cnJp}/periods`, { token: office })).json<{ items: Period[] }>().items.filter((p) => p.startsOn >= '2027-01-01')).toHaveLength(2);
    const yearly = await t.call('POST', `/api/v1/cooperations/${cnJp}/periods/generate`, { token: office, body: { kind: 'yearly', from: '2028-05-01', to: '2028-05-01', dueAfterDays: 0 } });
    expect(yearly.json<{ items: Period[] }>().items.map((p) => p.label)).toEqual(['2028年度']);
    expectError(await t.call('POST', `/api/v1/cooperations/${cnJp}/periods/generate`, { token: office, body: { kind: 'monthly', from: '2030-02-01', to: '2030-01-01', dueAfterDays: 1 } }), 400, 'period.invalid_range');

    const [first] = periods;
    if (!first) throw new Error('no period');
    expectError(await t.call('PATCH', `/api/v1/periods/${first.id}`, { token: office, body: { version: first.version, dueOn: '2027-06-29' } }), 400, 'period.due_before_end');
    expectError(await t.call('PATCH', `/api/v1/periods/${first.id}`, { token: await token('qd.kj'), body: { version: first.version, dueOn: '2027-07-20' } }), 404, 'period.not_found');
    const moved = await t.call('PATCH', `/api/v1/periods/${first.id}`, { token: office, body: { version: first.version, dueOn: '2027-07-20' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<Period>()).toMatchObject({ dueOn: '2027-07-20', version: first.version + 1 });
    expectError(await t.call('PATCH', `/api/v1/periods/${first.id}`, { token: office, body: { version: first.version, dueOn: '2027-07-25' } }), 409, 'period.version_conflict');

    const closed = await t.call('POST', `/api/v1/periods/${first.id}/close`, { token: office, body: { version: first.version + 1 } });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<Period>().closedAt).toEqual(expect.any(String));
    expectError(await t.call('PATCH', `/api/v1/periods/${first.id}`, { token: office, body: { version: first.version + 2, dueOn: '2027-07-30' } }), 409, 'period.closed');
    const reopened = await t.call('POST', `/api/v1/periods/${first.id}/reopen`, { token: office, body: { version: first.version + 2 } });
    expect(reopened.json<Period>().closedAt).toBeNull();
    expectError(await t.call('POST', `/api/v1/periods/${first.id}/reopen`, { token: office, body: { version: first.version + 3 } }), 409, 'period.not_closed');
    expect((await auditOf(cnJp, 'period')).items.filter((e) => e.entityId === first.id).map((e) => e.action)).toEqual(['reopen', 'close', 'update', 'create']);
  });

  it('takes no new report for a closed period', async () => {
    const office = await token('qd.fgw');
    const unit = await token('qd.kj');
    const periods = (await t.call('GET', `/api/v1/cooperations/${qdSz}/periods`, { token: office })).json<{ items: Period[] }>().items;
    const period = periods.find((p) => p.label === '2026年第2季度');
    if (!period) throw new Error('2026年第2季度 missing');
    const mine = (await t.call('GET', '/api/v1/my/tasks?pageSize=50', { token: unit })).json<{ items: { id: string; cooperationId: string }[] }>();
    const task = mine.items.find((i) => i.cooperationId === qdSz);
    if (!task) throw new Error('no task of 青岛市科学技术局');
    expect((await t.call('POST', `/api/v1/periods/${period.id}/close`, { token: office, body: { version: period.version } })).statusCode).toBe(200);
    expectError(await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: unit, body: { periodId: period.id, narrative: '已关闭的周期', percent: 10 } }), 409, 'period.closed');
  });
});
