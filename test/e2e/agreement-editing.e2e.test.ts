import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { chooseOption, fillDate } from './select.ts';
import { openCooperationList } from './navigation.ts';

const FRAMEWORK = '青岛市人民政府 深圳市人民政府战略合作协议';
const REGISTERED = '青岛市科技局 深圳市科技创新局科技合作协议';
const TEXT = '# 科技合作协议\n\n一、共建联合实验室。两地科技部门支持高校院所共建联合实验室。\n二、互认科技成果。';
const AMENDED = `${TEXT}\n三、共享大型科研仪器。`;

/** Selects a phrase of the agreement's text as a reader would with the mouse, and lets go of the button. */
async function selectInText(page: Page, phrase: string): Promise<void> {
  await page.getByTestId('agreement-text').evaluate((container, wanted) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      container.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`"${wanted}" is not in the text`);
  }, phrase);
}

async function openQingdaoShenzhen(page: Page): Promise<void> {
  await openCooperationList(page);
  await page.getByRole('link', { name: /青岛.*深圳/ }).click();
  await page.getByTestId('agreement-tree').waitFor();
}

describe.skipIf(!chromiumAvailable())('registering and editing agreements in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();

  it('lets the office register an agreement under the framework agreement, correct it, break it into clauses, mark a clause in the text, amend the text and delete it all again', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openQingdaoShenzhen(page);

    await page.getByRole('button', { name: '登记协议' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await dialog.getByText('请填写此项').waitFor();
    await dialog.getByLabel('协议名称').fill(REGISTERED);
    const parent = dialog.locator('.ant-form-item', { hasText: '上级协议' });
    await chooseOption(page, { combobox: parent.getByRole('combobox'), option: FRAMEWORK, typed: '战略合作', shown: parent });
    await fillDate(dialog.getByLabel('签署日期'), '2026-03-18');
    await dialog.getByLabel('签署地点').fill('青岛');
    await dialog.getByLabel('协议原文').fill(TEXT);
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByTestId('agreement-title').getByText(REGISTERED).waitFor();
    // The text reads formatted: the heading is a heading, its marker is not shown.
    const text = page.getByTestId('agreement-text');
    await text.getByRole('heading', { name: '科技合作协议' }).waitFor();
    expect(await text.innerText()).not.toContain('#');

    await page.getByRole('button', { name: '编辑信息' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('签署地点').fill('深圳');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('协议信息已保存').waitFor();
    await expect.poll(() => page.locator('.ant-descriptions').first().innerText()).toContain('深圳');

    // Clauses: an area, a direction beneath it, and the direction's place in the text.
    await page.getByRole('button', { name: '添加领域' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('条目名称').fill('科技合作');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const tree = page.getByTestId('clause-tree');
    await tree.getByText('科技合作').click();
    await page.getByRole('button', { name: '添加下级条目' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('序号').fill('（一）');
    await dialog.getByLabel('条目名称').fill('共建联合实验室');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await tree.getByText('共建联合实验室').click();
    await selectInText(page, '两地科技部门支持高校院所共建联合实验室。');
    await page.getByTestId('mark-span').click();
    await page.getByText('已标注条目在原文中的位置').waitFor();
    await expect.poll(() => page.getByTestId('clause-highlight').innerText()).toBe('两地科技部门支持高校院所共建联合实验室。');
    expect(await page.getByTestId('clause-summary').innerText()).toContain('1 个领域，1 个方向');

    // A second area, moved up before the first; then the direction moved beneath it.
    await page.getByRole('button', { name: '添加领域' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('条目名称').fill('成果互认');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await tree.getByText('成果互认').click();
    await page.getByRole('button', { name: '上移' }).click();
    const areaOrder = () => tree.locator('[data-level="area"]').allInnerTexts();
    await expect.poll(areaOrder).toEqual(['成果互认', '科技合作']);
    expect(await page.getByRole('button', { name: '上移' }).isDisabled()).toBe(true);
    await tree.getByText('共建联合实验室').click();
    await page.getByTestId('clause-tools').getByRole('button', { name: /编\s*辑/ }).click();
    dialog = page.getByRole('dialog');
    const parentItem = dialog.locator('.ant-form-item', { hasText: '所属上级' });
    await chooseOption(page, { combobox: parentItem.getByRole('combobox'), option: '成果互认', shown: parentItem });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('条目已保存').waitFor();
    await expect
      .poll(() => tree.locator('.ant-tree-treenode', { hasText: '共建联合实验室' }).evaluate((node) => node.previousElementSibling?.textContent ?? ''))
      .toContain('成果互认');

    await page.getByRole('button', { name: '修订文本' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /保存为新版本/ }).click();
    await dialog.getByText('文本没有改动').waitFor();
    await dialog.getByLabel('修订说明').fill('增加第三条');
    await dialog.getByLabel('修订后的全文').fill(AMENDED);
    await dialog.getByRole('button', { name: /保存为新版本/ }).click();
    await page.getByText('已保存为第 2 版').waitFor();
    await expect.poll(() => page.getByTestId('agreement-text').innerText()).toContain('三、共享大型科研仪器。');

    // The first version, compared with the text in force, shows the third article as added.
    const versionSelect = page.getByRole('combobox', { name: '文本版本' });
    await chooseOption(page, { combobox: versionSelect, option: '第 1 版', shown: page.locator('.ant-select', { has: versionSelect }) });
    await page.getByText('与现行文本比较').click();
    await expect.poll(() => page.getByTestId('version-changes').locator('ins').allInnerTexts()).toEqual([expect.stringContaining('三、共享大型科研仪器。')]);
    await page.getByTestId('version-changes-summary').getByText(/1 处增加/).waitFor();
    await chooseOption(page, { combobox: versionSelect, option: '现行', shown: page.locator('.ant-select', { has: versionSelect }) });

    // The direction is still the selected clause.
    await page.getByTestId('selected-clause').getByText(/共建联合实验室/).waitFor();
    await page.getByTestId('clause-tools').getByRole('button', { name: /删\s*除/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await page.getByText('已删除条目').waitFor();
    await expect.poll(() => tree.getByText('共建联合实验室').count()).toBe(0);

    await page.getByRole('button', { name: '删除协议' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await page.getByText(`已删除协议“${REGISTERED}”`).waitFor();
    await page.getByTestId('agreement-tree').waitFor();
    await expect.poll(() => page.getByTestId('agreement-tree').getByText(REGISTERED).count()).toBe(0);
    await finish(page);
  });

  it('refuses to delete the framework agreement that tasks and other agreements hang off, and says why', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openQingdaoShenzhen(page);
    await page.getByTestId('agreement-tree').getByRole('link', { name: FRAMEWORK }).click();
    await page.getByTestId('agreement-title').getByText(FRAMEWORK).waitFor();
    await page.getByRole('button', { name: '删除协议' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
    await page.getByText(/仍有任务对应该协议或其条目|该协议下还有子协议/).waitFor();
    await page.getByTestId('agreement-title').getByText(FRAMEWORK).waitFor();
    await finish(page);
  });

  it('offers a unit user neither registering nor editing agreements', async () => {
    const page = await newPage();
    await logIn(page, 'qd.kj');
    await page.getByRole('link', { name: '合作', exact: true }).click();
    await openQingdaoShenzhen(page);
    expect(await page.getByRole('button', { name: '登记协议' }).count()).toBe(0);
    await page.getByTestId('agreement-tree').getByRole('link', { name: FRAMEWORK }).click();
    await page.getByTestId('clause-tree').waitFor();
    expect(await page.getByRole('button', { name: '编辑信息' }).count()).toBe(0);
    expect(await page.getByTestId('clause-tools').count()).toBe(0);
    await finish(page);
  });
});
