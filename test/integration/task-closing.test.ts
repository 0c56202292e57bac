import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { createTask, expectError, qingdaoShenzhen, type QingdaoShenzhen, type TaskDetail } from './task-fixtures.ts';

describe.each(databaseFlavours())('closing a task on %s', (flavour) => {
  let t: TestApp;
  let qd: string;
  let qd2: string;
  let sz: string;
  let qdUnit: string;
  let leader: string;
  let outsider: string;
  let c: QingdaoShenzhen;

  const requestClose = (id: string, token = qd) => t.call('POST', `/api/v1/tasks/${id}/close-request`, { token });
  const decide = (id: string, token: string, decision: 'approved' | 'returned', reason?: string) =>
    t.call('POST', `/api/v1/tasks/${id}/close-approvals`, { token, body: reason === undefined ? { decision } : { decision, reason } });

  beforeAll(async () => {
    t = await startTestApp(flavour);
    [qd, sz, qdUnit, leader, outsider] = await Promise.all([t.login('qd.fgw'), t.login('sz.fgw'), t.login('qd.kj'), t.login('qd.leader'), t.login('st.fgw')]);
    c = await qingdaoShenzhen(t, qd);
    // A second cooperation office user on the Qingdao side, to decide at the same instant as qd.fgw.
    await t.services.user.create(SYSTEM_ACTOR, {
      username: 'qd.fgw2',
      displayName: '青岛市发改委协调办（二）',
      password: 'liandong-demo',
      organizationId: c.unit('青岛市发展和改革委员会'),
      isAdmin: false,
    });
    await t.services.cooperation.addMembership(SYSTEM_ACTOR, c.id, { username: 'qd.fgw2', partyId: c.qingdao, role: 'coordinator' });
    qd2 = await t.login('qd.fgw2');
  });
  afterAll(() => t?.close());

  it('closes a joint task only when both sides have approved', async () => {
    const task = await createTask(t, qd, c, { title: '双方审核销号' });
    const requested = await requestClose(task.id);
    expect(requested.statusCode, requested.body).toBe(200);
    expect(requested.json<TaskDetail>().closure).toMatchObject({ round: 1, pendingPartyIds: expect.arrayContaining([c.qingdao, c.shenzhen]) });
    expectError(await requestClose(task.id, sz), 409, 'task.close_already_requested');

    const first = await decide(task.id, qd, 'approved');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<TaskDetail>()).toMatchObject({ status: 'not_started', doneAt: null, closure: { pendingPartyIds: [c.shenzhen] } });

    const second = await decide(task.id, sz, 'approved');
    expect(second.statusCode, second.body).toBe(201);
    const done = second.json<TaskDetail>();
    expect(done).toMatchObject({ status: 'done', percent: 100, closeRequested: false });
    expect(done.doneAt).not.toBeNull();
    expect(done.closure.approvals.map((a) => [a.round, a.partyId, a.decision]).sort()).toEqual(
      [
        [1, c.qingdao, 'approved'],
        [1, c.shenzhen, 'approved'],
      ].sort(),
    );
    expectError(await requestClose(task.id), 409, 'task.closed');
  });

  it('answers 409 when the same side approves twice', async () => {
    const task = await createTask(t, qd, c, { title: '重复审核' });
    await requestClose(task.id);
    expect((await decide(task.id, qd, 'approved')).statusCode).toBe(201);
    expectError(await decide(task.id, qd, 'approved'), 409, 'approval.already_decided');
    expectError(await decide(task.id, qd2, 'returned', '换个人再审一次'), 409, 'approval.already_decided');
  });

  it('refuses decisions from users who are not a cooperation office of a side of the task', async () => {
    const task = await createTask(t, qd, c, { title: '越权审核' });
    await requestClose(task.id);
    expectError(await decide(task.id, qdUnit, 'approved'), 403, 'auth.forbidden');
    expectError(await decide(task.id, leader, 'approved'), 403, 'auth.forbidden');
    expectError(await decide(task.id, outsider, 'approved'), 404, 'task.not_found');
    const admin = await t.login('admin');
    expectError(await decide(task.id, admin, 'approved'), 403, 'auth.forbidden');
    expectError(await requestClose(task.id, qdUnit), 403, 'auth.forbidden');
  });

  it('answers 409 to a decision when closing was not requested, and 400 to a return without a reason', async () => {
    const task = await createTask(t, qd, c, { title: '未申请销号' });
    expectError(await decide(task.id, qd, 'approved'), 409, 'task.close_not_requested');
    await requestClose(task.id);
    expectError(await decide(task.id, sz, 'returned'), 400, 'task.return_reason_required');
    expectError(await t.call('POST', `/api/v1/tasks/${task.id}/close-approvals`, { token: sz, body: { decision: 'maybe' } }), 400, 'request.invalid');
    expectError(await decide('00000000-0000-4000-8000-000000000009', qd, 'approved'), 404, 'task.not_found');
  });

  it('starts a new round when a returned request is asked for again', async () => {
    const task = await createTask(t, qd, c, { title: '退回后重新申请' });
    await requestClose(task.id);
    expect((await decide(task.id, qd, 'approved')).statusCode).toBe(201);
    const returned = await decide(task.id, sz, 'returned', '佐证材料不全');
    expect(returned.statusCode).toBe(201);
    expect(returned.json<TaskDetail>()).toMatchObject({ status: 'not_started', closeRequested: false, closure: { round: 1, pendingPartyIds: [] } });
    expectError(await decide(task.id, qd2, 'approved'), 409, 'approval.already_decided');

    const again = (await requestClose(task.id, sz)).json<TaskDetail>();
    expect(again.closure.round).toBe(2);
    expect(again.closure.pendingPartyIds.sort()).toEqual([c.qingdao, c.shenzhen].sort());
    expect((await decide(task.id, qd2, 'approved')).statusCode).toBe(201);
    const done = (await decide(task.id, sz, 'approved')).json<TaskDetail>();
    expect(done.status).toBe('done');
    expect(done.closure.approvals.filter((a) => a.round === 2)).toHaveLength(2);
  });

  it("closes a one-sided task on its owner side's approval alone, which the other side cannot give", async () => {
    const task = await createTask(t, qd, c, {
      title: '青岛单方任务',
      joint: false,
      ownerPartyId: c.qingdao,
      units: [{ partyId: c.qingdao, organizationId: c.unit('青岛市科学技术局'), role: 'lead' }],
    });
    expectError(await requestClose(task.id, sz), 403, 'auth.forbidden');
    expect((await requestClose(task.id)).json<TaskDetail>().closure.requiredPartyIds).toEqual([c.qingdao]);
    expectError(await decide(task.id, sz, 'approved'), 403, 'auth.forbidden');
    const done = await decide(task.id, qd, 'approved');
    expect(done.json<TaskDetail>().status).toBe('done');
  });

  it('lets only one of two coordinators of the same side decide when both approve at the same instant', async () => {
    const task = await createTask(t, qd, c, { title: '同时审核' });
    await requestClose(task.id);
    const answers = await Promise.all([decide(task.id, qd, 'approved'), decide(task.id, qd2, 'approved')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json<{ error: { code: string } }>().error.code).toBe('approval.already_decided');
    const detail = (await t.call('GET', `/api/v1/tasks/${task.id}`, { token: sz })).json<TaskDetail>();
    expect(detail.closure.approvals.filter((a) => a.partyId === c.qingdao)).toHaveLength(1);
    expect(detail.closure.pendingPartyIds).toEqual([c.shenzhen]);
    expect(detail.status).toBe('not_started');
  });

  it('closes the task exactly once when both sides approve at the same instant', async () => {
    const task = await createTask(t, qd, c, { title: '两方同时审核' });
    await requestClose(task.id);
    const answers = await Promise.all([decide(task.id, qd, 'approved'), decide(task.id, sz, 'approved')]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    const detail = (await t.call('GET', `/api/v1/tasks/${task.id}`, { token: qd })).json<TaskDetail>();
    expect(detail).toMatchObject({ status: 'done', percent: 100, closure: { pendingPartyIds: [] } });
    expect(detail.closure.approvals).toHaveLength(2);
  });
  it("tells the deciding sides' offices about a closing request, and the people on the task about the outcome", async () => {
    const task = await createTask(t, qd, c, { title: '通知销号', ownerUserIds: [] });
    const inbox = async (token: string) =>
      (await t.call('GET', '/api/v1/notifications?pageSize=100', { token })).json<{ items: { kind: string; link: string | null }[] }>().items.filter((n) => n.link === `/tasks/${task.id}`);
    expect((await inbox(qdUnit)).map((n) => n.kind)).toContain('task.assigned');
    await requestClose(task.id);
    expect((await inbox(sz)).map((n) => n.kind)).toContain('task.close_requested');
    expect((await inbox(qd)).map((n) => n.kind)).not.toContain('task.close_requested');
    await decide(task.id, qd, 'approved');
    await decide(task.id, sz, 'approved');
    expect((await inbox(qdUnit)).map((n) => n.kind)).toContain('task.closed');
    expect((await inbox(leader)).map((n) => n.kind)).toEqual([]);
  });
});
