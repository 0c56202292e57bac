import { readFile } from 'node:fs/promises';
import { asc, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressReports, tasks } from '../../src/db/schema/work.ts';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { createTask, expectError, qingdaoShenzhen, type QingdaoShenzhen, type TaskDetail } from './task-fixtures.ts';

/**
 * Issue 9, hole 2: one side could take the other out of a joint decision by
 * editing the task's units (replace its lead unit, remove its units) and then
 * close the task alone. Each side keeps its own units; the sides that decide
 * are fixed with the task and with each round.
 */
describe.each(databaseFlavours())('the sides of a joint task on %s', (flavour) => {
  let t: TestApp;
  let qd: string;
  let sz: string;
  let admin: string;
  let c: QingdaoShenzhen;

  const get = async (id: string, token = qd) => (await t.call('GET', `/api/v1/tasks/${id}`, { token })).json<TaskDetail>();
  const patch = async (id: string, token: string, body: Record<string, unknown>) =>
    t.call('PATCH', `/api/v1/tasks/${id}`, { token, body: { version: (await get(id, token)).version, ...body } });
  const requestClose = (id: string, token: string) => t.call('POST', `/api/v1/tasks/${id}/close-request`, { token });
  const approveClose = (id: string, token: string) => t.call('POST', `/api/v1/tasks/${id}/close-approvals`, { token, body: { decision: 'approved' } });
  const leadOf = (task: TaskDetail, partyId: string) => task.sides.find((s) => s.partyId === partyId)?.lead?.organizationId ?? null;
  const lead = (partyId: string, name: string) => ({ partyId, organizationId: c.unit(name), role: 'lead' });

  beforeAll(async () => {
    t = await startTestApp(flavour);
    [qd, sz, admin] = await Promise.all([t.login('qd.fgw'), t.login('sz.fgw'), t.login('admin')]);
    c = await qingdaoShenzhen(t, qd);
  });
  afterAll(() => t?.close());

  it("refuses 深圳's office replacing 青岛's lead unit or removing 青岛's units, and leaves the units as they were", async () => {
    const task = await createTask(t, sz, c, { title: '替换对方牵头单位' });
    expectError(
      await patch(task.id, sz, { units: [lead(c.qingdao, '青岛市发展和改革委员会'), lead(c.shenzhen, '深圳市科技创新局')] }),
      403,
      'task.other_side_units',
    );
    expectError(await patch(task.id, sz, { units: [lead(c.shenzhen, '深圳市科技创新局')] }), 403, 'task.other_side_units');
    const after = await get(task.id);
    expect(leadOf(after, c.qingdao)).toBe(c.unit('青岛市科学技术局'));
    expect(leadOf(after, c.shenzhen)).toBe(c.unit('深圳市科技创新局'));
  });

  it("lets each office change its own side's units, and an admin those of any side", async () => {
    const task = await createTask(t, qd, c, { title: '各管本方单位' });
    const own = await patch(task.id, sz, {
      units: [lead(c.qingdao, '青岛市科学技术局'), lead(c.shenzhen, '深圳市发展和改革委员会'), { partyId: c.shenzhen, organizationId: c.unit('深圳市科技创新局'), role: 'co' }],
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(leadOf(own.json<TaskDetail>(), c.shenzhen)).toBe(c.unit('深圳市发展和改革委员会'));
    const byAdmin = await patch(task.id, admin, { units: [lead(c.qingdao, '青岛市发展和改革委员会'), lead(c.shenzhen, '深圳市科技创新局')] });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(leadOf(byAdmin.json<TaskDetail>(), c.qingdao)).toBe(c.unit('青岛市发展和改革委员会'));
  });

  it('keeps a side that removed its own units among the sides that must approve closing', async () => {
    const task = await createTask(t, qd, c, { title: '青岛撤出本方单位' });
    const withdrawn = await patch(task.id, qd, { units: [lead(c.shenzhen, '深圳市科技创新局')] });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<TaskDetail>().closure.requiredPartyIds.sort()).toEqual([c.qingdao, c.shenzhen].sort());

    expect((await requestClose(task.id, sz)).statusCode).toBe(200);
    const alone = await approveClose(task.id, sz);
    expect(alone.statusCode, alone.body).toBe(201);
    expect(alone.json<TaskDetail>()).toMatchObject({ status: 'not_started', closeRequested: true, closure: { pendingPartyIds: [c.qingdao] } });
  });

  it('refuses one side turning a joint task into its own one-sided task', async () => {
    const task = await createTask(t, sz, c, { title: '改为单方任务', units: [lead(c.shenzhen, '深圳市科技创新局')] });
    expectError(await patch(task.id, sz, { joint: false, ownerPartyId: c.shenzhen }), 403, 'task.sides_need_both');
    expect(await get(task.id)).toMatchObject({ joint: true, ownerPartyId: null });
    const unchanged = await patch(task.id, sz, { joint: true, title: '仍为联合任务' });
    expect(unchanged.statusCode, unchanged.body).toBe(200);
  });

  it('refuses a side joining a task it does not take part in on its own, and lets an admin record it', async () => {
    const task = await createTask(t, sz, c, { title: '深圳单独参与的联合任务', units: [lead(c.shenzhen, '深圳市科技创新局')] });
    expect(task.closure.requiredPartyIds).toEqual([c.shenzhen]);
    const both = [lead(c.qingdao, '青岛市科学技术局'), lead(c.shenzhen, '深圳市科技创新局')];
    expectError(await patch(task.id, qd, { units: both }), 403, 'task.sides_need_both');
    const joined = await patch(task.id, admin, { units: both });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json<TaskDetail>().closure.requiredPartyIds.sort()).toEqual([c.qingdao, c.shenzhen].sort());
  });

  it('keeps the sides a closing round opened with while the task changes meanwhile', async () => {
    const task = await createTask(t, sz, c, { title: '销号轮次固定', units: [lead(c.shenzhen, '深圳市科技创新局')] });
    expect((await requestClose(task.id, sz)).statusCode).toBe(200);
    const joined = await patch(task.id, admin, { units: [lead(c.qingdao, '青岛市科学技术局'), lead(c.shenzhen, '深圳市科技创新局')] });
    expect(joined.json<TaskDetail>().closure).toMatchObject({ requiredPartyIds: [c.shenzhen], pendingPartyIds: [c.shenzhen] });
    expectError(await approveClose(task.id, qd), 403, 'auth.forbidden');
  });

  it("closes the joint task of the attack only with 青岛's approval", async () => {
    const task = await createTask(t, sz, c, { title: '攻击路径：单方销号' });
    expectError(await patch(task.id, sz, { units: [lead(c.qingdao, '青岛市发展和改革委员会'), lead(c.shenzhen, '深圳市科技创新局')] }), 403, 'task.other_side_units');
    expectError(await patch(task.id, sz, { units: [lead(c.shenzhen, '深圳市科技创新局')] }), 403, 'task.other_side_units');
    await requestClose(task.id, sz);
    expect((await approveClose(task.id, sz)).json<TaskDetail>().status).toBe('not_started');
    const done = await approveClose(task.id, qd);
    expect(done.json<TaskDetail>().status).toBe('done');
  });

  it("keeps a submitted report's deciding sides when units are edited during its review", async () => {
    const task = await createTask(t, qd, c, { title: '报告审核中修改单位' });
    const periods = (await t.call('GET', `/api/v1/cooperations/${c.id}/periods`, { token: qd })).json<{ items: { id: string; closedAt: string | null }[] }>().items;
    // The first period still taking reports: the demo's earlier years are closed.
    const periodId = periods.find((p) => !p.closedAt)?.id;
    const qdUnit = await t.login('qd.kj');
    const created = await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: qdUnit, body: { periodId, narrative: '完成对接', percent: 40 } });
    expect(created.statusCode, created.body).toBe(201);
    const reportId = created.json<{ id: string }>().id;
    expect((await t.call('POST', `/api/v1/reports/${reportId}/submit`, { token: qdUnit, body: {} })).statusCode).toBe(200);

    // The other side's units are edited in the way the old rules allowed (an admin now; 深圳's office is refused).
    const edited = await patch(task.id, admin, { units: [lead(c.shenzhen, '深圳市科技创新局')] });
    expect(edited.statusCode, edited.body).toBe(200);
    const approved = await t.call('POST', `/api/v1/reports/${reportId}/review`, { token: sz, body: { decision: 'approved' } });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<{ status: string; decidingSides: string[]; awaitingSides: string[] }>()).toMatchObject({ status: 'submitted', awaitingSides: [c.qingdao] });

    // Even a change of the task's sides (an admin's) leaves the open round to the sides it opened with.
    const reshaped = await patch(task.id, admin, { joint: false, ownerPartyId: c.shenzhen });
    expect(reshaped.statusCode, reshaped.body).toBe(200);
    const report = await t.services.report.get(SYSTEM_ACTOR, reportId);
    expect(report.decidingSides.sort()).toEqual([c.qingdao, c.shenzhen].sort());
    expect(report.awaitingSides).toEqual([c.qingdao]);
  });

  it('gives existing tasks and open rounds, when migrated, the sides they decided with before', async () => {
    const db = t.services.database.db;
    const state = async () => ({
      tasks: await db.select({ id: tasks.id, sides: tasks.sides, closeSides: tasks.closeSides }).from(tasks).orderBy(asc(tasks.id)),
      reports: await db.select({ id: progressReports.id, decidingSides: progressReports.decidingSides }).from(progressReports).orderBy(asc(progressReports.id)),
    });
    // The demo's tasks were made through the service with the rule the backfill applies, and their units are as created.
    // Those whose sides these tests changed on purpose are left out.
    await db.delete(tasks).where(inArray(tasks.title, ['青岛撤出本方单位', '深圳单独参与的联合任务', '销号轮次固定', '报告审核中修改单位']));
    const expected = await state();
    expect(expected.tasks.some((row) => row.closeSides)).toBe(true);
    expect(expected.reports.some((row) => row.decidingSides)).toBe(true);

    await db.execute(sql`update tasks set sides = '[]'::jsonb, close_sides = null`);
    await db.execute(sql`update progress_reports set deciding_sides = null`);
    const migration = await readFile(new URL('../../src/db/migrations/20261203090809_joint_task_sides.sql', import.meta.url), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint').filter((s) => s.includes('UPDATE'))) await db.execute(sql.raw(statement));
    expect(await state()).toEqual(expected);
  });
});
