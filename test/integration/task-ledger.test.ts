import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comments } from '../../src/db/schema/work.ts';
import { auditLog } from '../../src/db/schema/core.ts';
import { listTasksCommand } from '../../src/cli/task.commands.ts';
import { businessToday } from '../../src/modules/task/business-date.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { createTask, expectError, qingdaoShenzhen, type LedgerPage, type QingdaoShenzhen, type TaskDetail } from './task-fixtures.ts';

describe.each(databaseFlavours())('task ledger on %s', (flavour) => {
  let t: TestApp;
  let qd: string;
  let sz: string;
  let qdUnit: string;
  let szUnit: string;
  let leader: string;
  let outsider: string;
  let c: QingdaoShenzhen;
  let today: string;

  const ledger = async (query: string, token = qd) => {
    const res = await t.call('GET', `/api/v1/cooperations/${c.id}/tasks${query}`, { token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<LedgerPage>();
  };

  beforeAll(async () => {
    t = await startTestApp(flavour);
    [qd, sz, qdUnit, szUnit, leader, outsider] = await Promise.all([t.login('qd.fgw'), t.login('sz.fgw'), t.login('qd.kj'), t.login('sz.kj'), t.login('qd.leader'), t.login('st.fgw')]);
    c = await qingdaoShenzhen(t, qd);
    today = businessToday(t.config.timeZone);
  });
  afterAll(() => t?.close());

  it('shows the demo ledger of 青岛—深圳: a task per direction, each led by a unit of each side', async () => {
    for (const clauseId of c.directionIds) expect((await ledger(`?clauseId=${clauseId}`)).total).toBe(1);
    const all = await ledger('?pageSize=200');
    expect(all.total).toBe(16);
    for (const item of all.items) {
      expect(item.sides.map((s) => s.partyId).sort()).toEqual([c.qingdao, c.shenzhen].sort());
      expect(item.sides.every((s) => s.lead !== null)).toBe(true);
    }
    expect(Object.values(all.countsByStatus).reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(all.items.some((i) => i.overdue)).toBe(true);
  });

  it('creates a task with lead and co-operating units per side, owners, clauses and milestones', async () => {
    const created = await createTask(t, qd, c, {
      title: '联合实验室挂牌',
      clauseIds: [c.directionIds[0]],
      units: [
        { partyId: c.qingdao, organizationId: c.unit('青岛市科学技术局'), role: 'lead' },
        { partyId: c.qingdao, organizationId: c.unit('青岛市教育局'), role: 'co' },
        { partyId: c.shenzhen, organizationId: c.unit('深圳市科技创新局'), role: 'lead' },
      ],
      ownerUserIds: [],
      milestones: [{ title: '选址', dueOn: '2026-03-01' }, { title: '挂牌' }],
      tags: ['科技', '平台'],
      priority: 'high',
    });
    const qingdao = created.sides.find((s) => s.partyId === c.qingdao);
    expect(qingdao?.lead?.name).toBe('青岛市科学技术局');
    expect(qingdao?.co.map((u) => u.name)).toEqual(['青岛市教育局']);
    expect(created.sides.find((s) => s.partyId === c.shenzhen)?.lead?.name).toBe('深圳市科技创新局');
    expect(created.clauses.map((cl) => cl.id)).toEqual([c.directionIds[0]]);
    expect(created.milestones.map((m) => m.title)).toEqual(['选址', '挂牌']);
    expect(created).toMatchObject({ status: 'not_started', percent: 0, joint: true, version: 1 });

    const byUnit = await ledger(`?unit=${c.unit('青岛市教育局')}`);
    expect(byUnit.items.map((i) => i.id)).toContain(created.id);
    const byTag = await ledger('?tag=平台');
    expect(byTag.items.map((i) => i.id)).toEqual([created.id]);
    const byClause = await ledger(`?clauseId=${c.directionIds[0]}&sort=createdAt&order=desc`);
    expect(byClause.items[0]?.id).toBe(created.id);
  });

  it('filters by status, overdue, title, priority, dates and owner, and counts statuses under the other filters', async () => {
    const overdue = await ledger('?overdue=true&pageSize=200');
    expect(overdue.items.length).toBeGreaterThan(0);
    for (const item of overdue.items) {
      expect(item.overdue).toBe(true);
      expect(item.dueOn && item.dueOn < today).toBe(true);
    }
    expect(overdue.countsByStatus.done).toBe(0);

    const open = await ledger('?status=in_progress,blocked&pageSize=200');
    expect(open.items.every((i) => i.status === 'in_progress' || i.status === 'blocked')).toBe(true);
    expect(open.total).toBe((open.countsByStatus.in_progress ?? 0) + (open.countsByStatus.blocked ?? 0));
    const everything = await ledger('?pageSize=200');
    expect(open.countsByStatus).toEqual(everything.countsByStatus);

    const repeated = await ledger('?status=in_progress&status=blocked&pageSize=200');
    expect(repeated.total).toBe(open.total);

    const titled = await ledger(`?q=${encodeURIComponent('海洋')}`);
    expect(titled.items.map((i) => i.title)).toEqual(['协同推进经略海洋']);

    const urgent = await ledger('?priority=urgent');
    expect(urgent.items.length).toBeGreaterThan(0);
    expect(urgent.items.every((i) => i.priority === 'urgent')).toBe(true);

    const window = await ledger(`?dueFrom=${today}&dueTo=2099-12-31&pageSize=200`);
    expect(window.items.every((i) => i.dueOn !== null && i.dueOn >= today)).toBe(true);

    const me = (await t.call('GET', '/api/v1/my/tasks', { token: qdUnit })).json<{ items: { id: string }[] }>();
    const ownerId = (await t.call('GET', '/api/v1/me', { token: qdUnit })).json<{ user: { id: string } }>().user.id;
    const owned = await ledger(`?ownerUserId=${ownerId}&pageSize=200`);
    expect(owned.items.length).toBeGreaterThan(0);
    expect(me.items.map((i) => i.id)).toEqual(expect.arrayContaining(owned.items.map((i) => i.id)));
  });

  it('sorts by title, priority and due date and pages through the ledger', async () => {
    const byTitle = await ledger('?sort=title&order=desc&pageSize=200');
    const titles = byTitle.items.map((i) => i.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));

    const byPriority = await ledger('?sort=priority&order=desc&pageSize=5');
    expect(byPriority.items[0]?.priority).toBe('urgent');

    const byDue = await ledger('?sort=dueOn&pageSize=200');
    const dues = byDue.items.map((i) => i.dueOn).filter((d): d is string => d !== null);
    expect(dues).toEqual([...dues].sort());

    const first = await ledger('?pageSize=5&page=1');
    const second = await ledger('?pageSize=5&page=2');
    expect(first.items).toHaveLength(5);
    expect(first.total).toBe(second.total);
    expect(second.items.map((i) => i.id).some((id) => first.items.map((i) => i.id).includes(id))).toBe(false);

    expectError(await t.call('GET', `/api/v1/cooperations/${c.id}/tasks?pageSize=201`, { token: qd }), 400, 'request.invalid');
  });

  it('refuses units of the wrong side, unknown units and sides, a second lead per side, and a due date before the start', async () => {
    const post = (body: Record<string, unknown>) => t.call('POST', `/api/v1/cooperations/${c.id}/tasks`, { token: qd, body: { title: '试验任务', ...body } });
    expectError(await post({ units: [{ partyId: c.qingdao, organizationId: c.unit('深圳市科技创新局'), role: 'lead' }] }), 400, 'task.unit_wrong_side');
    expectError(await post({ units: [{ partyId: c.shenzhen, organizationId: c.unit('汕头市发展和改革局'), role: 'co' }] }), 400, 'task.unit_wrong_side');
    expectError(await post({ units: [{ partyId: c.qingdao, organizationId: '00000000-0000-4000-8000-000000000001', role: 'lead' }] }), 404, 'organization.not_found');
    expectError(await post({ units: [{ partyId: '00000000-0000-4000-8000-000000000002', organizationId: c.unit('青岛市科学技术局'), role: 'lead' }] }), 404, 'party.not_found');
    expectError(
      await post({
        units: [
          { partyId: c.qingdao, organizationId: c.unit('青岛市科学技术局'), role: 'lead' },
          { partyId: c.qingdao, organizationId: c.unit('青岛市教育局'), role: 'lead' },
        ],
      }),
      400,
      'task.duplicate_lead',
    );
    expectError(await post({ startOn: '2026-06-01', dueOn: '2026-05-31' }), 400, 'task.invalid_dates');
    expectError(await post({ dueOn: '2026-02-30' }), 400, 'request.invalid');
    expectError(await post({ joint: false }), 400, 'task.owner_side_required');
    expectError(await post({ visibility: 'side' }), 400, 'task.side_visibility_needs_owner');
    expectError(await post({ clauseIds: ['00000000-0000-4000-8000-000000000003'] }), 404, 'clause.not_found');
    expectError(await post({ ownerUserIds: ['00000000-0000-4000-8000-000000000004'] }), 400, 'task.owner_not_member');
  });

  it('answers 404 for unknown tasks and cooperations, and for tasks and clauses of a cooperation the caller is not in', async () => {
    const missing = '00000000-0000-4000-8000-0000000000ff';
    expectError(await t.call('GET', `/api/v1/tasks/${missing}`, { token: qd }), 404, 'task.not_found');
    expectError(await t.call('PATCH', `/api/v1/tasks/${missing}`, { token: qd, body: { version: 1, title: 'x' } }), 404, 'task.not_found');
    expectError(await t.call('GET', `/api/v1/cooperations/${missing}/tasks`, { token: qd }), 404, 'cooperation.not_found');

    const task = await createTask(t, qd, c, { title: '仅合作方可见' });
    expectError(await t.call('GET', `/api/v1/tasks/${task.id}`, { token: outsider }), 404, 'task.not_found');
    expectError(await t.call('PATCH', `/api/v1/tasks/${task.id}`, { token: outsider, body: { version: task.version, title: 'x' } }), 404, 'task.not_found');

    const others = (await t.call('GET', '/api/v1/cooperations?q=深圳—汕头', { token: sz })).json<{ items: { id: string }[] }>();
    const szSt = others.items[0]?.id ?? '';
    const agreements = (await t.call('GET', `/api/v1/cooperations/${szSt}/agreements`, { token: sz })).json<{ items: { id: string }[] }>();
    const tree = (await t.call('GET', `/api/v1/agreements/${agreements.items[0]?.id}/clauses`, { token: sz })).json<{ items: { id: string }[] }>();
    const foreignClause = tree.items[0]?.id;
    expectError(await t.call('POST', `/api/v1/cooperations/${c.id}/tasks`, { token: qd, body: { title: '串台', clauseIds: [foreignClause] } }), 404, 'clause.not_found');
    const inSzSt = (await t.call('GET', `/api/v1/cooperations/${szSt}/tasks?pageSize=200`, { token: sz })).json<LedgerPage>();
    expect(inSzSt.items.map((i) => i.id)).not.toContain(task.id);

    // A side filter names a side of this cooperation; someone outside a cooperation that is not public learns nothing of its sides.
    expectError(await t.call('GET', `/api/v1/cooperations/${c.id}/tasks?side=${missing}`, { token: qd }), 404, 'party.not_found');
    const szStSides = (await t.call('GET', `/api/v1/cooperations/${szSt}`, { token: sz })).json<{ parties: { id: string }[] }>().parties;
    expectError(await t.call('GET', `/api/v1/cooperations/${c.id}/tasks?side=${szStSides[0]?.id}`, { token: qd }), 404, 'party.not_found');
    for (const side of [missing, szStSides[0]?.id]) {
      expectError(await t.call('GET', `/api/v1/cooperations/${szSt}/tasks?side=${side}`, { token: qdUnit }), 404, 'cooperation.not_found');
    }
  });

  it('rejects a stale version with 409 and keeps the newer change', async () => {
    const task = await createTask(t, qd, c, { title: '并发编辑' });
    const first = await t.call('PATCH', `/api/v1/tasks/${task.id}`, { token: qd, body: { version: task.version, title: '青岛改的标题' } });
    expect(first.statusCode).toBe(200);
    expectError(await t.call('PATCH', `/api/v1/tasks/${task.id}`, { token: sz, body: { version: task.version, title: '深圳改的标题' } }), 409, 'task.version_conflict');
    expect((await t.call('GET', `/api/v1/tasks/${task.id}`, { token: sz })).json<TaskDetail>().title).toBe('青岛改的标题');
  });

  it('lets a lead unit update the status but not the plan, and leaders only read', async () => {
    const task = await createTask(t, qd, c, { title: '科技局推进的任务' });
    const progressed = await t.call('PATCH', `/api/v1/tasks/${task.id}`, { token: qdUnit, body: { version: task.version, status: 'in_progress' } });
    expect(progressed.statusCode, progressed.body).toBe(200);
    const after = progressed.json<TaskDetail>();
    expect(after.status).toBe('in_progress');
    expect(after.can).toEqual({ edit: false, updateProgress: true, decideClosure: false, report: true, issueNotice: false });
    expectError(await t.call('PATCH', `/api/v1/tasks/${task.id}`, { token: qdUnit, body: { version: after.version, title: '改标题' } }), 403, 'auth.forbidden');
    expectError(await t.call('PATCH', `/api/v1/tasks/${task.id}`, { token: qdUnit, body: { version: after.version, status: 'done' } }), 409, 'task.close_requires_approval');
    expectError(await t.call('PATCH', `/api/v1/tasks/${task.id}`, { token: qdUnit, body: { version: after.version, status: 'cancelled' } }), 403, 'auth.forbidden');
    expectError(await t.call('PATCH', `/api/v1/tasks/${task.id}`, { token: leader, body: { version: after.version, status: 'blocked' } }), 403, 'auth.forbidden');
    expectError(await t.call('POST', `/api/v1/cooperations/${c.id}/tasks`, { token: qdUnit, body: { title: '单位不能建任务' } }), 403, 'auth.forbidden');

    const notTheirs = await createTask(t, qd, c, {
      title: '商务局的任务',
      units: [{ partyId: c.qingdao, organizationId: c.unit('青岛市商务局'), role: 'lead' }],
    });
    expectError(await t.call('PATCH', `/api/v1/tasks/${notTheirs.id}`, { token: qdUnit, body: { version: notTheirs.version, status: 'in_progress' } }), 403, 'auth.forbidden');
    const leaderRead = await t.call('GET', `/api/v1/tasks/${notTheirs.id}`, { token: leader });
    expect(leaderRead.statusCode).toBe(200);
    // A leader reads: the task page offers no edit, report, 督办 or comment the server would refuse.
    expect(leaderRead.json<TaskDetail>().can).toEqual({ edit: false, updateProgress: false, decideClosure: false, report: false, issueNotice: false });
    expect((await t.call('GET', `/api/v1/tasks/${notTheirs.id}/comments`, { token: leader })).json<{ can: { comment: boolean } }>().can).toEqual({ comment: false });
    expect((await t.call('GET', `/api/v1/tasks/${notTheirs.id}/comments`, { token: qdUnit })).json<{ can: { comment: boolean } }>().can).toEqual({ comment: true });

    // The ledger rows say the same, so the inline status is offered exactly where the server will take it.
    const rowOf = async (token: string, id: string) => (await ledger('?pageSize=200', token)).items.find((i) => i.id === id)?.can;
    expect(await rowOf(qdUnit, task.id)).toEqual({ updateProgress: true });
    expect(await rowOf(qdUnit, notTheirs.id)).toEqual({ updateProgress: false });
    expect(await rowOf(leader, task.id)).toEqual({ updateProgress: false });
    expect(await rowOf(qd, notTheirs.id)).toEqual({ updateProgress: true });
  });

  it("keeps a one-sided task marked 'side' from the other side", async () => {
    const own = await createTask(t, qd, c, {
      title: '青岛内部推进事项',
      joint: false,
      ownerPartyId: c.qingdao,
      visibility: 'side',
      units: [{ partyId: c.qingdao, organizationId: c.unit('青岛市科学技术局'), role: 'lead' }],
    });
    expect((await t.call('GET', `/api/v1/tasks/${own.id}`, { token: qdUnit })).statusCode).toBe(200);
    expectError(await t.call('GET', `/api/v1/tasks/${own.id}`, { token: sz }), 404, 'task.not_found');
    expect((await ledger('?pageSize=200', sz)).items.map((i) => i.id)).not.toContain(own.id);
    expect((await ledger('?pageSize=200', qd)).items.map((i) => i.id)).toContain(own.id);
    expectError(
      await t.call('POST', `/api/v1/cooperations/${c.id}/tasks`, {
        token: sz,
        body: { title: '替青岛建的任务', joint: false, ownerPartyId: c.qingdao },
      }),
      403,
      'auth.forbidden',
    );
  });

  it('creates one task per direction of an agreement with default lead units, and skips directions that already have one', async () => {
    const list = (await t.call('GET', '/api/v1/cooperations?q=深圳—汕头', { token: sz })).json<{ items: { id: string }[] }>();
    const szSt = list.items[0]?.id ?? '';
    const cooperation = (await t.call('GET', `/api/v1/cooperations/${szSt}`, { token: sz })).json<{ parties: { id: string; regionCode: string }[] }>();
    const shenzhen = cooperation.parties.find((p) => p.regionCode === '440300')?.id;
    const shantou = cooperation.parties.find((p) => p.regionCode === '440500')?.id;
    const agreements = (await t.call('GET', `/api/v1/cooperations/${szSt}/agreements`, { token: sz })).json<{ items: { id: string; kind: string }[] }>();
    const framework = agreements.items.find((a) => a.kind === 'framework')?.id;
    const body = {
      leadUnits: [
        { partyId: shenzhen, organizationId: c.unit('深圳市发展和改革委员会') },
        { partyId: shantou, organizationId: c.unit('汕头市发展和改革局') },
      ],
      dueOn: '2027-06-30',
    };
    const created = await t.call('POST', `/api/v1/agreements/${framework}/tasks/bulk`, { token: sz, body });
    expect(created.statusCode, created.body).toBe(201);
    const result = created.json<{ items: LedgerPage['items']; skippedClauseIds: string[] }>();
    expect(result.items).toHaveLength(9);
    expect(result.skippedClauseIds).toEqual([]);
    expect(result.items.every((i) => i.sides.length === 2 && i.sides.every((s) => s.lead !== null) && i.dueOn === '2027-06-30')).toBe(true);

    const again = (await t.call('POST', `/api/v1/agreements/${framework}/tasks/bulk`, { token: sz, body })).json<{ items: unknown[]; skippedClauseIds: string[] }>();
    expect(again.items).toHaveLength(0);
    expect(again.skippedClauseIds).toHaveLength(9);

    expectError(
      await t.call('POST', `/api/v1/agreements/${c.frameworkId}/tasks/bulk`, {
        token: qd,
        body: { leadUnits: [{ partyId: c.qingdao, organizationId: c.unit('深圳市发展和改革委员会') }] },
      }),
      400,
      'task.unit_wrong_side',
    );
    expectError(await t.call('POST', `/api/v1/agreements/${framework}/tasks/bulk`, { token: qd, body }), 404, 'agreement.not_found');
  });

  it('lists an open task without a due date as not overdue, in the ledger and in my work', async () => {
    const created = await createTask(t, qd, c, { title: '无完成时限的任务', dueOn: null, startOn: null, tags: ['无时限'] });
    expect(created.overdue).toBe(false);
    const listed = await ledger('?tag=无时限');
    expect(listed.items.map((i) => ({ id: i.id, overdue: i.overdue }))).toEqual([{ id: created.id, overdue: false }]);
    expect((await ledger('?overdue=false&tag=无时限')).total).toBe(1);
    expect((await ledger('?overdue=true&tag=无时限')).total).toBe(0);
    const mine = await t.call('GET', '/api/v1/my/tasks?pageSize=200', { token: qdUnit });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<LedgerPage>().items.find((i) => i.id === created.id)?.overdue).toBe(false);
  });

  it("lists a unit user's work across cooperations with the overdue flag", async () => {
    const mine = (await t.call('GET', '/api/v1/my/tasks?pageSize=200', { token: qdUnit })).json<{ items: (LedgerPage['items'][number] & { cooperationName: string })[]; total: number }>();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.sides.some((s) => s.lead?.name === '青岛市科学技术局' || s.co.some((u) => u.name === '青岛市科学技术局')) || i.title)).toBe(true);
    expect(mine.items.map((i) => i.cooperationName)).toContain('青岛—深圳跨区域合作');
    for (const item of mine.items) expect(item.overdue).toBe(!!item.dueOn && item.dueOn < today && item.status !== 'done' && item.status !== 'cancelled');
    const late = (await t.call('GET', '/api/v1/my/tasks?overdue=true', { token: szUnit })).json<{ items: { overdue: boolean }[] }>();
    expect(late.items.every((i) => i.overdue)).toBe(true);
    const scienceSz = (await t.call('GET', '/api/v1/my/tasks?pageSize=200', { token: szUnit })).json<{ items: { title: string }[] }>();
    expect(scienceSz.items.map((i) => i.title)).toContain('鼓励高校院所互动合作');
  });

  it('deletes a task with its version and its comments, and answers 404 afterwards', async () => {
    const task = await createTask(t, qd, c, { title: '待删除' });
    expect((await t.call('POST', `/api/v1/tasks/${task.id}/comments`, { token: qd, body: { body: '此任务将合并到其他任务' } })).statusCode).toBe(201);
    const commentsOfTask = () => t.services.database.db.select({ id: comments.id }).from(comments).where(eq(comments.subjectId, task.id));
    expect(await commentsOfTask()).toHaveLength(1);
    expectError(await t.call('DELETE', `/api/v1/tasks/${task.id}?version=${task.version + 5}`, { token: qd }), 409, 'task.version_conflict');
    expectError(await t.call('DELETE', `/api/v1/tasks/${task.id}?version=${task.version}`, { token: qdUnit }), 403, 'auth.forbidden');
    expect(await commentsOfTask()).toHaveLength(1);
    expect((await t.call('DELETE', `/api/v1/tasks/${task.id}?version=${task.version}`, { token: qd })).statusCode).toBe(204);
    expectError(await t.call('GET', `/api/v1/tasks/${task.id}`, { token: qd }), 404, 'task.not_found');
    expect(await commentsOfTask()).toEqual([]);
  });

  it('moves percent and status with milestones and proposes closing when the last one is reached', async () => {
    const task = await createTask(t, qd, c, { title: '按节点推进', milestones: [{ title: '一' }, { title: '二' }] });
    const [one, two] = task.milestones;
    const added = await t.call('POST', `/api/v1/tasks/${task.id}/milestones`, { token: qdUnit, body: { title: '三', dueOn: '2026-09-30' } });
    expect(added.statusCode, added.body).toBe(201);
    const three = added.json<{ milestone: { id: string; version: number } }>().milestone;

    const reachedOne = await t.call('PATCH', `/api/v1/milestones/${one?.id}`, { token: qdUnit, body: { version: one?.version, done: true } });
    expect(reachedOne.statusCode, reachedOne.body).toBe(200);
    expect(reachedOne.json<{ task: { percent: number; status: string } }>().task).toMatchObject({ percent: 33, status: 'in_progress' });
    expectError(await t.call('PATCH', `/api/v1/milestones/${one?.id}`, { token: qdUnit, body: { version: one?.version, title: '旧版本' } }), 409, 'milestone.version_conflict');
    expectError(await t.call('PATCH', `/api/v1/milestones/${two?.id}`, { token: leader, body: { version: two?.version, done: true } }), 403, 'auth.forbidden');
    expectError(await t.call('PATCH', `/api/v1/milestones/${two?.id}`, { token: qdUnit, body: { version: two?.version, dueOn: '2025-12-31' } }), 400, 'milestone.invalid_dates');

    const removed = await t.call('DELETE', `/api/v1/milestones/${three.id}?version=${three.version}`, { token: qd });
    expect(removed.json<{ task: { percent: number } }>().task.percent).toBe(50);
    const current = (await t.call('GET', `/api/v1/tasks/${task.id}`, { token: qd })).json<TaskDetail>();
    expectError(await t.call('PATCH', `/api/v1/tasks/${task.id}`, { token: qd, body: { version: current.version, percent: 90 } }), 400, 'task.percent_derived');

    const last = await t.call('PATCH', `/api/v1/milestones/${two?.id}`, { token: qdUnit, body: { version: two?.version, done: true } });
    expect(last.json<{ task: { percent: number; closeRequested: boolean } }>().task).toMatchObject({ percent: 100, closeRequested: true });
    const detail = (await t.call('GET', `/api/v1/tasks/${task.id}`, { token: sz })).json<TaskDetail>();
    expect(detail.closure.round).toBe(1);
    expect(detail.closure.pendingPartyIds.sort()).toEqual([c.qingdao, c.shenzhen].sort());
    expect(detail.can.decideClosure).toBe(true);
    expectError(await t.call('PATCH', `/api/v1/milestones/00000000-0000-4000-8000-0000000000aa`, { token: qd, body: { version: 1, done: true } }), 404, 'milestone.not_found');
  });
  it("moves a milestone one place up or down with its version, audits each row whose place changed, and refuses a stale or impossible move", async () => {
    const task = await createTask(t, qd, c, { title: '按顺序推进', milestones: [{ title: '甲' }, { title: '乙' }, { title: '丙' }] });
    const [first, , third] = task.milestones;
    const titles = async () => (await t.call('GET', `/api/v1/tasks/${task.id}/milestones`, { token: sz })).json<{ items: { title: string }[] }>().items.map((m) => m.title);
    const moved = await t.call('POST', `/api/v1/milestones/${third?.id}/move`, { token: qdUnit, body: { version: third?.version, direction: 'up' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<{ items: { title: string; ordinal: number }[] }>().items.map((m) => [m.title, m.ordinal])).toEqual([
      ['甲', 0],
      ['丙', 1],
      ['乙', 2],
    ]);
    expect(await titles()).toEqual(['甲', '丙', '乙']);
    expectError(await t.call('POST', `/api/v1/milestones/${third?.id}/move`, { token: qd, body: { version: third?.version, direction: 'up' } }), 409, 'milestone.version_conflict');
    expectError(await t.call('POST', `/api/v1/milestones/${first?.id}/move`, { token: qd, body: { version: first?.version, direction: 'up' } }), 409, 'milestone.cannot_move');
    expectError(await t.call('POST', `/api/v1/milestones/${first?.id}/move`, { token: leader, body: { version: first?.version, direction: 'down' } }), 403, 'auth.forbidden');
    expectError(await t.call('POST', `/api/v1/milestones/${first?.id}/move`, { token: qd, body: { version: first?.version, direction: 'left' } }), 400, 'request.invalid');
    const entries = await t.services.database.db.select({ entityId: auditLog.entityId }).from(auditLog).where(and(eq(auditLog.entity, 'milestone'), eq(auditLog.action, 'move')));
    expect(entries.map((e) => e.entityId).sort()).toEqual([task.milestones[1]?.id, third?.id].sort());
  });

  it('prints the ledger on the command line as a table marking overdue tasks, or as JSON', async () => {
    const text = await listTasksCommand(t.services, { cooperation: '青岛—深圳', overdue: true, format: 'table' });
    const [title, header, ...rows] = text.split('\n');
    expect(title).toMatch(/^青岛—深圳跨区域合作: \d+ task\(s\), overdue$/);
    expect(header).toMatch(/^status\s+due\s+%\s+priority\s+lead units\s+title$/);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => / !/.test(r))).toBe(true);
    const json = JSON.parse(await listTasksCommand(t.services, { cooperation: c.id, status: ['done,cancelled'], format: 'json' })) as LedgerPage;
    expect(json.items.length).toBeGreaterThan(0);
    expect(json.items.every((i) => i.status === 'done' || i.status === 'cancelled')).toBe(true);
    await expect(listTasksCommand(t.services, { cooperation: '青岛', format: 'table' })).rejects.toThrow(/several cooperations/);
    await expect(listTasksCommand(t.services, { cooperation: c.id, status: ['finished'], format: 'table' })).rejects.toThrow(/unknown status/);
  });
});
