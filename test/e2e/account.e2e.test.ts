import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { DEMO_PASSWORD, useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';
import { tick } from './select.ts';

/** No other browser test logs in as 汕头's office, so its password may change here. */
const USER = 'st.fgw';
const NEW_PASSWORD = 'harbour-lights-2026';
const COOPERATION = /深圳.*汕头/;

/** What the API answers a bearer token, asked from outside the browser. */
async function statusWithToken(page: Page, token: string): Promise<number> {
  const response = await fetch(`${new URL(page.url()).origin}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  return response.status;
}

describe.skipIf(!chromiumAvailable())('the account page in Chromium', () => {
  const { newPage, finish, logIn, submitLogin } = useBrowserSession();

  it('shows the profile, refuses a wrong current password at its field, and changes the password so that only the new one logs in', async () => {
    const page = await newPage();
    await logIn(page, USER);
    await page.getByTestId('current-user').click();
    await page.waitForURL('**/account');
    const profile = page.getByTestId('profile');
    await profile.getByText('汕头市发展和改革局').waitFor();
    expect(await profile.innerText()).toContain(USER);
    const membership = profile.locator('tr', { hasText: COOPERATION });
    expect(await membership.innerText()).toContain('协调办');
    await page.getByTestId('api-tokens').first().locator('.ant-table').waitFor();
    // The pointer leaves the header, so the name's tooltip is not in the picture.
    await page.mouse.move(700, 600);
    await screenshot(page, 'account-page', { fullPage: true });

    const card = page.getByTestId('password-card');
    await card.getByLabel('当前密码').fill('not-my-password');
    await card.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await card.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await card.getByRole('button', { name: '修改密码' }).click();
    const currentField = card.locator('.ant-form-item', { has: page.getByLabel('当前密码') });
    await currentField.getByText('当前密码不正确').waitFor();

    await card.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await card.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改').waitFor();
    // The form is emptied, and this session goes on.
    expect(await card.getByLabel('当前密码').inputValue()).toBe('');
    await finish(page);

    const old = await newPage();
    await submitLogin(old, USER, DEMO_PASSWORD);
    await old.getByText('用户名或密码错误').waitFor();
    await finish(old);

    const fresh = await newPage();
    await logIn(fresh, USER, NEW_PASSWORD);
    await finish(fresh);
  });

  it('issues an API token whose secret is shown once, revokes it after confirmation, and warns that logging out everywhere revokes tokens', async () => {
    const page = await newPage();
    await logIn(page, USER, NEW_PASSWORD);
    await page.goto('/account');
    const tokens = page.getByTestId('api-tokens').filter({ hasText: COOPERATION });
    await tokens.getByRole('button', { name: '签发令牌' }).click();
    const dialog = page.getByRole('dialog', { name: /签发令牌/ });
    await dialog.getByLabel('名称').fill('市数据平台同步');
    await tick(dialog.getByLabel('读写'));
    await dialog.getByRole('button', { name: /确\s*定/ }).click();

    const shown = page.getByTestId('issued-token');
    await shown.waitFor();
    const secret = (await shown.innerText()).trim();
    expect(secret).toMatch(/^ldt_/);
    expect(await page.getByRole('dialog', { name: '令牌已签发' }).innerText()).toContain('只显示这一次');
    expect(await statusWithToken(page, secret)).toBe(200);
    await page.getByRole('button', { name: '我已保存，关闭' }).click();
    const row = tokens.locator('tr', { hasText: '市数据平台同步' });
    await row.getByText('有效').waitFor();
    expect(await row.innerText()).toContain('读写');
    // Once closed, the secret is nowhere in the page, not even hidden.
    await expect.poll(() => page.content(), { timeout: 5000 }).not.toContain(secret);

    await row.getByRole('button', { name: /吊\s*销/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /吊\s*销/ }).click();
    await row.getByText('已吊销').waitFor();
    expect(await statusWithToken(page, secret)).toBe(401);

    await page.getByRole('button', { name: '退出所有设备' }).click();
    const confirm = page.getByRole('dialog', { name: '退出所有设备？' });
    expect(await confirm.innerText()).toContain('API 令牌也将被吊销');
    await confirm.getByRole('button', { name: '全部退出' }).click();
    await page.waitForURL('**/login');
    await finish(page);
  });

  it('shows a unit user their account without any API token section', async () => {
    const page = await newPage();
    await logIn(page, 'qd.kj');
    await page.goto('/account');
    const profile = page.getByTestId('profile');
    await profile.getByText('青岛市科学技术局').waitFor();
    expect(await profile.innerText()).toContain('责任单位');
    await page.getByTestId('password-card').waitFor();
    await page.getByTestId('logout-everywhere-card').waitFor();
    expect(await page.getByTestId('api-tokens').count()).toBe(0);
    await finish(page);
  });
  it('lets a user set their own mail address, refusing a malformed one and one another account uses, at the field', async () => {
    const setEmail = async (page: Page, email: string) => {
      await page.goto('/account');
      const profile = page.getByTestId('profile');
      await profile.getByTestId('edit-email').click();
      await profile.getByLabel('邮箱').fill(email);
      await profile.getByTestId('save-email').click();
    };
    const first = await newPage();
    await logIn(first, 'qd.kj');
    await setEmail(first, 'kj@qingdao.example.cn');
    await first.getByText('邮箱已保存').waitFor();
    await first.getByTestId('profile-email').getByText('kj@qingdao.example.cn').waitFor();
    await finish(first);

    const page = await newPage();
    await logIn(page, 'sz.kj');
    await setEmail(page, 'not-a-mail');
    const field = page.getByTestId('email-form');
    await field.getByText('请填写有效的邮箱地址').waitFor();
    // The same address in other letters is the same address.
    await field.getByLabel('邮箱').fill('KJ@qingdao.example.cn');
    await field.getByTestId('save-email').click();
    await field.getByText('该邮箱已被其他账号使用').waitFor();
    await field.getByLabel('邮箱').fill('kj@shenzhen.example.cn');
    await field.getByTestId('save-email').click();
    await page.getByTestId('profile-email').getByText('kj@shenzhen.example.cn').waitFor();
    await page.reload();
    await page.getByTestId('profile-email').getByText('kj@shenzhen.example.cn').waitFor();
    await finish(page);
  });
});
