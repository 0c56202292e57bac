import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { serverBusinessToday } from './global-server.ts';
import { screenshot } from './screenshots.ts';
import { fillDate } from './select.ts';
import { openCooperationList } from './navigation.ts';

const PROJECT = '青深海洋生物医药产业园';
/** Entries are dated today: money cannot lie ahead, and a stage change not before the registration (today). */
const TODAY = serverBusinessToday();

/**
 * Picks an option of the select in the form item labelled `label` as a keyboard user does: typing part of its name
 * and confirming with Enter (a click on a sliding dropdown option was lost on the loaded test machine).
 */
async function choose(page: Page, dialog: Locator, label: string, option: string, typed = option): Promise<void> {
  const item = dialog.locator('.ant-form-item', { has: page.getByText(label, { exact: true }) });
  const combobox = item.getByRole('combobox');
  const chosen = item.locator('.ant-select-selection-item, .ant-select-content-has-value', { hasText: option }).first();
  for (let attempt = 0; attempt < 3 && (await chosen.count()) === 0; attempt++) {
    await combobox.click();
    await combobox.fill(typed);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().waitFor();
    await combobox.press('Enter');
    await chosen.waitFor({ timeout: 5000 }).catch(() => undefined);
  }
  await chosen.waitFor();
}

/** The dialog named `title`, once its first field is there (the opening animation is over). */
async function dialogNamed(page: Page, title: string, field: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByText(field, { exact: true }).first().waitFor();
  // A select opened while the dialog still zooms in closes again as the animation ends.
  await page.waitForFunction(() => !document.querySelector('.ant-modal[class*="zoom-appear"], .ant-modal[class*="zoom-enter"]'));
  return dialog;
}

describe.skipIf(!chromiumAvailable())('projects and money in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();

  it('lets the Qingdao office add a project with two money entries and a stage change, see the totals move, edit it and delete it', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('projects-link').click();
    const table = page.getByTestId('project-table');
    await table.getByRole('link', { name: '胶州湾海上风电项目' }).waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(20);
    await expect.poll(() => page.getByTestId('total-contracted').textContent()).toBe('180亿元');
    const inPlaceBefore = (await page.getByTestId('total-in-place').textContent()) ?? '';
    await screenshot(page, 'projects-table', { fullPage: true });

    // A project of 深圳 investors in 青岛, total investment typed in 万元.
    await page.getByTestId('create-project').click();
    let dialog = await dialogNamed(page, '新建项目', '项目名称');
    await dialog.getByRole('textbox', { name: '项目名称' }).fill(PROJECT);
    await choose(page, dialog, '投资方所在方', '深圳市', '深圳');
    await choose(page, dialog, '落地方', '青岛市', '青岛');
    await choose(page, dialog, '行业门类', 'C 制造业', '制造');
    // The 大类 offered are the 门类's own, by name.
    await choose(page, dialog, '行业大类', '27 医药制造业', '医药');
    await dialog.getByRole('spinbutton', { name: '总投资（万）' }).fill('120000');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('project-name').getByText(PROJECT).waitFor();
    await page.getByText('C 制造业 · 27 医药制造业').waitFor();

    // 签约额 at the demo's signing event, then 到位资金; a negative amount without a reason is refused in the form.
    await page.getByTestId('add-money').click();
    dialog = await dialogNamed(page, '登记金额', '金额（万）');
    await choose(page, dialog, '签约活动', '深圳企业家青岛行', '企业家');
    await fillDate(dialog.getByLabel('日期'), TODAY);
    await dialog.getByRole('spinbutton', { name: '金额（万）' }).fill('120000');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await expect.poll(() => page.getByTestId('project-contracted').textContent()).toBe('12亿元');

    await page.getByTestId('add-money').click();
    dialog = await dialogNamed(page, '登记金额', '金额（万）');
    await choose(page, dialog, '类型', '到位资金', '到位');
    await fillDate(dialog.getByLabel('日期'), TODAY);
    await dialog.getByRole('spinbutton', { name: '金额（万）' }).fill('-30000');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await dialog.getByText('负数金额需写明更正原因').waitFor();
    await dialog.getByRole('spinbutton', { name: '金额（万）' }).fill('30000');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await expect.poll(() => page.getByTestId('project-in-place').textContent()).toBe('3亿元');

    // Forward to 开工, then back to 签约: going back wants a reason.
    await page.getByTestId('change-stage').click();
    dialog = await dialogNamed(page, '变更阶段', '新阶段');
    await choose(page, dialog, '新阶段', '开工');
    await fillDate(dialog.getByLabel('日期'), TODAY);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('project-stage').textContent()).toBe('开工');
    await page.getByTestId('change-stage').click();
    dialog = await dialogNamed(page, '变更阶段', '新阶段');
    await choose(page, dialog, '新阶段', '签约');
    await fillDate(dialog.getByLabel('日期'), TODAY);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('退回、停滞或终止需写明原因').waitFor();
    await dialog.getByRole('textbox', { name: '原因' }).fill('环评未通过，退回签约阶段');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('project-stage').textContent()).toBe('签约');
    await page.getByTestId('project-timeline').getByText(/环评未通过/).waitFor();
    await screenshot(page, 'project-page', { fullPage: true });

    // The table's totals now count the project: 180亿 + 12亿 contracted, 3亿 more in place.
    await page.getByRole('link', { name: '项目与资金' }).click();
    await table.getByRole('link', { name: PROJECT }).waitFor();
    await expect.poll(() => page.getByTestId('total-contracted').textContent()).toBe('192亿元');
    expect(await page.getByTestId('total-in-place').textContent()).not.toBe(inPlaceBefore);

    // Edit the name, then delete the project: the totals are back where they were.
    await table.getByRole('link', { name: PROJECT }).click();
    await page.getByTestId('edit-project').click();
    dialog = await dialogNamed(page, '编辑项目', '项目名称');
    await dialog.getByRole('textbox', { name: '项目名称' }).fill(`${PROJECT}（一期）`);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('project-name').getByText(`${PROJECT}（一期）`).waitFor();
    await page.getByTestId('delete-project').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await table.getByRole('link', { name: '胶州湾海上风电项目' }).waitFor();
    await expect.poll(() => page.getByTestId('total-contracted').textContent()).toBe('180亿元');
    expect(await page.getByTestId('total-in-place').textContent()).toBe(inPlaceBefore);
    expect(await table.getByRole('link', { name: new RegExp(PROJECT) }).count()).toBe(0);
    await finish(page);
  });

  it('shows the signing event with its rates, and the stage funnel', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('projects-link').click();
    await page.getByRole('tab', { name: '签约活动' }).click();
    await page.getByTestId('event-table').getByRole('link', { name: '深圳企业家青岛行' }).click();
    const figures = page.getByTestId('event-figures');
    await figures.getByText('履约率').waitFor();
    await figures.getByText(/^\d+(\.\d)?亿元$/).first().waitFor();
    expect(await page.getByTestId('event-projects').locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(20);
    await screenshot(page, 'signing-event', { fullPage: true });
    await page.getByRole('link', { name: '签约活动' }).click();
    await page.getByRole('tab', { name: '阶段漏斗' }).click();
    await page.getByTestId('stage-funnel').getByText('投产/运营').waitFor();
    await screenshot(page, 'stage-funnel');
    await finish(page);
  });
});
