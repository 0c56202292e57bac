/**
 * The columns of an exported task ledger (任务台账) and the words its cells use, in both languages: the server
 * writes them into the file and reads them back, the web names the columns of the import's mapping step with them.
 */

export const LEDGER_LANGS = ['zh-CN', 'en'] as const;
export type LedgerLang = (typeof LEDGER_LANGS)[number];

/** Columns shared by every cooperation; per-side unit columns come after them (`lead:<partyId>`, `co:<partyId>`). */
export const FIXED_COLUMNS = ['no', 'title', 'side', 'status', 'percent', 'startOn', 'dueOn', 'priority', 'tags', 'milestones', 'overdue'] as const;
export type FixedColumn = (typeof FIXED_COLUMNS)[number];
/** Shown for reading, never taken back from a file: they follow from other data. */
export const READ_ONLY_COLUMNS: readonly FixedColumn[] = ['milestones', 'overdue'];

export type ColumnKey = FixedColumn | `lead:${string}` | `co:${string}`;

const FIXED_HEADERS: Record<FixedColumn, Record<LedgerLang, string>> = {
  no: { 'zh-CN': '编号', en: 'No.' },
  title: { 'zh-CN': '任务名称', en: 'Task' },
  side: { 'zh-CN': '承担方', en: 'Side' },
  status: { 'zh-CN': '状态', en: 'Status' },
  percent: { 'zh-CN': '进度(%)', en: 'Progress (%)' },
  startOn: { 'zh-CN': '开始日期', en: 'Start date' },
  dueOn: { 'zh-CN': '截止日期', en: 'Due date' },
  priority: { 'zh-CN': '优先级', en: 'Priority' },
  tags: { 'zh-CN': '标签', en: 'Tags' },
  milestones: { 'zh-CN': '里程碑', en: 'Milestones' },
  overdue: { 'zh-CN': '是否逾期', en: 'Overdue' },
};

export const STATUS_WORDS = {
  not_started: { 'zh-CN': '未启动', en: 'Not started' },
  in_progress: { 'zh-CN': '推进中', en: 'In progress' },
  done: { 'zh-CN': '已完成', en: 'Done' },
  blocked: { 'zh-CN': '受阻', en: 'Blocked' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
} as const;

export const PRIORITY_WORDS = {
  low: { 'zh-CN': '低', en: 'Low' },
  normal: { 'zh-CN': '一般', en: 'Normal' },
  high: { 'zh-CN': '高', en: 'High' },
  urgent: { 'zh-CN': '紧急', en: 'Urgent' },
} as const;

/** The side cell of a task every side carries together. */
export const JOINT_WORDS: Record<LedgerLang, string> = { 'zh-CN': '各方共同', en: 'Joint' };
export const YES_NO_WORDS: Record<LedgerLang, [yes: string, no: string]> = { 'zh-CN': ['是', '否'], en: ['Yes', 'No'] };
/** Between the units of one cell and the tags of one cell. */
export const LIST_SEPARATOR: Record<LedgerLang, string> = { 'zh-CN': '、', en: '; ' };

export function columnHeader(key: ColumnKey, lang: LedgerLang, partyName: (partyId: string) => string): string {
  if (key.startsWith('lead:')) return lang === 'en' ? `Lead unit (${partyName(key.slice(5))})` : `牵头单位（${partyName(key.slice(5))}）`;
  if (key.startsWith('co:')) return lang === 'en' ? `Co-operating units (${partyName(key.slice(3))})` : `配合单位（${partyName(key.slice(3))}）`;
  return FIXED_HEADERS[key as FixedColumn][lang];
}

/** A header as people type it: no spaces, half-width brackets, lower case, so 牵头单位(青岛市) finds 牵头单位（青岛市）. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[（【[]/g, '(')
    .replace(/[）】\]]/g, ')')
    .toLowerCase();
}

/** Every column a cooperation's ledger has, in the file's order. */
export function ledgerColumns(partyIds: string[]): ColumnKey[] {
  const [no, title, side, ...rest] = FIXED_COLUMNS;
  return [no, title, side, ...partyIds.flatMap((id): ColumnKey[] => [`lead:${id}`, `co:${id}`]), ...rest];
}
