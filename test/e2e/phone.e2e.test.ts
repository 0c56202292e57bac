import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';
import { openCooperationList } from './navigation.ts';

const PHONE = { width: 390, height: 844 };
/** A tablet held upright (iPad mini and most Android tablets): antd's md breakpoint, where the side menu folds to icons. */
const TABLET = { width: 768, height: 1024 };

/** Whether the page is wider than the phone: a user would have to scroll it sideways. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe.skipIf(!chromiumAvailable())('the app on a phone-sized screen and on paper in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();

  it('fits the header, the cooperation list, the ledger and a task page into 390 px without sideways scrolling', async () => {
    const page = await newPage();
    await page.setViewportSize(PHONE);
    await logIn(page, 'qd.fgw');
    // The header keeps the bell, the language and logging out; the user's name is behind the icon.
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    expect(await page.getByTestId('current-user').getAttribute('aria-label')).toBe('青岛市发改委协调办');
    expect(await overflowsSideways(page)).toBe(false);
    // An office lands on the overview; the list is one tap away in the menu.
    await page.goto('/cooperations');
    await page.getByTestId('cooperation-search').waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'phone-cooperations');

    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('task-ledger-link').click();
    await page.getByTestId('task-ledger').waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'phone-ledger');

    await page.getByTestId('task-ledger').getByRole('link').first().click();
    await page.getByTestId('task-title').waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'phone-task');
    await finish(page);
  });

  it('fits every main page of a cooperation into 768 px, tabs included, with the folded side menu still leading to its pages', async () => {
    const page = await newPage();
    await page.setViewportSize(TABLET);
    await logIn(page, 'qd.fgw');
    // The side menu shows its icons only; each still opens its page, named on hover.
    const sider = page.locator('.ant-layout-sider');
    expect((await sider.boundingBox())?.width ?? 0).toBeLessThan(80);
    await sider.getByRole('menuitem').nth(3).click();
    await page.waitForURL(/\/my-work$/);
    await sider.getByRole('menuitem').nth(1).click();
    await page.waitForURL(/\/cooperations$/);
    expect(await overflowsSideways(page)).toBe(false);

    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('cooperation-name').waitFor();
    const cooperation = new URL(page.url()).pathname;
    const pages: [string, string][] = [
      [cooperation, 'cooperation-name'],
      [`${cooperation}/tasks`, 'task-ledger'],
      [`${cooperation}/projects`, 'project-table'],
      [`${cooperation}/supervision`, 'supervision-total-overdue'],
      [`${cooperation}/audit`, 'audit-table'],
      [`${cooperation}/settings`, 'settings-tabs'],
      [`${cooperation}/indicators`, 'indicator-table'],
    ];
    for (const [path, shown] of pages) {
      await page.goto(path);
      await page.getByTestId(shown).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await overflowsSideways(page), path).toBe(false);
      // Every tab of the page, since a tab's table is as wide as its columns.
      const tabs = page.locator('main [role="tab"]');
      for (let i = 0; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        await page.waitForLoadState('networkidle');
        expect(await overflowsSideways(page), `${path}, tab ${i + 1}`).toBe(false);
      }
    }
    await page.goto(`${cooperation}/projects`);
    await page.getByTestId('project-table').locator('tr.ant-table-row').first().waitFor();
    // The project's name keeps a readable width instead of one character per line.
    const name = await page.getByTestId('project-table').locator('tr.ant-table-row').first().locator('td').first().boundingBox();
    expect(name?.width ?? 0).toBeGreaterThan(160);
    await screenshot(page, 'tablet-projects');

    await page.goto(`${cooperation}/tasks`);
    await page.getByTestId('task-ledger').getByRole('link').first().click();
    await page.getByTestId('task-title').waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await finish(page);
  });

  it('prints the ledger as a document: the table from the top of the first page, without menu, header, filters or buttons', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await page.goto('/cooperations');
    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('task-ledger-link').click();
    const ledger = page.getByTestId('task-ledger');
    await ledger.locator('tbody tr.ant-table-row').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.ant-layout-sider', '.ant-layout-header', '[data-testid="ledger-filters"]', '.ant-pagination']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    const table = await ledger.locator('table').first().boundingBox();
    expect(table?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(150);
    // Titles read as lines of text, not one character per line.
    const title = await ledger.locator('tbody tr.ant-table-row').first().locator('td', { has: page.getByRole('link') }).first().boundingBox();
    expect(title?.width ?? 0).toBeGreaterThan(120);
    await screenshot(page, 'print-ledger');
    await finish(page);
  });
});
