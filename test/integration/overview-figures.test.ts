import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/modules/dashboard/dashboard.schemas.ts';
import { targetOnTrack } from '../../src/modules/dashboard/dashboard-targets.ts';
import type { Overview, OverviewCooperation } from '../../src/modules/overview/overview.schemas.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { createQingdaoOwnOverdueTask, qingdaoShenzhen, type QingdaoShenzhen } from './task-fixtures.ts';

const OPEN = new Set(['not_started', 'in_progress', 'blocked']);
const money = (amounts: readonly { currency: string; amount: string }[]) =>
  Object.fromEntries(amounts.filter((a) => Number(a.amount) !== 0).map((a) => [a.currency, Number(a.amount)]));

/** What the overview's row for a cooperation must say, read off that cooperation's dashboard for the same reader. */
function expectedRow(d: Dashboard) {
  const year = Number(d.asOf.slice(0, 4));
  const judged = d.targets.map((t) => targetOnTrack(t.years, year)).filter((v) => v !== null);
  return {
    total: d.tasks.total.count,
    open: d.tasks.byStatus.filter((s) => OPEN.has(s.status)).reduce((n, s) => n + s.count, 0),
    overdue: d.tasks.overdue.count,
    done: d.tasks.done.count,
    inPlace: money(d.money.cumulative.inPlace),
    onTrack: judged.filter(Boolean).length,
    targets: judged.length,
  };
}

const rowFigures = (row: OverviewCooperation) => ({
  total: row.tasks.total,
  open: row.tasks.open,
  overdue: row.tasks.overdue,
  done: row.tasks.done,
  inPlace: money(row.inPlace),
  onTrack: row.targets.onTrack,
  targets: row.targets.total,
});

/**
 * The overview's figures are each cooperation's dashboard figures (the ledger's counts, the project counting rule,
 * the target status rule), asked for every cooperation at once: for both sides' offices, 青岛's leader, 汕头's office
 * (an outsider of the public 青岛—深圳) and the public portal's reader.
 */
describe.each(databaseFlavours())('national overview figures on %s', (flavour) => {
  let t: TestApp;
  let c: QingdaoShenzhen;
  const tokens: Record<string, string> = {};
  let hiddenTitle = '';

  beforeAll(async () => {
    t = await startTestApp(flavour);
    for (const user of ['qd.fgw', 'sz.fgw', 'qd.leader', 'st.fgw']) tokens[user] = await t.login(user);
    const qd = tokens['qd.fgw'] ?? '';
    c = await qingdaoShenzhen(t, qd);
    // 青岛's own overdue task: the other side's private work, which 深圳 and outsiders never count.
    hiddenTitle = `青岛内部总览任务${Date.now()}`;
    await createQingdaoOwnOverdueTask(t, qd, c, hiddenTitle);
  });
  afterAll(() => t?.close());

  const overview = async (user: string | null) => {
    const res = user ? await t.call('GET', '/api/v1/overview', { token: tokens[user] }) : await t.call('GET', '/api/v1/portal/overview');
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Overview>();
  };
  const dashboard = async (token: string | undefined, id: string) => {
    const res = await t.call('GET', `/api/v1/cooperations/${id}/dashboard`, { token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Dashboard>();
  };

  for (const user of ['qd.fgw', 'sz.fgw', 'qd.leader', 'st.fgw']) {
    it(`gives ${user} each cooperation's dashboard figures, for every cooperation it may open`, async () => {
      const answer = await overview(user);
      const list = (await t.call('GET', '/api/v1/cooperations?pageSize=100', { token: tokens[user] })).json<{ items: { id: string }[] }>();
      expect(answer.cooperations.map((r) => r.id).sort()).toEqual(list.items.map((i) => i.id).sort());
      // The demo has money wherever this reader looks, and tasks and targets where it is a member: the comparison
      // below is of figures, not of zeros.
      expect(answer.cooperations.some((r) => r.inPlace.length > 0)).toBe(true);
      if (user !== 'st.fgw') expect(answer.cooperations.some((r) => r.targets.total > 0 && r.tasks.overdue > 0)).toBe(true);
      for (const row of answer.cooperations) {
        const d = await dashboard(tokens[user], row.id);
        expect(rowFigures(row), `${user} ${row.name}`).toEqual(expectedRow(d));
        expect(row.doneShare).toBe(d.tasks.doneShare);
        if (d.tasks.elapsedShare === null) expect(row.elapsedShare).toBeNull();
        else expect(row.elapsedShare).toBeCloseTo(d.tasks.elapsedShare, 9);
      }
    });
  }

  it("counts 青岛's own overdue task for 青岛 alone", async () => {
    const [qd, sz, outsider] = await Promise.all([overview('qd.fgw'), overview('sz.fgw'), overview('st.fgw')]);
    const row = (o: Overview) => o.cooperations.find((r) => r.id === c.id);
    expect(row(sz)?.tasks.overdue).toBe((row(qd)?.tasks.overdue ?? 0) - 1);
    expect(row(outsider)?.tasks.total).toBeLessThan(row(sz)?.tasks.total ?? 0);
    for (const answer of [qd, sz, outsider]) expect(JSON.stringify(answer)).not.toContain(hiddenTitle);
  });

  it('places the regions of the demo on the map, with a line between partners and 日本 in the foreign list', async () => {
    const qd = await overview('qd.fgw');
    const qingdao = qd.regions.find((r) => r.code === '370200');
    expect(qingdao?.point?.[0]).toBeCloseTo(120.15, 1);
    expect(qingdao?.cooperationIds).toContain(c.id);
    expect(qd.links.find((l) => l.from === '370200' && l.to === '440300')?.cooperationIds).toEqual([c.id]);
    expect(qd.foreign.map((f) => [f.code, f.partners])).toEqual([['JP', ['370200']]]);
    for (const region of qd.regions) expect(region.point, region.name).not.toBeNull();
  });

  it('shows the public the public cooperations only, with what an outsider sees of them', async () => {
    const [open, outsider] = await Promise.all([overview(null), overview('st.fgw')]);
    expect(open.cooperations.length).toBeGreaterThan(0);
    expect(open.cooperations.every((r) => r.visibility === 'public')).toBe(true);
    for (const row of open.cooperations) expect(row).toEqual(outsider.cooperations.find((r) => r.id === row.id));
    expect(open.cooperations.map((r) => r.id)).not.toContain(outsider.cooperations.find((r) => r.visibility !== 'public')?.id);
  });

  it('asks for a session on the reader overview', async () => {
    expect((await t.call('GET', '/api/v1/overview')).statusCode).toBe(401);
  });
});
