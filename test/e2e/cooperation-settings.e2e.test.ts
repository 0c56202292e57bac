import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';
import { chooseOption, fillDate } from './select.ts';
import { openCooperationList } from './navigation.ts';

/** In the demo, 青岛's office (qd.fgw) is the only office of this cooperation: 日本 has none, and its periods are the years 2022–2026 its indicators are measured in. */
const COOPERATION = /中日\(青岛\)地方发展合作示范区/;
const SUMMARY = '示范区2027年重点：产业合作、人才交流与营商环境对接。';

async function openSettings(page: Page): Promise<void> {
  await openCooperationList(page);
  await page.getByRole('link', { name: COOPERATION }).click();
  await page.getByTestId('settings-link').click();
  await page.getByTestId('general-form').waitFor();
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();

/** Whether the page is wider than the screen: a user would have to scroll it sideways. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe.skipIf(!chromiumAvailable())('the cooperation settings in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();
  let settingsPath = '';

  it('lets the office edit the general fields, and tells it clearly when someone else saved first', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openSettings(page);
    settingsPath = new URL(page.url()).pathname;
    // A second window of the same office, open on the same version.
    const other = await page.context().newPage();
    await other.goto(settingsPath);
    await other.getByTestId('general-form').waitFor();

    const form = page.getByTestId('general-form');
    await form.getByLabel('简介').fill(SUMMARY);
    const principles = form.getByLabel('合作原则');
    await principles.fill('务实推进');
    await principles.press('Enter');
    await fillDate(form.getByLabel('启动日期'), '2026-03-01');
    await screenshot(page, 'settings-general');
    await page.getByTestId('general-save').click();
    await page.getByText('已保存').waitFor();

    // Saving the other window's older version is refused and says so, instead of overwriting.
    await other.getByTestId('general-form').getByLabel('合作名称').fill('中日(青岛)地方发展合作示范区（旧窗口）');
    await other.getByTestId('general-save').click();
    const conflict = other.getByTestId('general-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('其他人刚刚修改了这项合作');
    await conflict.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => other.getByTestId('general-form').getByLabel('简介').inputValue()).toBe(SUMMARY);
    expect(await other.getByTestId('general-form').getByLabel('合作名称').inputValue()).toBe('中日(青岛)地方发展合作示范区');

    // An empty name is refused on the form, before anything is sent.
    await form.getByLabel('合作名称').fill('');
    await page.getByTestId('general-save').click();
    await form.getByText('请填写合作名称').waitFor();

    await page.goto(settingsPath.replace(/\/settings$/, ''));
    await page.getByText(SUMMARY).waitFor();
    expect(await page.getByText('2026年3月1日').count()).toBe(1);
    expect(await page.getByText('务实推进').count()).toBeGreaterThan(0);
    await other.close();
    await finish(page);
  });

  it('adds a party with its coordinating organization, refuses removing one that has members, and removes the new one', async () => {
    expect(settingsPath).toMatch(/\/settings$/);
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await page.goto(`${settingsPath}?tab=parties`);
    const table = page.getByTestId('settings-party-table');
    await table.getByText('日本贸易振兴机构青岛代表处').waitFor();

    await page.getByTestId('add-party').click();
    const dialog = page.getByRole('dialog');
    const regionSelect = dialog.getByRole('combobox', { name: '行政区划' });
    const region = dialog.locator('.ant-form-item').filter({ has: page.getByRole('combobox', { name: '行政区划' }) });
    // 青岛市 is a party already: the server refuses it and the form says so at the region.
    await chooseOption(page, { combobox: regionSelect, typed: '青岛', option: '青岛市', shown: region });
    await dialog.getByRole('button', { name: '添加合作方' }).click();
    await region.getByText('青岛市已是本合作的合作方，同一地区不能重复添加').waitFor();
    await chooseOption(page, { combobox: regionSelect, typed: '烟台', option: '烟台市', shown: region });
    await expect.poll(() => region.getByText('已是本合作的合作方').count()).toBe(0);
    // The display name follows the region.
    await expect.poll(() => dialog.getByLabel('显示名称').inputValue()).toBe('烟台市');
    const coordinatingSelect = dialog.getByRole('combobox', { name: '协调机构' });
    const coordinating = dialog.locator('.ant-form-item').filter({ has: page.getByRole('combobox', { name: '协调机构' }) });
    await chooseOption(page, { combobox: coordinatingSelect, option: '烟台市发展和改革委员会', shown: coordinating });
    await screenshot(page, 'settings-party-add');
    await dialog.getByRole('button', { name: '添加合作方' }).click();
    await page.getByText('已添加合作方烟台市').waitFor();
    const yantai = table.locator('tr', { hasText: '烟台市' }).filter({ hasText: '370600' });
    await yantai.getByText('烟台市发展和改革委员会').waitFor();
    expect(await yantai.innerText()).toContain('尚无');
    await screenshot(page, 'settings-parties');

    // 青岛市 has its office as a member: the server refuses, and the page says what still depends on it.
    const qingdao = table.locator('tr', { hasText: '370200' });
    await qingdao.getByRole('button', { name: /删\s*除/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    const refusal = page.getByTestId('party-in-use');
    await refusal.waitFor();
    expect(await page.locator('.ant-modal-confirm').innerText()).toContain('青岛市不能删除');
    expect(await refusal.innerText()).toMatch(/成员 \d+ 名/);
    await page.locator('.ant-modal-confirm').getByRole('button').click();
    expect(await table.locator('tr', { hasText: '370200' }).count()).toBe(1);

    await yantai.getByRole('button', { name: /删\s*除/ }).click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: /删\s*除/ }).click();
    await page.getByText('已删除合作方烟台市').waitFor();
    await expect.poll(() => table.locator('tr', { hasText: '370600' }).count()).toBe(0);
    await finish(page);
  });

  it('generates quarterly periods, refuses a range that ends before it starts, moves a due date and closes a period', async () => {
    expect(settingsPath).toMatch(/\/settings$/);
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await page.goto(settingsPath);
    await tab(page, '报送周期');
    const generator = page.getByTestId('generate-periods');
    await fillDate(generator.getByLabel('开始日期'), '2027-01-01');
    await fillDate(generator.getByLabel('结束日期'), '2026-12-31');
    await page.getByTestId('generate-submit').click();
    await generator.getByText('结束日期不能早于开始日期').waitFor();
    await fillDate(generator.getByLabel('结束日期'), '2027-12-31');
    await expect.poll(() => generator.getByText('结束日期不能早于开始日期').count()).toBe(0);
    await page.getByTestId('generate-submit').click();
    await page.getByText('已生成 4 个报送周期').waitFor();
    const periods = page.getByTestId('period-table');
    const first = periods.locator('tr', { hasText: '2027年第1季度' });
    await first.waitFor();
    expect(await first.getByTestId('period-due').innerText()).toBe('2027年4月15日');

    // The same range again overlaps: nothing is created and the page names the periods in the way.
    await page.getByTestId('generate-submit').click();
    expect(await page.getByTestId('generate-error').innerText()).toContain('与已有的报送周期');

    await first.getByRole('button', { name: '改截止日' }).click();
    const dialog = page.getByTestId('due-modal');
    await fillDate(dialog.getByRole('textbox', { name: /报送截止日/ }), '2027-03-30');
    await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('dialog').getByText('报送截止日不能早于周期结束日（2027年3月31日）').waitFor();
    await fillDate(dialog.getByRole('textbox', { name: /报送截止日/ }), '2027-04-30');
    await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => first.getByTestId('period-due').innerText()).toBe('2027年4月30日');

    const second = periods.locator('tr', { hasText: '2027年第2季度' });
    await second.getByRole('button', { name: /关\s*闭/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /关\s*闭/ }).click();
    await second.getByText('已关闭').waitFor();
    expect(await second.getByRole('button', { name: '改截止日' }).count()).toBe(0);
    await second.getByRole('button', { name: '重新开放' }).waitFor();
    await screenshot(page, 'settings-periods');

    // The same page, as a phone shows it: no tab scrolls sideways, and no cell wraps one character per line.
    await page.setViewportSize({ width: 390, height: 844 });
    // The side menu folds once the app has seen the narrower window.
    await expect.poll(() => overflowsSideways(page)).toBe(false);
    await screenshot(page, 'settings-periods-390');
    const label = periods.locator('td', { hasText: '2027年第1季度' }).first();
    expect((await label.boundingBox())?.width ?? 0).toBeGreaterThan(90);
    await tab(page, '合作方');
    const name = page.getByTestId('settings-party-table').locator('td', { hasText: '日本贸易振兴机构青岛代表处' });
    await name.waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    expect((await name.boundingBox())?.width ?? 0).toBeGreaterThan(120);
    await screenshot(page, 'settings-parties-390');
    await tab(page, '基本信息');
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'settings-general-390');
    await finish(page);
  });

  it('adds one period by hand: a quarter must be a calendar quarter, a custom one has a name, and neither may overlap', async () => {
    expect(settingsPath).toMatch(/\/settings$/);
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await page.goto(settingsPath);
    await tab(page, '报送周期');
    const periods = page.getByTestId('period-table');
    await periods.locator('tr', { hasText: '2027年第1季度' }).waitFor();

    await page.getByTestId('add-period').click();
    const form = page.getByTestId('add-period-form');
    await form.getByLabel('开始日期').waitFor();
    const field = (label: string) => form.locator('.ant-form-item', { has: page.getByText(label, { exact: true }) });
    await fillDate(form.getByLabel('开始日期'), '2028-01-02');
    await fillDate(form.getByLabel('结束日期'), '2028-03-31');
    await page.getByRole('dialog').getByRole('button', { name: /添\s*加/ }).click();
    await field('开始日期').getByText('该类周期应从').waitFor();
    await fillDate(form.getByLabel('开始日期'), '2028-01-01');
    await page.getByRole('dialog').getByRole('button', { name: /添\s*加/ }).click();
    await page.getByText('已添加2028年第1季度').waitFor();
    await periods.locator('tr', { hasText: '2028年第1季度' }).waitFor();

    await page.getByTestId('add-period').click();
    await form.getByLabel('开始日期').waitFor();
    await chooseOption(page, { combobox: form.getByRole('combobox', { name: '周期类型' }), option: '自定义', shown: field('周期类型') });
    await page.getByRole('dialog').getByRole('button', { name: /添\s*加/ }).click();
    await field('周期名称').getByText('请填写周期名称').waitFor();
    await form.getByLabel('周期名称').fill('2028年二季度专项');
    await fillDate(form.getByLabel('开始日期'), '2028-03-01');
    await fillDate(form.getByLabel('结束日期'), '2028-05-31');
    await page.getByRole('dialog').getByRole('button', { name: /添\s*加/ }).click();
    await field('开始日期').getByText('与已有的报送周期').waitFor();
    await fillDate(form.getByLabel('开始日期'), '2028-04-01');
    await page.getByRole('dialog').getByRole('button', { name: /添\s*加/ }).click();
    await periods.locator('tr', { hasText: '2028年二季度专项' }).getByText('自定义').waitFor();
    await finish(page);
  });

  it("lets the office invite an existing user to its own side in a role, says why a wrong one is refused, and remove them again", async () => {
    expect(settingsPath).toMatch(/\/settings$/);
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await page.goto(`${settingsPath}?tab=members`);
    const members = page.getByTestId('member-table');
    await members.getByText('qd.fgw').waitFor();
    const add = page.getByTestId('add-member');
    // 日本 has no office: 青岛's office may name its first one, as 协调办 only, and grants every role on its own side.
    await chooseOption(page, { combobox: add.getByRole('combobox', { name: '合作方' }), option: '日本', shown: add });
    await add.getByTestId('appoint-office-hint').getByText('日本还没有协调办').waitFor();
    await add.getByRole('combobox', { name: '角色' }).click();
    // The sides' dropdown may still be fading out: the roles' is the one opened last.
    const roles = await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().locator('.ant-select-item-option').allInnerTexts();
    expect(roles).toEqual(['协调办']);
    await page.keyboard.press('Escape');
    await chooseOption(page, { combobox: add.getByRole('combobox', { name: '合作方' }), option: '青岛市', shown: add });
    await expect.poll(() => add.getByTestId('appoint-office-hint').count()).toBe(0);
    await chooseOption(page, { combobox: add.getByRole('combobox', { name: '角色' }), option: '责任单位', shown: add });

    await add.getByLabel('用户名').fill('nobody.here');
    await page.getByTestId('add-member-submit').click();
    await add.getByText('没有这个用户名的用户').waitFor();
    await add.getByLabel('用户名').fill('qd.kj');
    await page.getByTestId('add-member-submit').click();
    await page.getByText('已将青岛市科技局联络员加入为责任单位').waitFor();
    const row = members.locator('tr', { hasText: 'qd.kj' });
    await row.getByText('责任单位').waitFor();
    await add.getByLabel('用户名').fill('qd.kj');
    await page.getByTestId('add-member-submit').click();
    await add.getByText('该用户在本合作中已有这一角色').waitFor();
    await screenshot(page, 'settings-members');

    await row.getByRole('button', { name: /删\s*除/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await expect.poll(() => members.locator('tr', { hasText: 'qd.kj' }).count()).toBe(0);
    await finish(page);
  });

  it('shows a unit user and a leader no settings entry, and tells them so if they open the address', async () => {
    expect(settingsPath).toMatch(/\/settings$/);
    for (const username of ['qd.kj', 'qd.leader']) {
      const page = await newPage();
      await logIn(page, username);
      // The side menu's entry: a leader lands on the cooperation, whose breadcrumb has a link of the same name.
      await page.getByRole('menuitem').getByRole('link', { name: '合作', exact: true }).click();
      await page.getByTestId('cooperation-search').waitFor();
      await page.getByRole('link', { name: /青岛.*深圳/ }).click();
      await page.waitForURL(/\/cooperations\/[^/]+$/);
      await page.getByTestId('task-ledger-link').waitFor();
      expect(await page.getByTestId('settings-link').count()).toBe(0);
      await page.goto(`${new URL(page.url()).pathname}/settings`);
      await page.getByText('无权管理此合作').waitFor();
      expect(await page.getByTestId('general-form').count()).toBe(0);
      await finish(page);
    }
  });
});
