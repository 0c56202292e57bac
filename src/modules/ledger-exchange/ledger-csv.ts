import { decodeText } from '../../contract/text-decoder.ts';
import { cellText } from './ledger-cells.ts';
import { EMPTY_RUN_END, UnreadableFile, type ReadCell, type ReadLedger, type ReadOptions } from './ledger-reader.ts';

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
function* records(text: string): Generator<string[]> {
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      yield record;
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length) yield [...record, field];
}

/** A ledger exported as CSV (or typed as one), read like the workbook: the header found by its known names. */
export function readLedgerCsv(data: Buffer, options: ReadOptions): ReadLedger {
  if (data.includes(0)) throw new UnreadableFile('binary content is not CSV text');
  const text = decodeText(data).replace(/^\uFEFF/, '');
  const result: ReadLedger = { sheet: null, headerRow: null, headers: [], rows: [], ids: new Map(), tooManyRows: false };
  let number = 0;
  let empty = 0;
  for (const record of records(text)) {
    number++;
    const cells = new Map<number, ReadCell>();
    record.forEach((value, i) => {
      if (value.trim() !== '') cells.set(i + 1, { value, numFmt: undefined });
    });
    if (result.headerRow === null) {
      if (options.scoreHeader([...cells.values()].map((c) => cellText(c.value))) >= 2) {
        result.headerRow = number;
        result.headers = [...cells].map(([column, cell]) => ({ column, text: cellText(cell.value) }));
      }
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
    result.rows.push({ row: number, cells });
  }
  return result;
}
