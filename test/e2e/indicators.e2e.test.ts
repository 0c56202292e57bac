import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { evaluateTarget, STATUS_COLOURS, type TargetStatus } from '../../src/contract/indicator-status.ts';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { serverBusinessToday } from './global-server.ts';
import { screenshot } from './screenshots.ts';
import { chooseOption, fillDate } from './select.ts';
import { openCooperationList } from './navigation.ts';

const COOPERATION = /青岛.*深圳/;
const today = serverBusinessToday();
const year = Number(today.slice(0, 4));
const RULE = { direction: 'higher' as const, rollup: 'cumulative' as const, baseline: 0, baselineOn: `${year}-01-01`, atRiskMargin: null };
const QUARTER = (q: number) => ({ label: `${year}年第${q}季度`, startsOn: `${year}-${['01', '04', '07', '10'][q - 1]}-01`, endsOn: `${year}-${['03-31', '06-30', '09-30', '12-31'][q - 1]}` });

/** What the shared status rule says of a ≥ target this year given cumulative actuals per quarter. */
function expectedStatus(target: number, actuals: [number, number][]): TargetStatus {
  const series = actuals.map(([q, value]) => ({ ...QUARTER(q), value }));
  return evaluateTarget(RULE, { year, comparator: '>=', value: target, valueMax: null }, series, today).status;
}

/** The same colour the rule gives, as the browser computes a tag's text colour. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** Calls the API as the logged-in page (its cookies and CSRF token). */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'ld_csrf')?.value ?? '';
  const res = await page.request.fetch(`/api/v1${path}`, { method, headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

async function statusOf(page: Page, row: string): Promise<{ status: string | null; colour: string }> {
  const tag = page.getByTestId('target-table').locator('tr.ant-table-row', { hasText: row }).getByTestId('target-status');
  return { status: await tag.getAttribute('data-status'), colour: await tag.evaluate((el) => getComputedStyle(el).color) };
}

/** The input of a form field by its test id: on the input itself (number fields) or on the control around it. */
const input = (scope: Locator, testId: string) => scope.locator(`input[data-testid=${testId}], [data-testid=${testId}] input`).first();

async function openIndicators(page: Page): Promise<void> {
  await openCooperationList(page);
  await page.getByRole('link', { name: COOPERATION }).click();
  await page.getByTestId('indicators-link').click();
  await page.getByTestId('indicator-table').waitFor();
}

describe.skipIf(!chromiumAvailable())('indicators and targets in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();

  it('reads a computed indicator’s formula in words, the sides by name, in Chinese and in English', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openIndicators(page);
    await page.getByTestId('indicator-table').getByRole('link', { name: '深圳企业在青岛投资项目到位资金' }).click();
    await expect.poll(() => page.getByTestId('indicator-formula').innerText()).toBe('到位资金 · 投资方：深圳市 · 承接方：青岛市 · 元→亿元（÷1亿）');
    await page.getByText('按公式计算').first().waitFor();
    await page.getByTestId('language-switch').click();
    const english = page.getByRole('menuitem', { name: 'English' });
    await english.click();
    await english.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('indicator-formula').innerText()).toBe('Funds in place · Investor side: 深圳市 · Host side: 青岛市 · yuan → 亿 (÷ 100 million)');
    await page.getByText('Computed by the formula').first().waitFor();
    await finish(page);
  });

  it('lets the office register an indicator, add a target, enter actuals that change its status colour, edit both and delete them', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openIndicators(page);
    // The demo's indicator of funds in place, with its small chart.
    const demo = page.getByTestId('indicator-table').locator('tr.ant-table-row', { hasText: '深圳企业在青岛投资项目到位资金' });
    await demo.getByTestId('indicator-sparkline').locator('svg').waitFor();
    await screenshot(page, 'indicators-list');

    await page.getByTestId('new-indicator').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('indicator-name').waitFor();
    await dialog.getByTestId('indicator-name').fill('联合引进高层次人才');
    await input(dialog, 'indicator-unit').fill('人');
    await input(dialog, 'indicator-baseline').fill('0');
    // A baseline without its date is refused at the field before anything is sent.
    await dialog.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
    await dialog.getByText('填写基期值时请注明基期日期').waitFor();
    await fillDate(dialog.locator('.ant-form-item', { hasText: '基期日期' }).locator('input'), `${year}-01-01`);
    await dialog.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
    await page.getByTestId('indicator-title').getByText('联合引进高层次人才').waitFor();
    expect(await page.getByTestId('indicator-rollup-rule').innerText()).toBe('基期以来累计');

    // A target for a year before the baseline is refused at its field; this year's is taken.
    await page.getByTestId('add-target').click();
    const targetDialog = page.getByRole('dialog');
    await targetDialog.getByTestId('target-year').waitFor();
    await input(targetDialog, 'target-year').fill(String(year - 1));
    await input(targetDialog, 'target-value').fill('100');
    await targetDialog.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
    await targetDialog.getByText('目标年度不能早于基期').waitFor();
    await input(targetDialog, 'target-year').fill(String(year));
    await targetDialog.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
    await targetDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => statusOf(page, String(year))).toEqual({ status: 'no_data', colour: rgb(STATUS_COLOURS.no_data) });

    // A small first-quarter figure is behind 序时进度 …
    await page.getByTestId('add-actual').click();
    const actualDialog = page.getByRole('dialog');
    const periodItem = actualDialog.locator('.ant-form-item', { hasText: '报送周期' });
    await chooseOption(page, { combobox: periodItem.getByRole('combobox'), option: QUARTER(1).label, shown: periodItem });
    await input(actualDialog, 'actual-value').fill('1');
    await actualDialog.getByTestId('actual-source').fill('市人社局人才引进台账');
    await actualDialog.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
    await actualDialog.waitFor({ state: 'hidden' });
    const behind = expectedStatus(100, [[1, 1]]);
    await expect.poll(() => statusOf(page, String(year))).toEqual({ status: behind, colour: rgb(STATUS_COLOURS[behind]) });
    await page.getByTestId('actual-table').getByText('市人社局人才引进台账').waitFor();

    // … corrected to the whole target, it is met, in the met colour.
    await page.getByTestId('actual-table').locator('tr.ant-table-row').first().getByTestId('edit-actual').click();
    const correction = page.getByRole('dialog');
    await correction.getByTestId('actual-value').waitFor();
    await input(correction, 'actual-value').fill('100');
    await correction.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
    await correction.waitFor({ state: 'hidden' });
    await expect.poll(() => statusOf(page, String(year))).toEqual({ status: 'met', colour: rgb(STATUS_COLOURS.met) });
    await page.getByTestId('indicator-chart').locator('svg').waitFor();
    await screenshot(page, 'indicator-page', { fullPage: true });

    // Raising the target makes it unmet again: the status is what the rule says of 100 against 300.
    await page.getByTestId('target-table').getByTestId('edit-target').click();
    const edit = page.getByRole('dialog');
    await edit.getByTestId('target-value').waitFor();
    await input(edit, 'target-value').fill('300');
    await edit.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
    await edit.waitFor({ state: 'hidden' });
    const raised = expectedStatus(300, [[1, 100]]);
    await expect.poll(() => statusOf(page, String(year))).toEqual({ status: raised, colour: rgb(STATUS_COLOURS[raised]) });

    // The indicator is renamed, then its target and the indicator itself are deleted.
    await page.getByTestId('edit-indicator').click();
    const rename = page.getByRole('dialog');
    await rename.getByTestId('indicator-name').waitFor();
    await rename.getByTestId('indicator-name').fill('联合引进高层次人才（人）');
    await rename.getByRole('button', { name: /确\s*定|保\s*存/ }).click();
    await page.getByTestId('indicator-title').getByText('联合引进高层次人才（人）').waitFor();
    await page.getByTestId('target-table').getByTestId('delete-target').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await page.getByTestId('target-table').getByText('尚无目标').waitFor();
    await page.getByTestId('delete-indicator').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await page.getByTestId('indicator-table').waitFor();
    await expect.poll(() => page.getByTestId('indicator-table').innerText()).not.toContain('联合引进高层次人才');
    await finish(page);
  });

  it("takes a unit's indicator value from its progress report, counted once both offices approved it", async () => {
    const office = await newPage();
    await logIn(office, 'qd.fgw');
    await openIndicators(office);
    const cooperationId = new URL(office.url()).pathname.split('/')[2] ?? '';
    // Set up through the API as the office would in the forms above: a joint task led by both science bureaus, and
    // an indicator 青岛市科学技术局 answers for, behind 序时进度 after a first quarter entered by the office.
    const cooperation = await api<{ parties: { id: string; regionCode: string }[] }>(office, 'GET', `/cooperations/${cooperationId}`);
    const side = (code: string) => cooperation.parties.find((p) => p.regionCode === code)?.id ?? '';
    const unitOf = async (region: string, name: string) =>
      (await api<{ items: { id: string; name: string }[] }>(office, 'GET', `/organizations?regionCode=${region}&pageSize=200`)).items.find((o) => o.name === name)?.id ?? '';
    const qdScience = await unitOf('370200', '青岛市科学技术局');
    const szScience = await unitOf('440300', '深圳市科技创新局');
    const task = await api<{ id: string }>(office, 'POST', `/cooperations/${cooperationId}/tasks`, {
      title: '共建科技成果转化平台',
      units: [
        { partyId: side('370200'), organizationId: qdScience, role: 'lead' },
        { partyId: side('440300'), organizationId: szScience, role: 'lead' },
      ],
    });
    const indicator = await api<{ id: string }>(office, 'POST', `/cooperations/${cooperationId}/indicators`, {
      name: '科技成果转化项目数',
      unit: '项',
      rollup: 'cumulative',
      baseline: '0',
      baselineOn: `${year}-01-01`,
      units: [{ partyId: side('370200'), organizationId: qdScience }],
      targets: [{ year, value: '40', comparator: '>=' }],
    });
    const periods = await api<{ items: { id: string; label: string }[] }>(office, 'GET', `/cooperations/${cooperationId}/periods`);
    const q1 = periods.items.find((p) => p.label === QUARTER(1).label)?.id;
    await api(office, 'POST', `/indicators/${indicator.id}/actuals`, { periodId: q1, value: '2', sourceNote: '科技局统计' });
    const before = expectedStatus(40, [[1, 2]]);
    const after = expectedStatus(40, [[1, 2], [3, 38]]);
    expect(after).toBe('met');

    const unit = await newPage();
    await logIn(unit, 'qd.kj');
    await unit.goto(`/tasks/${task.id}`);
    const form = unit.getByTestId('report-form');
    const periodItem = form.locator('.ant-form-item', { hasText: '报告期' });
    await chooseOption(unit, { combobox: periodItem.getByRole('combobox'), option: QUARTER(3).label, shown: periodItem });
    await unit.getByTestId('report-narrative').fill('三季度新增转化项目36项。');
    // The report form asks for the indicator the unit answers for.
    await form.getByTestId('report-indicators').getByText('科技成果转化项目数').waitFor();
    await form.getByLabel('科技成果转化项目数').fill('38');
    await unit.getByTestId('submit-report').click();
    const entry = (page: Page) => page.getByTestId('report-entry').filter({ hasText: '三季度新增转化项目36项。' });
    await entry(unit).locator('[data-report-status=submitted]').waitFor();
    expect(await entry(unit).getByTestId('report-indicator-values').innerText()).toContain('科技成果转化项目数：38项');

    const decide = async (page: Page) => {
      await page.goto(`/tasks/${task.id}`);
      await entry(page).getByTestId('approve-report').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('reason-text').waitFor();
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.waitFor({ state: 'hidden' });
    };
    await decide(office);
    // One side approved: the value does not count yet.
    await office.goto(`/indicators/${indicator.id}`);
    await expect.poll(() => statusOf(office, String(year))).toEqual({ status: before, colour: rgb(STATUS_COLOURS[before]) });
    expect(await office.getByTestId('actual-table').innerText()).not.toContain(QUARTER(3).label);

    const shenzhen = await newPage();
    await logIn(shenzhen, 'sz.fgw');
    await decide(shenzhen);
    await entry(shenzhen).locator('[data-report-status=approved]').waitFor();
    await office.reload();
    await expect.poll(() => statusOf(office, String(year))).toEqual({ status: 'met', colour: rgb(STATUS_COLOURS.met) });
    const reported = office.getByTestId('actual-table').locator('tr.ant-table-row', { hasText: QUARTER(3).label });
    expect(await reported.innerText()).toContain('进展报告');
    await reported.getByRole('link', { name: '查看报告' }).waitFor();
    for (const page of [office, unit, shenzhen]) await finish(page);
  });
});
