import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

interface AgreementAnswer {
  id: string;
  version: number;
  parentId: string | null;
  can: { edit: boolean };
}
interface ClauseAnswer {
  id: string;
  version: number;
}
interface AuditPage {
  items: { action: string; entity: string; entityId: string; actorUsername: string | null }[];
}

describe.each(databaseFlavours())('agreement and clause editing on %s', (flavour) => {
  let t: TestApp;
  let qd: string;
  let unit: string;
  let leader: string;
  let cooperationId: string;
  let parties: { id: string }[];

  const register = async (title: string, extra: object = {}) => {
    const res = await t.call('POST', `/api/v1/cooperations/${cooperationId}/agreements`, { token: qd, body: { kind: 'departmental', title, text: '# 总则\n一、合作领域\n1. 科技创新', ...extra } });
    expect(res.statusCode).toBe(201);
    return res.json<AgreementAnswer>();
  };
  const addClause = async (agreementId: string, body: object) => {
    const res = await t.call('POST', `/api/v1/agreements/${agreementId}/clauses`, { token: qd, body });
    expect(res.statusCode).toBe(201);
    return res.json<ClauseAnswer>();
  };
  const taskServing = async (body: object) => {
    const res = await t.call('POST', `/api/v1/cooperations/${cooperationId}/tasks`, { token: qd, body: { title: `依托协议的任务 ${Math.random()}`, ...body } });
    expect(res.statusCode).toBe(201);
  };
  const auditOf = async (entityId: string) =>
    (await t.call('GET', `/api/v1/cooperations/${cooperationId}/audit?entityId=${entityId}`, { token: qd })).json<AuditPage>().items;

  beforeAll(async () => {
    t = await startTestApp(flavour);
    qd = await t.login('qd.fgw');
    unit = await t.login('qd.kj');
    leader = await t.login('qd.leader');
    const list = (await t.call('GET', '/api/v1/cooperations?q=青岛—深圳', { token: qd })).json<{ items: { id: string }[] }>();
    cooperationId = list.items[0]?.id ?? '';
    parties = (await t.call('GET', `/api/v1/cooperations/${cooperationId}`, { token: qd })).json<{ parties: { id: string }[] }>().parties;
    expect(parties).toHaveLength(2);
  });
  afterAll(() => t?.close());

  it('tells an office it may register and edit agreements, and a unit user or a leader that they may not', async () => {
    const forOffice = (await t.call('GET', `/api/v1/cooperations/${cooperationId}/agreements`, { token: qd })).json<{ items: AgreementAnswer[]; can: { create: boolean } }>();
    expect(forOffice.can.create).toBe(true);
    expect(forOffice.items.every((a) => a.can.edit)).toBe(true);
    for (const token of [unit, leader]) {
      const list = (await t.call('GET', `/api/v1/cooperations/${cooperationId}/agreements`, { token })).json<{ items: AgreementAnswer[]; can: { create: boolean } }>();
      expect(list.can.create).toBe(false);
      expect(list.items.some((a) => a.can.edit)).toBe(false);
      const id = list.items[0]?.id ?? '';
      expect((await t.call('GET', `/api/v1/agreements/${id}`, { token })).json<AgreementAnswer>().can.edit).toBe(false);
      expect((await t.call('GET', `/api/v1/agreements/${id}/clauses`, { token })).json<{ can: { edit: boolean } }>().can.edit).toBe(false);
    }
    const id = forOffice.items[0]?.id ?? '';
    expect((await t.call('GET', `/api/v1/agreements/${id}/clauses`, { token: qd })).json<{ can: { edit: boolean } }>().can.edit).toBe(true);
  });

  it('attaches an existing agreement to a framework as a sub-agreement, audited', async () => {
    const framework = await register('编辑测试框架协议', { kind: 'framework' });
    const sub = await register('编辑测试专项协议');
    const patched = await t.call('PATCH', `/api/v1/agreements/${sub.id}`, { token: qd, body: { version: sub.version, parentId: framework.id, place: '青岛' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ parentId: framework.id, place: '青岛' });
    expect((await auditOf(sub.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'update']));
    const frameworkNow = (await t.call('GET', `/api/v1/agreements/${framework.id}`, { token: qd })).json<AgreementAnswer>();
    const refused = await t.call('DELETE', `/api/v1/agreements/${framework.id}?version=${frameworkNow.version}`, { token: qd });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('agreement.has_children');
  });

  it('refuses to delete an agreement a task refers to, and deletes it once nothing does', async () => {
    const named = await register('有任务引用的协议');
    await taskServing({ agreementId: named.id });
    const refused = await t.call('DELETE', `/api/v1/agreements/${named.id}?version=${named.version}`, { token: qd });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'agreement.has_tasks', details: { tasks: 1 } });

    const served = await register('条目有任务的协议');
    const area = await addClause(served.id, { level: 'area', title: '科技创新' });
    await taskServing({ clauseIds: [area.id] });
    const refusedByClause = await t.call('DELETE', `/api/v1/agreements/${served.id}?version=${served.version}`, { token: qd });
    expect(refusedByClause.json().error.code).toBe('agreement.has_tasks');
    expect((await t.call('GET', `/api/v1/agreements/${served.id}`, { token: qd })).statusCode).toBe(200);

    const free = await register('无依赖的协议');
    expect((await t.call('DELETE', `/api/v1/agreements/${free.id}?version=${free.version}`, { token: unit })).statusCode).toBe(403);
    expect((await t.call('DELETE', `/api/v1/agreements/${free.id}?version=${free.version}`, { token: qd })).statusCode).toBe(204);
    expect((await t.call('GET', `/api/v1/agreements/${free.id}`, { token: qd })).statusCode).toBe(404);
    expect((await auditOf(free.id)).map((e) => e.action)).toContain('delete');
  });

  it('refuses to delete a clause that a task serves, directly or through a clause beneath it', async () => {
    const agreement = await register('条目删除测试协议');
    const area = await addClause(agreement.id, { level: 'area', title: '产业合作' });
    const direction = await addClause(agreement.id, { level: 'direction', title: '共建园区', parentId: area.id });
    const loose = await addClause(agreement.id, { level: 'area', title: '文旅合作' });
    await taskServing({ clauseIds: [direction.id] });
    const refused = await t.call('DELETE', `/api/v1/clauses/${area.id}?version=${area.version}`, { token: qd });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'clause.has_tasks', details: { tasks: 1 } });
    expect((await t.call('DELETE', `/api/v1/clauses/${direction.id}?version=${direction.version}`, { token: qd })).json().error.code).toBe('clause.has_tasks');
    expect((await t.call('DELETE', `/api/v1/clauses/${loose.id}?version=${loose.version}`, { token: qd })).statusCode).toBe(204);
    expect((await auditOf(loose.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'delete']));
  });

  it('re-marks a clause span inside the text and refuses one past its end', async () => {
    const agreement = await register('条目定位测试协议', { text: '一、合作领域' });
    const clause = await addClause(agreement.id, { level: 'area', title: '合作领域' });
    const marked = await t.call('PATCH', `/api/v1/clauses/${clause.id}`, { token: qd, body: { version: clause.version, spanStart: 2, spanEnd: 6 } });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ spanStart: 2, spanEnd: 6 });
    const past = await t.call('PATCH', `/api/v1/clauses/${clause.id}`, { token: qd, body: { version: marked.json<ClauseAnswer>().version, spanStart: 2, spanEnd: 7 } });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe('clause.invalid_span');
    const cleared = await t.call('PATCH', `/api/v1/clauses/${clause.id}`, { token: qd, body: { version: marked.json<ClauseAnswer>().version, spanStart: null, spanEnd: null } });
    expect(cleared.json()).toMatchObject({ spanStart: null, spanEnd: null });
  });
});
