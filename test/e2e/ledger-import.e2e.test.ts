import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from './browser.ts';
import { useBrowserSession } from './browser-session.ts';
import { screenshot } from './screenshots.ts';
import { chooseOption } from './select.ts';
import { openCooperationList } from './navigation.ts';

const NEW_TASK = '共建海洋装备联合实验室（台账导入）';
const NOTE = '备注';

async function workbookOf(data: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.length) as ArrayBuffer);
  return book;
}

/** The exported ledger with one task's priority changed and a new task whose lead unit is `leadUnit`, plus a column of notes. */
async function edited(exported: Buffer, leadUnit: string): Promise<{ data: Buffer; changedTitle: string; priority: string }> {
  const book = await workbookOf(exported);
  const sheet = book.getWorksheet('任务台账');
  if (!sheet) throw new Error('no ledger sheet in the export');
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  const col = (header: string) => headers.indexOf(header);
  const current = String(sheet.getRow(2).getCell(col('优先级')).value);
  const priority = current === '紧急' ? '低' : '紧急';
  sheet.getRow(2).getCell(col('优先级')).value = priority;
  sheet.getRow(1).getCell(headers.length).value = NOTE;
  const row = sheet.addRow([]);
  row.getCell(col('任务名称')).value = NEW_TASK;
  row.getCell(col('牵头单位（青岛市）')).value = leadUnit;
  row.getCell(col('截止日期')).value = '2027年6月30日';
  row.getCell(headers.length).value = '会上提出';
  return { data: Buffer.from(await book.xlsx.writeBuffer()), changedTitle: String(sheet.getRow(2).getCell(col('任务名称')).value), priority };
}

describe.skipIf(!chromiumAvailable())('the task ledger round trip through Excel in Chromium', () => {
  const { newPage, finish, logIn } = useBrowserSession();

  async function upload(page: Page, data: Buffer) {
    await page.locator('input[type=file]').setInputFiles({ name: '任务台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: data });
    // The unknown notes column asks to be mapped; the office leaves it out and checks again.
    const mapping = page.getByTestId('ledger-import-mapping');
    await mapping.getByText(NOTE, { exact: false }).first().waitFor();
    const combobox = mapping.getByRole('combobox', { name: `“${NOTE}”对应的列` });
    await chooseOption(page, { combobox, option: '不导入', shown: mapping });
    await page.getByTestId('ledger-import-apply-mapping').click();
    await mapping.waitFor({ state: 'detached' });
  }

  it('exports the filtered ledger, reads a changed file back with a wrong unit named in words, and commits once corrected', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await openCooperationList(page);
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('task-ledger-link').click();
    const ledger = page.getByTestId('task-ledger');
    await ledger.locator('tbody tr.ant-table-row').first().waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ledger-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^任务台账-.*\.xlsx$/);
    const downloaded = await download.path();
    const exported = await readFile(downloaded);
    const book = await workbookOf(exported);
    expect(book.getWorksheet('任务台账')?.actualRowCount).toBe(1 + (await ledger.locator('tbody tr.ant-table-row').count()));

    await page.getByTestId('ledger-import').click();
    const wrong = await edited(exported, '市发改');
    await upload(page, wrong.data);
    const rows = page.getByTestId('ledger-import-rows');
    await rows.getByText('牵头单位（青岛市）“市发改”不存在 — 是否指 青岛市发展和改革委员会？').waitFor();
    await expect.poll(() => page.getByTestId('ledger-import-commit').isDisabled()).toBe(true);
    await page.getByText('请先在文件中改正错误和冲突，再重新上传').waitFor();
    await screenshot(page, 'ledger-import-dry-run-error');

    const right = await edited(exported, '青岛市发展和改革委员会');
    await upload(page, right.data);
    await page.getByTestId('ledger-import-summary').getByText(/新建 1 条，修改 1 条/).waitFor();
    await rows.getByText(NEW_TASK).waitFor();
    await rows.getByText(wrong.changedTitle).waitFor();
    await page.getByTestId('ledger-import-commit').click();
    await page.getByTestId('ledger-import-committed').getByText('已导入：新建 1 条，修改 1 条').waitFor();
    await screenshot(page, 'ledger-import-committed');

    await page.getByRole('link', { name: '返回任务台账' }).click();
    await ledger.getByRole('link', { name: NEW_TASK }).waitFor();
    await finish(page);
  });

  it('speaks English on the import page when the user does', async () => {
    const page = await newPage();
    await logIn(page, 'qd.fgw');
    await page.getByTestId('language-switch').click();
    const english = page.getByRole('menuitem', { name: 'English' });
    await english.click();
    await english.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: 'Cooperations', exact: true }).click();
    // An office lands on the overview, which names the cooperation too: the list is there once its search box is.
    await page.getByTestId('cooperation-search').waitFor();
    await page.getByRole('link', { name: /青岛.*深圳/ }).click();
    await page.getByTestId('task-ledger-link').click();
    await page.getByTestId('ledger-export').getByText('Export Excel').waitFor();
    await page.getByTestId('ledger-import').click();
    await page.getByText('Click or drop the ledger file here').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'notes.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook') });
    await page.getByTestId('ledger-import-failure').getByText('The file cannot be read; upload an Excel (.xlsx) or CSV file').waitFor();
    await finish(page);
  });
});
