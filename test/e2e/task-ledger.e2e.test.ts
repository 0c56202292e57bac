import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';
import { chooseOption } from './select.ts';
import { openCooperationList } from './navigation.ts';

/** The Shenzhen science bureau leads this direction of 青岛—深圳 in the demo data, so sz.kj reports on it. */
const TASK_TITLE = '鼓励高校院所互动合作';
const NARRATIVE = '深圳市科技创新局牵头完成两地高校院所对接会，联合实验室挂牌筹备就绪。';
/** Enough of a PDF for the server's content check, which reads the signature at the start. */
const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe.skipIf(!chromiumAvailable())('the task ledger in Chromium', () => {
  /** Written by the unit's flow and read by the reviewers': the report submitted in this run. */
  let reportId = '';
  const { newPage, finish, logIn } = useBrowserSession();

  async function unreadCount(page: Page): Promise<number> {
    return Number(await page.getByTestId('unread-badge').getAttribute('data-count'));
  }

  /** A signed-in reviewer opens the report from the "to review" inbox and approves it for their side, without an opinion. */
  async function approve(page: Page): Promise<void> {
    await page.getByRole('link', { name: '我的工作' }).click();
    await page.getByTestId('tab-to_review').click();
    const inbox = page.getByTestId('inbox-to_review');
    await inbox.getByRole('link', { name: TASK_TITLE }).first().click();
    const entry = page.locator(`[data-report-id="${reportId}"]`);
    await entry.getByTestId('approve-report').click();
    // The opinion is optional: approving without one. A click while the dialog still opens can miss its button.
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').waitFor();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await entry.getByTestId('approve-report').waitFor({ state: 'detached' });
  }

  it('lets a lead unit find its late work, open its task and submit a progress report with figures and evidence', async () => {
    const page = await newPage();
    await logIn(page, 'sz.kj');
    // A unit user starts at 我的工作.
    await page.getByTestId('tab-overdue').waitFor();
    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('task-ledger-link').click();
    const ledger = page.getByTestId('task-ledger');
    await ledger.getByRole('link', { name: TASK_TITLE }).waitFor();
    expect(await ledger.locator('tbody tr.ant-table-row').count()).toBe(16);

    await page.getByTestId('overdue-filter').click();
    await page.waitForURL(/overdue=true/);
    // The chips count under the filters, so the unfiltered total leaving them says the late page has arrived.
    await page.getByTestId('status-chips').getByText('全部 16', { exact: true }).waitFor({ state: 'detached' });
    const rows = await ledger.locator('tbody tr.ant-table-row').count();
    expect(rows).toBeLessThan(16);
    expect(rows).toBeGreaterThan(0);
    expect(await ledger.locator('tbody tr.ant-table-row [data-overdue=true]').count()).toBe(rows);
    await screenshot(page, 'tasks-ledger-overdue');

    await page.getByTestId('overdue-filter').click();
    await ledger.getByRole('link', { name: TASK_TITLE }).click();
    await page.getByTestId('task-title').waitFor();
    expect(await page.getByTestId('task-title').innerText()).toBe(TASK_TITLE);

    const form = page.getByTestId('report-form');
    await page.getByTestId('report-narrative').fill(NARRATIVE);
    await page.getByTestId('report-percent').fill('40');
    await form.getByRole('checkbox', { name: '联合实验室挂牌' }).check();
    await form.getByRole('button', { name: /添加数据/ }).click();
    await form.getByPlaceholder('指标').fill('到位资金');
    await form.getByPlaceholder('数值').fill('23600');
    // The control says what it takes, and refuses another kind of file as soon as it is chosen.
    await form.getByText('每个文件不超过 20 MB').waitFor();
    await form.locator('input[type=file]').setInputFiles({ name: '安装程序.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await page.getByText('“安装程序.exe”不是可接受的文件类型').waitFor();
    expect(await form.locator('.ant-upload-list').getByText('安装程序.exe').count()).toBe(0);
    await form.locator('input[type=file]').setInputFiles({ name: '对接会纪要.pdf', mimeType: 'application/pdf', buffer: EVIDENCE_PDF });
    await screenshot(page, 'tasks-report-form', { fullPage: true });
    await page.getByTestId('submit-report').click();

    const entry = page.getByTestId('report-entry').filter({ hasText: NARRATIVE });
    await entry.waitFor();
    reportId = (await entry.getAttribute('data-report-id')) ?? '';
    expect(reportId).not.toBe('');
    const text = await entry.innerText();
    expect(text).toContain('待审核');
    expect(text).toContain('2.36亿元');
    expect(text).toContain('联合实验室挂牌');
    await entry.getByText('对接会纪要.pdf').waitFor();
    await screenshot(page, 'tasks-detail', { fullPage: true });
    await finish(page);
  });

  it('needs both cooperation offices to approve the report on a joint task, and tells the unit through the unread badge', async () => {
    expect(reportId).not.toBe('');
    const qingdao = await newPage();
    await logIn(qingdao, 'qd.fgw');
    await expect.poll(() => unreadCount(qingdao)).toBeGreaterThan(0);
    await qingdao.getByTestId('unread-badge').click();
    await qingdao.getByTestId('notifications').getByText(`进展报告待审核：${TASK_TITLE}`).first().waitFor();
    await screenshot(qingdao, 'tasks-notifications');
    await approve(qingdao);
    const afterQingdao = qingdao.locator(`[data-report-id="${reportId}"]`);
    expect(await afterQingdao.locator('[data-report-status]').getAttribute('data-report-status')).toBe('submitted');
    expect(await afterQingdao.locator('[data-side-state=approved]').count()).toBe(1);
    await finish(qingdao);

    const shenzhen = await newPage();
    await logIn(shenzhen, 'sz.fgw');
    await approve(shenzhen);
    const approved = shenzhen.locator(`[data-report-id="${reportId}"]`);
    await approved.locator('[data-report-status=approved]').waitFor();
    expect(await approved.locator('[data-side-state=approved]').count()).toBe(2);
    await screenshot(shenzhen, 'tasks-report-approved', { fullPage: true });
    await finish(shenzhen);

    const unit = await newPage();
    await logIn(unit, 'sz.kj');
    await expect.poll(() => unreadCount(unit)).toBeGreaterThan(0);
    const before = await unreadCount(unit);
    await unit.getByTestId('unread-badge').click();
    const notice = unit.getByTestId('notifications').getByText(`进展报告已通过：${TASK_TITLE}`).first();
    await notice.click();
    await unit.getByTestId('task-title').waitFor();
    await expect.poll(() => unreadCount(unit)).toBe(before - 1);
    await finish(unit);
  });

  it('shows the cooperation office the 督办 view by unit, lets it issue a notice, and records it in the audit trail', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('task-ledger-link').click();
    await page.getByRole('button', { name: /督办/ }).click();
    const units = page.getByTestId('supervision-unit');
    await units.first().waitFor();
    expect(Number(await page.getByTestId('supervision-total-overdue').locator('.ant-statistic-content-value').innerText())).toBeGreaterThan(0);
    await screenshot(page, 'tasks-supervision');

    const lateUnit = units.filter({ hasText: '已逾期' }).first();
    await lateUnit.getByRole('button', { name: /发督办单/ }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText(/已发出 青督〔\d{4}〕\d+号/).waitFor();

    await page.goBack();
    await page.getByRole('button', { name: /审计日志/ }).click();
    const audit = page.getByTestId('audit-table');
    await audit.getByText('督办单').first().waitFor();
    // It reads as a record: who by name, the field's label rather than its column, and no storage ids.
    const newest = audit.locator('tr.ant-table-row').first();
    expect(await newest.innerText()).toContain('青岛市发改委协调办');
    expect(await newest.innerText()).toContain('办理期限');
    expect(await newest.innerText()).not.toMatch(/deadline|[0-9a-f]{8}-[0-9a-f]{4}/);
    await screenshot(page, 'tasks-audit');
    const who = page.getByTestId('audit-filters').locator('.ant-select', { has: page.getByRole('combobox', { name: '操作人' }) });
    await chooseOption(page, { combobox: who.getByRole('combobox'), option: '深圳市发改委协调办', typed: '深圳', shown: who });
    await expect.poll(async () => [...new Set(await audit.locator('tr.ant-table-row td:nth-child(3)').allInnerTexts())]).toEqual(['深圳市发改委协调办']);
    await finish(page);
  });

  it('lists overdue work in the my-work inbox, whose cooperation link opens the ledger, in English too', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await page.getByRole('link', { name: '我的工作' }).click();
    await page.getByTestId('tab-overdue').click();
    await page.getByTestId('inbox-overdue').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'tasks-my-work');

    await page.getByTestId('language-switch').click();
    const english = page.getByRole('menuitem', { name: 'English' });
    await english.click();
    await english.waitFor({ state: 'hidden' });
    await page.getByTestId('tab-overdue').getByText('Overdue tasks').waitFor();
    await page.getByTestId('inbox-overdue').getByRole('link', { name: /青岛.*深圳/ }).first().click();
    await page.getByTestId('task-ledger').getByRole('columnheader', { name: 'Lead unit, 青岛市' }).waitFor();
    await page.getByTestId('status-chips').getByText(/In progress/).waitFor();
    await screenshot(page, 'tasks-ledger-en');
    await finish(page);
  });
});
