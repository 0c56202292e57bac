import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { DEMO_PASSWORD, useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';
import { openCooperationList } from './navigation.ts';

describe.skipIf(!chromiumAvailable())('the web app in Chromium', () => {
  const { newPage, finish, submitLogin, logIn } = useBrowserSession();

  it('shows the error message when the password is wrong and stays on the login page', async () => {
    const page = await newPage();
    await submitLogin(page, 'qd.fgw', 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await finish(page);
  });

  it('sends a visitor who is not logged in to the login page', async () => {
    const page = await newPage();
    await page.goto('/cooperations');
    await page.getByLabel('用户名').waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/login');
    expect(url.searchParams.get('next')).toBe('/cooperations');
    await screenshot(page, 'login');
    await finish(page);
  });

  it('lets the Qingdao cooperation office open 青岛–深圳, its framework agreement and its 16 directions, in Chinese and in English', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw', DEMO_PASSWORD);
    expect(await page.getByTestId('current-user').innerText()).toContain('青岛市发改委协调办');
    await openCooperationList(page);
    const cooperationLink = page.getByRole('link', { name: /青岛.*深圳/ });
    await cooperationLink.waitFor();
    await screenshot(page, 'cooperation-list');

    await cooperationLink.click();
    await page.getByTestId('cooperation-name').waitFor();
    const parties = page.getByTestId('party-table');
    await parties.getByText('深圳市', { exact: true }).waitFor();
    expect(await parties.innerText()).toContain('青岛市');
    const frameworkRow = page.locator('tr', { has: page.getByText('框架协议', { exact: true }) });
    await frameworkRow.first().waitFor();
    await screenshot(page, 'cooperation');

    await frameworkRow.first().getByRole('link').click();
    const directions = page.locator('[data-testid=clause-tree] [data-level=direction]');
    await directions.first().waitFor();
    expect(await directions.count()).toBe(16);
    expect(await page.locator('[data-testid=clause-tree] [data-level=area]').count()).toBe(5);

    const highlight = page.getByTestId('clause-highlight');
    await directions.last().click();
    await highlight.waitFor();
    const panel = await page.getByTestId('agreement-text').boundingBox();
    const mark = await highlight.boundingBox();
    expect(panel && mark && mark.y >= panel.y && mark.y + mark.height <= panel.y + panel.height).toBe(true);

    const lastMarked = await highlight.innerText();
    const seventh = directions.nth(6);
    await seventh.click();
    await expect.poll(() => highlight.innerText()).not.toBe(lastMarked);
    const highlighted = (await highlight.innerText()).trim();
    expect(highlighted.length).toBeGreaterThan(0);
    expect(await seventh.innerText()).toContain(highlighted);
    await screenshot(page, 'agreement-zh');

    await page.getByTestId('language-switch').click();
    const english = page.getByRole('menuitem', { name: 'English' });
    await english.click();
    await english.waitFor({ state: 'hidden' });
    await page.getByText('Agreement text', { exact: true }).waitFor();
    expect(await page.getByTestId('clause-summary').innerText()).toMatch(/^5 areas, 16 directions/);
    expect(await page.getByRole('link', { name: 'Cooperations' }).first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /Log out/ }).isVisible()).toBe(true);
    expect(await directions.count()).toBe(16);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'agreement-en');
    await finish(page);
  });

  it('shows a framework agreement with the fifteen agreements signed under it as one 1+N tree', async () => {
    const page = await newPage();
    await logIn(page, 'dl.fgw', DEMO_PASSWORD);
    await openCooperationList(page);
    await page.getByRole('link', { name: /大连.*烟台/ }).click();
    const tree = page.getByTestId('agreement-tree');
    await tree.getByText('框架协议', { exact: true }).waitFor();
    expect(await tree.locator('tr.ant-table-row-level-0').count()).toBe(1);
    expect(await tree.locator('tr.ant-table-row-level-1').count()).toBe(15);
    expect(await tree.locator('tr.ant-table-row-level-0').innerText()).toContain('框架协议');
    await screenshot(page, 'cooperation-1n', { fullPage: true });
    await finish(page);
  });

  it('lets a user choose how to be notified, refuses a robot address that is not a web address or leads inside the network, and keeps the choice', async () => {
    const page = await newPage();
    await logIn(page, 'sz.kj', DEMO_PASSWORD);
    await page.getByRole('link', { name: '通知', exact: true }).click();
    const card = page.getByTestId('notification-preferences');
    const wecom = card.getByLabel('企业微信群机器人');
    await wecom.waitFor();
    const save = card.getByRole('button', { name: /保\s*存/ });

    await wecom.fill('ftp://robot.example/send');
    await save.click();
    await card.getByText('请填写以 https:// 开头的地址').waitFor();

    await wecom.fill('http://169.254.169.254/latest/meta-data/');
    await save.click();
    await card.getByText('该地址指向服务器本机或内部网络；只能使用公网机器人服务，或管理员允许的网络').waitFor();

    await wecom.fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo-key');
    await card.getByRole('switch', { name: '邮件' }).click();
    await save.click();
    await page.getByText('通知方式已保存').waitFor();
    await expect.poll(() => card.getByText('该地址指向服务器本机或内部网络；只能使用公网机器人服务，或管理员允许的网络').count()).toBe(0);
    await screenshot(page, 'notification-preferences', { fullPage: true });

    await page.reload();
    await expect.poll(() => card.getByLabel('企业微信群机器人').inputValue()).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo-key');
    expect(await card.getByRole('switch', { name: '邮件' }).getAttribute('aria-checked')).toBe('true');
    expect(await card.getByRole('switch', { name: '站内通知' }).getAttribute('aria-checked')).toBe('true');
    await finish(page);
  });

  it('shows markup stored in a comment as the text it is, without running it', async () => {
    const page = await newPage();
    await logIn(page, 'qd.kj', DEMO_PASSWORD);
    // Through the page's own session, as the web app sends it: logins are rate-limited per address, and this file logs in often.
    const attack = '进展见附件<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> @qd.kj';
    const { taskId, status } = await page.evaluate(async (body) => {
      const mine = (await (await fetch('/api/v1/my/tasks')).json()) as { items: { id: string }[] };
      const id = mine.items[0]?.id ?? '';
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('ld_csrf='))?.slice('ld_csrf='.length) ?? '';
      const answer = await fetch(`/api/v1/tasks/${id}/comments`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ body }) });
      return { taskId: id, status: answer.status };
    }, attack);
    expect(taskId).not.toBe('');
    expect(status).toBe(201);

    await page.goto(`/tasks/${taskId}`);
    await page.getByText('进展见附件<img src=x onerror="window.__xss=1">', { exact: false }).waitFor();
    expect(await page.evaluate(() => '__xss' in window)).toBe(false);
    expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    await finish(page);
  });

  it('starts each role where its work is, and offers 导入文本 to a cooperation office only and 我的工作 to no leader', async () => {
    const landings = [
      ['qd.fgw', 1, /\/overview$/],
      ['qd.kj', 0, /\/my-work$/],
      ['qd.leader', 0, /\/cooperations\/[0-9a-f-]{36}\/dashboard$/],
    ] as const;
    for (const [username, offered, landing] of landings) {
      const page = await newPage();
      await logIn(page, username);
      await page.getByRole('menu').first().waitFor();
      await expect.poll(() => `${username} ${new URL(page.url()).pathname}`).toMatch(new RegExp(`^${username} ${landing.source}`));
      expect(await page.getByRole('link', { name: '导入文本' }).count(), username).toBe(offered);
      expect(await page.getByRole('menuitem').getByRole('link', { name: '我的工作' }).count(), username).toBe(username === 'qd.leader' ? 0 : 1);
      if (username === 'qd.leader') {
        await page.getByTestId('cooperation-name').getByText(/青岛.*深圳/).waitFor();
        expect(await page.getByTestId('settings-link').count()).toBe(0);
      }
      await finish(page);
    }
  });

  it('logs out back to the login page, after which pages ask for a login again', async () => {
    const page = await newPage();
    await logIn(page, 'sz.fgw', DEMO_PASSWORD);
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.getByLabel('用户名').waitFor();
    await page.goto('/cooperations');
    await page.getByLabel('用户名').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await finish(page);
  });
  it('shows the public portal in English without a login: a public cooperation with its parties named once and its areas', async () => {
    const page = await newPage();
    await page.goto('/portal?lang=en');
    expect(await page.title()).toContain('Public cross-regional cooperations');
    await page.locator('main a[href^="/portal/cooperations/"]').first().click();
    await page.getByRole('heading', { name: 'Parties' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Tasks done');
    // A party is named once, not as 青岛市（青岛市）.
    expect(text).not.toMatch(/(\p{Script=Han}+)（\1）/u);
    await screenshot(page, 'portal-en', { fullPage: true });
    await finish(page);
  });
});
