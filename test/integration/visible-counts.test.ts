import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { createTask, qingdaoShenzhen, type LedgerPage, type QingdaoShenzhen } from './task-fixtures.ts';

interface Refusal {
  error: { code: string; message: string; details?: { tasks?: number } };
}

/**
 * Issue 9, hole 11: every count, total and facet is computed under the
 * reader's visibility. 青岛 keeps tasks of its own (visibility 'side'); what
 * 深圳's office is told in numbers must be what it could count by opening rows.
 */
describe.each(databaseFlavours())('counts under the reader’s visibility on %s', (flavour) => {
  let t: TestApp;
  let qd: string;
  let sz: string;
  let c: QingdaoShenzhen;

  const ownTask = (title: string, extra: Record<string, unknown> = {}) =>
    createTask(t, qd, c, { title, joint: false, ownerPartyId: c.qingdao, visibility: 'side', units: [{ partyId: c.qingdao, organizationId: c.unit('青岛市科学技术局'), role: 'lead' }], ...extra });
  const ledger = async (token: string, query = '') => (await t.call('GET', `/api/v1/cooperations/${c.id}/tasks?pageSize=200${query}`, { token })).json<LedgerPage>();
  const sharedAgreement = async (title: string) => {
    const res = await t.call('POST', `/api/v1/cooperations/${c.id}/agreements`, { token: sz, body: { kind: 'departmental', title, text: '一、合作领域' } });
    expect(res.statusCode, res.body).toBe(201);
    const agreement = res.json<{ id: string; version: number }>();
    const clause = await t.call('POST', `/api/v1/agreements/${agreement.id}/clauses`, { token: sz, body: { level: 'area', title: '合作领域' } });
    expect(clause.statusCode, clause.body).toBe(201);
    return { agreement, clause: clause.json<{ id: string; version: number }>() };
  };

  beforeAll(async () => {
    t = await startTestApp(flavour);
    [qd, sz] = await Promise.all([t.login('qd.fgw'), t.login('sz.fgw')]);
    c = await qingdaoShenzhen(t, qd);
  });
  afterAll(() => t?.close());

  it("tells 深圳 how many of its visible tasks hold a shared clause, not 青岛's own tasks too", async () => {
    const { agreement, clause } = await sharedAgreement('深圳登记的共享协议');
    await ownTask('青岛自己的任务一', { clauseIds: [clause.id] });
    await ownTask('青岛自己的任务二', { agreementId: agreement.id });

    const byClause = await t.call('DELETE', `/api/v1/clauses/${clause.id}?version=${clause.version}`, { token: sz });
    expect(byClause.statusCode, byClause.body).toBe(409);
    const clauseRefusal = byClause.json<Refusal>().error;
    expect(clauseRefusal).toMatchObject({ code: 'clause.has_tasks', details: { tasks: 0 } });
    expect(clauseRefusal.message).not.toMatch(/\b1 task/);

    const byAgreement = await t.call('DELETE', `/api/v1/agreements/${agreement.id}?version=${agreement.version}`, { token: sz });
    expect(byAgreement.statusCode, byAgreement.body).toBe(409);
    const agreementRefusal = byAgreement.json<Refusal>().error;
    expect(agreementRefusal).toMatchObject({ code: 'agreement.has_tasks', details: { tasks: 0 } });
    expect(agreementRefusal.message).not.toMatch(/\b2 task/);

    // 青岛's office sees both of its tasks and is told so.
    const forOwner = await t.call('DELETE', `/api/v1/agreements/${agreement.id}?version=${agreement.version}`, { token: qd });
    expect(forOwner.json<Refusal>().error).toMatchObject({ code: 'agreement.has_tasks', details: { tasks: 2 } });
  });

  it("keeps 青岛's own tasks out of 深圳's ledger total, status counts, supervision totals and cooperation list", async () => {
    const before = { sz: await ledger(sz), qd: await ledger(qd) };
    const supervision = async (token: string) => (await t.call('GET', `/api/v1/cooperations/${c.id}/supervision?withinDays=30`, { token })).json<{ totals: { overdue: number } }>().totals;
    const supervisionBefore = { sz: await supervision(sz), qd: await supervision(qd) };
    await ownTask('青岛自己的逾期任务', { startOn: '2025-01-01', dueOn: '2025-02-01' });
    const after = { sz: await ledger(sz), qd: await ledger(qd) };
    expect(after.qd.total).toBe(before.qd.total + 1);
    expect(after.sz.total).toBe(before.sz.total);
    expect(after.sz.countsByStatus).toEqual(before.sz.countsByStatus);
    expect(after.sz.items).toHaveLength(after.sz.total);
    expect(await supervision(sz)).toEqual(supervisionBefore.sz);
    expect((await supervision(qd)).overdue).toBe(supervisionBefore.qd.overdue + 1);

    const ownAgreement = await t.call('POST', `/api/v1/cooperations/${c.id}/agreements`, { token: qd, body: { kind: 'departmental', title: '青岛自己的协议', text: '', visibility: 'side', ownerPartyId: c.qingdao } });
    expect(ownAgreement.statusCode, ownAgreement.body).toBe(201);
    const listed = async (token: string) =>
      (await t.call('GET', '/api/v1/cooperations?q=青岛—深圳', { token })).json<{ items: { id: string; agreementCount: number }[] }>().items.find((i) => i.id === c.id)?.agreementCount;
    const shown = (await t.call('GET', `/api/v1/cooperations/${c.id}/agreements`, { token: sz })).json<{ items: unknown[] }>().items.length;
    expect(await listed(sz)).toBe(shown);
    expect(await listed(qd)).toBe(shown + 1);
  });
});
