import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { DEMO_PASSWORD, useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';
import { chooseOption } from './select.ts';


/** A short news item in the style of a 合作框架协议 report: two cities, a full date, numbered areas, money, a target. */
const AGREEMENT_NEWS = `青岛市与烟台市签署全面深化合作框架协议

本报讯 2024年5月18日上午，青岛市人民政府与烟台市人民政府在青岛签署《青岛市人民政府 烟台市人民政府全面深化合作框架协议》。根据协议，双方按照“优势互补、协同联动、互利共赢”的原则，在以下领域开展合作：

（一）产业协同发展
1.共建海洋装备产业链，推动重点企业配套协作。
2.联合培育新能源汽车产业集群。
3.共同举办招商推介活动。

（二）科技创新合作
1.共建胶东半岛科技创新联盟。
2.推动重大科研平台开放共享。

（三）公共服务共享
1.推进政务服务“跨城通办”。
2.深化医疗卫生合作。

双方商定共同设立总规模10亿元的青烟协同发展基金，到2025年两市互相投资项目达到50个以上。会上还签署了《青岛港烟台港港口合作协议》等3项专项合作协议。`;

const RENAMED = '联合培育新能源汽车和智能网联汽车产业集群';

/** "青岛市与烟台市签署全面深化合作框架协议" as Chinese Windows saves it: GB18030 bytes, not UTF-8. */
const GB18030_HEADLINE = Buffer.from('c7e0b5bacad0d3ebd1cccca8cad0c7a9caf0c8abc3e6c9eebbafbacfd7f7bff2bcdcd0add2e9', 'hex');

describe.skipIf(!chromiumAvailable())('the import text page in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();

  async function analyse(page: Page, text: string): Promise<void> {
    await page.getByRole('textbox', { name: '待识别文本' }).fill(text);
    await page.getByTestId('analyse').click();
    await page.locator('[data-testid=import-text] mark').first().waitFor();
  }

  /** The words marked in the text for one kind of item, one entry per extracted item. */
  async function marked(page: Page, kind: string): Promise<string[]> {
    return page.locator(`[data-testid=import-text] mark[data-kind=${kind}]`).evaluateAll((marks) => {
      const byKey = new Map<string, string>();
      for (const mark of marks) {
        const key = mark.getAttribute('data-key') ?? '';
        byKey.set(key, (byKey.get(key) ?? '') + (mark.textContent ?? ''));
      }
      return [...byKey.values()];
    });
  }

  async function nodeTitles(page: Page): Promise<string[]> {
    return page.getByTestId('area-node-title').allInnerTexts();
  }

  const areaNode = (page: Page, title: string) => page.getByTestId('area-node').filter({ hasText: title });

  it('marks what it read in the pasted text, corrects the tree, and saves it as a new cooperation with its areas', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw', DEMO_PASSWORD);
    await page.getByRole('link', { name: '导入文本' }).click();
    await page.getByRole('textbox', { name: '待识别文本' }).waitFor();
    await page.getByRole('textbox', { name: '待识别文本' }).fill(AGREEMENT_NEWS);
    await screenshot(page, 'import-input-zh');

    await page.getByTestId('analyse').click();
    await page.locator('[data-testid=import-text] mark').first().waitFor();
    expect(await marked(page, 'party')).toEqual(expect.arrayContaining(['青岛市', '烟台市']));
    expect(await marked(page, 'date')).toEqual(['2024年5月18日']);
    expect(await marked(page, 'amount')).toContain('10亿元');
    expect(await marked(page, 'area')).toEqual(['产业协同发展', '科技创新合作', '公共服务共享']);
    expect(await marked(page, 'item')).toHaveLength(7);
    expect(await page.getByTestId('highlight-legend').innerText()).toContain('合作方');
    // Both cities are named in the headline and sign the main agreement: the reader is sure of them, and says why.
    expect(await page.getByTestId('party-confidence').allInnerTexts()).toEqual(['把握大', '把握大']);
    await page.getByTestId('party-confidence').first().hover();
    await page.getByRole('tooltip', { name: '标题写明且为主协议签署方' }).waitFor();
    expect(await page.getByRole('textbox', { name: '合作名称' }).inputValue()).toBe('青岛—烟台全面深化合作');
    expect(await page.getByRole('textbox', { name: '签署日期' }).inputValue()).toBe('2024-05-18');

    const proposed = await nodeTitles(page);
    await page.getByRole('button', { name: '重新识别' }).click();
    await page.locator('[data-testid=import-text] mark').first().waitFor();
    expect(await nodeTitles(page)).toEqual(proposed);

    const direction = areaNode(page, '推动重大科研平台开放共享');
    const key = await direction.getAttribute('data-draft-key');
    await direction.hover();
    const mark = page.locator(`[data-testid=import-text] mark[data-key="${key}"]`);
    await expect.poll(() => mark.evaluate((element) => element.style.outlineStyle)).toBe('solid');
    expect(await mark.innerText()).toBe('推动重大科研平台开放共享');

    await areaNode(page, '联合培育新能源汽车产业集群').getByRole('button', { name: '修改' }).click();
    const editor = page.getByTestId('area-node-editor');
    await editor.getByRole('textbox', { name: '名称' }).fill(RENAMED);
    await editor.getByRole('textbox', { name: '名称' }).press('Enter');
    await areaNode(page, RENAMED).waitFor();

    await areaNode(page, '共同举办招商推介活动').getByRole('button', { name: '删除' }).click();
    await areaNode(page, '共同举办招商推介活动').waitFor({ state: 'detached' });
    expect(await marked(page, 'item')).toHaveLength(6);
    expect(await marked(page, 'item')).not.toContain('共同举办招商推介活动');
    await page.mouse.move(0, 0);
    await page.getByTestId('section-cooperation').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-review-zh');

    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Areas and directions', { exact: true }).waitFor();
    await page.getByRole('menuitem', { name: 'English' }).waitFor({ state: 'hidden' });
    expect(await page.getByTestId('highlight-legend').innerText()).toContain('Party');
    expect(await page.getByTestId('party-confidence').allInnerTexts()).toEqual(['Likely', 'Likely']);
    expect(await nodeTitles(page)).toContain(RENAMED);
    await areaNode(page, RENAMED).scrollIntoViewIfNeeded();
    await screenshot(page, 'import-review-en');

    await page.getByTestId('save-import').click();
    await page.getByTestId('cooperation-name').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/cooperations\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('cooperation-name').innerText()).toBe('青岛—烟台全面深化合作');
    const parties = await page.getByTestId('party-table').innerText();
    expect(parties).toContain('青岛市');
    expect(parties).toContain('烟台市');
    const agreementRow = page.locator('tr', { has: page.getByRole('link', { name: '全面深化合作框架协议' }) });
    await agreementRow.waitFor();
    // Three areas and their directions, less the one deleted: 3 + 7 - 1.
    expect(await agreementRow.innerText()).toMatch(/\b9\b/);

    await agreementRow.getByRole('link', { name: '全面深化合作框架协议' }).click();
    const tree = page.getByTestId('clause-tree');
    await tree.locator('[data-level=direction]').first().waitFor();
    expect(await tree.locator('[data-level=area]').count()).toBe(3);
    expect(await tree.locator('[data-level=direction]').count()).toBe(6);
    const clauses = await tree.innerText();
    expect(clauses).toContain(RENAMED);
    expect(clauses).not.toContain('共同举办招商推介活动');
    await finish(page);
  });

  it('shows what cannot be saved next to its field, from its own checks and from the server, and saves once corrected', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw', DEMO_PASSWORD);
    await page.goto('/import');
    await analyse(page, AGREEMENT_NEWS);

    await page.getByRole('textbox', { name: '合作名称' }).fill('');
    await page.getByTestId('party-list').getByRole('button', { name: '移除合作方' }).nth(1).click();
    await page.getByTestId('save-import').click();
    await page.getByTestId('parties-error').waitFor();
    expect(await page.getByTestId('parties-error').innerText()).toContain('新建合作至少需要两个合作方');
    const nameField = page.locator('.ant-form-item', { has: page.getByRole('textbox', { name: '合作名称' }) });
    expect(await nameField.innerText()).toContain('必填');
    await screenshot(page, 'import-errors-zh');
    expect(new URL(page.url()).pathname).toBe('/import');

    await page.getByRole('textbox', { name: '合作名称' }).fill('青岛—烟台产业协同');
    await page.getByRole('button', { name: '添加合作方' }).click();
    const secondRegion = page.getByRole('combobox', { name: '第 2 方的行政区划' });
    await chooseOption(page, { combobox: secondRegion, option: '烟台市', typed: '烟台', shown: page.locator('.ant-select', { has: secondRegion }) });
    // The checks on the page know no length limit for the title; the server's schema does, and says where.
    await page.getByRole('textbox', { name: '协议名称' }).fill('协'.repeat(301));
    await page.getByTestId('save-import').click();
    const titleField = page.locator('.ant-form-item', { has: page.getByRole('textbox', { name: '协议名称' }) });
    await titleField.getByText('内容过长').waitFor();
    expect(await page.getByTestId('parties-error').count()).toBe(0);

    await page.getByRole('textbox', { name: '协议名称' }).fill('全面深化合作框架协议');
    await page.getByTestId('save-import').click();
    await page.getByTestId('cooperation-name').waitFor();
    expect(await page.getByTestId('cooperation-name').innerText()).toBe('青岛—烟台产业协同');
    expect(await page.getByTestId('party-table').innerText()).toContain('烟台市');
    await finish(page);
  });

  it('reads an uploaded .txt file saved in GB18030 as the Chinese text it is', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw', DEMO_PASSWORD);
    await page.goto('/import');
    await page.locator('input[type=file]').setInputFiles({ name: '协议.txt', mimeType: 'text/plain', buffer: GB18030_HEADLINE });
    const input = page.getByRole('textbox', { name: '待识别文本' });
    await expect.poll(() => input.inputValue()).toBe('青岛市与烟台市签署全面深化合作框架协议');
    await finish(page);
  });
});
