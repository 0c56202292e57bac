import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupervisionService } from '../../src/modules/supervision/supervision.service.ts';
import { addDays, businessToday } from '../../src/modules/task/business-date.ts';
import { createTaskNotifications } from '../../src/modules/task/task-notifications.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { createTask, expectError, qingdaoShenzhen, type LedgerPage, type QingdaoShenzhen } from './task-fixtures.ts';

interface Supervision {
  asOf: string;
  period: { label: string } | null;
  totals: { overdue: number; dueSoon: number; notReported: number; returned: number };
  units: {
    organizationId: string | null;
    organizationName: string | null;
    partyId: string | null;
    counts: { overdue: number; dueSoon: number; notReported: number; returned: number };
    tasks: { id: string; reasons: string[]; daysOverdue: number | null; role: string | null; notice: Record<string, unknown> | null }[];
  }[];
}

interface Notice {
  id: string;
  number: string;
  deadline: string;
  acknowledgedAt: string | null;
  issuedPartyId: string | null;
  recipients: { organizationId: string; organizationName: string; acknowledgedAt: string | null; acknowledgedBy: string | null; acknowledgedByName: string | null }[];
  can: { acknowledge: boolean };
}

const sequenceOf = (number: string) => Number(/〕(\d+)号$/.exec(number)?.[1]);

describe.each(databaseFlavours())('督办 supervision on %s', (flavour) => {
  let t: TestApp;
  let qd: string;
  let sz: string;
  let qdUnit: string;
  let szUnit: string;
  let leader: string;
  let c: QingdaoShenzhen;
  let today: string;

  const supervision = async (query = '', token = qd) => {
    const res = await t.call('GET', `/api/v1/cooperations/${c.id}/supervision${query}`, { token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Supervision>();
  };
  const issue = (taskId: string, token: string, body: Record<string, unknown>) => t.call('POST', `/api/v1/tasks/${taskId}/supervision-notices`, { token, body });

  beforeAll(async () => {
    t = await startTestApp(flavour);
    [qd, sz, qdUnit, szUnit, leader] = await Promise.all([t.login('qd.fgw'), t.login('sz.fgw'), t.login('qd.kj'), t.login('sz.kj'), t.login('qd.leader')]);
    c = await qingdaoShenzhen(t, qd);
    today = businessToday(t.config.timeZone);
  });
  afterAll(() => t?.close());

  it('lists every overdue task of the ledger under each of its lead units', async () => {
    const view = await supervision('', leader);
    const overdue = (await t.call('GET', `/api/v1/cooperations/${c.id}/tasks?overdue=true&pageSize=200`, { token: qd })).json<LedgerPage>();
    expect(view.asOf).toBe(today);
    expect(view.totals.overdue).toBe(overdue.total);
    for (const task of overdue.items) {
      for (const side of task.sides) {
        const group = view.units.find((u) => u.organizationId === side.lead?.organizationId);
        expect(group?.tasks.find((x) => x.id === task.id)?.reasons).toContain('overdue');
      }
    }
    for (const group of view.units) {
      expect(group.counts.overdue).toBe(group.tasks.filter((x) => x.reasons.includes('overdue')).length);
      for (const task of group.tasks.filter((x) => x.reasons.includes('overdue'))) expect(task.daysOverdue).toBeGreaterThan(0);
    }
  });

  it('counts tasks due within the chosen number of days and narrows to one side', async () => {
    const soon = await createTask(t, qd, c, { title: '三天内到期', startOn: null, dueOn: addDays(today, 3) });
    const narrow = await supervision('?withinDays=1');
    const wide = await supervision('?withinDays=7');
    expect(narrow.units.flatMap((u) => u.tasks).filter((x) => x.id === soon.id).flatMap((x) => x.reasons)).not.toContain('due_soon');
    const science = wide.units.find((u) => u.organizationId === c.unit('青岛市科学技术局'));
    expect(science?.tasks.find((x) => x.id === soon.id)?.reasons).toContain('due_soon');
    expect(wide.totals.dueSoon).toBeGreaterThan(narrow.totals.dueSoon);

    const shenzhenOnly = await supervision(`?partyId=${c.shenzhen}`);
    expect(shenzhenOnly.units.length).toBeGreaterThan(0);
    expect(shenzhenOnly.units.every((u) => u.partyId === c.shenzhen)).toBe(true);
    expectError(await t.call('GET', `/api/v1/cooperations/${c.id}/supervision?partyId=00000000-0000-4000-8000-000000000001`, { token: qd }), 404, 'party.not_found');
    expectError(await t.call('GET', `/api/v1/cooperations/${c.id}/supervision?withinDays=-1`, { token: qd }), 400, 'request.invalid');
  });

  it('flags lead units that have not reported in the current period', async () => {
    const view = await supervision();
    if (!view.period) return expect(view.totals.notReported).toBe(0);
    const fresh = await createTask(t, qd, c, { title: '本期未报送', startOn: null, dueOn: addDays(today, 100) });
    const after = await supervision();
    for (const side of fresh.sides) {
      const group = after.units.find((u) => u.organizationId === side.lead?.organizationId);
      expect(group?.tasks.find((x) => x.id === fresh.id)?.reasons).toEqual(['not_reported']);
    }
  });

  it('numbers notices per issuing side and year, so one side\'s private notices leave no gap in the other\'s numbering', async () => {
    const task = await createTask(t, qd, c, { title: '需要督办的任务', startOn: null, dueOn: addDays(today, -1) });
    const year = today.slice(0, 4);
    const first = await issue(task.id, qd, { deadline: addDays(today, 7), body: '请于一周内报送整改情况。' });
    expect(first.statusCode, first.body).toBe(201);
    const qdFirst = first.json<Notice>();
    expect(qdFirst.number).toMatch(new RegExp(`^青督〔${year}〕\\d+号$`));
    expect(qdFirst.issuedPartyId).toBe(c.qingdao);
    const szFirst = (await issue(task.id, sz, { deadline: addDays(today, 10), body: '再次督办。' })).json<Notice>();
    expect(szFirst.number).toMatch(new RegExp(`^深督〔${year}〕\\d+号$`));
    expect(szFirst.issuedPartyId).toBe(c.shenzhen);

    // 青岛's notice on a 青岛-only task takes 青岛's next number and none of 深圳's.
    const qingdaoOnly = await createTask(t, qd, c, { title: '青岛内部督办', joint: false, ownerPartyId: c.qingdao, visibility: 'side', units: [{ partyId: c.qingdao, organizationId: c.unit('青岛市科学技术局'), role: 'lead' }] });
    const qdPrivate = (await issue(qingdaoOnly.id, qd, { deadline: addDays(today, 5), body: '内部督办。' })).json<Notice>();
    const szSecond = (await issue(task.id, sz, { deadline: addDays(today, 10), body: '第三次督办。' })).json<Notice>();
    expect(sequenceOf(qdPrivate.number)).toBe(sequenceOf(qdFirst.number) + 1);
    expect(sequenceOf(szSecond.number)).toBe(sequenceOf(szFirst.number) + 1);

    const detail = (await t.call('GET', `/api/v1/tasks/${task.id}`, { token: qdUnit })).json<{ supervisionNotices: Notice[] }>();
    expect(detail.supervisionNotices.map((x) => x.number)).toEqual([szSecond.number, szFirst.number, qdFirst.number]);
  });

  it('addresses a notice to the issuing side\'s lead unit by default, or to the units chosen on the task', async () => {
    const task = await createTask(t, qd, c, { title: '指定签收单位' });
    const body = { deadline: addDays(today, 5), body: '请加快推进。' };
    const byQingdao = (await issue(task.id, qd, body)).json<Notice>();
    expect(byQingdao.recipients.map((r) => r.organizationId)).toEqual([c.unit('青岛市科学技术局')]);
    expect(byQingdao.recipients[0]?.organizationName).toBe('青岛市科学技术局');
    const byShenzhen = (await issue(task.id, sz, body)).json<Notice>();
    expect(byShenzhen.recipients.map((r) => r.organizationId)).toEqual([c.unit('深圳市科技创新局')]);

    // On a joint task the office may address the other side's unit too.
    const both = await issue(task.id, qd, { ...body, recipientOrganizationIds: [c.unit('青岛市科学技术局'), c.unit('深圳市科技创新局')] });
    expect(both.statusCode, both.body).toBe(201);
    expect(both.json<Notice>().recipients.map((r) => r.organizationName).sort()).toEqual(['深圳市科技创新局', '青岛市科学技术局'].sort());
    expectError(await issue(task.id, qd, { ...body, recipientOrganizationIds: [c.unit('青岛市商务局')] }), 400, 'supervision.recipient_invalid');

    // A side with no lead unit on the task must say whom it addresses.
    const shenzhenless = await createTask(t, qd, c, { title: '只有青岛牵头', units: [{ partyId: c.qingdao, organizationId: c.unit('青岛市科学技术局'), role: 'lead' }] });
    expectError(await issue(shenzhenless.id, sz, body), 400, 'supervision.recipient_required');
    const toQingdao = await issue(shenzhenless.id, sz, { ...body, recipientOrganizationIds: [c.unit('青岛市科学技术局')] });
    expect(toQingdao.statusCode, toQingdao.body).toBe(201);
  });

  it('lets only a user of a recipient unit sign, records who signed and when, and shows it on the task and the supervision page', async () => {
    const task = await createTask(t, qd, c, { title: '签收控制', startOn: null, dueOn: addDays(today, -2) });
    const notice = (await issue(task.id, qd, { deadline: addDays(today, 7), body: '请签收。' })).json<Notice>();
    const sign = (token: string) => t.call('POST', `/api/v1/supervision-notices/${notice.id}/acknowledge`, { token });

    expectError(await sign(qd), 403, 'supervision.not_recipient');
    expectError(await sign(szUnit), 403, 'supervision.not_recipient');
    expectError(await sign(sz), 403, 'supervision.not_recipient');
    expectError(await sign(leader), 403, 'supervision.not_recipient');

    const noticeAs = async (token: string) => (await t.call('GET', `/api/v1/tasks/${task.id}`, { token })).json<{ supervisionNotices: Notice[] }>().supervisionNotices.find((x) => x.id === notice.id);
    expect((await noticeAs(qdUnit))?.can.acknowledge).toBe(true);
    expect((await noticeAs(qd))?.can.acknowledge).toBe(false);
    expect((await noticeAs(szUnit))?.can.acknowledge).toBe(false);

    const before = Date.now();
    const signed = await sign(qdUnit);
    expect(signed.statusCode, signed.body).toBe(200);
    const recipient = signed.json<Notice>().recipients[0];
    const me = (await t.call('GET', '/api/v1/me', { token: qdUnit })).json<{ user: { id: string; displayName: string } }>().user;
    expect(recipient?.acknowledgedBy).toBe(me.id);
    expect(recipient?.acknowledgedByName).toBe(me.displayName);
    expect(Date.parse(recipient?.acknowledgedAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect(signed.json<Notice>().acknowledgedAt).toBe(recipient?.acknowledgedAt);
    expectError(await sign(qdUnit), 409, 'supervision.already_acknowledged');
    expect((await noticeAs(qdUnit))?.can.acknowledge).toBe(false);

    const row = (await supervision()).units.find((u) => u.organizationId === c.unit('青岛市科学技术局'))?.tasks.find((x) => x.id === task.id);
    expect(row?.notice).toMatchObject({ id: notice.id, number: notice.number, acknowledgedBy: me.id, acknowledgedByName: me.displayName, acknowledgedAt: recipient?.acknowledgedAt });
    const otherSide = (await supervision()).units.find((u) => u.organizationId === c.unit('深圳市科技创新局'))?.tasks.find((x) => x.id === task.id);
    expect(otherSide?.notice).toBeNull();
  });

  it('counts a notice to two units as signed only when both have signed', async () => {
    const task = await createTask(t, qd, c, { title: '两方签收' });
    const notice = (
      await issue(task.id, qd, { deadline: addDays(today, 7), body: '请双方签收。', recipientOrganizationIds: [c.unit('青岛市科学技术局'), c.unit('深圳市科技创新局')] })
    ).json<Notice>();
    const sign = (token: string) => t.call('POST', `/api/v1/supervision-notices/${notice.id}/acknowledge`, { token });
    const half = (await sign(qdUnit)).json<Notice>();
    expect(half.acknowledgedAt).toBeNull();
    expect(half.recipients.filter((r) => r.acknowledgedAt).map((r) => r.organizationName)).toEqual(['青岛市科学技术局']);
    const full = await sign(szUnit);
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json<Notice>().acknowledgedAt).not.toBeNull();
  });

  it('refuses notices from units, leaders and administrators, with a past deadline, or on a closed task', async () => {
    const task = await createTask(t, qd, c, {
      title: '商务局牵头的任务',
      units: [
        { partyId: c.qingdao, organizationId: c.unit('青岛市商务局'), role: 'lead' },
        { partyId: c.shenzhen, organizationId: c.unit('深圳市商务局'), role: 'lead' },
      ],
    });
    const body = { deadline: addDays(today, 5), body: '请加快推进。' };
    expectError(await issue(task.id, qdUnit, body), 403, 'auth.forbidden');
    expectError(await issue(task.id, leader, body), 403, 'auth.forbidden');
    expectError(await issue(task.id, await t.login('admin'), body), 403, 'auth.forbidden');
    expectError(await issue(task.id, qd, { ...body, deadline: addDays(today, -1) }), 400, 'supervision.deadline_past');
    expectError(await issue('00000000-0000-4000-8000-000000000005', qd, body), 404, 'task.not_found');
    const notice = (await issue(task.id, qd, body)).json<Notice>();
    expectError(await t.call('POST', `/api/v1/supervision-notices/${notice.id}/acknowledge`, { token: qdUnit }), 403, 'supervision.not_recipient');
    expectError(await t.call('POST', `/api/v1/supervision-notices/00000000-0000-4000-8000-000000000006/acknowledge`, { token: qdUnit }), 404, 'supervision_notice.not_found');
    const outsider = await t.login('st.fgw');
    expectError(await t.call('POST', `/api/v1/supervision-notices/${notice.id}/acknowledge`, { token: outsider }), 404, 'supervision_notice.not_found');

    const closed = await createTask(t, qd, c, { title: '已办结', joint: false, ownerPartyId: c.qingdao, units: [] });
    await t.call('POST', `/api/v1/tasks/${closed.id}/close-request`, { token: qd });
    await t.call('POST', `/api/v1/tasks/${closed.id}/close-approvals`, { token: qd, body: { decision: 'approved' } });
    expectError(await issue(closed.id, qd, body), 409, 'task.closed');
  });

  it('gives notices issued at the same instant distinct numbers', async () => {
    const task = await createTask(t, qd, c, { title: '并发督办' });
    const body = { deadline: addDays(today, 5), body: '并发。' };
    const answers = await Promise.all([issue(task.id, qd, body), issue(task.id, sz, body), issue(task.id, qd, body), issue(task.id, qd, body)]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    const numbers = answers.map((a) => a.json<Notice>().number);
    expect(new Set(numbers).size).toBe(4);
    const qingdao = answers.filter((a) => a.json<Notice>().issuedPartyId === c.qingdao).map((a) => sequenceOf(a.json<Notice>().number)).sort((a, b) => a - b);
    expect(qingdao[2]).toBe((qingdao[0] ?? 0) + 2);
  });

  describe('未报送 on a given day, with the demo quarters of 2026', () => {
    /** The 督办 view as an office sees it on `day`: the rule reads the calendar, so the day is fixed here. */
    const viewOn = async (day: string) => {
      const service = createSupervisionService(t.services.database.db, {
        cooperations: t.services.cooperation,
        tasks: t.services.task,
        notifications: createTaskNotifications(null),
        today: () => day,
      });
      const actor = await t.services.auth.authenticate(qd);
      if (!actor) throw new Error('qd.fgw does not authenticate');
      return service.overview(actor, c.id, { withinDays: 0 });
    };
    const notReportedUnits = (view: Awaited<ReturnType<typeof viewOn>>, taskId: string) =>
      view.units.filter((u) => u.tasks.some((x) => x.id === taskId && x.reasons.includes('not_reported'))).map((u) => u.organizationId);
    const periodId = async (label: string) => {
      const periods = (await t.call('GET', `/api/v1/cooperations/${c.id}/periods`, { token: qd })).json<{ items: { id: string; label: string; version: number }[] }>().items;
      const found = periods.find((p) => p.label === label);
      if (!found) throw new Error(`${label} missing`);
      return found;
    };
    const report = async (taskId: string, token: string, label: string) => {
      const created = await t.call('POST', `/api/v1/tasks/${taskId}/reports`, { token, body: { periodId: (await periodId(label)).id, narrative: '本季度完成对接', percent: 20 } });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      expect((await t.call('POST', `/api/v1/reports/${id}/submit`, { token, body: {} })).statusCode).toBe(200);
      return id;
    };
    const review = (id: string, token: string, decision: 'approved' | 'returned') =>
      t.call('POST', `/api/v1/reports/${id}/review`, { token, body: { decision, reason: decision === 'returned' ? '请补充材料' : undefined } });
    const qdLead = () => c.unit('青岛市科学技术局');
    const szLead = () => c.unit('深圳市科技创新局');

    it('counts the latest period that has ended, not the one under way', async () => {
      const task = await createTask(t, qd, c, { title: '报告期窗口', startOn: null, dueOn: '2027-06-30' });
      const inQ4 = await viewOn('2026-11-15');
      expect(inQ4.period?.label).toBe('2026年第3季度');
      expect(notReportedUnits(inQ4, task.id).sort()).toEqual([qdLead(), szLead()].sort());
      // On the last day of 第3季度 its window has not opened yet: 第2季度 is the one chased.
      expect((await viewOn('2026-09-30')).period?.label).toBe('2026年第2季度');
      // Before any period has ended nothing is 未报送.
      const early = await viewOn('2026-02-01');
      expect(early.period).toBeNull();
      expect(early.totals.notReported).toBe(0);
      // A unit that reported early for the period under way is still chased for the one that ended.
      await report(task.id, qdUnit, '2026年第4季度');
      expect(notReportedUnits(await viewOn('2026-11-15'), task.id).sort()).toEqual([qdLead(), szLead()].sort());
    });

    it("takes a joint report approved by both offices for the other side's lead unit too, and nothing less", async () => {
      const task = await createTask(t, qd, c, { title: '联合报送', startOn: null, dueOn: '2027-06-30' });
      const id = await report(task.id, qdUnit, '2026年第3季度');
      // Submitted, not yet approved: only the unit that reported is off the list.
      expect(notReportedUnits(await viewOn('2026-11-15'), task.id)).toEqual([szLead()]);
      expect((await review(id, qd, 'approved')).statusCode).toBe(200);
      expect(notReportedUnits(await viewOn('2026-11-15'), task.id)).toEqual([szLead()]);
      expect((await review(id, sz, 'approved')).statusCode).toBe(200);
      const approved = await viewOn('2026-11-15');
      expect(notReportedUnits(approved, task.id)).toEqual([]);
      expect(approved.units.flatMap((u) => u.tasks).some((x) => x.id === task.id)).toBe(false);
    });

    it('still lists the other side after a return, and the returning side sees the report as returned', async () => {
      const task = await createTask(t, qd, c, { title: '联合报送被退回', startOn: null, dueOn: '2027-06-30' });
      const id = await report(task.id, qdUnit, '2026年第3季度');
      expect((await review(id, sz, 'returned')).statusCode).toBe(200);
      const view = await viewOn('2026-11-15');
      expect(notReportedUnits(view, task.id)).toEqual([szLead()]);
      expect(view.units.find((u) => u.organizationId === qdLead())?.tasks.find((x) => x.id === task.id)?.reasons).toEqual(['returned']);
    });

    it('skips a period the offices closed and chases the latest one still open', async () => {
      const q3 = await periodId('2026年第3季度');
      const closed = await t.call('POST', `/api/v1/periods/${q3.id}/close`, { token: qd, body: { version: q3.version } });
      expect(closed.statusCode, closed.body).toBe(200);
      try {
        expect((await viewOn('2026-11-15')).period?.label).toBe('2026年第2季度');
      } finally {
        const reopened = await t.call('POST', `/api/v1/periods/${q3.id}/reopen`, { token: qd, body: { version: closed.json<{ version: number }>().version } });
        expect(reopened.statusCode, reopened.body).toBe(200);
      }
    });
  });
});
