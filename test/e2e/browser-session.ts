import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serverBusinessToday } from './global-server.ts';
import { startServer, type RunningServer } from './server-harness.ts';

export const DEMO_PASSWORD = 'liandong-demo';

export interface BrowserSession {
  /** A page in a fresh context (no cookies, no stored language), as a first visit would be. */
  newPage(): Promise<Page>;
  /** Every flow ends here: the page threw nothing uncaught along the way. */
  finish(page: Page): Promise<void>;
  /** Fills in and sends the login form without waiting for the outcome (it may be meant to fail). */
  submitLogin(page: Page, username: string, password?: string): Promise<void>;
  /** Logs in and waits until the app shows who is logged in. */
  logIn(page: Page, username: string, password?: string): Promise<void>;
}

/** The real server and Chromium for one test file: started before its tests, stopped after them. */
export function useBrowserSession(): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const pageErrors = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    // A copy of the server data prepared once for the run, unless the demo's dates have moved on since.
    const prepared = inject('preparedServerData');
    const from = prepared && prepared.demoSeededOn === serverBusinessToday() ? prepared.dir : undefined;
    // Both take seconds and neither needs the other; each is stopped in afterAll whichever failed.
    const [started, launched] = await Promise.allSettled([startServer({ from }), launchBrowser()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const submitLogin = async (page: Page, username: string, password = DEMO_PASSWORD) => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  };

  return {
    async newPage() {
      if (!browser || !server) throw new Error('the server or the browser did not start');
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', baseURL: server.baseUrl });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      pageErrors.set(page, errors);
      return page;
    },
    async finish(page) {
      await page.context().close();
      expect(pageErrors.get(page)).toEqual([]);
    },
    submitLogin,
    async logIn(page, username, password) {
      await submitLogin(page, username, password);
      await page.getByTestId('current-user').waitFor();
    },
  };
}
