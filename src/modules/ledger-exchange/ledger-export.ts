import {
  JOINT_WORDS,
  LIST_SEPARATOR,
  PRIORITY_WORDS,
  STATUS_WORDS,
  YES_NO_WORDS,
  ledgerColumns,
  type ColumnKey,
  type LedgerLang,
} from '../../contract/ledger-columns.ts';
import type { LedgerFileRow } from './ledger-file.ts';

/** A ledger row as the task service lists it: the fields the file shows. */
export interface ListedTask {
  id: string;
  version: number;
  title: string;
  joint: boolean;
  ownerPartyId: string | null;
  status: keyof typeof STATUS_WORDS;
  priority: keyof typeof PRIORITY_WORDS;
  percent: number;
  tags: string[];
  startOn: string | null;
  dueOn: string | null;
  overdue: boolean;
  milestoneCounts: { done: number; total: number };
  sides: { partyId: string; lead: { name: string } | null; co: { name: string }[] }[];
}

/** A day as a date cell: midnight UTC, which spreadsheet programs show as that day. */
const dayCell = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

/** The cells of one task in the file's words. */
function taskCells(task: ListedTask, lang: LedgerLang, parties: { id: string; name: string }[]): LedgerFileRow['cells'] {
  const [yes, no] = YES_NO_WORDS[lang];
  const cells: Partial<Record<ColumnKey, string | number | Date | null>> = {
    title: task.title,
    side: task.joint ? JOINT_WORDS[lang] : (parties.find((p) => p.id === task.ownerPartyId)?.name ?? ''),
    status: STATUS_WORDS[task.status][lang],
    percent: task.percent,
    startOn: dayCell(task.startOn),
    dueOn: dayCell(task.dueOn),
    priority: PRIORITY_WORDS[task.priority][lang],
    tags: task.tags.join(LIST_SEPARATOR[lang]),
    milestones: task.milestoneCounts.total ? `${task.milestoneCounts.done}/${task.milestoneCounts.total}` : '',
    overdue: task.overdue ? yes : no,
  };
  for (const party of parties) {
    const side = task.sides.find((s) => s.partyId === party.id);
    cells[`lead:${party.id}`] = side?.lead?.name ?? '';
    cells[`co:${party.id}`] = side?.co.map((u) => u.name).join(LIST_SEPARATOR[lang]) ?? '';
  }
  return cells;
}

export function exportRows(tasks: ListedTask[], lang: LedgerLang, parties: { id: string; name: string }[]): { columns: ColumnKey[]; rows: LedgerFileRow[] } {
  return {
    columns: ledgerColumns(parties.map((p) => p.id)),
    rows: tasks.map((task, i) => ({ no: i + 1, id: task.id, version: task.version, cells: { no: i + 1, ...taskCells(task, lang, parties) } })),
  };
}
