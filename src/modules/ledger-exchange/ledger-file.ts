import ExcelJS from 'exceljs';
import {
  JOINT_WORDS,
  PRIORITY_WORDS,
  STATUS_WORDS,
  columnHeader,
  type ColumnKey,
  type LedgerLang,
} from '../../contract/ledger-columns.ts';

/** One task as the file holds it: cells by column, and what lets the row come back (its id and version). */
export interface LedgerFileRow {
  no: number;
  id: string;
  version: number;
  cells: Partial<Record<ColumnKey, string | number | Date | null>>;
}

export interface LedgerFileContent {
  lang: LedgerLang;
  columns: ColumnKey[];
  parties: { id: string; name: string }[];
  /** The unit names each side offers, for the lists of its unit columns. */
  unitNames: Map<string, string[]>;
  rows: LedgerFileRow[];
}

/** The hidden sheet that ties a row's 编号 to its task and the version it was exported at. */
const ID_SHEET = '_ids';
export const ID_SHEET_HEADER = ['no', 'id', 'version', 'liandong-task-ledger-1'] as const;
const LIST_SHEET = '_lists';
/** Rows below the data that still offer the lists, for tasks added in the file. */
const SPARE_ROWS = 500;

const WIDTHS: Partial<Record<string, number>> = { no: 8, title: 44, side: 14, status: 12, percent: 10, startOn: 13, dueOn: 13, priority: 10, tags: 20, milestones: 10, overdue: 10 };
const widthOf = (key: ColumnKey) => WIDTHS[key] ?? (key.startsWith('lead:') ? 28 : 36);

const columnLetter = (n: number) => {
  let name = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
  return name;
};

const sheetName = (lang: LedgerLang) => (lang === 'en' ? 'Task ledger' : '任务台账');

/**
 * The ledger as a workbook: the id sheet first (hidden, so a reader meets it before the data and can stop at the
 * data's end), the ledger with a frozen header, widths, real dates and drop-down lists, and the hidden lists.
 */
export async function ledgerWorkbook(content: LedgerFileContent): Promise<Buffer> {
  const { lang, columns, parties } = content;
  const book = new ExcelJS.Workbook();
  book.creator = 'Liandong';
  const ids = book.addWorksheet(ID_SHEET, { state: 'hidden' });
  const sheet = book.addWorksheet(sheetName(lang), { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const lists = book.addWorksheet(LIST_SHEET, { state: 'hidden' });
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 1, activeTab: 1, visibility: 'visible' }];

  ids.addRow([...ID_SHEET_HEADER]);
  for (const row of content.rows) ids.addRow([row.no, row.id, row.version]);

  const partyName = (id: string) => parties.find((p) => p.id === id)?.name ?? id;
  sheet.columns = columns.map((key) => ({ header: columnHeader(key, lang, partyName), key, width: widthOf(key) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  for (const row of content.rows) sheet.addRow(row.cells);
  for (const key of ['startOn', 'dueOn'] as const) {
    const at = columns.indexOf(key);
    if (at >= 0) sheet.getColumn(at + 1).numFmt = 'yyyy-mm-dd';
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  // The lists the drop-downs read, one column each.
  const listColumns: { key: string; values: string[] }[] = [
    { key: 'status', values: Object.values(STATUS_WORDS).map((w) => w[lang]) },
    { key: 'priority', values: Object.values(PRIORITY_WORDS).map((w) => w[lang]) },
    { key: 'side', values: [JOINT_WORDS[lang], ...parties.map((p) => p.name)] },
    ...parties.map((p) => ({ key: `units:${p.id}`, values: content.unitNames.get(p.id) ?? [] })),
  ];
  const listRange = new Map<string, string>();
  listColumns.forEach((list, i) => {
    const letter = columnLetter(i + 1);
    lists.getCell(`${letter}1`).value = list.key;
    list.values.forEach((value, j) => {
      lists.getCell(`${letter}${j + 2}`).value = value;
    });
    if (list.values.length) listRange.set(list.key, `'${LIST_SHEET}'!$${letter}$2:$${letter}$${list.values.length + 1}`);
  });

  const lastRow = content.rows.length + 1 + SPARE_ROWS;
  columns.forEach((key, i) => {
    const listKey = key.startsWith('lead:') ? `units:${key.slice(5)}` : key.startsWith('co:') ? `units:${key.slice(3)}` : key;
    const range = listRange.get(listKey);
    if (!range) return;
    // Several co-operating units share a cell, so their list offers names without refusing a list of them.
    const errorStyle = key.startsWith('co:') ? 'information' : 'stop';
    const column = sheet.getColumn(i + 1);
    for (let r = 2; r <= lastRow; r++) {
      sheet.getCell(r, column.number).dataValidation = { type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true, errorStyle };
    }
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csvField = (value: string | number | Date | null | undefined) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The ledger as CSV with the id and version of each row last, and a BOM so spreadsheet programs read it as UTF-8. */
export function ledgerCsv(content: LedgerFileContent): Buffer {
  const partyName = (id: string) => content.parties.find((p) => p.id === id)?.name ?? id;
  const header = [...content.columns.map((key) => columnHeader(key, content.lang, partyName)), 'id', 'version'];
  const lines = [header.map(csvField).join(',')];
  for (const row of content.rows) lines.push([...content.columns.map((key) => csvField(row.cells[key])), row.id, row.version].map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
