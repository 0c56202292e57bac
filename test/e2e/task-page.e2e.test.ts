import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { chooseOption } from './select.ts';

/** In the demo, 青岛市科学技术局 leads this direction of 青岛—深圳 on the Qingdao side: one of its three milestones is reached. */
const TASK_TITLE = '鼓励高校院所互动合作';
const NOTICE_TEXT = '请于一周内报送联合实验室挂牌进展，逾期将通报。';
const QINGDAO_UNIT = '青岛市科学技术局';
/** The display name of qd.kj, the science bureau's user who signs. */
const QINGDAO_LIAISON = '青岛市科技局联络员';

describe.skipIf(!chromiumAvailable())('a task page in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();
  /** Found by the coordinator's flow, opened by the unit's. */
  let taskPath = '';

  it('lets the cooperation office issue a 督办 notice to its lead unit from the task page, which shows it as not yet signed for', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
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
});
