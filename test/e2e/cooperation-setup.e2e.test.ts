import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';
import { chooseOption, fillDate } from './select.ts';

/** Two cities of which only 青岛 has an office and units in the demo: 宁波 has neither. */
const NEWS = `青岛市与宁波市签署港航合作框架协议

2026年6月10日，青岛市人民政府与宁波市人民政府在宁波签署《青岛市人民政府 宁波市人民政府港航合作框架协议》。双方在以下领域开展合作：

（一）港航协同
1.共建航运服务平台。
2.推动港口数据互通。`;

const BY_HAND = '青岛—深圳海洋经济合作';

describe.skipIf(!chromiumAvailable())('setting up a cooperation in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();
  let handMadePath = '';

  it("imports a text as 青岛's office of 青岛 only, follows the checklist to what is missing, and creates a cooperation by hand", async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await page.getByRole('link', { name: '导入文本' }).click();
    await page.getByRole('textbox', { name: '待识别文本' }).fill(NEWS);
    await page.getByTestId('analyse').click();
    const setup = page.getByTestId('section-setup');
    await setup.waitFor();
    // The office becomes 青岛's, named by its own unit; 宁波's office is left for later.
    expect(await setup.getByTestId('own-office').innerText()).toContain('青岛市发展和改革委员会');
    await setup.getByRole('textbox', { name: '宁波市协调办的用户名' }).waitFor();
    const periods = page.getByRole('combobox', { name: '报送周期' });
    await chooseOption(page, { combobox: periods, option: '暂不生成', shown: setup.locator('.ant-form-item', { has: periods }) });
    await page.getByTestId('save-import').click();
    await page.getByTestId('cooperation-name').waitFor();

    const checklist = page.getByTestId('setup-checklist');
    const text = await checklist.innerText();
    for (const missing of ['宁波市还没有协调办', '宁波市还没有单位', '还没有报送周期', '还没有任务']) expect(text).toContain(missing);
    expect(text).not.toContain('青岛市还没有协调办');
    expect(text).not.toContain('还没有协议');
    const roles = await page.locator('.ant-descriptions').innerText();
    expect(roles).toContain('青岛市 · 协调办');
    expect(roles).not.toContain('宁波市 · 协调办');
    await screenshot(page, 'setup-checklist');

    await checklist.getByRole('link', { name: '生成报送周期' }).click();
    await page.getByTestId('generate-submit').click();
    await page.getByText('已生成 4 个报送周期').waitFor();
    await page.locator('.ant-breadcrumb').getByRole('link', { name: '青岛—宁波' }).click();
    await checklist.getByText('宁波市还没有协调办').waitFor();
    expect(await checklist.innerText()).not.toContain('还没有报送周期');

    await page.locator('.ant-breadcrumb').getByRole('link', { name: '合作', exact: true }).click();
    await page.getByTestId('new-cooperation').click();
    const form = page.getByTestId('new-cooperation-form');
    await form.getByLabel('合作名称').fill(BY_HAND);
    for (const [number, city] of [
      [1, '青岛'],
      [2, '深圳'],
    ] as const) {
      const region = page.getByRole('combobox', { name: `第 ${number} 方的行政区划` });
      await chooseOption(page, { combobox: region, typed: city, option: `${city}市`, shown: form.locator('.ant-select', { has: region }) });
    }
    // A 青岛 unit's user cannot be 深圳's office: refused at that side, and nothing is created.
    // The start date is typed and shown the Chinese way, not as the browser's mm/dd/yyyy.
    const startedOn = form.getByLabel('启动日期');
    await fillDate(startedOn, '2026-03-01');
    expect(await startedOn.inputValue()).toBe('2026年3月1日');
    const shenzhenOffice = form.getByRole('textbox', { name: '深圳市协调办的用户名' });
    await shenzhenOffice.fill('qd.kj');
    const createButton = page.getByRole('dialog').getByRole('button', { name: /创\s*建/ });
    await createButton.click();
    await form.getByTestId('office-refusal').getByText('一方的协调办须是该地区单位的用户').waitFor();
    await shenzhenOffice.fill('sz.fgw');
    await expect.poll(() => form.getByTestId('office-refusal').count()).toBe(0);
    await createButton.click();
    await expect.poll(() => page.getByTestId('cooperation-name').innerText().catch(() => '')).toBe(BY_HAND);
    handMadePath = new URL(page.url()).pathname;
    expect(await page.locator('.ant-descriptions').first().innerText()).toContain('2026年3月1日');
    // Both sides have an office from the start; this year's quarters came with it.
    const handMade = await page.getByTestId('setup-checklist').innerText();
    expect(handMade).toContain('还没有协议');
    expect(handMade).not.toContain('协调办');
    expect(handMade).not.toContain('报送周期');
    await finish(page);
  });

  it('lets an admin delete a cooperation after a confirmation that says what goes with it', async () => {
    expect(handMadePath).toMatch(/^\/cooperations\//);
    const page = await newPage();
    await logIn(page, 'admin');
    await page.goto(`${handMadePath}/settings`);
    await page.getByTestId('delete-cooperation').getByRole('button', { name: '删除这项合作' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    expect(await confirm.innerText()).toContain(`删除合作「${BY_HAND}」？`);
    expect(await confirm.innerText()).toContain('成员、协议与条款、报送周期');
    await confirm.getByRole('button', { name: /删\s*除/ }).click();
    await page.getByTestId('cooperation-search').waitFor();
    expect(new URL(page.url()).pathname).toBe('/cooperations');
    await page.getByTestId('cooperation-search').locator('input').fill(BY_HAND);
    await page.getByTestId('cooperation-search').locator('input').press('Enter');
    await page.getByText('没有符合条件的合作').waitFor();
    await finish(page);
  });
});
