import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { progressReports, tasks } from '../../src/db/schema/work.ts';
import { writeTransaction } from '../../src/db/write-transaction.ts';
import { jobRepository } from '../../src/jobs/job.repository.ts';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.ts';
import { cooperationRepository } from '../../src/modules/cooperation/cooperation.repository.ts';
import type { NotifyRequest } from '../../src/modules/notification/notification.service.ts';
import { userRepository } from '../../src/modules/user/user.repository.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

interface Inbox {
  items: { id: string; kind: string; title: string; body: string; link: string | null; readAt: string | null; cooperationId: string | null }[];
  total: number;
  unreadCount: number;
}

describe.each(databaseFlavours())('in-app notifications on %s', (flavour) => {
  let t: TestApp;
  let userIds: Map<string, string>;
  let qdSz: string;
  let qdSide: string;
  let szSide: string;
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, await t.login(username));
    return tokens.get(username) ?? '';
  };
  const id = (username: string) => userIds.get(username) ?? '';
  const notify = (request: Omit<NotifyRequest, 'cooperationId'>) =>
    writeTransaction(t.services.database.db, 'notification', (tx) => t.services.notification.notify(tx, { cooperationId: qdSz, ...request }));
  const inbox = async (username: string, query = '') => (await t.call('GET', `/api/v1/notifications${query}`, { token: await token(username) })).json<Inbox>();

  beforeAll(async () => {
    t = await startTestApp(flavour);
    const db = t.services.database.db;
    userIds = new Map((await userRepository.list(db)).map((u) => [u.username, u.id]));
    const cooperation = await cooperationRepository.findByName(db, '青岛—深圳跨区域合作');
    if (!cooperation) throw new Error('demo cooperation 青岛—深圳 missing');
    qdSz = cooperation.id;
    const parties = (await t.services.cooperation.get(SYSTEM_ACTOR, qdSz)).parties;
    qdSide = parties.find((p) => p.regionCode === '370200')?.id ?? '';
    szSide = parties.find((p) => p.regionCode === '440300')?.id ?? '';
  });
  afterAll(() => t?.close());

  it('puts a notification in the inbox of each named user, with an unread badge count', async () => {
    // The demo's own tasks and reports have already notified these users.
    const qdUnread = (await inbox('qd.kj')).unreadCount;
    const szUnread = (await inbox('sz.kj')).unreadCount;
    const result = await notify({
      userIds: [id('qd.kj'), id('sz.kj')],
      kind: 'task.assigned',
      title: '新任务：共建联合实验室',
      body: '青岛市科学技术局被确定为牵头单位。',
      link: '/tasks/00000000-0000-4000-8000-000000000001',
    });
    expect(result.recipients.sort()).toEqual([id('qd.kj'), id('sz.kj')].sort());
    const qd = await inbox('qd.kj');
    expect(qd.items[0]).toMatchObject({ kind: 'task.assigned', title: '新任务：共建联合实验室', readAt: null, cooperationId: qdSz, link: '/tasks/00000000-0000-4000-8000-000000000001' });
    expect(qd.unreadCount).toBe(qdUnread + 1);
    const badge = await t.call('GET', '/api/v1/notifications/unread-count', { token: await token('sz.kj') });
    expect(badge.json()).toEqual({ unreadCount: szUnread + 1 });
  });

  it('marks one notification read, then all of them, and lists only unread ones when asked', async () => {
    await notify({ userIds: [id('qd.kj')], kind: 'task.due_soon', title: '任务将于3天后到期', body: '请抓紧推进。' });
    await notify({ userIds: [id('qd.kj')], kind: 'report.returned', title: '进展报告被退回', body: '请补充佐证材料。' });
    const before = await inbox('qd.kj', '?unread=true');
    expect(before.unreadCount).toBeGreaterThanOrEqual(3);
    const newest = before.items[0];
    expect(newest?.title).toBe('进展报告被退回');

    const read = await t.call('POST', `/api/v1/notifications/${newest?.id}/read`, { token: await token('qd.kj') });
    expect(read.statusCode).toBe(204);
    const after = await inbox('qd.kj', '?unread=true');
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    expect(after.items.map((n) => n.id)).not.toContain(newest?.id);
    expect((await inbox('qd.kj')).items.find((n) => n.id === newest?.id)?.readAt).toEqual(expect.any(String));

    const all = await t.call('POST', '/api/v1/notifications/read-all', { token: await token('qd.kj') });
    expect(all.json()).toEqual({ marked: before.unreadCount - 1 });
    expect((await inbox('qd.kj', '?unread=true')).items).toEqual([]);
    expect((await t.call('GET', '/api/v1/notifications/unread-count', { token: await token('qd.kj') })).json()).toEqual({ unreadCount: 0 });
  });

  it('marks read what points at a task or its reports once the user opens the task, and only their own', async () => {
    const db = t.services.database.db;
    const [report] = await db
      .select({ id: progressReports.id, taskId: progressReports.taskId })
      .from(progressReports)
      .innerJoin(tasks, eq(tasks.id, progressReports.taskId))
      .where(and(eq(tasks.cooperationId, qdSz), ne(tasks.visibility, 'side')))
      .limit(1);
    const [other] = await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.cooperationId, qdSz), ne(tasks.id, report?.taskId ?? ''))).limit(1);
    if (!report || !other) throw new Error('demo tasks missing');
    await t.call('POST', '/api/v1/notifications/read-all', { token: await token('sz.kj') });
    await notify({ userIds: [id('sz.kj'), id('qd.kj')], kind: 'task.assigned', title: '任务已分派', body: '', link: `/tasks/${report.taskId}` });
    await notify({ userIds: [id('sz.kj')], kind: 'report.approved', title: '进展报告已通过', body: '', link: `/reports/${report.id}` });
    await notify({ userIds: [id('sz.kj')], kind: 'task.assigned', title: '另一项任务', body: '', link: `/tasks/${other.id}` });
    const qdBefore = (await inbox('qd.kj')).unreadCount;

    const res = await t.call('POST', `/api/v1/tasks/${report.taskId}/notifications/read`, { token: await token('sz.kj') });
    expect(res.json()).toEqual({ marked: 2 });
    expect((await inbox('sz.kj', '?unread=true')).items.map((n) => n.title)).toEqual(['另一项任务']);
    expect((await inbox('qd.kj')).unreadCount).toBe(qdBefore);

    // Which tasks a user may see is the authorization matrix's; here, one that is not there at all.
    const unseen = await t.call('POST', `/api/v1/tasks/${randomUUID()}/notifications/read`, { token: await token('sz.kj') });
    expect(unseen.statusCode).toBe(404);
    expect(unseen.json().error.code).toBe('task.not_found');
  });

  it("answers 404 when someone marks another user's notification read", async () => {
    await notify({ userIds: [id('sz.fgw')], kind: 'task.assigned', title: '深圳侧新任务', body: '' });
    const theirs = (await inbox('sz.fgw')).items[0];
    const res = await t.call('POST', `/api/v1/notifications/${theirs?.id}/read`, { token: await token('qd.kj') });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('notification.not_found');
    expect((await inbox('sz.fgw')).items[0]?.readAt).toBeNull();
  });

  it("never tells the other side about a one-sided row it may not see", async () => {
    const result = await notify({
      userIds: [id('qd.fgw'), id('qd.kj'), id('sz.fgw'), id('sz.kj')],
      kind: 'task.assigned',
      title: '青岛侧内部任务：预算测算',
      body: '仅青岛侧可见。',
      subject: { type: 'task', id: '00000000-0000-4000-8000-000000000002', visibility: 'side', partyId: qdSide },
    });
    expect(result.recipients.sort()).toEqual([id('qd.fgw'), id('qd.kj')].sort());
    expect(result.withheld.sort()).toEqual([id('sz.fgw'), id('sz.kj')].sort());
    for (const username of ['sz.fgw', 'sz.kj']) {
      expect((await inbox(username)).items.map((n) => n.title)).not.toContain('青岛侧内部任务：预算测算');
    }
    expect((await inbox('qd.fgw')).items.map((n) => n.title)).toContain('青岛侧内部任务：预算测算');
  });

  it('does not notify users outside the cooperation, even when a caller names them', async () => {
    const result = await notify({ userIds: [id('dl.fgw'), id('st.fgw')], kind: 'task.assigned', title: '青岛—深圳任务', body: '' });
    expect(result.recipients).toEqual([]);
    expect((await inbox('dl.fgw')).items.map((n) => n.title)).not.toContain('青岛—深圳任务');
  });

  it("reaches a side's cooperation office by role, and not the other side's", async () => {
    const result = await notify({ toRoles: { partyId: szSide, roles: ['coordinator'] }, kind: 'report.submitted', title: '深圳科技创新局报送了进展', body: '' });
    expect(result.recipients).toEqual([id('sz.fgw')]);
    const both = await notify({ toRoles: { roles: ['coordinator'] }, exceptUserIds: [id('qd.fgw')], kind: 'task.closing_requested', title: '申请办结', body: '' });
    expect(both.recipients).toEqual([id('sz.fgw')]);
  });

  it("writes nothing when the caller's transaction is rolled back", async () => {
    const failing = writeTransaction(t.services.database.db, 'notification', async (tx) => {
      await t.services.notification.notify(tx, { cooperationId: qdSz, userIds: [id('qd.leader')], kind: 'task.assigned', title: '回滚的通知', body: '' });
      throw new Error('the task could not be saved');
    });
    await expect(failing).rejects.toThrow('the task could not be saved');
    expect((await inbox('qd.leader')).items.map((n) => n.title)).not.toContain('回滚的通知');
  });

  it('keeps channel preferences per user and refuses robot addresses that are not http(s)', async () => {
    const me = await token('qd.leader');
    expect((await t.call('GET', '/api/v1/me/notification-preferences', { token: me })).json()).toEqual({
      inApp: true,
      email: false,
      wecomWebhook: null,
      dingtalkWebhook: null,
    });
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://robot.example.com/send', 'not a url']) {
      const res = await t.call('PUT', '/api/v1/me/notification-preferences', { token: me, body: { inApp: true, email: false, wecomWebhook: bad, dingtalkWebhook: null } });
      expect(res.statusCode, bad).toBe(400);
    }
    const wanted = { inApp: false, email: true, wecomWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', dingtalkWebhook: null };
    const saved = await t.call('PUT', '/api/v1/me/notification-preferences', { token: me, body: wanted });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(wanted);
    expect((await t.call('GET', '/api/v1/me/notification-preferences', { token: me })).json()).toEqual(wanted);
    expect((await t.call('GET', '/api/v1/me/notification-preferences', { token: await token('qd.kj') })).json()).toMatchObject({ inApp: true, wecomWebhook: null });
  });

  it('leaves the inbox alone for a user who turned in-app notifications off, and queues their robot message instead', async () => {
    const leader = await token('qd.leader');
    const saved = await t.call('PUT', '/api/v1/me/notification-preferences', {
      token: leader,
      body: { inApp: false, email: false, wecomWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=leader', dingtalkWebhook: null },
    });
    expect(saved.statusCode).toBe(200);
    const result = await notify({ userIds: [id('qd.leader')], kind: 'task.escalated', title: '任务逾期提请督办', body: '请关注。' });
    expect(result.recipients).toEqual([id('qd.leader')]);
    expect((await inbox('qd.leader')).items.map((n) => n.title)).not.toContain('任务逾期提请督办');
    const queued = await jobRepository.list(t.services.database.db, { queue: 'notification.wecom', limit: 10 });
    expect(queued.map((j) => j.payload)).toContainEqual(
      expect.objectContaining({ url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=leader', body: expect.objectContaining({ msgtype: 'markdown' }) }),
    );
  });

  it('requires a login for the inbox', async () => {
    expect((await t.call('GET', '/api/v1/notifications')).statusCode).toBe(401);
    expect((await t.call('POST', '/api/v1/notifications/read-all')).statusCode).toBe(401);
  });
});
