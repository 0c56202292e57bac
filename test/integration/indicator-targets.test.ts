import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessToday } from '../../src/modules/task/business-date.ts';
import { elapsedShare } from '../../src/contract/indicator-status.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { errorCode, makeTask, reportWorld, type ReportWorld } from './report-fixtures.ts';

interface Indicator {
  id: string;
  name: string;
  version: number;
  status: string;
  units: { organizationId: string }[];
  targets: { id: string; year: number; version: number; status: string; actual: number | null; expected: number | null }[];
  actuals: { id: string; periodId: string; value: string; source: string; sourceNote: string; reportId: string | null; version: number }[];
  can: { edit: boolean; delete: boolean; enterActuals: boolean };
}

interface Period {
  id: string;
  label: string;
  startsOn: string;
}

describe.each(databaseFlavours())('indicators and targets on %s', (flavour) => {
  let t: TestApp;
  let w: ReportWorld;
  let periods: Period[];
  const period = (label: string) => {
    const found = periods.find((p) => p.label === label);
    if (!found) throw new Error(`period ${label} missing`);
    return found;
  };
  const url = (path: string) => `/api/v1${path}`;
  const list = async (token: string, query = '') =>
    (await t.call('GET', url(`/cooperations/${w.cooperationId}/indicators${query}`), { token })).json<{ items: Indicator[]; can: { create: boolean } }>();
  const get = async (id: string, token: string) => t.call('GET', url(`/indicators/${id}`), { token });
  const create = (token: string, body: Record<string, unknown>) => t.call('POST', url(`/cooperations/${w.cooperationId}/indicators`), { token, body });
  const notifications = async (token: string) =>
    (await t.call('GET', '/api/v1/notifications?pageSize=200', { token })).json<{ items: { kind: string; link: string | null; title: string }[] }>().items;

  const today = businessToday('Asia/Shanghai');
  const thisYear = Number(today.slice(0, 4));

  beforeAll(async () => {
    t = await startTestApp(flavour);
    w = await reportWorld(t);
    periods = (await t.call('GET', url(`/cooperations/${w.cooperationId}/periods`), { token: w.tokens.qd })).json<{ items: Period[] }>().items;
  });
  afterAll(() => t?.close());

  describe('refused input, with nothing saved', () => {
    const base = () => ({ name: `新签约项目数${Math.random()}`, unit: '个', baselineOn: '2024-01-01', baseline: '0', rollup: 'cumulative' });
    it.each([
      ['a target year before the baseline', { targets: [{ year: 2023, value: '10' }] }, 'indicator.target_before_baseline'],
      ['an unknown comparator', { targets: [{ year: 2026, value: '10', comparator: '≥≥' }] }, 'indicator.comparator_unknown'],
      ['a range without its maximum', { targets: [{ year: 2026, value: '10', comparator: 'range' }] }, 'indicator.range_max_required'],
      ['a range whose maximum is below its minimum', { targets: [{ year: 2026, value: '10', valueMax: '5', comparator: 'range' }] }, 'indicator.range_inverted'],
      ['two targets for one year', { targets: [{ year: 2026, value: '10' }, { year: 2026, value: '12' }] }, 'indicator.target_year_taken'],
    ])('answers 4xx with a stable code for %s', async (_, extra, code) => {
      const before = (await list(w.tokens.qd)).items.length;
      const res = await create(w.tokens.qd, { ...base(), ...extra });
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(errorCode(res)).toBe(code);
      expect((await list(w.tokens.qd)).items.length).toBe(before);
    });

    it('refuses a responsible unit of another side on a one-sided indicator', async () => {
      const res = await create(w.tokens.qd, { ...base(), visibility: 'side', ownerPartyId: w.qd.partyId, units: [{ partyId: w.sz.partyId, organizationId: w.sz.unitOrganizationId }] });
      expect(errorCode(res)).toBe('indicator.unit_wrong_side');
    });

    it('lets only the cooperation offices create indicators', async () => {
      expect((await create(w.tokens.leader, base())).statusCode).toBe(403);
      expect((await create(w.tokens.qdUnit, base())).statusCode).toBe(403);
      expect((await list(w.tokens.leader)).can.create).toBe(false);
      expect((await list(w.tokens.qd)).can.create).toBe(true);
    });
  });

  describe('an indicator’s life: edited with its version, targets changed, deleted', () => {
    it('answers 409 to a stale version and keeps the newer change', async () => {
      const created = (await create(w.tokens.qd, { name: '联合实验室数量', unit: '个', targets: [{ year: 2027, value: '5' }] })).json<Indicator>();
      const first = await t.call('PATCH', url(`/indicators/${created.id}`), { token: w.tokens.sz, body: { version: created.version, unit: '家' } });
      expect(first.statusCode, first.body).toBe(200);
      const stale = await t.call('PATCH', url(`/indicators/${created.id}`), { token: w.tokens.qd, body: { version: created.version, unit: '所' } });
      expect(stale.statusCode).toBe(409);
      expect(errorCode(stale)).toBe('indicator.version_conflict');
      const now = (await get(created.id, w.tokens.qd)).json<Indicator & { unit: string }>();
      expect(now.unit).toBe('家');

      const target = now.targets[0];
      if (!target) throw new Error('target missing');
      const moved = await t.call('PATCH', url(`/indicator-targets/${target.id}`), { token: w.tokens.qd, body: { version: target.version, value: '8', comparator: 'range', valueMax: '10' } });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json<Indicator & { targets: { value: string; comparator: string }[] }>().targets[0]).toMatchObject({ value: '8.0000', comparator: 'range' });
      const staleTarget = await t.call('DELETE', url(`/indicator-targets/${target.id}?version=${target.version}`), { token: w.tokens.qd });
      expect(staleTarget.statusCode).toBe(409);
      const gone = await t.call('DELETE', url(`/indicator-targets/${target.id}?version=${target.version + 1}`), { token: w.tokens.qd });
      expect(gone.json<Indicator>().targets).toEqual([]);

      expect((await t.call('DELETE', url(`/indicators/${created.id}?version=${now.version}`), { token: w.tokens.leader })).statusCode).toBe(403);
      expect((await t.call('DELETE', url(`/indicators/${created.id}?version=${now.version}`), { token: w.tokens.qd })).statusCode).toBe(204);
      expect((await get(created.id, w.tokens.qd)).statusCode).toBe(404);
    });

    it('keeps a one-sided indicator from the other side, as if it did not exist', async () => {
      const own = (await create(w.tokens.qd, { name: '青岛自有指标', unit: '个', visibility: 'side', ownerPartyId: w.qd.partyId })).json<Indicator>();
      expect((await get(own.id, w.tokens.sz)).statusCode).toBe(404);
      expect((await list(w.tokens.sz)).items.map((i) => i.id)).not.toContain(own.id);
      expect((await t.call('PATCH', url(`/indicators/${own.id}`), { token: w.tokens.sz, body: { version: own.version, unit: '家' } })).statusCode).toBe(404);
    });
  });

  describe('actuals: entered by an office, given in a report approved by both sides', () => {
    let indicator: Indicator;

    beforeAll(async () => {
      const res = await create(w.tokens.qd, {
        name: '双方科技合作项目到位资金',
        unit: '亿元',
        rollup: 'cumulative',
        baseline: '0',
        baselineOn: `${thisYear}-01-01`,
        units: [{ partyId: w.qd.partyId, organizationId: w.qd.unitOrganizationId }],
        targets: [{ year: thisYear, value: '100', comparator: '>=' }],
      });
      expect(res.statusCode, res.body).toBe(201);
      indicator = res.json<Indicator>();
    });

    it('has no data before any actual', () => {
      expect(indicator.targets[0]?.status).toBe('no_data');
      expect(indicator.can).toEqual({ edit: true, delete: true, enterActuals: true });
    });

    it('takes an office’s figure with its source, and tells the other office when the target turns off track', async () => {
      const q1 = period(`${thisYear}年第1季度`);
      const res = await t.call('POST', url(`/indicators/${indicator.id}/actuals`), { token: w.tokens.qd, body: { periodId: q1.id, value: '1', sourceNote: '市统计局季报' } });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json<Indicator>();
      expect(body.actuals).toMatchObject([{ periodId: q1.id, value: '1.0000', source: 'office', sourceNote: '市统计局季报' }]);
      const expected = Math.round(100 * elapsedShare(`${thisYear}-01-01`, `${thisYear}-12-31`, today) * 1e4) / 1e4;
      expect(body.targets[0]).toMatchObject({ actual: 1, expected, status: expected > 1.1 ? 'off_track' : 'on_track' });
      if (expected > 1.1) {
        const told = (await notifications(w.tokens.sz)).filter((n) => n.kind === 'indicator.off_track' && n.link === `/indicators/${indicator.id}`);
        expect(told).toHaveLength(1);
      }
      const twice = await t.call('POST', url(`/indicators/${indicator.id}/actuals`), { token: w.tokens.qd, body: { periodId: q1.id, value: '2', sourceNote: '重复' } });
      expect(errorCode(twice)).toBe('indicator.actual_exists');
    });

    it('refuses an actual for a period that has not begun, or without a source', async () => {
      const future = periods.find((p) => p.startsOn > today);
      if (future) {
        const res = await t.call('POST', url(`/indicators/${indicator.id}/actuals`), { token: w.tokens.qd, body: { periodId: future.id, value: '2', sourceNote: '预计' } });
        expect(errorCode(res)).toBe('indicator.period_not_started');
      }
      const unnoted = await t.call('POST', url(`/indicators/${indicator.id}/actuals`), { token: w.tokens.qd, body: { periodId: period(`${thisYear}年第2季度`).id, value: '2', sourceNote: '' } });
      expect(unnoted.statusCode).toBe(400);
    });

    it('lists for a unit the indicators it answers for', async () => {
      const mine = await list(w.tokens.qdUnit, `?organizationId=${w.qd.unitOrganizationId}`);
      expect(mine.items.map((i) => i.id)).toContain(indicator.id);
      expect(mine.items.every((i) => i.units.some((u) => u.organizationId === w.qd.unitOrganizationId))).toBe(true);
    });

    it('counts a reported value only once both sides approved the report', async () => {
      const task = await makeTask(t, w, '科技合作项目资金到位跟踪', 'joint', []);
      const q3 = period(`${thisYear}年第3季度`);
      const refused = await t.call('POST', url(`/tasks/${task.id}/reports`), {
        token: w.tokens.szUnit,
        body: { periodId: q3.id, narrative: '深圳侧进展', indicatorValues: [{ indicatorId: indicator.id, value: 5 }] },
      });
      expect(errorCode(refused)).toBe('report.indicator_not_assigned');

      const draft = await t.call('POST', url(`/tasks/${task.id}/reports`), {
        token: w.tokens.qdUnit,
        body: { periodId: q3.id, narrative: '本季度新增到位资金', percent: 50, indicatorValues: [{ indicatorId: indicator.id, value: 98.5 }] },
      });
      expect(draft.statusCode, draft.body).toBe(201);
      const report = draft.json<{ id: string; version: number; indicatorValues: { name: string; value: number }[] }>();
      expect(report.indicatorValues).toEqual([{ indicatorId: indicator.id, name: '双方科技合作项目到位资金', unit: '亿元', value: 98.5 }]);
      expect((await t.call('POST', url(`/reports/${report.id}/submit`), { token: w.tokens.qdUnit, body: {} })).statusCode).toBe(200);
      expect((await t.call('POST', url(`/reports/${report.id}/review`), { token: w.tokens.qd, body: { decision: 'approved' } })).statusCode).toBe(200);
      const halfway = (await get(indicator.id, w.tokens.qd)).json<Indicator>();
      expect(halfway.actuals.map((a) => a.periodId)).not.toContain(q3.id);

      expect((await t.call('POST', url(`/reports/${report.id}/review`), { token: w.tokens.sz, body: { decision: 'approved' } })).statusCode).toBe(200);
      const approved = (await get(indicator.id, w.tokens.sz)).json<Indicator>();
      expect(approved.actuals.find((a) => a.periodId === q3.id)).toMatchObject({ value: '98.5000', source: 'report', reportId: report.id });
      expect(approved.targets[0]?.actual).toBe(99.5);
      expect(approved.targets[0]?.status).toBe('on_track');
    });

    it('answers 409 to a stale correction of an actual, and lets an office remove one', async () => {
      const current = (await get(indicator.id, w.tokens.qd)).json<Indicator>();
      const actual = current.actuals[0];
      if (!actual) throw new Error('actual missing');
      const fixed = await t.call('PATCH', url(`/indicator-actuals/${actual.id}`), { token: w.tokens.sz, body: { version: actual.version, value: '1.5' } });
      expect(fixed.statusCode, fixed.body).toBe(200);
      const stale = await t.call('PATCH', url(`/indicator-actuals/${actual.id}`), { token: w.tokens.qd, body: { version: actual.version, value: '9' } });
      expect(stale.statusCode).toBe(409);
      const removed = await t.call('DELETE', url(`/indicator-actuals/${actual.id}?version=${actual.version + 1}`), { token: w.tokens.qd });
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json<Indicator>().actuals.map((a) => a.id)).not.toContain(actual.id);
    });

    it('audits every write to the indicator', async () => {
      const trail = await t.call('GET', url(`/cooperations/${w.cooperationId}/audit?pageSize=200`), { token: w.tokens.qd });
      const entities = trail.json<{ items: { entity: string; entityId: string }[] }>().items.map((e) => e.entity);
      expect(entities).toEqual(expect.arrayContaining(['indicator', 'indicator_actual']));
    });
  });
  describe('formula indicators, computed from the cooperation’s trade', () => {
    const formula = () => ({ measure: 'cross_side_quantity', where: { crossSideKind: 'green_certificate', unit: '张', fromPartyId: w.qd.partyId }, divisor: 1 });

    it.each([
      ['a field no figure has', { measure: 'cross_side_quantity', where: { colour: 'green' } }, 'indicator.formula_field_unknown'],
      ['an unknown measure', { measure: 'wind_speed', where: {} }, 'indicator.formula_measure_unknown'],
      ['a side of another cooperation', { measure: 'in_place', where: { hostPartyId: '00000000-0000-4000-8000-000000000000' } }, 'indicator.formula_value_invalid'],
    ])('refuses a formula naming %s, saving nothing', async (_, bad, code) => {
      const before = (await list(w.tokens.qd)).items.length;
      const res = await create(w.tokens.qd, { name: `绿证${Math.random()}`, unit: '张', formula: bad });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe(code);
      expect((await list(w.tokens.qd)).items.length).toBe(before);
    });

    it('recomputes its actuals when a transaction is entered, and takes no figure by hand', async () => {
      const res = await create(w.tokens.qd, { name: '青岛售出绿证', unit: '张', rollup: 'sum_per_year', baseline: '0', baselineOn: `${thisYear}-01-01`, formula: formula(), targets: [{ year: thisYear, value: '1000' }] });
      expect(res.statusCode, res.body).toBe(201);
      const indicator = res.json<Indicator & { computed: boolean; formula: { text: string } | null }>();
      expect(indicator.computed).toBe(true);
      expect(indicator.can.enterActuals).toBe(false);
      const q1 = period(`${thisYear}年第1季度`);
      expect(indicator.actuals.find((a) => a.periodId === q1.id)).toMatchObject({ value: '0.0000', source: 'formula' });

      const trade = await t.call('POST', url(`/cooperations/${w.cooperationId}/cross-side-transactions`), {
        token: w.tokens.qd,
        body: { kind: 'green_certificate', on: `${thisYear}-02-15`, quantity: '600', unit: '张', amount: '3000', fromPartyId: w.qd.partyId, toPartyId: w.sz.partyId },
      });
      expect(trade.statusCode, trade.body).toBe(201);
      const after = (await get(indicator.id, w.tokens.sz)).json<Indicator>();
      expect(after.actuals.find((a) => a.periodId === q1.id)).toMatchObject({ value: '600.0000', source: 'formula' });
      expect(after.targets[0]?.actual).toBe(600);

      const typed = await t.call('POST', url(`/indicators/${indicator.id}/actuals`), { token: w.tokens.qd, body: { periodId: period(`${thisYear}年第2季度`).id, value: '5', sourceNote: '手工' } });
      expect(errorCode(typed)).toBe('indicator.formula_computed');
    });
  });
});
