import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { expectError } from './task-fixtures.ts';

interface Organization {
  id: string;
  name: string;
  kind: string;
  regionCode: string;
  version: number;
}

interface AuditPage {
  items: { actorUsername: string | null; action: string; entity: string; entityId: string; cooperationId: string | null; after: { name?: string } | null }[];
}

/**
 * Issue 9, hole 3: an organization is kept by its own region's side. 大连's
 * office could rename 青岛's units, and the change appeared in no cooperation's
 * audit although every cooperation naming the unit showed the new name.
 */
describe.each(databaseFlavours())('who keeps an organization on %s', (flavour) => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await t.login(username));
    return tokens.get(username) ?? '';
  };
  const cooperations = new Map<string, string>();
  const cooperation = (prefix: string) => {
    const found = [...cooperations].find(([name]) => name.startsWith(prefix));
    if (!found) throw new Error(`demo cooperation ${prefix} missing`);
    return found[1];
  };
  const unit = async (name: string) => {
    const page = (await t.call('GET', `/api/v1/organizations?q=${encodeURIComponent(name)}`, { token: await token('admin') })).json<{ items: Organization[] }>();
    const found = page.items.find((o) => o.name === name);
    if (!found) throw new Error(`demo unit ${name} missing`);
    return found;
  };
  const create = async (username: string, body: Record<string, unknown>) => t.call('POST', '/api/v1/organizations', { token: await token(username), body: { kind: 'department', ...body } });
  const auditOf = async (username: string, cooperationId: string, organizationId: string) => {
    const res = await t.call('GET', `/api/v1/cooperations/${cooperationId}/audit?entity=organization&entityId=${organizationId}`, { token: await token(username) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AuditPage>().items;
  };

  beforeAll(async () => {
    t = await startTestApp(flavour);
    const list = (await t.call('GET', '/api/v1/cooperations?pageSize=100', { token: await token('admin') })).json<{ items: { id: string; name: string }[] }>();
    for (const c of list.items) cooperations.set(c.name, c.id);
  });
  afterAll(() => t?.close());

  it("lets an office register organizations in its own side's region and those below it, and no other region's", async () => {
    const own = await create('qd.fgw', { name: '青岛市新设局', regionCode: '370200' });
    expect(own.statusCode, own.body).toBe(201);
    const district = await create('qd.fgw', { name: '黄岛区新设园区', regionCode: '370211' });
    expect(district.statusCode, district.body).toBe(201);
    expectError(await create('dl.fgw', { name: '大连代青岛设立的局', regionCode: '370200' }), 403, 'auth.forbidden');
    expectError(await create('sz.fgw', { name: '深圳代青岛设立的局', regionCode: '370200' }), 403, 'auth.forbidden');
    expect((await create('dl.fgw', { name: '大连市新设局', regionCode: '210200' })).statusCode).toBe(201);
    expect((await create('admin', { name: '管理员代设的局', regionCode: '440500' })).statusCode).toBe(201);
    // A unit user registers nothing, not even in its own region.
    expectError(await create('qd.kj', { name: '联络员设立的局', regionCode: '370200' }), 403, 'auth.forbidden');
    const names = (await t.call('GET', '/api/v1/organizations?regionCode=370200&pageSize=200', { token: await token('admin') })).json<{ items: Organization[] }>().items.map((o) => o.name);
    expect(names).toContain('青岛市新设局');
    expect(names).not.toContain('大连代青岛设立的局');
    expect(names).not.toContain('深圳代青岛设立的局');
  });

  it('records a change to an organization in the audit trail of every cooperation that uses it, and of no other', async () => {
    // 青岛市发改委 coordinates 青岛's side of 青岛—深圳, and qd.fgw, its user, is an office in 胶东五市 and 中日示范区 too.
    const fgw = await unit('青岛市发展和改革委员会');
    const renamed = await t.call('PATCH', `/api/v1/organizations/${fgw.id}`, { token: await token('qd.fgw'), body: { version: fgw.version, name: '青岛市发展改革委' } });
    expect(renamed.statusCode, renamed.body).toBe(200);

    for (const [prefix, reader] of [
      ['青岛—深圳', 'sz.fgw'],
      ['胶东五市', 'yt.fgw'],
      ['中日', 'qd.fgw'],
    ] as const) {
      const entries = await auditOf(reader, cooperation(prefix), fgw.id);
      expect(entries, prefix).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorUsername: 'qd.fgw', action: 'update', entity: 'organization', cooperationId: cooperation(prefix), after: expect.objectContaining({ name: '青岛市发展改革委' }) });
    }
    expect(await auditOf('dl.fgw', cooperation('大连—烟台'), fgw.id)).toEqual([]);
    expect(await auditOf('st.fgw', cooperation('深圳—汕头'), fgw.id)).toEqual([]);
  });

  it("refuses another region's office renaming an organization, and records nothing", async () => {
    const science = await unit('青岛市科学技术局');
    expectError(await t.call('PATCH', `/api/v1/organizations/${science.id}`, { token: await token('dl.fgw'), body: { version: science.version, name: '被改名的科技局' } }), 403, 'auth.forbidden');
    expect((await unit('青岛市科学技术局')).version).toBe(science.version);
    expect(await auditOf('qd.fgw', cooperation('青岛—深圳'), science.id)).toEqual([]);
  });
});
