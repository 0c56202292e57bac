import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { chooseOption } from './select.ts';
import { openCooperationList } from './navigation.ts';

/** In the demo, 青岛市科学技术局 leads this direction of 青岛—深圳 on the Qingdao side: one of its three milestones is reached. */
const TASK_TITLE = '鼓励高校院所互动合作';
const NOTICE_TEXT = '请于一周内报送联合实验室挂牌进展，逾期将通报。';
const QINGDAO_UNIT = '青岛市科学技术局';
/** The display name of qd.kj, the science bureau's user who signs. */
const QINGDAO_LIAISON = '青岛市科技局联络员';
/** A demo period the science bureau has not reported on for this task. */
const PERIOD = '2026年第4季度';
const NARRATIVE = '联合实验室挂牌筹备完成，首批攻关项目进入评审。';
const RESUBMITTED = '联合实验室挂牌筹备完成，已补充首批攻关项目清单。';
const CORRECTED = '联合实验室挂牌筹备完成，首批攻关项目12项进入评审。';
const OPINION = '同意，请抓紧推进首批项目立项。';
const RETURN_REASON = '请补充首批攻关项目清单作为佐证。';
const REVISION_REASON = '首批攻关项目数量漏报，予以更正。';

/** The periods the report form offers, read from its open select. */
async function offeredPeriods(page: Page): Promise<string[]> {
  const select = page.getByTestId('report-form').locator('.ant-form-item', { hasText: '报告期' }).getByRole('combobox');
  await select.click();
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await options.first().waitFor();
  const labels = await options.allInnerTexts();
  await page.keyboard.press('Escape');
  return labels;
}

/** Opens the decision dialog of a report entry, writes the text (if any) and confirms; waits for the dialog to go. */
async function decide(page: Page, entry: Locator, button: 'approve-report' | 'return-report' | 'revise-report', text?: string): Promise<void> {
  await entry.getByTestId(button).click();
  const dialog = page.getByRole('dialog');
  if (text) await dialog.getByTestId('reason-text').fill(text);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe.skipIf(!chromiumAvailable())('a task page in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();
  /** Found by the coordinator's flow, opened by the unit's. */
  let taskPath = '';

  it('lets the cooperation office issue a 督办 notice to its lead unit from the task page, which shows it as not yet signed for', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('task-ledger-link').click();
    await page.getByTestId('task-ledger').waitFor();
    await page.goto(`${new URL(page.url()).pathname}?q=${encodeURIComponent(TASK_TITLE)}`);
    await page.getByTestId('task-ledger').getByRole('link', { name: TASK_TITLE }).click();
    await page.getByTestId('task-title').getByText(TASK_TITLE).waitFor();
    taskPath = new URL(page.url()).pathname;

    await page.getByRole('button', { name: /发督办单/ }).click();
    const dialog = page.getByRole('dialog');
    // Addressed by default to the Qingdao side's lead unit; the form shows it as chosen.
    const recipients = dialog.locator('.ant-form-item', { hasText: '签收单位' });
    await chooseOption(page, { combobox: recipients.getByRole('combobox'), option: QINGDAO_UNIT, shown: recipients });
    await dialog.getByLabel('督办事项').fill(NOTICE_TEXT);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const notice = page.getByTestId('notices').locator('.ant-list-item', { hasText: NOTICE_TEXT });
    await notice.waitFor();
    expect(await notice.getByTestId('notice-recipients').innerText()).toContain(`${QINGDAO_UNIT} 待签收`);
    expect(await notice.innerText()).toMatch(/青督〔\d{4}〕\d+号/);
    // The office that issued the notice is not its recipient: nothing to sign.
    expect(await notice.getByRole('button', { name: /签\s*收/ }).count()).toBe(0);
    await finish(page);
  });

  it("shows the notice to the other side's unit without offering it 签收", async () => {
    expect(taskPath).toMatch(/^\/tasks\//);
    const page = await newPage();
    await logIn(page, 'sz.kj');
    await page.goto(taskPath);
    const notice = page.getByTestId('notices').locator('.ant-list-item', { hasText: NOTICE_TEXT });
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`${QINGDAO_UNIT} 待签收`);
    expect(await notice.getByRole('button', { name: /签\s*收/ }).count()).toBe(0);
    await finish(page);
  });

  it('lets the lead unit sign for the notice and mark a milestone reached, which moves the percent', async () => {
    expect(taskPath).toMatch(/^\/tasks\//);
    const page = await newPage();
    await logIn(page, 'qd.kj');
    await page.goto(taskPath);
    const notices = page.getByTestId('notices');
    const notice = notices.locator('.ant-list-item', { hasText: NOTICE_TEXT });
    await notice.getByRole('button', { name: /签\s*收/ }).click();
    // The button goes once the server has recorded the signature and the page has reloaded the task.
    await expect.poll(() => notice.getByRole('button').count(), { timeout: 15_000 }).toBe(0);
    expect(await notice.getByTestId('notice-recipients').innerText()).toMatch(new RegExp(`${QINGDAO_UNIT} · ${QINGDAO_LIAISON} .*\\d\\s*签收`));
    expect(await notice.innerText()).not.toContain('待签收');

    const percent = page.locator('.ant-progress').first();
    const before = Number(await percent.getAttribute('aria-valuenow'));
    const milestones = page.getByTestId('milestones');
    const open = milestones.locator('.ant-list-item', { has: page.getByRole('button', { name: '标记完成' }) }).first();
    const title = await open.locator('.ant-list-item-meta-title').innerText();
    await open.getByRole('button', { name: '标记完成' }).click();
    await milestones.locator('.ant-list-item', { hasText: title }).getByRole('button', { name: '撤销完成' }).waitFor();
    await expect.poll(async () => Number(await percent.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
    await finish(page);
  });

  it('shows the office on the 督办 page who signed the notice to the unit, and when', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('task-ledger-link').click();
    await page.getByRole('button', { name: /督办/ }).click();
    // The task is due in about two months: widen the window so it is listed under its lead unit.
    await page.locator('.ant-input-number input').fill('90');
    const card = page.getByTestId('supervision-unit').filter({ has: page.locator('.ant-card-head', { hasText: QINGDAO_UNIT }) });
    const row = card.locator('tr', { has: page.getByRole('link', { name: TASK_TITLE }) });
    await row.waitFor();
    await expect.poll(() => row.getByTestId('row-notice').innerText()).toMatch(new RegExp(`青督〔\\d{4}〕\\d+号[\\s\\S]*${QINGDAO_LIAISON} .*\\d\\s*签收`));
    await finish(page);
  });

  it('offers a unit the inline status only on the rows of its own tasks, and keeps the change', async () => {
    const page = await newPage();
    await logIn(page, 'qd.kj');
    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('task-ledger-link').click();
    const ledger = page.getByTestId('task-ledger');
    const own = ledger.locator('tr', { has: page.getByRole('link', { name: TASK_TITLE }) });
    await own.getByTestId('status-select').waitFor();
    // 青岛市工业和信息化局 leads this one on the Qingdao side; the science bureau only reads it.
    const others = ledger.locator('tr', { has: page.getByRole('link', { name: '共促新兴产业发展' }) });
    await others.waitFor();
    expect(await others.getByTestId('status-select').count()).toBe(0);

    const status = own.getByTestId('status-select');
    await chooseOption(page, { combobox: status.getByRole('combobox'), option: '受阻', shown: status });
    await page.getByText('状态已更新').waitFor();
    await page.reload();
    await expect.poll(() => own.getByTestId('status-select').innerText()).toContain('受阻');
    await finish(page);
  });

  it("offers a unit only the periods it has not reported, keeps each side's opinion and return reason in the history, and corrects an approved report by a revision", async () => {
    expect(taskPath).toMatch(/^\/tasks\//);
    // Three people at once, each in their own browser, reloading as the others act.
    const [unit, qingdao, shenzhen] = [await newPage(), await newPage(), await newPage()];
    await logIn(unit, 'qd.kj');
    await logIn(qingdao, 'qd.fgw');
    await logIn(shenzhen, 'sz.fgw');
    const entry = (page: Page, text: string) => page.getByTestId('report-entry').filter({ hasText: text });
    const submitFor = async (narrative: string) => {
      const periodItem = unit.getByTestId('report-form').locator('.ant-form-item', { hasText: '报告期' });
      await chooseOption(unit, { combobox: periodItem.getByRole('combobox'), option: PERIOD, shown: periodItem });
      await unit.getByTestId('report-narrative').fill(narrative);
      await unit.getByTestId('submit-report').click();
      await entry(unit, narrative).locator('[data-report-status=submitted]').waitFor();
    };

    await unit.goto(taskPath);
    expect(await offeredPeriods(unit)).toContain(PERIOD);
    await submitFor(NARRATIVE);
    expect(await offeredPeriods(unit)).not.toContain(PERIOD);

    await qingdao.goto(taskPath);
    await decide(qingdao, entry(qingdao, NARRATIVE), 'approve-report', OPINION);
    await expect.poll(() => entry(qingdao, NARRATIVE).getByTestId('review-history').innerText()).toMatch(new RegExp(`第 1 轮\\s*青岛市\\s*已同意\\s*青岛市发改委协调办[\\s\\S]*审核意见：${OPINION}`));
    await shenzhen.goto(taskPath);
    await decide(shenzhen, entry(shenzhen, NARRATIVE), 'return-report', RETURN_REASON);
    await entry(shenzhen, NARRATIVE).locator('[data-report-status=returned]').waitFor();

    // Returned, the period is offered again; after resubmission the history still says who returned it and why.
    await unit.reload();
    await unit.getByTestId('report-form').getByText(RETURN_REASON).waitFor();
    await submitFor(RESUBMITTED);
    const kept = await entry(unit, RESUBMITTED).getByTestId('review-history').innerText();
    expect(kept).toMatch(new RegExp(`第 1 轮\\s*深圳市\\s*已退回\\s*深圳市发改委协调办[\\s\\S]*退回理由：${RETURN_REASON}`));
    expect(kept).toContain(`审核意见：${OPINION}`);

    for (const office of [qingdao, shenzhen]) {
      await office.reload();
      await decide(office, entry(office, RESUBMITTED), 'approve-report');
    }
    await entry(shenzhen, RESUBMITTED).locator('[data-report-status=approved]').waitFor();

    await unit.reload();
    await decide(unit, entry(unit, RESUBMITTED), 'revise-report', REVISION_REASON);
    // The revision is a draft of the same period, which the form offers to correct and submit.
    await unit.getByTestId('report-form').getByText('修订稿（第 2 版）').waitFor();
    await submitFor(CORRECTED);
    await shenzhen.reload();
    const revision = entry(shenzhen, CORRECTED);
    await revision.locator('[data-report-status=submitted]').waitFor();
    expect(await revision.getByTestId('revision-reason').innerText()).toBe(REVISION_REASON);
    expect(await revision.innerText()).toContain('第 2 版');
    for (const page of [unit, qingdao, shenzhen]) await finish(page);
  });
});
