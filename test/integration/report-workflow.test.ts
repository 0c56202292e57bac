import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { errorCode, makeTask, reportWorld, type ReportBody, type ReportWorld, type TestTask } from './report-fixtures.ts';

interface Period {
  id: string;
  label: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

describe.each(databaseFlavours())('progress reports on %s', (flavour) => {
  let t: TestApp;
  let w: ReportWorld;
  let quarters: Period[];
  let q3: Period;
  let q4: Period;

  const report = (id: string, token: string) => t.call('GET', `/api/v1/reports/${id}`, { token });
  const review = (id: string, token: string, decision: 'approved' | 'returned', reason?: string) =>
    t.call('POST', `/api/v1/reports/${id}/review`, { token, body: reason === undefined ? { decision } : { decision, reason } });
  const submit = (id: string, token: string) => t.call('POST', `/api/v1/reports/${id}/submit`, { token, body: {} });
  async function draft(task: TestTask, token: string, period: Period, extra: Record<string, unknown> = {}): Promise<ReportBody> {
    const res = await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token, body: { periodId: period.id, narrative: '本季度完成对接', percent: 30, ...extra } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<ReportBody>();
  }
  async function notified(token: string, kind: string, reportId: string): Promise<boolean> {
    const inbox = (await t.call('GET', '/api/v1/notifications?pageSize=100', { token })).json<{ items: { kind: string; link: string | null }[] }>();
    return inbox.items.some((n) => n.kind === kind && n.link === `/reports/${reportId}`);
  }
  async function taskState(taskId: string) {
    return t.services.task.get(SYSTEM_ACTOR, taskId);
  }

  beforeAll(async () => {
    t = await startTestApp(flavour);
    w = await reportWorld(t);
    // Besides the quarters of 2026 the demo keeps closed yearly periods of earlier years, for its indicators' history.
    quarters = (await t.call('GET', `/api/v1/cooperations/${w.cooperationId}/periods`, { token: w.tokens.qdUnit })).json<{ items: Period[] }>().items.filter((p) => p.kind === 'quarterly');
    const third = quarters.find((p) => p.label === '2026年第3季度');
    const fourth = quarters.find((p) => p.label === '2026年第4季度');
    if (!third || !fourth) throw new Error('demo quarters of 2026 missing');
    q3 = third;
    q4 = fourth;
  });
  afterAll(() => t?.close());

  describe('reporting periods', () => {
    let shantou: string;
    beforeAll(async () => {
      const list = (await t.call('GET', '/api/v1/cooperations?q=汕头', { token: w.tokens.sz })).json<{ items: { id: string }[] }>();
      shantou = list.items[0]?.id ?? '';
    });

    it('gives 青岛—深圳 the four quarters of 2026, each due 15 days after it ends', () => {
      expect(quarters.map((p) => p.label)).toEqual(['2026年第1季度', '2026年第2季度', '2026年第3季度', '2026年第4季度']);
      expect(quarters[2]).toMatchObject({ kind: 'quarterly', startsOn: '2026-07-01', endsOn: '2026-09-30', dueOn: '2026-10-15' });
    });

    it('generates monthly periods named by the calendar, and refuses to generate them twice', async () => {
      const res = await t.call('POST', `/api/v1/cooperations/${shantou}/periods/generate`, {
        token: w.tokens.sz,
        body: { kind: 'monthly', from: '2026-11-10', to: '2027-02-01', dueAfterDays: 10 },
      });
      expect(res.statusCode, res.body).toBe(201);
      const items = res.json<{ items: Period[] }>().items;
      expect(items.map((p) => p.label)).toEqual(['2026年11月', '2026年12月', '2027年1月', '2027年2月']);
      expect(items[3]).toMatchObject({ startsOn: '2027-02-01', endsOn: '2027-02-28', dueOn: '2027-03-10' });
      const again = await t.call('POST', `/api/v1/cooperations/${shantou}/periods/generate`, {
        token: w.tokens.sz,
        body: { kind: 'monthly', from: '2027-02-01', to: '2027-04-30', dueAfterDays: 10 },
      });
      expect(again.statusCode).toBe(409);
      expect(errorCode(again)).toBe('period.overlap');
      const list = (await t.call('GET', `/api/v1/cooperations/${shantou}/periods`, { token: w.tokens.sz })).json<{ items: Period[] }>().items;
      expect(list).toHaveLength(4);
    });

    it('refuses a custom period overlapping an existing one with 409, and a misaligned quarter with 400', async () => {
      const overlap = await t.call('POST', `/api/v1/cooperations/${w.cooperationId}/periods`, {
        token: w.tokens.qd,
        body: { kind: 'custom', startsOn: '2026-09-15', endsOn: '2026-10-15', dueAfterDays: 5, label: '专项督查期' },
      });
      expect(overlap.statusCode).toBe(409);
      expect(errorCode(overlap)).toBe('period.overlap');
      const misaligned = await t.call('POST', `/api/v1/cooperations/${w.cooperationId}/periods`, {
        token: w.tokens.qd,
        body: { kind: 'quarterly', startsOn: '2027-02-01', endsOn: '2027-04-30', dueAfterDays: 5 },
      });
      expect(misaligned.statusCode).toBe(400);
      expect(errorCode(misaligned)).toBe('period.not_aligned');
      const quarter = await t.call('POST', `/api/v1/cooperations/${w.cooperationId}/periods`, {
        token: w.tokens.qd,
        body: { kind: 'quarterly', startsOn: '2027-01-01', endsOn: '2027-03-31', dueAfterDays: 20 },
      });
      expect(quarter.statusCode, quarter.body).toBe(201);
      expect(quarter.json()).toMatchObject({ label: '2027年第1季度', dueOn: '2027-04-20' });
    });

    it('lets only the cooperation offices create periods', async () => {
      const res = await t.call('POST', `/api/v1/cooperations/${w.cooperationId}/periods`, {
        token: w.tokens.qdUnit,
        body: { kind: 'custom', startsOn: '2028-01-01', endsOn: '2028-01-31', dueAfterDays: 5 },
      });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('a report on a joint task', () => {
    let task: TestTask;
    let id: string;

    beforeAll(async () => {
      task = await makeTask(t, w, '联合举办深青科技成果对接会', 'joint');
    });

    it('starts as a draft only the writing unit sees', async () => {
      const created = await draft(task, w.qd.unit, q3, { milestonesReached: [task.milestoneIds[0]], figures: [{ name: '投资到位', value: 1200, unit: '万元' }] });
      id = created.id;
      expect(created).toMatchObject({ status: 'draft', revision: 1, partyId: w.qd.partyId, round: 1, awaitingSides: [] });
      expect(created.decidingSides.sort()).toEqual([w.qd.partyId, w.sz.partyId].sort());
      expect((await report(id, w.qd.unit)).statusCode).toBe(200);
      expect((await report(id, w.tokens.admin)).statusCode).toBe(200);
      for (const token of [w.sz.coordinator, w.sz.unit, w.qd.coordinator, w.tokens.leader]) expect((await report(id, token)).statusCode).toBe(404);
      const listed = (await t.call('GET', `/api/v1/tasks/${task.id}/reports`, { token: w.sz.coordinator })).json<{ items: ReportBody[] }>();
      expect(listed.items.map((r) => r.id)).not.toContain(id);
    });

    it('takes edits with the version read, and answers 409 to a stale one', async () => {
      const current = (await report(id, w.qd.unit)).json<ReportBody>();
      const edited = await t.call('PATCH', `/api/v1/reports/${id}`, { token: w.qd.unit, body: { version: current.version, percent: 35 } });
      expect(edited.statusCode, edited.body).toBe(200);
      const stale = await t.call('PATCH', `/api/v1/reports/${id}`, { token: w.qd.unit, body: { version: current.version, percent: 36 } });
      expect(stale.statusCode).toBe(409);
      expect(errorCode(stale)).toBe('report.version_conflict');
    });

    it('once submitted, is seen by both sides and waits in both offices’ review lists', async () => {
      const res = await submit(id, w.qd.unit);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ReportBody>()).toMatchObject({ status: 'submitted', round: 1 });
      expect((await report(id, w.sz.unit)).statusCode).toBe(200);
      for (const token of [w.qd.coordinator, w.sz.coordinator]) {
        const inbox = (await t.call('GET', '/api/v1/my/reports?state=to_review', { token })).json<{ items: { reportId: string }[] }>();
        expect(inbox.items.map((i) => i.reportId)).toContain(id);
        expect(await notified(token, 'report.submitted', id)).toBe(true);
      }
      const edit = await t.call('PATCH', `/api/v1/reports/${id}`, { token: w.qd.unit, body: { version: res.json<ReportBody>().version, percent: 50 } });
      expect(edit.statusCode).toBe(409);
      expect(errorCode(edit)).toBe('report.under_review');
    });

    it('refuses review by a unit, a leader or an administrator (403), and by someone outside the cooperation as if it did not exist', async () => {
      for (const token of [w.sz.unit, w.tokens.leader, w.tokens.admin]) {
        const res = await review(id, token, 'approved');
        expect(res.statusCode, res.body).toBe(403);
      }
      expect((await review(id, w.tokens.dl, 'approved')).statusCode).toBe(404);
    });

    it('stays submitted after one side approves with its opinion, and refuses that side a second decision', async () => {
      const long = await review(id, w.qd.coordinator, 'approved', '意'.repeat(2001));
      expect(long.statusCode).toBe(400);
      expect((await report(id, w.sz.coordinator)).json<ReportBody>().can.review).toBe(true);
      const first = await review(id, w.qd.coordinator, 'approved', '同意，请继续跟进实验室挂牌');
      expect(first.statusCode, first.body).toBe(200);
      const approvedOnce = first.json<ReportBody>();
      expect(approvedOnce).toMatchObject({ status: 'submitted', awaitingSides: [w.sz.partyId], can: { review: false } });
      const qdName = (await t.call('GET', '/api/v1/me', { token: w.qd.coordinator })).json<{ user: { displayName: string } }>().user.displayName;
      expect(approvedOnce.reviews).toEqual([
        expect.objectContaining({ round: 1, partyId: w.qd.partyId, decision: 'approved', reason: '同意，请继续跟进实验室挂牌', userName: qdName }),
      ]);
      const twice = await review(id, w.qd.coordinator, 'approved');
      expect(twice.statusCode).toBe(409);
      expect(errorCode(twice)).toBe('approval.already_decided');
      const qdInbox = (await t.call('GET', '/api/v1/my/reports?state=to_review', { token: w.qd.coordinator })).json<{ items: { reportId: string }[] }>();
      expect(qdInbox.items.map((i) => i.reportId)).not.toContain(id);
    });

    it('needs a reason to return, keeps it, and puts the report in the unit’s returned list', async () => {
      const bare = await review(id, w.sz.coordinator, 'returned');
      expect(bare.statusCode).toBe(400);
      expect(errorCode(bare)).toBe('report.reason_required');
      const res = await review(id, w.sz.coordinator, 'returned', '请补充投资到位凭证');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ReportBody>()).toMatchObject({ status: 'returned', returnReason: '请补充投资到位凭证', round: 2 });
      const inbox = (await t.call('GET', '/api/v1/my/reports?state=returned', { token: w.qd.unit })).json<{ items: { reportId: string }[] }>();
      expect(inbox.items.map((i) => i.reportId)).toContain(id);
      expect(await notified(w.qd.unit, 'report.returned', id)).toBe(true);
      expect(await notified(w.sz.unit, 'report.returned', id)).toBe(false);
      expect((await review(id, w.qd.coordinator, 'approved')).statusCode).toBe(409);
    });

    it('is approved in the next round only when both sides approve, and moves the task and its milestones', async () => {
      const current = (await report(id, w.qd.unit)).json<ReportBody>();
      expect((await t.call('PATCH', `/api/v1/reports/${id}`, { token: w.qd.unit, body: { version: current.version, percent: 45 } })).statusCode).toBe(200);
      const resubmitted = await submit(id, w.qd.unit);
      expect(resubmitted.json<ReportBody>()).toMatchObject({ status: 'submitted', round: 2, returnReason: null });
      expect((await review(id, w.sz.coordinator, 'approved')).json<ReportBody>().status).toBe('submitted');
      const final = await review(id, w.qd.coordinator, 'approved');
      expect(final.statusCode, final.body).toBe(200);
      const approved = final.json<ReportBody>();
      expect(approved.status).toBe('approved');
      expect(approved.reviews.map((r) => [r.round, r.decision])).toEqual([
        [1, 'approved'],
        [1, 'returned'],
        [2, 'approved'],
        [2, 'approved'],
      ]);
      // The return stays in the history after resubmission: which side, who, and why.
      const szName = (await t.call('GET', '/api/v1/me', { token: w.sz.coordinator })).json<{ user: { displayName: string } }>().user.displayName;
      expect(approved.reviews[1]).toMatchObject({ partyId: w.sz.partyId, reason: '请补充投资到位凭证', userName: szName });
      expect(approved.returnReason).toBeNull();
      const state = await taskState(task.id);
      // Two milestones, one reached: the task stands at their share, not at the 45 the report states.
      expect(state.percent).toBe(50);
      expect(state.status).toBe('in_progress');
      expect(state.milestones.find((m) => m.id === task.milestoneIds[0])?.doneAt).toBeTruthy();
      expect(state.milestones.find((m) => m.id === task.milestoneIds[1])?.doneAt).toBeFalsy();
      expect(state.closure.requestedAt).toBeNull();
    });

    it('is locked once approved: edits answer 409 report.locked', async () => {
      const current = (await report(id, w.qd.unit)).json<ReportBody>();
      const res = await t.call('PATCH', `/api/v1/reports/${id}`, { token: w.qd.unit, body: { version: current.version, narrative: '改一下' } });
      expect(res.statusCode).toBe(409);
      expect(errorCode(res)).toBe('report.locked');
      expect((await review(id, w.sz.coordinator, 'approved')).statusCode).toBe(409);
    });

    it('is corrected by a revision with a reason, which supersedes it only when the revision is approved', async () => {
      const revise = (token: string, body?: unknown) => t.call('POST', `/api/v1/reports/${id}/revisions`, { token, ...(body === undefined ? {} : { body }) });
      expect((await report(id, w.qd.unit)).json<ReportBody>().can.revise).toBe(true);
      for (const token of [w.sz.unit, w.sz.coordinator, w.qd.coordinator]) expect((await report(id, token)).json<ReportBody>().can.revise).toBe(false);
      expect((await revise(w.qd.unit)).statusCode).toBe(400);
      expect((await revise(w.qd.unit, { reason: '  ' })).statusCode).toBe(400);
      expect((await revise(w.sz.unit, { reason: '代为更正' })).statusCode).toBe(403);
      const res = await revise(w.qd.unit, { reason: '投资到位金额统计有误，应为1000万元' });
      expect(res.statusCode, res.body).toBe(201);
      const revision = res.json<ReportBody>();
      expect(revision).toMatchObject({ status: 'draft', revision: 2, supersedesId: id, percent: 45, revisionReason: '投资到位金额统计有误，应为1000万元', can: { edit: true, revise: false } });
      expect((await revise(w.qd.unit, { reason: '再改一次' })).statusCode).toBe(409);
      const stillApproved = (await report(id, w.qd.unit)).json<ReportBody>();
      expect(stillApproved).toMatchObject({ status: 'approved', can: { revise: false } });
      expect((await report(id, w.sz.coordinator)).json<ReportBody>().status).toBe('approved');
      await t.call('PATCH', `/api/v1/reports/${revision.id}`, { token: w.qd.unit, body: { version: revision.version, percent: 40 } });
      expect((await submit(revision.id, w.qd.unit)).statusCode).toBe(200);
      // Once submitted, the other side reads why the approved report is being corrected.
      expect((await report(revision.id, w.sz.coordinator)).json<ReportBody>()).toMatchObject({ revisionReason: '投资到位金额统计有误，应为1000万元', can: { review: true, revise: false, edit: false } });
      expect((await review(revision.id, w.qd.coordinator, 'approved')).statusCode).toBe(200);
      expect((await report(id, w.sz.coordinator)).json<ReportBody>().status).toBe('approved');
      expect((await review(revision.id, w.sz.coordinator, 'approved')).json<ReportBody>().status).toBe('approved');
      const old = await report(id, w.sz.coordinator);
      expect(old.statusCode).toBe(200);
      expect(old.json<ReportBody>().status).toBe('superseded');
      expect((await report(revision.id, w.sz.coordinator)).json<ReportBody>().percent).toBe(40);
      // The corrected figure is the report's own; the task still stands at its milestones' share.
      expect((await taskState(task.id)).percent).toBe(50);
    });
  });

  describe('a report on a one-sided task', () => {
    let task: TestTask;
    beforeAll(async () => {
      task = await makeTask(t, w, '青岛本地配套园区建设', 'qingdao-only', ['园区规划', '园区开园']);
    });

    it('is approved by the owner side alone, which proposes closing the completed task; the other side may not review it', async () => {
      const created = await draft(task, w.qd.unit, q4, { percent: 100, milestonesReached: task.milestoneIds });
      expect(created.decidingSides).toEqual([w.qd.partyId]);
      await submit(created.id, w.qd.unit);
      expect((await review(created.id, w.sz.coordinator, 'approved')).statusCode).toBe(403);
      const res = await review(created.id, w.qd.coordinator, 'approved');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<ReportBody>().status).toBe('approved');
      const state = await taskState(task.id);
      expect(state.percent).toBe(100);
      expect(state.milestones.every((m) => m.doneAt)).toBe(true);
      expect(state.closure.requestedAt).toBeTruthy();
    });

    it('refuses a report from a unit that does not work on the task', async () => {
      const res = await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: w.sz.unit, body: { periodId: q3.id } });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('the percent a report moves', () => {
    it('sets the percent of a task without milestones, which then follows milestones once it has them', async () => {
      const task = await makeTask(t, w, '青岛本地招商推介', 'qingdao-only', []);
      const created = await draft(task, w.qd.unit, q4, { percent: 45 });
      await submit(created.id, w.qd.unit);
      expect((await review(created.id, w.qd.coordinator, 'approved')).statusCode).toBe(200);
      const reported = await taskState(task.id);
      expect(reported).toMatchObject({ percent: 45, status: 'in_progress' });
      const added = await t.call('POST', `/api/v1/tasks/${task.id}/milestones`, { token: w.qd.unit, body: { title: '推介会召开' } });
      expect(added.statusCode, added.body).toBe(201);
      expect((await taskState(task.id)).percent).toBe(0);
      const milestone = added.json<{ milestone: { id: string; version: number } }>().milestone;
      const reached = await t.call('PATCH', `/api/v1/milestones/${milestone.id}`, { token: w.qd.unit, body: { version: milestone.version, done: true } });
      expect(reached.statusCode, reached.body).toBe(200);
      expect((await taskState(task.id)).percent).toBe(100);
    });
  });

  describe('bad input', () => {
    let task: TestTask;
    let other: TestTask;
    beforeAll(async () => {
      task = await makeTask(t, w, '共建深青人才驿站', 'joint');
      other = await makeTask(t, w, '其他任务', 'joint');
    });

    it('answers 404 for a period that does not exist', async () => {
      const res = await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: w.qd.unit, body: { periodId: '00000000-0000-4000-8000-000000000000' } });
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('period.not_found');
    });

    it('answers 400 for a period of another cooperation', async () => {
      const dalian = (await t.call('GET', '/api/v1/cooperations?q=大连', { token: w.tokens.dl })).json<{ items: { id: string }[] }>().items[0]?.id;
      const made = await t.call('POST', `/api/v1/cooperations/${dalian}/periods`, {
        token: w.tokens.dl,
        body: { kind: 'quarterly', startsOn: '2031-07-01', endsOn: '2031-09-30', dueAfterDays: 10 },
      });
      expect(made.statusCode, made.body).toBe(201);
      const res = await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: w.qd.unit, body: { periodId: made.json<Period>().id } });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('report.period_mismatch');
    });

    it('answers 404 for a task of a cooperation the unit is not part of', async () => {
      const dalian = (await t.call('GET', '/api/v1/cooperations?q=大连', { token: w.tokens.dl })).json<{ items: { id: string }[] }>().items[0]?.id ?? '';
      const dlActor = await w.actorOf(w.tokens.dl);
      const foreign = await t.services.task.create(dlActor, dalian, {
        title: '大连任务',
        description: '',
        clauseIds: [],
        joint: true,
        visibility: 'parties',
        priority: 'normal',
        tags: [],
        units: [],
        ownerUserIds: [],
        milestones: [],
      });
      const res = await t.call('POST', `/api/v1/tasks/${foreign.id}/reports`, { token: w.qd.unit, body: { periodId: q3.id } });
      expect(res.statusCode).toBe(404);
    });

    it('answers 400 for milestones of another task, and 409 for a second report on the same period', async () => {
      const wrong = await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: w.qd.unit, body: { periodId: q3.id, milestonesReached: other.milestoneIds } });
      expect(wrong.statusCode).toBe(400);
      expect(errorCode(wrong)).toBe('report.milestone_invalid');
      await draft(task, w.qd.unit, q3);
      const again = await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: w.qd.unit, body: { periodId: q3.id } });
      expect(again.statusCode).toBe(409);
      expect(errorCode(again)).toBe('report.duplicate');
    });

    it('answers 400 for a percent above 100 or a figure without a number', async () => {
      const res = await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: w.sz.unit, body: { periodId: q3.id, percent: 120 } });
      expect(res.statusCode).toBe(400);
      const figure = await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: w.sz.unit, body: { periodId: q3.id, figures: [{ name: '投资', value: '很多', unit: '万元' }] } });
      expect(figure.statusCode).toBe(400);
    });
  });

  describe('my work', () => {
    it('lists the tasks my unit still has to report on for the current quarter, and drops them once submitted', async () => {
      const task = await makeTask(t, w, '深青联合实验室', 'joint');
      type Inbox = { items: { taskId: string; periodLabel: string; reportId: string | null }[] };
      const inbox = async () => (await t.call('GET', '/api/v1/my/reports?state=to_submit', { token: w.sz.unit })).json<Inbox>().items.filter((i) => i.taskId === task.id);
      expect((await inbox()).find((i) => i.periodLabel === q4.label)).toMatchObject({ reportId: null });
      // What the offices list the unit as 未报送 for is on its list too: the same rule, not a second one.
      const chased = (await t.call('GET', `/api/v1/cooperations/${w.cooperationId}/supervision`, { token: w.sz.coordinator })).json<{ period: { label: string } | null }>().period;
      if (chased && chased.label !== q4.label) expect((await inbox()).map((i) => i.periodLabel)).toContain(chased.label);
      const created = await draft(task, w.sz.unit, q4);
      expect((await inbox()).find((i) => i.periodLabel === q4.label)?.reportId).toBe(created.id);
      await submit(created.id, w.sz.unit);
      expect((await inbox()).map((i) => i.periodLabel)).not.toContain(q4.label);
      if (chased && chased.label !== q4.label) {
        const late = quarters.find((p) => p.label === chased.label);
        if (!late) throw new Error(`${chased.label} missing`);
        await submit((await draft(task, w.sz.unit, late)).id, w.sz.unit);
      }
      expect(await inbox()).toEqual([]);
      const other = (await t.call('GET', '/api/v1/my/reports?state=to_submit', { token: w.tokens.dl })).json<{ items: { taskId: string }[] }>();
      expect(other.items.map((i) => i.taskId)).not.toContain(task.id);
    });

    it('answers 400 for an unknown inbox state', async () => {
      expect((await t.call('GET', '/api/v1/my/reports?state=everything', { token: w.sz.unit })).statusCode).toBe(400);
    });
  });

  describe('simultaneous decisions', () => {
    it('lets exactly one of two coordinators of each side decide when all four approve at the same instant', async () => {
      for (const [username, side] of [
        ['qd.fgw2', w.qd.partyId],
        ['sz.fgw2', w.sz.partyId],
      ] as const) {
        await t.services.user.create(SYSTEM_ACTOR, { username, displayName: `${username} 协调办`, password: 'liandong-demo' });
        await t.services.cooperation.addMembership(SYSTEM_ACTOR, w.cooperationId, { username, partyId: side, role: 'coordinator' });
      }
      const [qd2, sz2] = await Promise.all([t.login('qd.fgw2'), t.login('sz.fgw2')]);
      const task = await makeTask(t, w, '同时审核的任务', 'joint', []);
      const created = await draft(task, w.qd.unit, q3, { percent: 55 });
      await submit(created.id, w.qd.unit);

      const results = await Promise.all([w.qd.coordinator, qd2, w.sz.coordinator, sz2].map((token) => review(created.id, token ?? '', 'approved')));
      const [qdA, qdB, szA, szB] = results.map((r) => r.statusCode);
      expect([qdA, qdB].sort()).toEqual([200, 409]);
      expect([szA, szB].sort()).toEqual([200, 409]);
      for (const loser of results.filter((r) => r.statusCode === 409)) expect(errorCode(loser)).toBe('approval.already_decided');

      const final = (await report(created.id, w.sz.unit)).json<ReportBody>();
      expect(final.status).toBe('approved');
      expect(final.reviews).toHaveLength(2);
      expect(final.reviews.map((r) => r.partyId).sort()).toEqual([w.qd.partyId, w.sz.partyId].sort());
      expect((await taskState(task.id)).percent).toBe(55);
    });
  });
});
