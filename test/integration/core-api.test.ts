import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/modules/audit/audit-chain.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

interface CooperationList {
  items: { id: string; name: string; agreementCount: number; version: number; parties: { name: string }[] }[];
  total: number;
}
interface ClauseNode {
  id: string;
  level: string;
  label: string | null;
  title: string;
  version: number;
  spanStart: number | null;
  spanEnd: number | null;
  children: ClauseNode[];
}

describe.each(databaseFlavours())('core API on %s', (flavour) => {
  let t: TestApp;
  let admin: string;
  let qd: string;
  let sz: string;
  let unit: string;
  let qdSz: { id: string; version: number };

  beforeAll(async () => {
    t = await startTestApp(flavour);
    admin = await t.login('admin');
    qd = await t.login('qd.fgw');
    sz = await t.login('sz.fgw');
    unit = await t.login('qd.kj');
    const list = (await t.call('GET', '/api/v1/cooperations?q=青岛—深圳', { token: qd })).json<CooperationList>();
    const found = list.items[0];
    if (!found) throw new Error('demo cooperation 青岛—深圳 missing');
    qdSz = found;
  });
  afterAll(() => t?.close());

  it('reports health with the database kind', async () => {
    const res = await t.call('GET', '/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: flavour, version: expect.any(String) });
  });

  it('refuses a wrong password with a stable code and without saying whether the user exists', async () => {
    const wrong = await t.call('POST', '/api/v1/auth/login', { body: { username: 'qd.fgw', password: 'nope-nope-nope' } });
    const unknown = await t.call('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'nope-nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
  });

  it('answers 401 auth.required without a session', async () => {
    const res = await t.call('GET', '/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });

  it('shows a coordinator the cooperations of its side and the public ones, not the others', async () => {
    const names = (await t.call('GET', '/api/v1/cooperations?pageSize=50', { token: qd })).json<CooperationList>().items.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['青岛—深圳跨区域合作', '胶东五市法治一体化建设', '中日(青岛)地方发展合作示范区']));
    expect(names).not.toContain('大连—烟台“双城联动”');
    const dlyt = (await t.call('GET', '/api/v1/cooperations?pageSize=50', { token: admin })).json<CooperationList>().items.find((c) => c.name.startsWith('大连'));
    const hidden = await t.call('GET', `/api/v1/cooperations/${dlyt?.id}`, { token: sz });
    expect(hidden.statusCode).toBe(404);
  });

  it('gives 青岛—深圳 its framework agreement with 5 areas and 16 directions, each pointing into the text', async () => {
    const agreements = (await t.call('GET', `/api/v1/cooperations/${qdSz.id}/agreements`, { token: sz })).json<{ items: { id: string; kind: string }[] }>();
    const framework = agreements.items.find((a) => a.kind === 'framework');
    expect(framework).toBeDefined();
    const agreement = (await t.call('GET', `/api/v1/agreements/${framework?.id}`, { token: sz })).json<{ text: string }>();
    const tree = (await t.call('GET', `/api/v1/agreements/${framework?.id}/clauses`, { token: sz })).json<{ items: ClauseNode[] }>().items;
    expect(tree.map((a) => a.label)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)']);
    const directions = tree.flatMap((a) => a.children);
    expect(directions).toHaveLength(16);
    expect(directions[0]).toMatchObject({ label: '1.', title: '鼓励高校院所互动合作' });
    for (const d of directions) expect(agreement.text.slice(d.spanStart ?? 0, d.spanEnd ?? 0)).toBe(d.title);
  });

  it('keeps 大连—烟台 as 1+15: one framework and fifteen agreements under it', async () => {
    const dl = await t.login('dl.fgw');
    const list = (await t.call('GET', '/api/v1/cooperations', { token: dl })).json<CooperationList>();
    const coop = list.items.find((c) => c.name.startsWith('大连'));
    const agreements = (await t.call('GET', `/api/v1/cooperations/${coop?.id}/agreements`, { token: dl })).json<{ items: { id: string; parentId: string | null }[] }>().items;
    const roots = agreements.filter((a) => !a.parentId);
    expect(roots).toHaveLength(1);
    expect(agreements.filter((a) => a.parentId === roots[0]?.id)).toHaveLength(15);
  });

  it('rejects malformed JSON, wrong types and over-long names with 400 and field paths', async () => {
    const bad = await t.call('POST', '/api/v1/organizations', { token: admin, body: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.invalid_json');
    const wrongType = await t.call('POST', '/api/v1/organizations', { token: admin, body: { name: 42, kind: 'department', regionCode: '370200' } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error).toMatchObject({ code: 'request.invalid', details: [expect.objectContaining({ path: 'body.name' })] });
    const tooLong = await t.call('POST', '/api/v1/organizations', { token: admin, body: { name: '局'.repeat(201), kind: 'department', regionCode: '370200' } });
    expect(tooLong.statusCode).toBe(400);
  });

  it('answers 404 for unknown ids and malformed ids alike, never 500', async () => {
    const unknown = await t.call('GET', '/api/v1/cooperations/00000000-0000-4000-8000-000000000000', { token: admin });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('cooperation.not_found');
    const malformed = await t.call('GET', '/api/v1/agreements/not-a-uuid', { token: admin });
    expect(malformed.statusCode).toBe(400);
    const region = await t.call('GET', '/api/v1/regions/999999', { token: admin });
    expect(region.statusCode).toBe(404);
  });

  it('refuses a duplicate unit name in the same region with 409 organization.duplicate', async () => {
    const body = { name: '青岛市联动测试一局', kind: 'department', regionCode: '370200' };
    expect((await t.call('POST', '/api/v1/organizations', { token: admin, body })).statusCode).toBe(201);
    const again = await t.call('POST', '/api/v1/organizations', { token: admin, body });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('organization.duplicate');
  });

  it('refuses to delete a region that a party still uses, and keeps it', async () => {
    const res = await t.call('DELETE', '/api/v1/regions/370200', { token: admin });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('region.in_use');
    expect((await t.call('GET', '/api/v1/regions/370200', { token: admin })).json()).toMatchObject({ name: '青岛市' });
  });

  it('answers 409 to a stale version and keeps the newer change', async () => {
    const current = (await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token: qd })).json<{ version: number; summary: string }>();
    const first = await t.call('PATCH', `/api/v1/cooperations/${qdSz.id}`, { token: qd, body: { version: current.version, summary: '青岛改的' } });
    expect(first.statusCode).toBe(200);
    const stale = await t.call('PATCH', `/api/v1/cooperations/${qdSz.id}`, { token: sz, body: { version: current.version, summary: '深圳改的' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('cooperation.version_conflict');
    expect((await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token: sz })).json()).toMatchObject({ summary: '青岛改的', version: current.version + 1 });
  });

  it('lets only the cooperation offices change a cooperation: a unit user gets 403', async () => {
    const current = (await t.call('GET', `/api/v1/cooperations/${qdSz.id}`, { token: unit })).json<{ version: number }>();
    const res = await t.call('PATCH', `/api/v1/cooperations/${qdSz.id}`, { token: unit, body: { version: current.version, summary: 'x' } });
    expect(res.statusCode).toBe(403);
  });

  it('keeps the old text readable after an amendment', async () => {
    const created = await t.call('POST', `/api/v1/cooperations/${qdSz.id}/agreements`, { token: qd, body: { kind: 'departmental', title: '科技合作备忘录', text: '第一版' } });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json<{ id: string; version: number }>();
    const amended = await t.call('POST', `/api/v1/agreements/${id}/amendments`, { token: sz, body: { version, text: '第二版', note: '补充条款' } });
    expect(amended.statusCode).toBe(201);
    expect(amended.json()).toMatchObject({ text: '第二版', currentTextVersion: 2 });
    expect((await t.call('GET', `/api/v1/agreements/${id}/versions/1`, { token: qd })).json()).toMatchObject({ text: '第一版' });
  });

  it('re-nests and reorders clauses, refusing a move beneath itself', async () => {
    const created = (await t.call('POST', `/api/v1/cooperations/${qdSz.id}/agreements`, { token: qd, body: { kind: 'other', title: '排序测试协议' } })).json<{ id: string }>();
    const add = async (body: object) => (await t.call('POST', `/api/v1/agreements/${created.id}/clauses`, { token: qd, body })).json<{ id: string; version: number }>();
    const a = await add({ level: 'area', title: '甲' });
    const b = await add({ level: 'area', title: '乙' });
    const child = await add({ level: 'direction', title: '丙', parentId: a.id });
    const reordered = await t.call('POST', `/api/v1/agreements/${created.id}/clauses/reorder`, { token: qd, body: { parentId: null, orderedIds: [b.id, a.id] } });
    expect(reordered.json<{ items: ClauseNode[] }>().items.map((n) => n.title)).toEqual(['乙', '甲']);
    const cycle = await t.call('POST', `/api/v1/clauses/${a.id}/move`, { token: qd, body: { version: a.version, parentId: child.id, ordinal: 0 } });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.code).toBe('clause.cycle');
    const mismatch = await t.call('POST', `/api/v1/agreements/${created.id}/clauses/reorder`, { token: qd, body: { parentId: null, orderedIds: [a.id] } });
    expect(mismatch.json().error.code).toBe('clause.reorder_mismatch');
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const login = await t.call('POST', '/api/v1/auth/login', { body: { username: 'qd.fgw', password: 'liandong-demo' } });
    const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
    const cookieHeader = `ld_session=${cookies.ld_session}; ld_csrf=${cookies.ld_csrf}`;
    const body = { name: '青岛市联动测试二局', kind: 'department', regionCode: '370200' };
    const without = await t.call('POST', '/api/v1/organizations', { body, headers: { cookie: cookieHeader } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('auth.csrf');
    const withHeader = await t.call('POST', '/api/v1/organizations', { body, headers: { cookie: cookieHeader, 'x-csrf-token': cookies.ld_csrf ?? '' } });
    expect(withHeader.statusCode).toBe(201);
  });

  it('records every write in a hash chain that verifies', async () => {
    const verdict = await verifyAuditChain(t.services.database.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBeGreaterThan(50);
  });

  it('serves the OpenAPI document with the routes', async () => {
    const doc = (await t.call('GET', '/api/docs/json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/cooperations/{id}', '/api/v1/agreements/{id}/clauses']));
  });
});
