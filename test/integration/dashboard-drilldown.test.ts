import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardCommand } from '../../src/cli/dashboard.commands.ts';
import { addDays } from '../../src/modules/task/business-date.ts';
import type { Dashboard, Drill } from '../../src/modules/dashboard/dashboard.schemas.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { createQingdaoOwnOverdueTask, qingdaoShenzhen, type QingdaoShenzhen } from './task-fixtures.ts';

/** A number on the dashboard and what its drill-down opens, found anywhere in the answer. */
interface Figure {
  path: string;
  count: number;
  drill: Drill;
}

/** Every `{ count, drill }` that opens the ledger, and every project figure that opens the projects table. */
function figuresOf(value: unknown, path = ''): Figure[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => figuresOf(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  const found: Figure[] = [];
  const drill = node.drill as Drill | undefined;
  if (drill?.to === 'ledger' && typeof node.count === 'number') found.push({ path, count: node.count, drill });
  // This year's money is of entries dated this year, whichever year their project was signed: its link is not a count.
  if (drill?.to === 'projects' && typeof node.projects === 'number' && !path.endsWith('.thisYear') && !(path.includes('byIndustry') && node.industryCode === null)) {
    found.push({ path, count: node.projects, drill });
  }
  for (const [key, child] of Object.entries(node)) if (key !== 'drill') found.push(...figuresOf(child, `${path}.${key}`));
  return found;
}

function drillUrl(cooperationId: string, drill: Drill): string {
  const params = new URLSearchParams({ pageSize: '1' });
  if (drill.to === 'ledger') {
    for (const [key, value] of Object.entries(drill.filter)) {
      if (value === undefined) continue;
      params.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    return `/api/v1/cooperations/${cooperationId}/tasks?${params}`;
  }
  if (drill.to === 'projects') {
    for (const [key, value] of Object.entries(drill.filter)) if (value !== undefined) params.set(key, String(value));
    return `/api/v1/cooperations/${cooperationId}/projects?${params}`;
  }
  throw new Error(`no list behind ${drill.to}`);
}

/**
 * Every number on the dashboard is the count of the rows its drill-down lists, for each kind of reader: each side's
 * office, 青岛's leader, and an office of another cooperation reading this public one; both sides and each side.
 */
describe.each(databaseFlavours())('dashboard numbers equal their drill-downs on %s', (flavour) => {
  let t: TestApp;
  let c: QingdaoShenzhen;
  const tokens: Record<string, string> = {};
  let hiddenTitle = '';

  beforeAll(async () => {
    t = await startTestApp(flavour);
    for (const user of ['qd.fgw', 'sz.fgw', 'qd.leader', 'st.fgw']) tokens[user] = await t.login(user);
    const qd = tokens['qd.fgw'] ?? '';
    c = await qingdaoShenzhen(t, qd);
    // 青岛's own overdue task: counted for 青岛's readers, for no one else.
    hiddenTitle = `青岛内部逾期任务${Date.now()}`;
    await createQingdaoOwnOverdueTask(t, qd, c, hiddenTitle);
  });
  afterAll(() => t?.close());

  const dashboard = async (user: string, side: string) => {
    const res = await t.call('GET', `/api/v1/cooperations/${c.id}/dashboard?side=${side}`, { token: tokens[user] });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Dashboard>();
  };

  for (const user of ['qd.fgw', 'sz.fgw', 'qd.leader', 'st.fgw']) {
    it(`gives ${user} numbers that are the rows behind them, for both sides and each side`, async () => {
      for (const side of ['all', c.qingdao, c.shenzhen]) {
        const answer = await dashboard(user, side);
        const figures = figuresOf(answer);
        expect(figures.length).toBeGreaterThan(20);
        for (const figure of figures) {
          const res = await t.call('GET', drillUrl(c.id, figure.drill), { token: tokens[user] });
          expect(res.statusCode, `${figure.path}: ${res.body}`).toBe(200);
          expect(res.json<{ total: number }>().total, `${user} side=${side} ${figure.path}`).toBe(figure.count);
        }
      }
    });
  }

  it("counts 青岛's own task for 青岛's office and leader, and never names it to 深圳 or an outsider", async () => {
    const seen = await Promise.all(['qd.fgw', 'qd.leader', 'sz.fgw', 'st.fgw'].map((u) => dashboard(u, 'all')));
    const [qdOffice, qdLeader, szOffice, outsider] = seen;
    expect(qdOffice?.tasks.overdue.items.map((i) => i.title)).toContain(hiddenTitle);
    expect(qdLeader?.tasks.overdue.count).toBe(qdOffice?.tasks.overdue.count);
    expect(szOffice?.tasks.overdue.count).toBe((qdOffice?.tasks.overdue.count ?? 0) - 1);
    for (const answer of [szOffice, outsider]) expect(JSON.stringify(answer)).not.toContain(hiddenTitle);
  });

  it('looks as many days ahead for "due soon" as the cooperation says', async () => {
    const qd = tokens['qd.fgw'] ?? '';
    const before = await dashboard('qd.fgw', 'all');
    const cooperation = (await t.call('GET', `/api/v1/cooperations/${c.id}`, { token: qd })).json<{ version: number; dueSoonDays: number }>();
    expect(before.dueSoonDays).toBe(cooperation.dueSoonDays);
    const changed = await t.call('PATCH', `/api/v1/cooperations/${c.id}`, { token: qd, body: { version: cooperation.version, dueSoonDays: 60 } });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await dashboard('qd.fgw', 'all');
    expect(after.dueSoonDays).toBe(60);
    const drill = after.tasks.dueSoon.drill;
    expect(drill.to === 'ledger' && drill.filter.dueTo).toBe(addDays(after.asOf, 60));
    const refused = await t.call('PATCH', `/api/v1/cooperations/${c.id}`, { token: qd, body: { version: cooperation.version + 1, dueSoonDays: 0 } });
    expect(refused.statusCode).toBe(400);
  });

  it('gives liandong dashboard --json the figures an administrator reads through the API, and a summary for people', async () => {
    const admin = await t.login('admin');
    const api = (await t.call('GET', `/api/v1/cooperations/${c.id}/dashboard?side=${c.shenzhen}`, { token: admin })).json<Dashboard>();
    const cli = JSON.parse(await dashboardCommand(t.services, { cooperation: c.id, side: c.shenzhen, json: true })) as Dashboard;
    expect(cli.tasks).toEqual(api.tasks);
    expect(cli.side?.id).toBe(c.shenzhen);
    const text = await dashboardCommand(t.services, { cooperation: c.id, json: false });
    expect(text).toContain(`overdue ${api.tasks.overdue.count + 1}`);
  });

  it('refuses a side that is not a party of the cooperation', async () => {
    const res = await t.call('GET', `/api/v1/cooperations/${c.id}/dashboard?side=00000000-0000-4000-8000-000000000000`, { token: tokens['qd.fgw'] });
    expect(res.statusCode).toBe(404);
  });
});
