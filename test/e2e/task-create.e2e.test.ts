import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';
import { chooseOption, fillDate } from './select.ts';
import { openCooperationList } from './navigation.ts';

const TASK_TITLE = '联合举办海洋科技成果对接会';
/** The demo's 中日 zone has one framework plan with five directions and no tasks yet. */
const ZONE = '中日(青岛)地方发展合作示范区';
const ZONE_PLAN = '中日(青岛)地方发展合作示范区建设总体方案';

/** Picks an option of the select in the form item labelled `label`. */
async function choose(page: Page, dialog: Locator, label: string, option: string, typed?: string): Promise<void> {
  await chooseOption(page, { combobox: dialog.getByRole('combobox', { name: label }), option, typed, shown: formItem(page, dialog, label) });
}

/** A form item by its label; the inner locator of `has` is looked for inside each item, so it starts from the page. */
function formItem(page: Page, dialog: Locator, label: string): Locator {
  return dialog.locator('.ant-form-item', { has: page.getByText(label, { exact: true }) });
}

interface Listed<T> {
  items: T[];
}

/** As the signed-in user, through the API: a task for the first direction of an agreement, so that one direction already has its task. */
async function createTaskForFirstDirection(page: Page, cooperationName: string): Promise<void> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'ld_csrf')?.value ?? '';
  const get = async <T>(path: string): Promise<T> => {
    const response = await page.request.get(`/api/v1${path}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as T;
  };
  const cooperations = await get<Listed<{ id: string; name: string }>>(`/cooperations?q=${encodeURIComponent(cooperationName)}`);
  const cooperation = cooperations.items.find((c) => c.name === cooperationName);
  if (!cooperation) throw new Error(`no cooperation ${cooperationName}`);
  const agreements = await get<Listed<{ id: string }>>(`/cooperations/${cooperation.id}/agreements`);
  const [agreement] = agreements.items;
  if (!agreement) throw new Error(`no agreement in ${cooperationName}`);
  const clauses = await get<Listed<{ children: { id: string; title: string }[] }>>(`/agreements/${agreement.id}/clauses`);
  const direction = clauses.items[0]?.children[0];
  if (!direction) throw new Error(`no direction in ${cooperationName}`);
  const created = await page.request.post(`/api/v1/cooperations/${cooperation.id}/tasks`, {
    headers: { 'x-csrf-token': csrf },
    data: { title: direction.title, clauseIds: [direction.id], agreementId: agreement.id },
  });
  expect(created.status()).toBe(201);
}

describe.skipIf(!chromiumAvailable())('creating tasks in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();

  it('lets the Qingdao office create a task by hand, shows the server’s date rule at the due date, and lists the task in the ledger', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('task-ledger-link').click();
    const ledger = page.getByTestId('task-ledger');
    await ledger.getByRole('link', { name: '协同推进经略海洋' }).waitFor();
    expect(await ledger.locator('tbody tr.ant-table-row').count()).toBe(16);

    await page.getByTestId('new-task').click();
    const dialog = page.getByRole('dialog', { name: '新建任务' });
    // A name another task of the cooperation has is warned about; one over the limit is refused with it, not cut.
    const title = dialog.getByRole('textbox', { name: '任务名称' });
    await title.fill('协同推进经略海洋');
    await dialog.getByText('本合作中已有同名任务').waitFor();
    await title.fill('长'.repeat(501));
    await dialog.getByText('任务名称不能超过 500 个字').waitFor();
    expect((await title.inputValue()).length).toBe(501);
    await title.fill(TASK_TITLE);
    await expect.poll(() => dialog.getByText(/本合作中已有同名任务|任务名称不能超过/).count()).toBe(0);
    await dialog.getByRole('textbox', { name: '任务内容' }).fill('两地海洋部门联合举办成果对接会，推动10项海洋科技成果落地。');
    await choose(page, dialog, '对应条目', '协同推进经略海洋', '经略海洋');
    await dialog.getByText('任务名称', { exact: true }).click();
    await choose(page, dialog, '青岛市牵头单位', '青岛市海洋发展局', '海洋');
    await choose(page, dialog, '青岛市配合单位', '青岛市科学技术局', '科学技术');
    await dialog.getByText('任务名称', { exact: true }).click();
    await choose(page, dialog, '深圳市牵头单位', '深圳市规划和自然资源局', '规划');
    await choose(page, dialog, '优先级', '高');
    const tags = dialog.getByRole('combobox', { name: '标签' });
    await tags.fill('海洋');
    await tags.press('Enter');
    // The form leaves the order of the dates to the server, whose refusal must land at the due date.
    await fillDate(dialog.getByLabel('开始日期'), '2026-09-01');
    await fillDate(dialog.getByLabel('完成时限'), '2026-06-30');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await formItem(page, dialog, '完成时限').getByText('完成时限不能早于开始日期').waitFor();
    expect(await dialog.getByText('已新建任务').count()).toBe(0);

    await fillDate(dialog.getByLabel('完成时限'), '2026-12-31');
    await formItem(page, dialog, '完成时限').getByText('完成时限不能早于开始日期').waitFor({ state: 'detached' });
    await screenshot(page, 'tasks-create');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = ledger.locator('tbody tr.ant-table-row', { has: page.getByRole('link', { name: TASK_TITLE }) });
    await row.waitFor();
    expect(await ledger.locator('tbody tr.ant-table-row').count()).toBe(17);
    const text = await row.innerText();
    expect(text).toContain('青岛市海洋发展局');
    expect(text).toContain('深圳市规划和自然资源局');
    expect(text).toContain('高');

    await row.getByRole('link', { name: TASK_TITLE }).click();
    await page.getByTestId('task-title').waitFor();
    // The clause and the units arrive with their own requests, after the title.
    await page.getByText('协同推进经略海洋').first().waitFor();
    await page.getByText('青岛市科学技术局').first().waitFor();
    await finish(page);
  });

  it('creates a task for each direction of an agreement that has none and says how many it skipped', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await createTaskForFirstDirection(page, ZONE);

    await openCooperationList(page);
    await page.getByRole('link', { name: ZONE }).click();
    await page.getByRole('link', { name: ZONE_PLAN }).click();
    await page.getByTestId('tasks-per-direction').click();
    const dialog = page.getByRole('dialog', { name: '为每个方向建任务' });
    await dialog.getByText('本协议共有 5 个方向').waitFor();
    await dialog.getByRole('button', { name: '创建任务' }).click();
    await dialog.getByText('请至少为一方指定默认牵头单位').waitFor();

    await choose(page, dialog, '青岛市牵头单位', '青岛市商务局', '商务');
    await choose(page, dialog, '优先级', '高');
    await fillDate(dialog.getByLabel('完成时限'), '2026-12-31');
    await dialog.getByRole('button', { name: '创建任务' }).click();
    const result = dialog.getByTestId('per-direction-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('已新建 4 项任务，跳过 1 个已有任务的方向');

    await dialog.getByTestId('per-direction-ledger-link').click();
    const ledger = page.getByTestId('task-ledger');
    await ledger.locator('tbody tr.ant-table-row').nth(4).waitFor();
    expect(await ledger.locator('tbody tr.ant-table-row').count()).toBe(5);
    expect(await ledger.getByText('青岛市商务局').count()).toBe(4);
    await finish(page);
  });

  it('offers neither way of creating tasks to a lead unit’s liaison', async () => {
    const page = await newPage();
    await logIn(page, 'qd.kj');
    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    const agreementLink = page.getByTestId('agreement-tree').getByRole('link').first();
    await agreementLink.waitFor();
    const agreementHref = (await agreementLink.getAttribute('href')) ?? '';
    await page.getByTestId('task-ledger-link').click();
    await page.getByTestId('task-ledger').getByRole('link', { name: '协同推进经略海洋' }).waitFor();
    expect(await page.getByTestId('new-task').count()).toBe(0);

    await page.goto(agreementHref);
    await page.getByTestId('clause-summary').waitFor();
    expect(await page.getByTestId('tasks-per-direction').count()).toBe(0);
    await finish(page);
  });
});
