import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText, type RawCell } from './ledger-cells.ts';
import { ID_SHEET_HEADER } from './ledger-file.ts';

export interface ReadCell {
  value: RawCell;
  /** The cell's number format, so 45% stored as 0.45 reads as 45. */
  numFmt: string | undefined;
}

export interface ReadRow {
  row: number;
  cells: Map<number, ReadCell>;
}

export interface ReadLedger {
  sheet: string | null;
  headerRow: number | null;
  headers: { column: number; text: string }[];
  rows: ReadRow[];
  /** 编号 → task and the version it was exported at, from the hidden id sheet. */
  ids: Map<number, { id: string; version: number }>;
  /** Data rows past the limit were not read. */
  tooManyRows: boolean;
}

export class UnreadableFile extends Error {}

export interface ReadOptions {
  /** How many known headers a row holds: the first row of the first sheets with two or more is the header. */
  scoreHeader(texts: string[]): number;
  maxRows: number;
}

/** A sheet ends where this many rows in a row are empty: past a ledger's last task, a million formatted blank rows are not read. */
export const EMPTY_RUN_END = 1000;
/** The header is looked for in this many first rows, below a title or a merged group heading. */
const HEADER_SEARCH_ROWS = 20;

const isZip = (data: Buffer) => data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;

function rowCells(row: ExcelJS.Row): Map<number, ReadCell> {
  const cells = new Map<number, ReadCell>();
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const value = cell.value as RawCell;
    if (cellText(value) !== '') cells.set(column, { value, numFmt: cell.numFmt });
  });
  return cells;
}

/**
 * Reads an uploaded ledger as a stream: sheet by sheet, row by row, keeping only non-empty rows, so memory follows
 * the tasks in the file, not its size. A merged header cell holds its text in its first column only; the columns
 * it spans read as having no header. Formulas read as their cached results.
 */
export async function readLedgerXlsx(data: Buffer, options: ReadOptions): Promise<ReadLedger> {
  if (!isZip(data)) throw new UnreadableFile('not an xlsx (zip) file');
  const result: ReadLedger = { sheet: null, headerRow: null, headers: [], rows: [], ids: new Map(), tooManyRows: false };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let sheets = 0;
  try {
    for await (const worksheet of reader) {
      sheets++;
      let kind: 'unknown' | 'ids' | 'ledger' | 'other' = 'unknown';
      let empty = 0;
      for await (const row of worksheet) {
        const cells = rowCells(row);
        if (kind === 'unknown') {
          const texts = [...cells.values()].map((c) => cellText(c.value));
          if (ID_SHEET_HEADER.every((h, i) => cellText(cells.get(i + 1)?.value) === h)) kind = 'ids';
          else if (result.headerRow === null && options.scoreHeader(texts) >= 2) {
            kind = 'ledger';
            result.sheet = (worksheet as unknown as { name?: string }).name ?? null;
            result.headerRow = row.number;
            result.headers = [...cells].map(([column, cell]) => ({ column, text: cellText(cell.value) })).sort((a, b) => a.column - b.column);
          } else if (row.number >= HEADER_SEARCH_ROWS) kind = 'other';
          continue;
        }
        if (kind === 'other') break;
        if (kind === 'ids') {
          const no = Number(cellText(cells.get(1)?.value));
          const id = cellText(cells.get(2)?.value);
          const version = Number(cellText(cells.get(3)?.value));
          if (Number.isInteger(no) && id && Number.isInteger(version)) result.ids.set(no, { id, version });
          continue;
        }
        if (!cells.size) {
          if (++empty >= EMPTY_RUN_END) break;
          continue;
        }
        empty = 0;
        if (result.rows.length >= options.maxRows) {
          result.tooManyRows = true;
          break;
        }
        result.rows.push({ row: row.number, cells });
      }
      // The id sheet is written first; once the ledger is read nothing after it is needed.
      if (kind === 'ledger') break;
    }
  } catch (error) {
    throw new UnreadableFile(error instanceof Error ? error.message : String(error));
  }
  if (!sheets) throw new UnreadableFile('no worksheet in the file');
  return result;
}
