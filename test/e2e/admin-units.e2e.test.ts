import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';
import { chooseOption } from './select.ts';
import { openCooperationList } from './navigation.ts';

const COOPERATION = /青岛.*深圳/;
const KEPT = '青岛市科学技术局';
const DUPLICATE = '青岛市科技局（重复登记）';

/** The form item around a labelled field of a dialog, where antd shows that field's message. */
const fieldOf = (dialog: Locator, label: string) => dialog.locator('.ant-form-item', { has: dialog.page().getByText(label, { exact: true }) });

/** As the signed-in user, through the API: what the page itself would send, with the CSRF cookie echoed. */
async function callApi<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'ld_csrf')?.value ?? '';
  const response = await page.request.fetch(`/api/v1${path}`, { method, headers: { 'x-csrf-token': csrf }, ...(data === undefined ? {} : { data }) });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

describe.skipIf(!chromiumAvailable())('the admin area and the units of a side in Chromium', () => {
  const { newPage, finish, logIn, submitLogin } = useBrowserSession();

  it('lets the admin register a user, edit them, reset their password (the temporary one logs in once, then a new one is chosen) and disable them', async () => {
    const page = await newPage();
    await logIn(page, 'admin');
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    const table = page.getByTestId('user-table');
    await table.getByText('qd.fgw').waitFor();

    await page.getByTestId('new-user').click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    // Refused on the form before anything is sent: nothing filled in, a username in Chinese, a malformed mail address.
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await fieldOf(dialog, '用户名').getByText('请填写用户名').waitFor();
    await fieldOf(dialog, '姓名').getByText('请填写姓名').waitFor();
    await dialog.getByLabel('用户名').fill('张三');
    await fieldOf(dialog, '用户名').getByText('只能使用字母、数字、点、横线和下划线，并以字母或数字开头').waitFor();
    await dialog.getByLabel('邮箱').fill('not-a-mail');
    await fieldOf(dialog, '邮箱').getByText('请填写有效的邮箱地址').waitFor();
    // A username already taken is the server's refusal, shown at the field.
    await dialog.getByLabel('用户名').fill('qd.kj');
    await dialog.getByLabel('姓名').fill('科技局新联络员');
    await dialog.getByLabel('邮箱').fill('kj-new@qingdao.example.cn');
    await chooseOption(page, { combobox: dialog.getByRole('combobox', { name: '所在单位' }), typed: '科学技术', option: `${KEPT} · 青岛市`, shown: fieldOf(dialog, '所在单位') });
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await fieldOf(dialog, '用户名').getByText('用户名“qd.kj”已被使用').waitFor();
    await dialog.getByLabel('用户名').fill('qd.kj.new');
    await screenshot(page, 'admin-user-create');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const shownOnce = page.getByTestId('temporary-password');
    await shownOnce.waitFor();
    const firstPassword = await shownOnce.innerText();
    expect(firstPassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    await page.getByTestId('temporary-password-close').click();
    const row = table.locator('tr', { hasText: 'qd.kj.new' });
    await row.getByText('待改密码').waitFor();
    expect(await row.innerText()).toContain(KEPT);
    await screenshot(page, 'admin-users');

    await row.getByRole('button', { name: /修\s*改/ }).click();
    const edit = page.getByRole('dialog', { name: /修改用户/ });
    await edit.getByLabel('姓名').fill('');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await fieldOf(edit, '姓名').getByText('请填写姓名').waitFor();
    await edit.getByLabel('姓名').fill('科技局联络员（新）');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await row.getByText('科技局联络员（新）').waitFor();

    await row.getByRole('button', { name: /重置密码/ }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /重置密码/ }).click();
    await shownOnce.waitFor();
    const temporary = await shownOnce.innerText();
    expect(temporary).not.toBe(firstPassword);
    await page.getByTestId('temporary-password-close').click();

    // The user logs in with the temporary password and may do nothing but choose their own.
    const user = await newPage();
    await submitLogin(user, 'qd.kj.new', firstPassword);
    await user.getByTestId('login-error').getByText('用户名或密码错误').waitFor();
    await submitLogin(user, 'qd.kj.new', temporary);
    const required = user.getByTestId('password-change-required');
    await required.getByText('请先设置您自己的密码', { exact: false }).waitFor();
    await required.getByLabel('当前密码').fill(temporary);
    await required.getByLabel('新密码', { exact: true }).fill('kj-new-own-pass');
    await required.getByLabel('再次输入新密码').fill('kj-new-own-pass');
    await required.getByRole('button', { name: /修改密码/ }).click();
    await user.getByTestId('current-user').waitFor();
    expect(await user.getByTestId('current-user').innerText()).toContain('科技局联络员（新）');
    // Not an administrator: no admin area in the menu.
    expect(await user.getByRole('menuitem', { name: '用户管理' }).count()).toBe(0);
    await finish(user);

    await row.getByRole('button', { name: /停\s*用/ }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /停\s*用/ }).click();
    await row.getByText('已停用').waitFor();
    const refused = await newPage();
    await submitLogin(refused, 'qd.kj.new', 'kj-new-own-pass');
    await refused.getByTestId('login-error').getByText('用户名或密码错误').waitFor();
    await finish(refused);
    await finish(page);
  });

  it('lets the office register a unit of its side, edit it and merge it as a duplicate: the task that named it shows the kept unit', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openCooperationList(page);
    await page.getByRole('link', { name: COOPERATION }).click();
    await page.getByTestId('settings-link').click();
    await page.getByRole('tab', { name: '单位' }).click();
    const qingdao = page.getByTestId('units-370200');
    await qingdao.getByText(KEPT).waitFor();
    // The other side's units are shown, not offered for editing.
    const shenzhen = page.getByTestId('units-440300');
    await shenzhen.getByText('深圳市科技创新局').waitFor();
    expect(await shenzhen.getByRole('button', { name: /合\s*并/ }).count()).toBe(0);
    expect(await page.getByTestId('new-unit-440300').count()).toBe(0);

    await page.getByTestId('new-unit-370200').click();
    const create = page.getByRole('dialog', { name: /新建单位/ });
    await create.getByRole('button', { name: /创\s*建/ }).click();
    await fieldOf(create, '单位名称').getByText('请填写单位名称').waitFor();
    // A name the region already has is the server's refusal, at the field.
    await create.getByLabel('单位名称').fill(KEPT);
    await create.getByRole('button', { name: /创\s*建/ }).click();
    await fieldOf(create, '单位名称').getByText('该地区已有同名单位，请直接选择它').waitFor();
    await create.getByLabel('单位名称').fill('青岛市科技局');
    await create.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByText('已新建单位青岛市科技局').waitFor();

    const duplicateRow = () => qingdao.locator('tr', { hasText: '青岛市科技局' }).filter({ hasNotText: KEPT });
    await duplicateRow().getByRole('button', { name: /修\s*改/ }).click();
    const edit = page.getByRole('dialog', { name: /修改单位/ });
    await edit.getByLabel('单位名称').fill(DUPLICATE);
    await chooseOption(page, { combobox: edit.getByRole('combobox', { name: '负责人' }), option: '青岛市分管副市长', shown: fieldOf(edit, '负责人') });
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await duplicateRow().getByText(DUPLICATE).waitFor();
    expect(await duplicateRow().innerText()).toContain('青岛市分管副市长');

    // A task that names the duplicate as its lead unit (set up through the API, as an import would).
    const cooperationId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const cooperation = await callApi<{ parties: { id: string; regionCode: string }[] }>(page, 'GET', `/cooperations/${cooperationId}`);
    const units = await callApi<{ items: { id: string; name: string }[] }>(page, 'GET', `/cooperations/${cooperationId}/units`);
    const duplicateId = units.items.find((u) => u.name === DUPLICATE)?.id;
    const partyId = cooperation.parties.find((p) => p.regionCode === '370200')?.id;
    const task = await callApi<{ id: string }>(page, 'POST', `/cooperations/${cooperationId}/tasks`, {
      title: '科技成果转化对接会',
      units: [{ partyId, organizationId: duplicateId, role: 'lead' }],
    });
    await page.reload();
    await duplicateRow().getByText('任务 1', { exact: false }).waitFor();

    await duplicateRow().getByRole('button', { name: /合\s*并/ }).click();
    const merge = page.getByRole('dialog', { name: /合并重复单位/ });
    await merge.getByRole('button', { name: /合\s*并/ }).click();
    await merge.getByText('请选择要保留的单位').waitFor();
    await chooseOption(page, { combobox: merge.getByRole('combobox', { name: '保留的单位' }), typed: '科学技术', option: KEPT, shown: merge });
    await screenshot(page, 'settings-units-merge');
    await merge.getByRole('button', { name: /合\s*并/ }).click();
    await page.getByText(`已将${DUPLICATE}合并到${KEPT}`).waitFor();
    await expect.poll(() => qingdao.getByText(DUPLICATE).count()).toBe(0);
    await screenshot(page, 'settings-units');

    await page.goto(`/tasks/${task.id}`);
    await page.getByText('科技成果转化对接会').first().waitFor();
    await page.getByText(KEPT).first().waitFor();
    expect(await page.getByText(DUPLICATE).count()).toBe(0);

    // The same tab in English.
    await page.goBack();
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Units' }).waitFor();
    await page.getByTestId('units-370200').getByRole('button', { name: 'Merge' }).first().waitFor();
    await finish(page);
  });
});
