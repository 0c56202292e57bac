import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';

/** 工作简报 (issue 13): the leader reads it in two minutes, the offices write 领导关注, it prints on A4 without the menu. */
describe.skipIf(!chromiumAvailable())('the briefing in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();

  it('opens from the dashboard with the headline numbers the dashboard shows', async () => {
    const page = await newPage();
    await logIn(page, 'qd.leader');
    await page.getByTestId('overdue-count').waitFor();
    const overdue = await page.getByTestId('overdue-count').innerText();
    await page.getByTestId('briefing-link').click();
    await page.waitForURL(/\/briefing/);
    await page.getByTestId('briefing-headline').waitFor();
    expect(await page.getByTestId('headline-overdue').innerText()).toContain(overdue.trim());
    expect(await page.getByTestId('briefing-title').innerText()).toContain('工作简报');
    // A leader reads the paragraph; only the offices get the editor.
    expect(await page.getByTestId('note-editor').count()).toBe(0);
    await screenshot(page, 'briefing', { fullPage: true });
    await finish(page);
  });

  it('lets an office write 领导关注, tells a colleague with a stale copy that it changed, and shows the leader the text', async () => {
    const qd = await newPage();
    const sz = await newPage();
    await logIn(qd, 'qd.fgw');
    await logIn(sz, 'sz.fgw');
    const cooperationPath = async () => {
      await qd.getByRole('link', { name: '青岛—深圳' }).first().waitFor();
      const href = await qd.getByRole('link', { name: '青岛—深圳' }).first().getAttribute('href');
      return href ?? '';
    };
    await qd.goto('/cooperations');
    const path = await cooperationPath();
    for (const page of [qd, sz]) {
      await page.goto(`${path}/briefing`);
      await page.getByTestId('note-editor').waitFor();
    }
    const text = `请市科技局牵头协调联合实验室用地问题 ${Date.now()}`;
    await qd.getByLabel('二、领导关注').fill(text);
    await qd.getByTestId('note-save').click();
    await qd.getByText('领导关注已保存').waitFor();

    await sz.getByLabel('二、领导关注').fill('深圳的旧稿');
    await sz.getByTestId('note-save').click();
    await sz.getByTestId('note-conflict').waitFor();
    expect(await sz.getByTestId('note-conflict').innerText()).toContain('另一位同事刚刚修改');
    await sz.getByRole('button', { name: '查看最新内容' }).click();
    await expect.poll(() => sz.getByLabel('二、领导关注').inputValue()).toBe(text);

    const leader = await newPage();
    await logIn(leader, 'qd.leader');
    await leader.goto(`${path}/briefing`);
    await leader.getByTestId('briefing-note').getByText(text).waitFor();
    for (const page of [qd, sz, leader]) await finish(page);
  });

  it('prints without the menu and buttons, the headline numbers on the first page', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await page.goto('/cooperations');
    await page.getByRole('link', { name: '青岛—深圳' }).first().click();
    await page.getByTestId('briefing-link').click();
    await page.getByTestId('briefing-headline').waitFor();
    expect(await page.locator('.ant-layout-header').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    expect(await page.getByTestId('period-picker').isVisible()).toBe(false);
    expect(await page.getByTestId('note-editor').isVisible()).toBe(false);
    // Page 1 of A4 portrait (297 mm less the margins) holds the headline: its bottom is within the first page's height.
    const box = await page.getByTestId('briefing-headline').boundingBox();
    const top = await page.getByTestId('briefing-document').boundingBox();
    expect(box && top && box.y + box.height - top.y).toBeLessThan(((297 - 32) / 25.4) * 96);
    await page.emulateMedia({ media: 'screen' });
    await finish(page);
  });
});
