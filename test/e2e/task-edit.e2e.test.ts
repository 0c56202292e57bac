import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { chooseOption, fillDate } from './select.ts';
import { openCooperationList } from './navigation.ts';

/** Demo tasks of 青岛—深圳 that no other browser test touches. */
const EDITED = '深化体育领域合作';
const DELETED = '共促旅游产品与市场开发';
const MILESTONES = '加强现代农业领域合作';
const RENAMED = '深化体育领域合作（含帆船赛事）';
const ADDED_UNIT = '青岛市商务局';

async function openTask(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: '合作', exact: true }).click();
  await openCooperationList(page);
  await page.getByRole('link', { name: /青岛.*深圳/ }).click();
  await page.getByTestId('task-ledger-link').click();
  await page.getByTestId('task-ledger').waitFor();
  await page.goto(`${new URL(page.url()).pathname}?q=${encodeURIComponent(title)}`);
  await page.getByTestId('task-ledger').getByRole('link', { name: title }).click();
  await page.getByTestId('task-title').getByText(title).waitFor();
}

describe.skipIf(!chromiumAvailable())('correcting a task in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();

  it("lets 青岛's office correct a task's title, dates and its own side's units, refusing a due date before the start", async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openTask(page, EDITED);

    await page.getByRole('button', { name: '编辑任务' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('任务名称').fill(RENAMED);
    // 深圳's units are 深圳's office's to set: shown, not changeable.
    const shenzhenLead = dialog.locator('.ant-form-item', { hasText: '深圳市牵头单位' });
    await expect.poll(() => shenzhenLead.locator('.ant-select-disabled').count()).toBe(1);
    const coUnits = dialog.locator('.ant-form-item', { hasText: '青岛市配合单位' });
    await chooseOption(page, { combobox: coUnits.getByRole('combobox'), option: ADDED_UNIT, typed: '商务', shown: coUnits });
    await page.keyboard.press('Escape');
    await fillDate(dialog.getByLabel('开始日期'), '2026-06-01');
    await fillDate(dialog.getByLabel('完成时限'), '2026-05-01');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('完成时限不能早于开始日期').waitFor();

    await fillDate(dialog.getByLabel('完成时限'), '2026-12-31');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('任务已保存').waitFor();
    await page.getByTestId('task-title').getByText(RENAMED).waitFor();
    expect(await page.getByTestId('task-sides').innerText()).toContain(ADDED_UNIT);
    await page.reload();
    await page.getByTestId('task-title').getByText(RENAMED).waitFor();
    expect(await page.getByTestId('task-sides').innerText()).toContain(ADDED_UNIT);
    expect(await page.locator('.ant-descriptions').first().innerText()).toMatch(/2026.*12.*31/);
    await finish(page);
  });

  it('lets the office add a milestone to a task, correct it, move it up one place and remove it', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openTask(page, MILESTONES);
    await page.getByRole('button', { name: '添加里程碑' }).click();
    let dialog = page.getByRole('dialog');
    // A click while the dialog is still opening can miss its button (seen once on a loaded machine).
    await dialog.getByLabel('里程碑名称').waitFor();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('请填写此项').waitFor();
    await dialog.getByLabel('里程碑名称').fill('签订赛事互办协议');
    await fillDate(dialog.getByLabel('计划完成日期'), '2026-09-30');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const milestones = page.getByTestId('milestones');
    const added = milestones.locator('.ant-list-item', { hasText: '签订赛事互办协议' });
    await added.waitFor();

    await added.getByRole('button', { name: '编辑' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('里程碑名称').fill('签订帆船赛事互办协议');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const renamed = milestones.locator('.ant-list-item', { hasText: '签订帆船赛事互办协议' });
    await renamed.waitFor();

    // Added last, moved up one place before the demo's second milestone; the first cannot move up.
    const order = () => milestones.locator('.ant-list-item-meta-title').allInnerTexts();
    expect(await order()).toEqual(['农产品产销对接', '设立展销窗口', '签订帆船赛事互办协议']);
    expect(await milestones.locator('.ant-list-item').first().getByRole('button', { name: '上移' }).isDisabled()).toBe(true);
    expect(await renamed.getByRole('button', { name: '下移' }).isDisabled()).toBe(true);
    await renamed.getByRole('button', { name: '上移' }).click();
    await expect.poll(order).toEqual(['农产品产销对接', '签订帆船赛事互办协议', '设立展销窗口']);
    await page.reload();
    // expect.poll gives up after a second; a reload on a loaded machine takes longer to list the milestones again.
    await milestones.locator('.ant-list-item').nth(2).waitFor();
    await expect.poll(order).toEqual(['农产品产销对接', '签订帆船赛事互办协议', '设立展销窗口']);

    await renamed.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await expect.poll(() => milestones.locator('.ant-list-item', { hasText: '签订帆船赛事互办协议' }).count()).toBe(0);
    await page.reload();
    await page.getByTestId('milestones').waitFor();
    expect(await page.getByTestId('milestones').innerText()).not.toContain('帆船赛事互办协议');
    await finish(page);
  });

  it('deletes a task after confirmation and goes back to the ledger, where it is gone', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openTask(page, DELETED);
    await page.getByTestId('task-title').locator('xpath=ancestor::div[contains(@class,"ant-card-head")]').getByRole('button', { name: /删\s*除/ }).click();
    await page.locator('.ant-popconfirm').getByText('删除这项任务？').waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    // Back on the ledger once the server has deleted it (the toast saying so may be gone by the time a loaded machine looks).
    await page.waitForURL(/\/cooperations\/[^/]+\/tasks$/);
    await page.getByTestId('task-ledger').waitFor();
    await page.goto(`${new URL(page.url()).pathname}?q=${encodeURIComponent(DELETED)}`);
    await page.getByText('没有符合条件的任务').waitFor();
    await finish(page);
  });

  it('sets the priority and due date of several tasks at once from the ledger, and saves each', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await page.getByRole('link', { name: '合作', exact: true }).click();
    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('task-ledger-link').click();
    const ledger = page.getByTestId('task-ledger');
    await page.goto(`${new URL(page.url()).pathname}?q=${encodeURIComponent('互')}`);
    const rows = ledger.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    for (const row of await rows.all()) await row.getByRole('checkbox').check();
    const bulk = page.getByTestId('bulk-actions');
    await bulk.getByText('已选 3 项').waitFor();

    await bulk.getByRole('button', { name: '设优先级' }).click();
    let dialog = page.getByRole('dialog');
    const priority = dialog.locator('.ant-form-item', { hasText: '优先级' });
    await chooseOption(page, { combobox: priority.getByRole('combobox'), option: '紧急', shown: priority });
    await dialog.getByRole('button', { name: /应\s*用/ }).click();
    await page.getByText('已更新 3 项任务').waitFor();
    await expect.poll(async () => (await rows.allInnerTexts()).filter((text) => text.includes('紧急')).length).toBe(3);

    for (const row of await rows.all()) await row.getByRole('checkbox').check();
    await bulk.getByRole('button', { name: '设截止日期' }).click();
    dialog = page.getByRole('dialog');
    await fillDate(dialog.getByLabel('完成时限'), '2027-06-30');
    await dialog.getByRole('button', { name: /应\s*用/ }).click();
    await page.getByText('已更新 3 项任务').waitFor();
    await expect.poll(async () => (await rows.allInnerTexts()).filter((text) => text.includes('2027年6月30日')).length).toBe(3);
    await finish(page);
  });

  it('offers a unit user neither editing nor deleting the task', async () => {
    const page = await newPage();
    await logIn(page, 'qd.kj');
    await openTask(page, '鼓励高校院所互动合作');
    await page.getByTestId('milestones').waitFor();
    expect(await page.getByRole('button', { name: '编辑任务' }).count()).toBe(0);
    expect(await page.getByTestId('task-title').locator('xpath=ancestor::div[contains(@class,"ant-card-head")]').getByRole('button', { name: /删\s*除/ }).count()).toBe(0);
    await finish(page);
  });
});
