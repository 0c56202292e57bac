import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';

/** Words that start a change: a leader reads, so no button on a cooperation's pages may say any of them. */
const WRITE_WORDS = /新建|新增|添加|登记|编辑|修改|删除|移除|保存|提交|发表|督办|签收|审核|通过|退回|修订|生成|关闭|重开|邀请|导入|批量|标记|上报|报送|申请|确认/;
/** The leader's own account and inbox: changing one's password or marking a notification read is the leader's to do. */
const PERSONAL = /^\/(account|notifications)$/;
/** How many pages of one kind (a task page, a project page) the walk opens: the same screen says no more the third time. */
const PAGES_PER_KIND = 2;
const KIND = (path: string) => path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');

/** The labels of the visible buttons in the page's main area that act in place, tabs opened one by one so each tab's buttons are seen. */
async function buttonLabels(page: Page): Promise<string[]> {
  const labels = async () =>
    page
      .locator('main')
      .locator('button:visible, a.ant-btn:visible, [role="button"]:visible')
      .evaluateAll((elements) =>
        elements
          // A button inside a link opens a page (督办 opens the overview); it changes nothing.
          .filter((e) => !e.closest('a[href]'))
          .map((e) => ((e as HTMLElement).innerText || e.getAttribute('aria-label') || '').replace(/\s+/g, ''))
          .filter(Boolean),
      );
  const seen = await labels();
  const tabs = page.locator('main [role="tab"]:visible');
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    await page.locator('main [role="tabpanel"]:visible').first().waitFor();
    seen.push(...(await labels()));
  }
  return [...new Set(seen)];
}

/** Waits until the page has loaded what it shows: no spinner and no request under way for a moment. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('main').waitFor();
  await expect.poll(() => page.locator('main .ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
}

describe.skipIf(!chromiumAvailable())("a leader's read-only walk in Chromium", () => {
  const { newPage, finish, logIn } = useBrowserSession();

  it('offers the demo leader no button that would end in 您没有权限 on any page the leader can reach', async () => {
    const page = await newPage();
    const refusals: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 403 && response.url().includes('/api/v1/')) refusals.push(`${response.request().method()} ${new URL(response.url()).pathname}`);
    });
    await logIn(page, 'qd.leader');
    await settled(page);
    // Wherever the leader lands (the cooperation, or a dashboard): the walk starts there and follows the app's own links.
    const queue = [new URL(page.url()).pathname, '/cooperations', '/my-work', '/notifications', '/account'];
    const opened = new Set<string>();
    const perKind = new Map<string, number>();
    const offered: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift() ?? '';
      const kind = KIND(path);
      if (opened.has(path) || (perKind.get(kind) ?? 0) >= PAGES_PER_KIND) continue;
      opened.add(path);
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
      await page.goto(path);
      await settled(page);
      expect(await page.locator('main').innerText(), path).not.toContain('您没有权限');
      if (!PERSONAL.test(path)) {
        for (const label of await buttonLabels(page)) if (WRITE_WORDS.test(label)) offered.push(`${path}: ${label}`);
        expect(await page.locator('main textarea:visible').count(), `${path} offers a text to write`).toBe(0);
      }
      const links = await page.locator('a[href^="/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      for (const link of links) {
        const target = link.split(/[?#]/)[0] ?? '';
        if (!target.startsWith('/api/') && !target.startsWith('/portal') && !opened.has(target)) queue.push(target);
      }
    }
    expect(offered).toEqual([]);
    expect(refusals).toEqual([]);
    // The walk reached the leader's cooperation, its ledger, a task, an agreement, the projects, the 督办 overview and the audit trail.
    const kinds = [...perKind.keys()];
    for (const kind of ['/cooperations/:id', '/cooperations/:id/tasks', '/tasks/:id', '/agreements/:id', '/cooperations/:id/projects', '/cooperations/:id/supervision', '/cooperations/:id/audit']) {
      expect(kinds, kind).toContain(kind);
    }
    await finish(page);
  });
});
