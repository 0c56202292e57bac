import { z } from 'zod';
import { LEDGER_LANGS } from '../../contract/ledger-columns.ts';
import { ledgerQuery } from '../task/task.schemas.ts';

const LEDGER_FORMATS = ['xlsx', 'csv', 'json'] as const;
const IMPORT_MODES = ['dry-run', 'commit'] as const;
export const ROW_ACTIONS = ['create', 'update', 'unchanged', 'error', 'conflict'] as const;

/** The ledger's own filters (the same as `GET …/tasks`, so the file holds what the page shows), a format and a language. */
export const ledgerExportQuery = ledgerQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(LEDGER_FORMATS).default('xlsx'),
  lang: z.enum(LEDGER_LANGS).default('zh-CN'),
});

export const ledgerImportQuery = z.object({
  mode: z.enum(IMPORT_MODES).default('dry-run'),
});

/** Why a row or cell cannot be taken as it is: a stable code and the values its words need, worded by the client. */
const importReason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

const importRow = z.object({
  /** The row number in the sheet, as the spreadsheet shows it. */
  row: z.number().int(),
  action: z.enum(ROW_ACTIONS),
  taskId: z.uuid().nullable(),
  title: z.string(),
  /** The cell the problem is in (C14), or null when it is the row's as a whole. */
  cell: z.string().nullable(),
  reasons: z.array(importReason.extend({ cell: z.string().nullable() })),
  /** The columns whose values this row changes. */
  changes: z.array(z.string()),
});

const importColumn = z.object({
  /** The column's letter in the sheet. */
  column: z.string(),
  header: z.string(),
  /** The column key it was matched to (`title`, `lead:<partyId>`…), null when unmatched or ignored. */
  key: z.string().nullable(),
});

export const ledgerImportResponse = z.object({
  mode: z.enum(IMPORT_MODES),
  /** Whether the changes were applied: only a commit with no row in error or conflict is. */
  committed: z.boolean(),
  sheet: z.string().nullable(),
  headerRow: z.number().int().nullable(),
  columns: z.array(importColumn),
  /** Headers no column key matched: the client offers a mapping for them and sends it back as `mapping`. */
  unmatched: z.array(importColumn),
  /** Problems of the file as a whole (no header row, too many rows). */
  fileReasons: z.array(importReason),
  rows: z.array(importRow),
  summary: z.object(Object.fromEntries(ROW_ACTIONS.map((a) => [a, z.number().int()])) as Record<(typeof ROW_ACTIONS)[number], z.ZodNumber>),
});

export type ImportReason = z.infer<typeof importReason>;
export type ImportRowReport = z.infer<typeof importRow>;
export type LedgerImportReport = z.infer<typeof ledgerImportResponse>;
