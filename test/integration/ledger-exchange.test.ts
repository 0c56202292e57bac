import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/core.ts';
import { exportLedgerCommand, importLedgerCommand, importReportText } from '../../src/cli/ledger.commands.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { docxOf } from './report-fixtures.ts';
import { qingdaoShenzhen, type LedgerPage, type QingdaoShenzhen, type TaskDetail } from './task-fixtures.ts';

interface ImportReport {
  mode: string;
  committed: boolean;
  headerRow: number | null;
  columns: { column: string; header: string; key: string | null }[];
  unmatched: { column: string; header: string }[];
  fileReasons: { code: string; params: Record<string, string | number> }[];
  rows: { row: number; action: string; taskId: string | null; title: string; cell: string | null; reasons: { code: string; params: Record<string, string | number>; cell: string | null }[]; changes: string[] }[];
  summary: Record<string, number>;
}

const BOUNDARY = '----liandong-ledger-boundary';

/** A ledger file (and a column mapping) as the browser's form sends them. */
function importTasks(t: TestApp, token: string, cooperationId: string, mode: 'dry-run' | 'commit', fileName: string, data: Buffer, mapping?: Record<string, string>) {
  const parts: Buffer[] = [];
  if (mapping) parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${JSON.stringify(mapping)}\r\n`));
  parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), data, Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cooperations/${cooperationId}/tasks/import?mode=${mode}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat(parts),
  });
}

async function workbookOf(data: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.length) as ArrayBuffer);
  return book;
}

const bufferOf = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());

/** A zip with deflated entries, for workbooks whose sheet XML is written by hand. */
function deflatedZip(entries: { name: string; data: string }[]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = Buffer.from(entry.data, 'utf8');
    const packed = deflateRawSync(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A one-sheet workbook of inline strings: a header, `rows`, then `blank` formatted empty rows. */
function handWrittenWorkbook(header: string[], rows: string[][], blank: number): Buffer {
  const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const letter = (i: number) => String.fromCharCode(65 + i);
  const line = (r: number, cells: string[]) => `<row r="${r}">${cells.map((v, i) => `<c r="${letter(i)}${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`;
  const parts = [line(1, header), ...rows.map((cells, i) => line(i + 2, cells))];
  for (let r = rows.length + 2; r < rows.length + 2 + blank; r++) parts.push(`<row r="${r}"><c r="A${r}" s="1"/></row>`);
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join('')}</sheetData></worksheet>`;
  return deflatedZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    },
    { name: '_rels/.rels', data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>' },
    {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    },
    {
      name: 'xl/styles.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font/><font><b/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf fontId="0"/><xf fontId="1"/></cellXfs></styleSheet>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ]);
}

describe.each(databaseFlavours())('task ledger export and import on %s', (flavour) => {
  let t: TestApp;
  let qd: string;
  let qdUnit: string;
  let leader: string;
  let outsider: string;
  let c: QingdaoShenzhen;

  const exportLedger = async (query: string, token = qd) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/cooperations/${c.id}/tasks/export${query}`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const ledger = async (query: string, token = qd) => (await t.call('GET', `/api/v1/cooperations/${c.id}/tasks${query}`, { token })).json<LedgerPage>();
  const task = async (id: string) => (await t.call('GET', `/api/v1/tasks/${id}`, { token: qd })).json<TaskDetail & { priority: string }>();

  beforeAll(async () => {
    t = await startTestApp(flavour);
    [qd, qdUnit, leader, outsider] = await Promise.all([t.login('qd.fgw'), t.login('qd.kj'), t.login('qd.leader'), t.login('st.fgw')]);
    c = await qingdaoShenzhen(t, qd);
  });
  afterAll(() => t?.close());

  it('exports exactly the rows the ledger shows under the same filters, as a workbook that can come back', async () => {
    const page = await ledger('?status=not_started,in_progress&sort=title&pageSize=200');
    const res = await exportLedger('?status=not_started,in_progress&sort=title&format=xlsx');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('任务台账'));
    const book = await workbookOf(res.rawPayload);
    const ids = book.getWorksheet('_ids');
    const sheet = book.getWorksheet('任务台账');
    expect(ids?.state).toBe('hidden');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getRow(1).getCell(2).value).toBe('任务名称');
    expect(sheet?.getColumn(2).width).toBeGreaterThan(30);
    const titles: string[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) titles.push(String(row.getCell(2).value));
    });
    expect(titles).toEqual(page.items.map((i) => i.title));
    // Each row's 编号 names its task and version in the hidden sheet.
    const first = page.items[0];
    expect(ids?.getRow(2).values).toEqual([undefined, 1, first?.id, first?.version]);
    // Dates are dates, and the coded columns offer their lists.
    const headers = ((sheet?.getRow(1).values ?? []) as unknown[]).map(String);
    const dueColumn = headers.indexOf('截止日期');
    const withDue = page.items.findIndex((i) => i.dueOn);
    expect(sheet?.getRow(withDue + 2).getCell(dueColumn).value).toBeInstanceOf(Date);
    const statusColumn = headers.indexOf('状态');
    expect(sheet?.getRow(2).getCell(statusColumn).dataValidation).toMatchObject({ type: 'list' });
    const leadColumn = headers.indexOf('牵头单位（青岛市）');
    expect(leadColumn).toBeGreaterThan(0);
    expect(sheet?.getRow(3).getCell(leadColumn).dataValidation?.formulae?.[0]).toContain('_lists');
  });

  it('exports in English, as CSV and as JSON; a unit sees in the file only what its ledger shows', async () => {
    const english = await workbookOf((await exportLedger('?format=xlsx&lang=en')).rawPayload);
    expect(english.getWorksheet('Task ledger')?.getRow(1).getCell(2).value).toBe('Task');
    const csv = (await exportLedger('?format=csv&lang=en&overdue=true')).body;
    const overdue = await ledger('?overdue=true&pageSize=200');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(overdue.total + 1);
    expect(csv.split('\r\n')[0]).toContain('Due date');
    const json = JSON.parse((await exportLedger('?format=json', qdUnit)).body) as { total: number; items: { id: string }[] };
    const unitPage = await ledger('?pageSize=200', qdUnit);
    expect(json.items.map((i) => i.id)).toEqual(unitPage.items.map((i) => i.id));
    const outside = JSON.parse((await exportLedger('?format=json', outsider)).body) as { items: { id: string }[] };
    expect(outside.items.map((i) => i.id)).toEqual((await ledger('?pageSize=200', outsider)).items.map((i) => i.id));
  });

  it('round-trips: cells changed in the file become exactly those changes, all in one commit, audited like edits', async () => {
    const res = await exportLedger('?sort=title&status=not_started,in_progress,blocked');
    const page = await ledger('?sort=title&status=not_started,in_progress,blocked&pageSize=200');
    const book = await workbookOf(res.rawPayload);
    const sheet = book.getWorksheet('任务台账');
    if (!sheet) throw new Error('no ledger sheet');
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (header: string) => headers.indexOf(header);
    const [a, b, d] = [page.items[0], page.items[1], page.items[2]];
    if (!a || !b || !d) throw new Error('demo ledger too short');
    sheet.getRow(2).getCell(col('任务名称')).value = `${a.title}（已调整）`;
    const [bWords, bPriority] = b.priority === 'urgent' ? ['低', 'low'] : ['紧急', 'urgent'];
    sheet.getRow(3).getCell(col('优先级')).value = bWords;
    sheet.getRow(4).getCell(col('截止日期')).value = '2027年3月5日';
    const added = sheet.addRow([]);
    added.getCell(col('任务名称')).value = '新增：海洋装备联合攻关';
    added.getCell(col('牵头单位（青岛市）')).value = '青岛市科学技术局';
    added.getCell(col('截止日期')).value = '2027.06.30';
    added.getCell(col('状态')).value = { formula: '"推进中"', result: '推进中' };
    const edited = await bufferOf(book);

    const dry = (await importTasks(t, qd, c.id, 'dry-run', 'ledger.xlsx', edited)).json<ImportReport>();
    expect(dry.unmatched).toEqual([]);
    expect(dry.summary).toMatchObject({ update: 3, create: 1, error: 0, conflict: 0, unchanged: page.total - 3 });
    expect(dry.rows.find((r) => r.row === 2)?.changes).toEqual(['title']);
    expect(dry.rows.find((r) => r.row === 3)?.changes).toEqual(['priority']);
    expect(dry.rows.find((r) => r.row === 4)?.changes).toEqual(['dueOn']);
    expect((await task(a.id)).title).toBe(a.title);

    const since = new Date();
    const commit = (await importTasks(t, qd, c.id, 'commit', 'ledger.xlsx', edited)).json<ImportReport>();
    expect(commit.committed).toBe(true);
    expect((await task(a.id)).title).toBe(`${a.title}（已调整）`);
    expect((await task(b.id)).priority).toBe(bPriority);
    expect((await task(d.id)).dueOn).toBe('2027-03-05');
    const createdId = commit.rows.find((r) => r.action === 'create')?.taskId ?? '';
    const created = await task(createdId);
    expect(created).toMatchObject({ title: '新增：海洋装备联合攻关', status: 'in_progress', dueOn: '2027-06-30' });
    expect(created.sides.find((s) => s.partyId === c.qingdao)?.lead?.name).toBe('青岛市科学技术局');
    const entries = await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.cooperationId, c.id), eq(auditLog.entity, 'task'), gt(auditLog.at, since)));
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'update', 'update', 'update', 'update']);

    // The same file again: its versions are old now, so every changed row is a conflict and nothing is written.
    const again = (await importTasks(t, qd, c.id, 'commit', 'ledger.xlsx', edited)).json<ImportReport>();
    expect(again.committed).toBe(false);
    expect(again.rows.find((r) => r.row === 2)).toMatchObject({ action: 'conflict', reasons: [{ code: 'ledger_import.changed_since_export' }] });
  });

  it('a task edited between export and import is a conflict, never overwritten; the commit applies nothing', async () => {
    const book = await workbookOf((await exportLedger('?sort=title&status=not_started')).rawPayload);
    const sheet = book.getWorksheet('任务台账');
    if (!sheet) throw new Error('no ledger sheet');
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const ids = book.getWorksheet('_ids');
    const firstId = String(ids?.getRow(2).getCell(2).value);
    const secondId = String(ids?.getRow(3).getCell(2).value);
    const meanwhile = await task(firstId);
    const before = await task(secondId);
    sheet.getRow(2).getCell(headers.indexOf('优先级')).value = meanwhile.priority === 'high' ? '低' : '高';
    sheet.getRow(3).getCell(headers.indexOf('优先级')).value = before.priority === 'low' ? '高' : '低';
    const patched = await t.call('PATCH', `/api/v1/tasks/${firstId}`, { token: qd, body: { version: meanwhile.version, title: `${meanwhile.title}·改` } });
    expect(patched.statusCode).toBe(200);
    const report = (await importTasks(t, qd, c.id, 'commit', 'ledger.xlsx', await bufferOf(book))).json<ImportReport>();
    expect(report.committed).toBe(false);
    expect(report.rows.find((r) => r.row === 2)).toMatchObject({ action: 'conflict', cell: 'A2' });
    expect(report.rows.find((r) => r.row === 3)?.action).toBe('update');
    expect((await task(firstId)).title).toBe(`${meanwhile.title}·改`);
    expect(await task(secondId)).toMatchObject({ priority: before.priority, version: before.version });
  });

  it('says per row and cell what is wrong with typed values, suggests the closest unit, and changes nothing', async () => {
    const file = handWrittenWorkbook(
      ['任务名称', '牵头单位（青岛市）', '截止日期', '状态', '进度(%)', '负责人备注'],
      [
        ['港口物流数据互通', '市发改', '2024.11.26', '推进中', '30', '甲'],
        ['人才互认', '青岛市科学技术局', '2024年11月26日', '进行中', '130', ''],
        ['港口物流数据互通', '', '明年', '', '', ''],
      ],
      0,
    );
    const res = await importTasks(t, qd, c.id, 'dry-run', 'typed.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<ImportReport>();
    expect(report.unmatched.map((u) => u.header)).toEqual(['负责人备注']);
    const [first, second, third] = report.rows;
    expect(first?.reasons).toEqual([
      { code: 'ledger_import.unknown_unit_suggest', cell: 'B2', params: { header: '牵头单位（青岛市）', value: '市发改', suggestion: '青岛市发展和改革委员会' } },
    ]);
    expect(second?.reasons.map((r) => [r.code, r.cell])).toEqual([
      ['ledger_import.unknown_value_suggest', 'D3'],
      ['ledger_import.bad_percent', 'E3'],
    ]);
    expect(third?.reasons.map((r) => [r.code, r.cell])).toEqual([
      ['ledger_import.bad_date', 'C4'],
      ['ledger_import.duplicate_row', 'A4'],
    ]);
    // Mapped away, the extra column is gone from the questions; corrected, the rows can be created.
    const fixed = handWrittenWorkbook(
      ['任务名称', '牵头单位(青岛市)', '截止日期', '状态', '负责人备注'],
      [['港口物流数据互通', '青岛市发展和改革委员会', '2024.11.26', '推进中', '甲']],
      0,
    );
    const mapped = (await importTasks(t, qd, c.id, 'dry-run', 'typed.xlsx', fixed, { 负责人备注: 'ignore' })).json<ImportReport>();
    expect(mapped.unmatched).toEqual([]);
    expect(mapped.rows[0]).toMatchObject({ action: 'create', reasons: [] });
    expect((await ledger('?q=港口物流数据互通')).total).toBe(0);
  });

  it('answers bad files with a code, never a 500: a docx renamed .xlsx, broken bytes, no header', async () => {
    const docx = await importTasks(t, qd, c.id, 'dry-run', 'ledger.xlsx', docxOf('任务台账'));
    expect(docx.statusCode).toBe(422);
    expect(docx.json<{ error: { code: string } }>().error.code).toBe('ledger_import.unreadable_file');
    const broken = await importTasks(t, qd, c.id, 'dry-run', 'ledger.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(500, 7)]));
    expect(broken.statusCode).toBe(422);
    const text = await importTasks(t, qd, c.id, 'dry-run', 'ledger.xlsx', Buffer.from('just text'));
    expect(text.statusCode).toBe(422);
    const noHeader = (await importTasks(t, qd, c.id, 'commit', 'x.xlsx', handWrittenWorkbook(['a', 'b'], [['1', '2']], 0))).json<ImportReport>();
    expect(noHeader.fileReasons.map((r) => r.code)).toEqual(['ledger_import.no_header']);
    expect(noHeader.committed).toBe(false);
  });

  it('reads merged header cells, formulas by their cached values, and stops at the last row of a sheet of a million blank rows', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('台账');
    sheet.addRow(['2026年任务台账']);
    sheet.mergeCells('A1:D1');
    sheet.addRow(['任务名称', '截止日期', '', '状态']);
    sheet.mergeCells('B2:C2');
    sheet.addRow(['跨区合并表头的任务', '2027-01-15', '', { formula: 'IF(1=1,"受阻","推进中")', result: '受阻' }]);
    const merged = (await importTasks(t, qd, c.id, 'dry-run', 'merged.xlsx', await bufferOf(book))).json<ImportReport>();
    expect(merged.headerRow).toBe(2);
    expect(merged.rows).toHaveLength(1);
    expect(merged.rows[0]).toMatchObject({ action: 'create', reasons: [] });

    const huge = handWrittenWorkbook(['任务名称', '截止日期'], [['百万空行之前的任务', '2027-02-01']], 1_000_000);
    const started = process.memoryUsage().rss;
    const res = await importTasks(t, qd, c.id, 'dry-run', 'huge.xlsx', huge);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportReport>().rows.map((r) => r.action)).toEqual(['create']);
    expect(process.memoryUsage().rss - started).toBeLessThan(300 * 1024 * 1024);
  });

  it('lets whoever may edit tasks import, under the same rules: a unit may move its own progress only, a leader not at all', async () => {
    const book = await workbookOf((await exportLedger('?sort=title', qdUnit)).rawPayload);
    const sheet = book.getWorksheet('任务台账');
    if (!sheet) throw new Error('no ledger sheet');
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    sheet.getRow(2).getCell(headers.indexOf('任务名称')).value = '单位改了标题';
    const report = (await importTasks(t, qdUnit, c.id, 'dry-run', 'unit.xlsx', await bufferOf(book))).json<ImportReport>();
    const row = report.rows.find((r) => r.row === 2);
    expect(row).toMatchObject({ action: 'error', reasons: [{ code: 'auth.forbidden' }] });
    const refused = await importTasks(t, leader, c.id, 'dry-run', 'leader.xlsx', await bufferOf(book));
    expect(refused.statusCode).toBe(403);
  });

  it('liandong export ledger writes the file the web downloads, and liandong import reads it back unchanged', async () => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-')), 'ledger.xlsx');
    expect(await exportLedgerCommand(t.services, { cooperation: '青岛—深圳', format: 'xlsx', lang: 'zh-CN', output: target })).toBe(target);
    const report = await importLedgerCommand(t.services, target, { cooperation: '青岛—深圳', commit: false });
    const total = report.rows.length;
    expect(total).toBeGreaterThan(10);
    expect(report.summary).toMatchObject({ unchanged: total, create: 0, update: 0, error: 0, conflict: 0 });
    expect(importReportText(report)).toContain(`dry run, nothing changed: 0 create, 0 update, ${total} unchanged`);
    const json = path.join(path.dirname(target), 'ledger.json');
    await exportLedgerCommand(t.services, { cooperation: '青岛—深圳', format: 'json', lang: 'en', output: json });
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).total).toBe(total);
  });
});
