import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectsCommand } from '../../src/cli/project.commands.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

interface Money {
  currency: string;
  amount: string;
}
interface Totals {
  key: string | null;
  projects: number;
  signed: number;
  contracted: Money[];
  inPlace: Money[];
}
interface ProjectDetail {
  id: string;
  version: number;
  stage: string;
  signedOn: string | null;
  signingEventId: string | null;
  contracted: Money[];
  inPlace: Money[];
  late: { stage: string; plannedOn: string }[];
  stageHistory: { stage: string; on: string; reason: string | null }[];
  transactions: { id: string; kind: string; amount: string; counted: boolean; version: number }[];
  can: { edit: boolean };
}
interface EventDetail {
  id: string;
  version: number;
  figures: { projects: number; contracted: Money[]; inPlace: Money[]; fulfilmentRate: number | null; startRate: number | null; fundsRate: number | null };
  projects: { id: string; countsHere: boolean; contracted: Money[] }[];
}

const cny = (money: Money[]) => Number(money.find((m) => m.currency === 'CNY')?.amount ?? 0);
const code = (res: LightMyRequestResponse) => res.json<{ error?: { code: string } }>().error?.code;

describe.each(databaseFlavours())('projects, money and the counting rule on %s', (flavour) => {
  let t: TestApp;
  let sz: string;
  let st: string;
  let coop: string;
  let shenzhen: string;
  let shantou: string;
  let stamp = 0;

  const post = async <T>(url: string, body: unknown, token = sz): Promise<T> => {
    const res = await t.call('POST', url, { token, body });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json<T>();
  };
  const project = (name: string, extra: Record<string, unknown> = {}) =>
    post<ProjectDetail>(`/api/v1/cooperations/${coop}/projects`, { name: `${name}${++stamp}`, investorPartyId: shenzhen, hostPartyId: shantou, industryCode: 'C', ...extra });
  const event = (name: string, heldOn: string) => post<EventDetail>(`/api/v1/cooperations/${coop}/signing-events`, { name: `${name}${++stamp}`, heldOn });
  const money = (projectId: string, body: Record<string, unknown>) => post<ProjectDetail>(`/api/v1/projects/${projectId}/transactions`, { currency: 'CNY', providerPartyId: shenzhen, receiverPartyId: shantou, ...body });
  const eventOf = async (id: string) => (await t.call('GET', `/api/v1/signing-events/${id}`, { token: sz })).json<EventDetail>();
  const totals = async (query = '') => (await t.call('GET', `/api/v1/cooperations/${coop}/project-totals${query}`, { token: sz })).json<{ groups: Totals[] }>().groups;

  beforeAll(async () => {
    t = await startTestApp(flavour);
    sz = await t.login('sz.fgw');
    st = await t.login('st.fgw');
    const list = (await t.call('GET', '/api/v1/cooperations?q=深圳—汕头', { token: sz })).json<{ items: { id: string }[] }>();
    coop = list.items[0]?.id ?? '';
    const detail = (await t.call('GET', `/api/v1/cooperations/${coop}`, { token: sz })).json<{ parties: { id: string; regionCode: string }[] }>();
    shenzhen = detail.parties.find((p) => p.regionCode === '440300')?.id ?? '';
    shantou = detail.parties.find((p) => p.regionCode === '440500')?.id ?? '';
  });
  afterAll(() => t?.close());

  it('holds the demo: 20 projects signed at 深圳企业家青岛行 for 180亿元, their funds in place, 绿证 trade by quarter', async () => {
    const qd = await t.login('qd.fgw');
    const qdSz = (await t.call('GET', '/api/v1/cooperations?q=青岛—深圳', { token: qd })).json<{ items: { id: string }[] }>().items[0]?.id;
    const events = (await t.call('GET', `/api/v1/cooperations/${qdSz}/signing-events`, { token: qd })).json<{ items: (EventDetail & { name: string; heldOn: string })[] }>().items;
    const signing = events.find((e) => e.name === '深圳企业家青岛行');
    expect(signing?.heldOn).toBe('2020-07-16');
    expect(signing?.figures.projects).toBe(20);
    expect(cny(signing?.figures.contracted ?? [])).toBe(18_000_000_000);
    expect(signing?.figures.startRate).toBeGreaterThan(0.5);
    expect(signing?.figures.fundsRate).toBeGreaterThan(0.5);
    const byYear = (await t.call('GET', `/api/v1/cooperations/${qdSz}/project-totals?by=year`, { token: qd })).json<{ groups: Totals[] }>().groups;
    expect(byYear.map((g) => g.key)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    const dl = await t.login('dl.fgw');
    const dlYt = (await t.call('GET', '/api/v1/cooperations?q=大连', { token: dl })).json<{ items: { id: string }[] }>().items[0]?.id;
    const quarters = (await t.call('GET', `/api/v1/cooperations/${dlYt}/cross-side-totals?by=quarter&kind=green_certificate`, { token: dl })).json<{ groups: { key: string }[] }>().groups;
    expect(quarters.length).toBeGreaterThanOrEqual(8);
  });

  it('lists and exports the projects on the command line, with the totals by the counting rule', async () => {
    const text = await projectsCommand(t.services, { cooperation: '青岛—深圳', format: 'table' });
    const [title, header] = text.split('\n');
    expect(title).toMatch(/^青岛—深圳跨区域合作: 20 project\(s\), contracted 18000000000\.00 CNY, in place \d+\.\d{2} CNY$/);
    expect(header).toMatch(/^stage\s+signed\s+contracted\s+in place\s+name$/);
    const csv = (await projectsCommand(t.services, { cooperation: '青岛—深圳', format: 'csv' })).split('\n');
    expect(csv[0]).toBe('id,name,kind,stage,industryCode,investorPartyId,hostPartyId,investment,currency,signedOn,signingEventId,contracted,inPlace,late');
    expect(csv).toHaveLength(21);
    expect(csv.some((line) => line.includes('胶州湾海上风电项目') && line.includes('2500000000.00 CNY'))).toBe(true);
  });

  it('counts a project once, at its first event: a second signing elsewhere adds nothing, an expansion its increment', async () => {
    const first = await event('深圳企业家汕头行', '2021-03-10');
    const second = await event('第二届签约会', '2022-05-20');
    const p = await project('汕头精密制造项目');
    await money(p.id, { kind: 'contracted', signingEventId: first.id, on: '2021-03-10', amount: '500000000' });
    await money(p.id, { kind: 'contracted', signingEventId: second.id, on: '2022-05-20', amount: '500000000' });
    const after = await money(p.id, { kind: 'contracted', basis: 'expansion', signingEventId: second.id, on: '2022-05-20', amount: '120000000' });

    expect(after.signingEventId).toBe(first.id);
    expect(after.signedOn).toBe('2021-03-10');
    expect(cny(after.contracted)).toBe(620_000_000);
    expect(after.transactions.map((x) => x.counted)).toEqual([true, false, true]);
    const [a, b] = [await eventOf(first.id), await eventOf(second.id)];
    expect(a.figures.projects).toBe(1);
    expect(cny(a.figures.contracted)).toBe(500_000_000);
    expect(b.figures.projects).toBe(0);
    expect(cny(b.figures.contracted)).toBe(120_000_000);
    expect(b.projects.find((x) => x.id === p.id)?.countsHere).toBe(false);
  });

  it('counts a project that changed hands for its new event only', async () => {
    const old = await event('原签约会', '2020-09-01');
    const next = await event('转让签约会', '2023-02-01');
    const p = await project('易手的冷链物流园');
    await money(p.id, { kind: 'contracted', signingEventId: old.id, on: '2020-09-01', amount: '300000000' });
    await money(p.id, { kind: 'in_place', on: '2021-06-30', amount: '100000000' });
    const moved = await money(p.id, { kind: 'contracted', basis: 'transfer', signingEventId: next.id, on: '2023-02-01', amount: '400000000' });
    await money(p.id, { kind: 'in_place', on: '2023-08-01', amount: '200000000' });

    expect(moved.signingEventId).toBe(next.id);
    expect(cny(moved.contracted)).toBe(400_000_000);
    const [o, n] = [await eventOf(old.id), await eventOf(next.id)];
    expect(o.figures.projects).toBe(0);
    expect(cny(o.figures.contracted)).toBe(0);
    expect(n.figures.projects).toBe(1);
    expect(cny(n.figures.contracted)).toBe(400_000_000);
    // 资金到位率 counts the funds put in since the project changed hands: 2亿 of 4亿.
    expect(n.figures.fundsRate).toBeCloseTo(0.5);
  });

  it('answers totals as of a day and within a year, and by year of the entries', async () => {
    const ev = await event('年度签约会', '2024-01-15');
    const p = await project('按年统计的项目');
    await money(p.id, { kind: 'contracted', signingEventId: ev.id, on: '2024-01-15', amount: '1000000000' });
    await money(p.id, { kind: 'in_place', on: '2024-06-30', amount: '200000000' });
    await money(p.id, { kind: 'in_place', on: '2025-03-31', amount: '300000000' });
    await money(p.id, { kind: 'in_place', on: '2025-04-02', amount: '-50000000', reason: '重复录入的到位资金' });

    const ofProject = (groups: Totals[]) => groups;
    const asOfQ1 = await totals(`?signingEventId=${ev.id}&to=2025-03-31`);
    expect(cny(asOfQ1[0]?.inPlace ?? [])).toBe(500_000_000);
    const in2025 = await totals(`?signingEventId=${ev.id}&from=2025-01-01&to=2025-12-31`);
    expect(cny(in2025[0]?.inPlace ?? [])).toBe(250_000_000);
    expect(cny(in2025[0]?.contracted ?? [])).toBe(0);
    const byYear = ofProject(await totals(`?signingEventId=${ev.id}&by=year`));
    expect(byYear.map((g) => [g.key, cny(g.contracted), cny(g.inPlace)])).toEqual([
      ['2024', 1_000_000_000, 200_000_000],
      ['2025', 0, 250_000_000],
    ]);
    const list = (await t.call('GET', `/api/v1/cooperations/${coop}/projects?signingEventId=${ev.id}`, { token: sz })).json<{ items: { id: string }[]; totals: Totals }>();
    expect(list.items.map((i) => i.id)).toEqual([p.id]);
    expect(cny(list.totals.inPlace)).toBe(450_000_000);
    expect(list.totals.signed).toBe(1);
  });

  it('refuses bad money with stable codes and saves nothing', async () => {
    const p = await project('校验项目');
    const refused = async (body: Record<string, unknown>) => {
      const res = await t.call('POST', `/api/v1/projects/${p.id}/transactions`, { token: sz, body: { kind: 'in_place', on: '2024-01-01', amount: '100', currency: 'CNY', ...body } });
      expect(res.statusCode, res.body).toBe(400);
      return code(res);
    };
    expect(await refused({ amount: '-100' })).toBe('money.reason_required');
    expect(await refused({ currency: 'XYZ' })).toBe('money.unknown_currency');
    expect(await refused({ on: '2099-01-01' })).toBe('money.future_date');
    expect(await refused({ amount: '0' })).toBe('money.zero_amount');
    const detail = (await t.call('GET', `/api/v1/projects/${p.id}`, { token: sz })).json<ProjectDetail>();
    expect(detail.transactions).toEqual([]);
    const bad = await t.call('POST', `/api/v1/cooperations/${coop}/projects`, { token: sz, body: { name: `币种错误${++stamp}`, currency: 'ABC' } });
    expect(code(bad)).toBe('money.unknown_currency');
  });

  it('dates stage changes, wants a reason to go back, halt or end, and shows a project late against its own plan', async () => {
    const p = await project('阶段项目', { stage: 'signed', stageOn: '2023-01-01', stagePlans: [{ stage: 'started', plannedOn: '2024-01-01' }] });
    expect(p.late).toEqual([{ stage: 'started', plannedOn: '2024-01-01' }]);
    const change = (body: Record<string, unknown>, version: number) => t.call('POST', `/api/v1/projects/${p.id}/stage-changes`, { token: sz, body: { version, ...body } });
    const started = (await change({ stage: 'started', on: '2024-03-01' }, p.version)).json<ProjectDetail>();
    expect(started.late).toEqual([]);
    expect(code(await change({ stage: 'signed', on: '2024-04-01' }, started.version))).toBe('project_stage.reason_required');
    expect(code(await change({ stage: 'halted', on: '2024-04-01' }, started.version))).toBe('project_stage.reason_required');
    expect(code(await change({ stage: 'operating', on: '2099-01-01' }, started.version))).toBe('project_stage.future_date');
    expect(code(await change({ stage: 'operating', on: '2023-06-01' }, started.version))).toBe('project_stage.before_last');
    expect(code(await change({ stage: 'nowhere', on: '2024-04-01' }, started.version))).toBe('project_stage.unknown');
    expect((await change({ stage: 'operating', on: '2024-05-01' }, started.version - 1)).statusCode).toBe(409);
    const back = (await change({ stage: 'signed', on: '2024-04-01', reason: '用地未落实，退回签约阶段' }, started.version)).json<ProjectDetail>();
    expect(back.stage).toBe('signed');
    expect(back.stageHistory.map((h) => [h.stage, h.on, h.reason])).toEqual([
      ['signed', '2023-01-01', null],
      ['started', '2024-03-01', null],
      ['signed', '2024-04-01', '用地未落实，退回签约阶段'],
    ]);
  });

  it('updates with the version read, answers 409 on a stale one, and deletes the project with its money', async () => {
    const p = await project('编辑删除项目');
    const withMoney = await money(p.id, { kind: 'contracted', on: '2024-02-02', amount: '80000000' });
    const edited = await t.call('PATCH', `/api/v1/projects/${p.id}`, { token: sz, body: { version: withMoney.version, investment: '90000000', industryCode: 'I', industryDivision: '65' } });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await t.call('PATCH', `/api/v1/projects/${p.id}`, { token: sz, body: { version: withMoney.version, investment: '1' } });
    expect(stale.statusCode).toBe(409);
    const mismatch = await t.call('PATCH', `/api/v1/projects/${p.id}`, { token: sz, body: { version: edited.json<ProjectDetail>().version, industryDivision: '13' } });
    expect(code(mismatch)).toBe('project.industry_division_mismatch');
    const gone = await t.call('DELETE', `/api/v1/projects/${p.id}?version=${edited.json<ProjectDetail>().version}`, { token: sz });
    expect(gone.statusCode).toBe(204);
    expect((await t.call('GET', `/api/v1/projects/${p.id}`, { token: sz })).statusCode).toBe(404);
    const trail = (await t.call('GET', `/api/v1/cooperations/${coop}/audit?entity=project&entityId=${p.id}`, { token: sz })).json<{ items: { action: string }[] }>();
    expect(trail.items.map((e) => e.action).sort()).toEqual(['create', 'delete', 'update']);
  });

  it("keeps a side's own project, its money and its totals from the other side", async () => {
    const before = cny((await totals())[0]?.contracted ?? []);
    const own = await project('深圳自有项目', { visibility: 'side' });
    await money(own.id, { kind: 'contracted', on: '2024-03-03', amount: '700000000' });
    expect(cny((await totals())[0]?.contracted ?? [])).toBe(before + 700_000_000);
    expect((await t.call('GET', `/api/v1/projects/${own.id}`, { token: st })).statusCode).toBe(404);
    const theirs = (await t.call('GET', `/api/v1/cooperations/${coop}/project-totals`, { token: st })).json<{ groups: Totals[] }>().groups;
    expect(cny(theirs[0]?.contracted ?? [])).toBe(before);
  });

  it('records trade between the sides, refuses it without a measure or dated ahead, and totals it per quarter', async () => {
    const url = `/api/v1/cooperations/${coop}/cross-side-transactions`;
    const base = { kind: 'green_certificate', fromPartyId: shantou, toPartyId: shenzhen, unit: '张' };
    await post(url, { ...base, on: '2025-02-10', quantity: '1000', amount: '30000' });
    await post(url, { ...base, on: '2025-03-05', quantity: '500', amount: '15000' });
    await post(url, { ...base, on: '2025-04-20', quantity: '800', amount: '24000' });
    expect(code(await t.call('POST', url, { token: sz, body: { ...base, on: '2025-05-01' } }))).toBe('cross_side.measure_required');
    expect(code(await t.call('POST', url, { token: sz, body: { ...base, on: '2099-05-01', quantity: '1' } }))).toBe('money.future_date');
    expect(code(await t.call('POST', url, { token: sz, body: { ...base, on: '2025-05-01', quantity: '-1' } }))).toBe('money.reason_required');
    expect(code(await t.call('POST', url, { token: sz, body: { ...base, on: '2025-05-01', quantity: '1', toPartyId: shantou } }))).toBe('cross_side.same_side');
    const groups = (await t.call('GET', `/api/v1/cooperations/${coop}/cross-side-totals?by=quarter&kind=green_certificate&from=2025-01-01&to=2025-06-30`, { token: sz })).json<{
      groups: { key: string; quantity: string; entries: number }[];
    }>().groups;
    expect(groups.map((g) => [g.key, Number(g.quantity), g.entries])).toEqual([
      ['2025-Q1', 1500, 2],
      ['2025-Q2', 800, 1],
    ]);
    const figure = await t.services.projectFigures.value({ cooperationId: coop, measure: 'cross_side_quantity', where: { crossSideKind: 'green_certificate', unit: '张' }, from: '2025-01-01', to: '2025-06-30' });
    expect(figure).toBe(2300);
  });
});
