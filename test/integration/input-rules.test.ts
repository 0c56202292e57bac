import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { makeTask, reportWorld, type ReportWorld } from './report-fixtures.ts';

interface Refusal {
  error: { code: string; details?: { path: string; message: string }[] };
}

/** What the server said about a field: its message's stable prefix (`text.invalid_characters`), or the status when accepted. */
const verdict = (res: LightMyRequestResponse, path: string): string => {
  if (res.statusCode < 400) return String(res.statusCode);
  const body = res.json<Refusal>();
  const detail = body.error.details?.find((d) => d.path === path);
  return detail ? detail.message.split(':')[0] ?? detail.message : `${res.statusCode} ${body.error.code}`;
};

describe.each(databaseFlavours())('what users type is checked once for every route on %s', (flavour) => {
  let t: TestApp;
  let w: ReportWorld;
  let taskId: string;
  let periodIds: string[];

  const indicator = (body: Record<string, unknown>) => t.call('POST', `/api/v1/cooperations/${w.cooperationId}/indicators`, { token: w.tokens.qd, body: { unit: '家', ...body } });
  /** The body as raw JSON text, for what JSON.stringify cannot write (lone surrogates, 1e999). */
  const rawIndicator = (json: string) =>
    t.call('POST', `/api/v1/cooperations/${w.cooperationId}/indicators`, { token: w.tokens.qd, body: json, headers: { 'content-type': 'application/json' } });

  beforeAll(async () => {
    t = await startTestApp(flavour);
    w = await reportWorld(t);
    taskId = (await makeTask(t, w, '输入规则检查任务', 'qingdao-only')).id;
    const periods = (await t.call('GET', `/api/v1/cooperations/${w.cooperationId}/periods`, { token: w.tokens.qdUnit })).json<{ items: { id: string; closedAt: string | null }[] }>().items;
    // Periods still taking reports: the demo's earlier years are closed.
    periodIds = periods.filter((p) => !p.closedAt).map((p) => p.id);
  });
  afterAll(() => t?.close());

  it('refuses right-to-left overrides, direction isolates and lone surrogates in names and titles', async () => {
    const answers = {
      override: verdict(await indicator({ name: '引进企业\u202Egnp.exe' }), 'body.name'),
      isolate: verdict(await indicator({ name: '引进\u2067企业' }), 'body.name'),
      loneSurrogate: verdict(await rawIndicator(`{"name":"引进企业\\ud800","unit":"家"}`), 'body.name'),
      loneLowSurrogate: verdict(await rawIndicator(`{"name":"\\udc00引进企业","unit":"家"}`), 'body.name'),
      inTaskTag: verdict(
        await t.call('PATCH', `/api/v1/tasks/${taskId}`, { token: w.tokens.qd, body: { version: 1, tags: ['重点\u202D'] } }),
        'body.tags.0',
      ),
      inFigureName: verdict(
        await t.call('POST', `/api/v1/tasks/${taskId}/reports`, { token: w.tokens.qdUnit, body: { periodId: periodIds[0], figures: [{ name: '\u202B产值', value: 1, unit: '万元' }] } }),
        'body.figures.0.name',
      ),
    };
    console.log(`input: ${JSON.stringify(answers)}`);
    expect(answers).toEqual({
      override: 'text.invalid_characters',
      isolate: 'text.invalid_characters',
      loneSurrogate: 'text.invalid_characters',
      loneLowSurrogate: 'text.invalid_characters',
      inTaskTag: 'text.invalid_characters',
      inFigureName: 'text.invalid_characters',
    });
    // A character made of a proper surrogate pair is still welcome.
    expect((await indicator({ name: '𠀀 企业数' })).statusCode).toBe(201);
  });

  it('drops zero-width characters, so look-alike names are the same name', async () => {
    const res = await indicator({ name: '\uFEFF新增\u200B高新\u200C技术\u200D企业\u2060' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ name: string }>().name).toBe('新增高新技术企业');
    // Nothing but zero-width characters is no name at all.
    expect(verdict(await indicator({ name: '\u200B\u200B' }), 'body.name')).toMatch(/too small/i);
  });

  it('takes report figures and other numbers only as finite numbers within ±10^15', async () => {
    const report = (value: unknown, periodId: string | undefined) =>
      t.call('POST', `/api/v1/tasks/${taskId}/reports`, { token: w.tokens.qdUnit, body: { periodId, figures: [{ name: '新增产值', value, unit: '万元' }] } });
    const rawReport = (valueText: string) =>
      t.call('POST', `/api/v1/tasks/${taskId}/reports`, {
        token: w.tokens.qdUnit,
        body: `{"periodId":"${periodIds[0]}","figures":[{"name":"新增产值","value":${valueText},"unit":"万元"}]}`,
        headers: { 'content-type': 'application/json' },
      });
    const answers = {
      huge: verdict(await report(1e308, periodIds[0]), 'body.figures.0.value'),
      overflowingJson: verdict(await rawReport('1e999'), 'body.figures.0.value'),
      negativeHuge: verdict(await report(-1e16, periodIds[0]), 'body.figures.0.value'),
      infinityText: (await report('Infinity', periodIds[0])).json<Refusal>().error.details?.[0]?.message,
      targetText: verdict(await indicator({ name: '引进项目数', targets: [{ year: 2027, value: '99999999999999999999' }] }), 'body.targets.0.value'),
      baseline: verdict(await indicator({ name: '引进项目数', baseline: '1000000000000000.5' }), 'body.baseline'),
      investment: verdict(await t.call('POST', `/api/v1/cooperations/${w.cooperationId}/projects`, { token: w.tokens.qd, body: { name: '港口项目', investment: '100000000000000000' } }), 'body.investment'),
    };
    console.log(`numbers: ${JSON.stringify(answers)}`);
    expect(answers).toEqual({
      huge: 'number.out_of_range',
      overflowingJson: 'number.out_of_range',
      negativeHuge: 'number.out_of_range',
      infinityText: expect.stringMatching(/expected number/i),
      targetText: 'number.out_of_range',
      baseline: 'number.out_of_range',
      investment: 'number.out_of_range',
    });
    const atLimit = await report(-1e15, periodIds[1]);
    expect(atLimit.statusCode, atLimit.body).toBe(201);
    expect(atLimit.json<{ figures: { value: number }[] }>().figures[0]?.value).toBe(-1e15);
    expect((await indicator({ name: '引进项目数', baseline: '999999999999999.99', targets: [{ year: 2027, value: '-1000000000000000' }] })).statusCode).toBe(201);
  });
});
