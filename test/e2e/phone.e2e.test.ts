import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';

const PHONE = { width: 390, height: 844 };

/** Whether the page is wider than the phone: a user would have to scroll it sideways. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe.skipIf(!chromiumAvailable())('the app on a phone-sized screen in Chromium', () => {
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
});
