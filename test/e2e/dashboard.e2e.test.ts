import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';

/** The leader's two minutes (issue 13): land on the cooperation's dashboard, open what is late, switch sides. */
describe.skipIf(!chromiumAvailable())('the cooperation dashboard in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();

  it('lands the leader on the dashboard, whose overdue count opens the ledger with exactly those tasks', async () => {
    const page = await newPage();
    await logIn(page, 'qd.leader');
    await page.waitForURL(/\/cooperations\/[0-9a-f-]{36}\/dashboard$/);
    await page.getByTestId('where-it-stands').waitFor();
    expect(await page.getByRole('menuitem').getByRole('link', { name: '我的工作' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '导入文本' }).count()).toBe(0);

    const overdue = Number(await page.getByTestId('overdue-count').innerText());
    expect(overdue).toBeGreaterThan(0);
    // The list beside it names the same tasks the ledger will show (as many as it lists).
    const listed = await page.getByTestId('overdue-list').locator('li a').allInnerTexts();
    await screenshot(page, 'dashboard', { fullPage: true });

    await page.getByTestId('overdue-count').click();
    await page.waitForURL(/\/tasks\?.*overdue=true/);
    const rows = page.locator('tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(overdue);
    const titles = await rows.allInnerTexts();
    for (const title of listed) expect(titles.some((row) => row.includes(title)), title).toBe(true);
    await finish(page);
  });

  it('changes the numbers with the side switch, and keeps the side in the address', async () => {
    const page = await newPage();
    await logIn(page, 'qd.leader');
    await page.getByTestId('money').waitFor();
    const both = await page.getByTestId('money').innerText();
    await page.getByTestId('side-switch').getByText('深圳市').click();
    await page.waitForURL(/side=[0-9a-f-]{36}/);
    // 深圳's view counts the projects it hosts: the money section is not that of both sides any more.
    await expect.poll(async () => (await page.getByTestId('money').innerText()) !== both).toBe(true);
    await page.getByTestId('where-it-stands').waitFor();
    await page.getByTestId('side-switch').getByText('双方').click();
    await expect.poll(() => page.getByTestId('money').innerText()).toBe(both);
    await finish(page);
  });

  it('has no serious or critical accessibility violation', async () => {
    const page = await newPage();
    await logIn(page, 'qd.leader');
    await page.getByTestId('changes').waitFor();
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await finish(page);
  });
});
