import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/modules/briefing/briefing.schemas.ts';
import type { Dashboard } from '../../src/modules/dashboard/dashboard.schemas.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { createQingdaoOwnOverdueTask, expectError, qingdaoShenzhen, type QingdaoShenzhen } from './task-fixtures.ts';

describe.each(databaseFlavours())('the briefing of a cooperation and a period on %s', (flavour) => {
  let t: TestApp;
  let c: QingdaoShenzhen;
  const tokens: Record<string, string> = {};
  let hiddenTitle = '';

  beforeAll(async () => {
    t = await startTestApp(flavour);
    for (const user of ['qd.fgw', 'sz.fgw', 'qd.leader', 'st.fgw']) tokens[user] = await t.login(user);
    c = await qingdaoShenzhen(t, tokens['qd.fgw'] ?? '');
    hiddenTitle = `青岛内部逾期任务${Date.now()}`;
    await createQingdaoOwnOverdueTask(t, tokens['qd.fgw'] ?? '', c, hiddenTitle);
  });
  afterAll(() => t?.close());

  const briefing = async (user: string, period?: string) => {
    const res = await t.call('GET', `/api/v1/cooperations/${c.id}/briefing${period ? `?period=${period}` : ''}`, { token: tokens[user] });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Briefing>();
  };

  it("gives each reader the dashboard's headline numbers under that reader's visibility, for the current period by default", async () => {
    for (const user of ['qd.fgw', 'sz.fgw', 'qd.leader', 'st.fgw']) {
      const answer = await briefing(user);
      const dashboard = (await t.call('GET', `/api/v1/cooperations/${c.id}/dashboard`, { token: tokens[user] })).json<Dashboard>();
      expect(answer.headline.tasks).toBe(dashboard.tasks.total.count);
      expect(answer.headline.overdue).toBe(dashboard.tasks.overdue.count);
      expect(answer.headline.done).toBe(dashboard.tasks.done.count);
      expect(answer.headline.inPlace).toEqual(dashboard.money.cumulative.inPlace);
      expect(answer.period).not.toBeNull();
      expect(answer.period && answer.period.startsOn <= answer.asOf).toBe(true);
      expect(answer.periods.map((p) => p.id)).toContain(answer.period?.id);
      const lateTasks = answer.late.flatMap((u) => u.tasks.map((task) => task.title));
      if (user === 'qd.fgw' || user === 'qd.leader') expect(lateTasks).toContain(hiddenTitle);
      else expect(JSON.stringify(answer)).not.toContain(hiddenTitle);
    }
  });

  it('names the unit and side that own each late task', async () => {
    const answer = await briefing('qd.fgw');
    const unit = answer.late.find((u) => u.tasks.some((task) => task.title === hiddenTitle));
    expect(unit?.organizationName).toBe('青岛市科学技术局');
    expect(unit?.partyName).toContain('青岛');
    expect(unit?.tasks.find((task) => task.title === hiddenTitle)?.daysOverdue).toBeGreaterThan(0);
  });

  it('keeps a 领导关注 paragraph per period, written by the offices, read by every reader, refused when stale or not an office', async () => {
    const first = await briefing('qd.fgw');
    const period = first.period?.id ?? '';
    expect(first.can.editNote).toBe(true);
    expect((await briefing('qd.leader')).can.editNote).toBe(false);
    expect(first.note?.version).toBe(0);

    const text = `请市科技局加快联合实验室建设${Date.now()}`;
    const saved = await t.call('PUT', `/api/v1/cooperations/${c.id}/briefing/note`, { token: tokens['qd.fgw'], body: { period, text, version: 0 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<{ version: number }>().version).toBe(1);

    // 深圳's office read the empty paragraph before 青岛 saved: its save must not overwrite 青岛's.
    expectError(await t.call('PUT', `/api/v1/cooperations/${c.id}/briefing/note`, { token: tokens['sz.fgw'], body: { period, text: '深圳的意见', version: 0 } }), 409, 'briefing_note.version_conflict');
    const edited = await t.call('PUT', `/api/v1/cooperations/${c.id}/briefing/note`, { token: tokens['sz.fgw'], body: { period, text: `${text}；深圳补充`, version: 1 } });
    expect(edited.statusCode, edited.body).toBe(200);
    expectError(await t.call('PUT', `/api/v1/cooperations/${c.id}/briefing/note`, { token: tokens['qd.fgw'], body: { period, text: '旧版本', version: 1 } }), 409, 'briefing_note.version_conflict');
    expectError(await t.call('PUT', `/api/v1/cooperations/${c.id}/briefing/note`, { token: tokens['qd.leader'], body: { period, text: '领导', version: 2 } }), 403, 'auth.forbidden');
    expectError(await t.call('PUT', `/api/v1/cooperations/${c.id}/briefing/note`, { token: tokens['qd.fgw'], body: { period, text: '长'.repeat(2001), version: 2 } }), 400, 'request.invalid');

    const read = await briefing('qd.leader', period);
    expect(read.note?.text).toBe(`${text}；深圳补充`);
    expect(read.note?.version).toBe(2);
    // Another period has its own paragraph.
    const other = first.periods.find((p) => p.id !== period);
    if (other) expect((await briefing('qd.fgw', other.id)).note?.text).toBe('');

    const audit = await t.call('GET', `/api/v1/cooperations/${c.id}/audit?entity=briefing_note`, { token: tokens['qd.fgw'] });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.body).toContain('深圳补充');
  });

  it('answers 404 for a period of no such cooperation', async () => {
    expectError(await t.call('GET', `/api/v1/cooperations/${c.id}/briefing?period=00000000-0000-4000-8000-000000000000`, { token: tokens['qd.fgw'] }), 404, 'period.not_found');
  });
});
