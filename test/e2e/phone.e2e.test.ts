import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';

const PHONE = { width: 390, height: 844 };

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
    await screenshot(page, 'phone-cooperations');

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

  it('prints the ledger as a document: the table from the top of the first page, without menu, header, filters or buttons', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
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
