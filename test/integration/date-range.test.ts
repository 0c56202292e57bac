import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { makeTask, reportWorld, type ReportWorld } from './report-fixtures.ts';

describe.each(databaseFlavours())('the accepted range of dates on %s', (flavour) => {
  let t: TestApp;
  let w: ReportWorld;

  beforeAll(async () => {
    t = await startTestApp(flavour);
    w = await reportWorld(t);
  });
  afterAll(() => t?.close());

  const outOfRange = (body: string) => body.includes('date.out_of_range');

  it('refuses to generate periods from the year 0000 with 400 instead of failing inside', async () => {
    const res = await t.call('POST', `/api/v1/cooperations/${w.cooperationId}/periods/generate`, {
      token: w.qd.coordinator,
      body: { kind: 'monthly', from: '0000-01-01', to: '0000-03-31', dueAfterDays: 15 },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(outOfRange(res.body)).toBe(true);
  });

  it('refuses due dates of 1900 and 9999, and keeps one inside the range', async () => {
    const task = await makeTask(t, w, '日期范围校验事项', 'joint');
    const version = async () => (await t.call('GET', `/api/v1/tasks/${task.id}`, { token: w.qd.coordinator })).json<{ version: number }>().version;
    for (const dueOn of ['1900-01-01', '9999-12-31', '1948-12-31', '2101-01-01']) {
      const res = await t.call('PATCH', `/api/v1/tasks/${task.id}`, { token: w.qd.coordinator, body: { version: await version(), dueOn } });
      expect(res.statusCode, `${dueOn}: ${res.body}`).toBe(400);
      expect(outOfRange(res.body)).toBe(true);
    }
    for (const dueOn of ['1949-01-01', '2100-12-31']) {
      const res = await t.call('PATCH', `/api/v1/tasks/${task.id}`, { token: w.qd.coordinator, body: { version: await version(), dueOn } });
      expect(res.statusCode, `${dueOn}: ${res.body}`).toBe(200);
    }
  });

  it('refuses a task filter outside the range', async () => {
    const res = await t.call('GET', `/api/v1/cooperations/${w.cooperationId}/tasks?dueFrom=0001-01-01`, { token: w.qd.coordinator });
    expect(res.statusCode, res.body).toBe(400);
  });
});
