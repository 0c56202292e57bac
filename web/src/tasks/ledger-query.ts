import { LEDGER_SORTS, TASK_PRIORITIES, TASK_STATUSES, type LedgerQuery, type LedgerSort, type TaskPriority, type TaskStatus } from '../api/tasks.ts';

/** The ledger's filters live in the address, so a filtered ledger can be linked, reloaded and gone back to. */

const isStatus = (value: string): value is TaskStatus => (TASK_STATUSES as readonly string[]).includes(value);
const isPriority = (value: string): value is TaskPriority => (TASK_PRIORITIES as readonly string[]).includes(value);
const isSort = (value: string): value is LedgerSort => (LEDGER_SORTS as readonly string[]).includes(value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const LEDGER_PAGE_SIZE = 20;

function list(params: URLSearchParams, key: string): string[] {
  return (params.get(key) ?? '').split(',').filter(Boolean);
}

export function ledgerQueryFrom(params: URLSearchParams): LedgerQuery {
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const date = (key: string) => {
    const value = params.get(key);
    return value && DATE.test(value) ? value : undefined;
  };
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page'));
  const status = list(params, 'status').filter(isStatus);
  const priority = list(params, 'priority').filter(isPriority);
  return {
    q: text('q'),
    side: text('side'),
    unit: text('unit'),
    clauseId: text('clauseId'),
    tag: text('tag'),
    status: status.length > 0 ? status : undefined,
    priority: priority.length > 0 ? priority : undefined,
    dueFrom: date('dueFrom'),
    dueTo: date('dueTo'),
    overdue: params.get('overdue') === 'true' || undefined,
    sort: isSort(sort) ? sort : 'dueOn',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: LEDGER_PAGE_SIZE,
  };
}

/** The address for a changed query; any change but paging starts again at page 1. */
export function ledgerParamsFrom(query: LedgerQuery): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined) => {
    if (value) params.set(key, value);
  };
  set('q', query.q);
  set('side', query.side);
  set('unit', query.unit);
  set('clauseId', query.clauseId);
  set('tag', query.tag);
  set('status', query.status?.join(','));
  set('priority', query.priority?.join(','));
  set('dueFrom', query.dueFrom);
  set('dueTo', query.dueTo);
  set('overdue', query.overdue ? 'true' : undefined);
  set('sort', query.sort === 'dueOn' ? undefined : query.sort);
  set('order', query.order === 'desc' ? 'desc' : undefined);
  set('page', query.page && query.page > 1 ? String(query.page) : undefined);
  return params;
}
