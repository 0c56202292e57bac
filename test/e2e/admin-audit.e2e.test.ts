import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';
import { chooseOption } from './select.ts';

describe.skipIf(!chromiumAvailable())("the platform's audit trail in Chromium", () => {
  const { newPage, finish, logIn } = useBrowserSession();

  it('shows the admin who disabled an account and when, filtered by object and person, in Chinese and in English', async () => {
    const page = await newPage();
    await logIn(page, 'admin');
    await page.goto('/admin/users');
    const row = page.getByTestId('user-table').locator('tr', { hasText: 'st.fgw' });
    await row.getByRole('button', { name: /停\s*用/ }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /停\s*用/ }).click();
    await row.getByText('已停用').waitFor();

    await page.getByTestId('admin-audit-link').click();
    await page.getByRole('heading', { name: '平台审计日志' }).or(page.getByText('平台审计日志', { exact: true })).first().waitFor();
    const filters = page.getByTestId('audit-filters');
    await chooseOption(page, { combobox: page.getByRole('combobox', { name: '对象类型' }), typed: '用户', option: '用户', shown: filters.locator('.ant-select').first() });
    await chooseOption(page, { combobox: page.getByRole('combobox', { name: '操作人' }), typed: 'admin', option: '平台管理员（admin）', shown: filters.locator('.ant-select').nth(1) });
    const table = page.getByTestId('audit-table');
    const entry = table.locator('tr.ant-table-row', { hasText: '停用' }).first();
    await entry.waitFor();
    // A record an official reads: the person by name, the object in words, the time in local form.
    const text = await entry.innerText();
    expect(text).toContain('平台管理员');
    expect(text).toContain('用户');
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    // The changed field by its label, not its column name.
    expect(text).toContain('已停用: 否 → 是');
    // Only what the filters ask for: every row is about an account and was written by the admin.
    for (const shown of await table.locator('tr.ant-table-row').allInnerTexts()) {
      expect(shown).toContain('用户');
      expect(shown).toContain('平台管理员');
    }
    await screenshot(page, 'admin-audit');

    await page.getByTestId('language-switch').click();
    const english = page.getByRole('menuitem', { name: 'English' });
    await english.click();
    await english.waitFor({ state: 'hidden' });
    await page.getByText('Platform audit trail', { exact: true }).first().waitFor();
    await table.locator('tr.ant-table-row', { hasText: 'Disable' }).first().waitFor();
    await finish(page);
  });

  it('tells a cooperation office the platform trail is for administrators', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await page.goto('/admin/audit');
    await page.getByText('仅平台管理员可用').waitFor();
    expect(await page.getByTestId('audit-table').count()).toBe(0);
    await finish(page);
  });
});
