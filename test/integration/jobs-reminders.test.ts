import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { indicators, indicatorTargets, organizations, projects } from '../../src/db/schema/core.ts';
import { indicatorActuals } from '../../src/db/schema/indicator.ts';
import { projectStageChanges, projectStagePlans } from '../../src/db/schema/projects.ts';
import { progressReports, reportingPeriods, taskOwners, tasks, taskUnits } from '../../src/db/schema/work.ts';
import { createReminderSweep } from '../../src/modules/reminder/reminder-sweep.ts';
import { jobRepository } from '../../src/jobs/job.repository.ts';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.ts';
import { cooperationRepository } from '../../src/modules/cooperation/cooperation.repository.ts';
import { addDays } from '../../src/modules/task/business-date.ts';
import { userRepository } from '../../src/modules/user/user.repository.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

const TODAY = '2026-03-02';
/** The tasks this suite creates; the demo's own tasks may send reminders of their own. */
const OURS = ['共建海洋科技联合实验室', '深港青科技园区对接', '蓝色经济产业基金', '人才互派第二批', '已办结的交流活动', '青岛侧内部测算'];

interface Inbox {
  items: { kind: string; title: string; body: string; link: string | null }[];
}

describe.each(databaseFlavours())('reminders and escalation on %s', (flavour) => {
  let t: TestApp;
  let db: Db;
  let qdSz: string;
  let qdSide: string;
  let szSide: string;
  let users: Map<string, { id: string; organizationId: string | null }>;
  const taskIds = new Map<string, string>();
  const user = (username: string) => {
    const found = users.get(username);
    if (!found) throw new Error(`no demo user ${username}`);
    return found;
  };
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await t.login(username));
    return tokens.get(username) ?? '';
  };
  const titlesOf = async (username: string) =>
    (await t.call('GET', '/api/v1/notifications?pageSize=200', { token: await token(username) }))
      .json<Inbox>()
      .items.map((n) => n.title)
      .filter((title) => OURS.some((name) => title.includes(name)));

  /** A task as the task module stores it, with a lead unit per listed side. */
  async function task(
    title: string,
    fields: { dueOn: string; status?: 'not_started' | 'in_progress' | 'done'; visibility?: 'parties' | 'side'; ownerPartyId?: string },
    leads: { partyId: string; username: string }[],
    owners: string[] = [],
  ): Promise<string> {
    const [row] = await db
      .insert(tasks)
      .values({ cooperationId: qdSz, title, joint: fields.visibility !== 'side', ownerPartyId: fields.ownerPartyId ?? null, dueOn: fields.dueOn, status: fields.status ?? 'in_progress', visibility: fields.visibility ?? 'parties' })
      .returning();
    if (!row) throw new Error('task not inserted');
    for (const lead of leads) {
      await db.insert(taskUnits).values({ cooperationId: qdSz, taskId: row.id, partyId: lead.partyId, organizationId: user(lead.username).organizationId ?? '', role: 'lead' });
    }
    for (const owner of owners) await db.insert(taskOwners).values({ cooperationId: qdSz, taskId: row.id, userId: user(owner).id });
    taskIds.set(title, row.id);
    return row.id;
  }

  beforeAll(async () => {
    t = await startTestApp(flavour);
    db = t.services.database.db;
    users = new Map((await userRepository.list(db)).map((u) => [u.username, { id: u.id, organizationId: u.organizationId }]));
    const cooperation = await cooperationRepository.findByName(db, '青岛—深圳跨区域合作');
    if (!cooperation) throw new Error('demo cooperation 青岛—深圳 missing');
    qdSz = cooperation.id;
    const parties = (await t.services.cooperation.get(SYSTEM_ACTOR, qdSz)).parties;
    qdSide = parties.find((p) => p.regionCode === '370200')?.id ?? '';
    szSide = parties.find((p) => p.regionCode === '440300')?.id ?? '';
    // 青岛市科学技术局's head is the demo's 分管副市长 account, so escalation has a unit leader to reach.
    await db.update(organizations).set({ leaderUserId: user('qd.leader').id }).where(eq(organizations.id, user('qd.kj').organizationId ?? ''));

    const bothSides = [
      { partyId: qdSide, username: 'qd.kj' },
      { partyId: szSide, username: 'sz.kj' },
    ];
    await task('共建海洋科技联合实验室', { dueOn: addDays(TODAY, 3) }, bothSides);
    await task('深港青科技园区对接', { dueOn: TODAY }, bothSides);
    await task('蓝色经济产业基金', { dueOn: addDays(TODAY, -7) }, bothSides);
    await task('人才互派第二批', { dueOn: addDays(TODAY, -8) }, bothSides);
    await task('已办结的交流活动', { dueOn: TODAY, status: 'done' }, bothSides);
    await task('青岛侧内部测算', { dueOn: addDays(TODAY, 3), visibility: 'side', ownerPartyId: qdSide }, [{ partyId: qdSide, username: 'qd.kj' }], ['sz.kj']);

    const [period] = await db
      .insert(reportingPeriods)
      .values({ cooperationId: qdSz, label: '2026年2月', kind: 'monthly', startsOn: '2026-02-01', endsOn: '2026-02-28', dueOn: addDays(TODAY, 3) })
      .returning();
    // 青岛 has already reported on the laboratory; 深圳 has not.
    await db.insert(progressReports).values({
      cooperationId: qdSz,
      taskId: taskIds.get('共建海洋科技联合实验室') ?? '',
      periodId: period?.id ?? '',
      partyId: qdSide,
      organizationId: user('qd.kj').organizationId ?? '',
      status: 'submitted',
      narrative: '实验室选址已确定。',
    });
    // 青岛 reported on the fund, and both offices approved it: it stands for 深圳's lead unit too.
    await db.insert(progressReports).values({
      cooperationId: qdSz,
      taskId: taskIds.get('蓝色经济产业基金') ?? '',
      periodId: period?.id ?? '',
      partyId: qdSide,
      organizationId: user('qd.kj').organizationId ?? '',
      status: 'approved',
      decidingSides: [qdSide, szSide],
      narrative: '基金设立方案已获双方通过。',
    });
  });
  afterAll(() => t?.close());

  it('reminds owners and unit users N days before, on the due date, and escalates to the unit leader and both offices after M days overdue', async () => {
    const result = await t.services.reminders.sweep(TODAY);
    expect(result.queued).toBeGreaterThan(0);
    await t.services.worker.runDue();

    const qdUnit = await titlesOf('qd.kj');
    expect(qdUnit).toContain('任务将于3天后到期：共建海洋科技联合实验室');
    expect(qdUnit).toContain('任务今日到期：深港青科技园区对接');
    expect(qdUnit).toContain('任务已逾期7天，提请督办：蓝色经济产业基金');
    expect(qdUnit.filter((title) => title.startsWith('任务') && (title.includes('人才互派第二批') || title.includes('已办结的交流活动')))).toEqual([]);
    expect(await titlesOf('sz.kj')).toEqual(expect.arrayContaining(['任务将于3天后到期：共建海洋科技联合实验室', '任务今日到期：深港青科技园区对接']));

    for (const escalatedTo of ['qd.leader', 'qd.fgw', 'sz.fgw']) {
      const titles = await titlesOf(escalatedTo);
      expect(titles, escalatedTo).toContain('任务已逾期7天，提请督办：蓝色经济产业基金');
      expect(titles, escalatedTo).not.toContain('任务今日到期：深港青科技园区对接');
    }
    expect(await titlesOf('dl.fgw')).toEqual([]);
  });

  it("keeps a one-sided task's reminder on its own side, even for an owner on the other side", async () => {
    expect(await titlesOf('qd.kj')).toContain('任务将于3天后到期：青岛侧内部测算');
    expect((await titlesOf('sz.kj')).filter((title) => title.includes('青岛侧内部测算'))).toEqual([]);
  });

  it('reminds the lead units that still owe the period report, not the one that submitted it, nor the other side of a joint report both approved', async () => {
    const sz = await titlesOf('sz.kj');
    expect(sz).toContain('进展报告待报送：共建海洋科技联合实验室（2026年2月）');
    const qd = await titlesOf('qd.kj');
    expect(qd).not.toContain('进展报告待报送：共建海洋科技联合实验室（2026年2月）');
    expect(qd).toContain('进展报告待报送：深港青科技园区对接（2026年2月）');
    expect(sz).not.toContain('进展报告待报送：蓝色经济产业基金（2026年2月）');
  });

  it('sends nothing new when the sweep runs again the same day', async () => {
    const before = await titlesOf('qd.kj');
    const again = await t.services.reminders.sweep(TODAY);
    expect(again.queued).toBe(0);
    expect(again.alreadyQueued).toBeGreaterThan(0);
    await t.services.worker.runDue();
    expect(await titlesOf('qd.kj')).toEqual(before);
  });

  it('says nothing the next day about tasks that are neither due nor at an escalation step', async () => {
    const before = await titlesOf('qd.kj');
    await t.services.reminders.sweep(addDays(TODAY, 1));
    await t.services.worker.runDue();
    expect(await titlesOf('qd.kj')).toEqual(before);
  });

  it('escalates again every M days while the task stays overdue', async () => {
    await t.services.reminders.sweep(addDays(TODAY, 7));
    await t.services.worker.runDue();
    expect(await titlesOf('sz.fgw')).toContain('任务已逾期14天，提请督办：蓝色经济产业基金');
  });

  it('queues the daily sweep once, for 08:00 China time, however often the worker ticks', async () => {
    const sweepDeps = { jobs: t.services.jobs, notification: t.services.notification, config: t.services.config, projects: t.services.project, indicators: t.services.indicator };
    const reminders = createReminderSweep(db, sweepDeps);
    const otherServer = createReminderSweep(db, sweepDeps);
    // 02:00 on 5 March in Qingdao.
    await reminders.schedule(new Date('2026-03-04T18:00:00Z'));
    await reminders.schedule(new Date('2026-03-04T18:00:01Z'));
    await otherServer.schedule(new Date('2026-03-04T18:00:02Z'));
    const sweeps = (await jobRepository.list(db, { queue: 'reminders.sweep', limit: 50 })).filter((j) => j.uniqueKey === 'reminders.sweep:2026-03-05');
    expect(sweeps).toHaveLength(1);
    expect(sweeps[0]?.runAt).toEqual(new Date('2026-03-05T00:00:00Z'));
    expect(sweeps[0]?.payload).toEqual({ date: '2026-03-05' });

    expect((await t.services.worker.runDue(new Date('2026-03-04T23:59:00Z'))).done).toBe(0);
    await t.services.worker.runDue(new Date('2026-03-05T00:00:00Z'));
    expect(await jobRepository.get(db, sweeps[0]?.id ?? 0)).toMatchObject({ status: 'done' });
  });

  const noticesOf = async (username: string, kind: string, link: string) =>
    (await t.call('GET', '/api/v1/notifications?pageSize=200', { token: await token(username) })).json<Inbox>().items.filter((n) => n.kind === kind && n.link === link);

  it('tells the responsible unit once when a project passes a planned stage date unreached, and says nothing of a stage reached', async () => {
    const project = async (name: string) => {
      const [row] = await db
        .insert(projects)
        .values({ cooperationId: qdSz, name, stage: 'signed', hostPartyId: qdSide, responsibleOrganizationId: user('qd.kj').organizationId, visibility: 'parties', ownerPartyId: qdSide })
        .returning();
      if (!row) throw new Error('project not inserted');
      await db.insert(projectStagePlans).values({ cooperationId: qdSz, projectId: row.id, stage: 'started', plannedOn: addDays(TODAY, -2) });
      return row.id;
    };
    const late = await project('海洋装备产业园（计划开工）');
    const started = await project('海洋装备产业园（已开工）');
    await db.insert(projectStageChanges).values({ cooperationId: qdSz, projectId: started, stage: 'started', on: addDays(TODAY, -3) });

    await t.services.reminders.sweep(TODAY);
    await t.services.worker.runDue();
    const told = await noticesOf('qd.kj', 'project.stage_late', `/projects/${late}`);
    expect(told.map((n) => n.title)).toEqual(['项目未按计划开工：海洋装备产业园（计划开工）']);
    expect(told[0]?.body).toContain(`计划于${addDays(TODAY, -2)}开工`);
    expect(await noticesOf('qd.kj', 'project.stage_late', `/projects/${started}`)).toEqual([]);
    expect(await noticesOf('sz.kj', 'project.stage_late', `/projects/${late}`)).toEqual([]);

    await t.services.reminders.sweep(addDays(TODAY, 1));
    await t.services.worker.runDue();
    expect(await noticesOf('qd.kj', 'project.stage_late', `/projects/${late}`)).toHaveLength(1);
  });

  it('tells both offices the day a target falls off track with time alone, once', async () => {
    const [indicator] = await db
      .insert(indicators)
      .values({ cooperationId: qdSz, name: '科技合作项目到位资金（时间检验）', unit: '亿元', rollup: 'cumulative', baseline: '0', baselineOn: '2026-01-01', visibility: 'parties' })
      .returning();
    if (!indicator) throw new Error('indicator not inserted');
    await db.insert(indicatorTargets).values({ cooperationId: qdSz, indicatorId: indicator.id, year: 2026, value: '100', comparator: '>=' });
    const [period] = await db.select().from(reportingPeriods).where(eq(reportingPeriods.label, '2026年2月'));
    await db.insert(indicatorActuals).values({ cooperationId: qdSz, indicatorId: indicator.id, periodId: period?.id ?? '', value: '10', source: 'office', sourceNote: '市统计局' });
    const link = `/indicators/${indicator.id}`;

    // On 1 February 10 of 100 is ahead of the 8.5 the year's time asks for; by 20 March (21.9) it is far behind.
    expect((await t.services.reminders.sweep('2026-02-01')).indicatorsChecked).toBeGreaterThan(0);
    await t.services.worker.runDue();
    const [target] = await db.select().from(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicator.id));
    expect(target?.lastStatus).toBe('on_track');
    expect(await noticesOf('qd.fgw', 'indicator.off_track', link)).toEqual([]);

    await t.services.reminders.sweep('2026-03-20');
    await t.services.reminders.sweep('2026-03-21');
    await t.services.worker.runDue();
    expect(await noticesOf('qd.fgw', 'indicator.off_track', link)).toHaveLength(1);
    expect(await noticesOf('sz.fgw', 'indicator.off_track', link)).toHaveLength(1);
    expect(await noticesOf('qd.kj', 'indicator.off_track', link)).toEqual([]);
  });
});
