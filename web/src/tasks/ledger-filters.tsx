import { Button, Checkbox, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { TASK_PRIORITIES, type LedgerQuery, type LedgerSort } from '../api/tasks.ts';
import type { Party } from '../api/types.ts';
import { usePartyUnits } from './use-party-units.ts';
import { DateField } from '../common/date-field.tsx';

interface Props {
  query: LedgerQuery;
  parties: Party[];
  onChange: (patch: Partial<LedgerQuery>) => void;
  onClear: () => void;
}

const SORT_LABELS = {
  dueOn: 'tasks.sortDueOn',
  createdAt: 'tasks.sortCreatedAt',
  priority: 'tasks.sortPriority',
  title: 'tasks.sortTitle',
} as const satisfies Record<LedgerSort, string>;

/** The units of every party's region, as options grouped by party. */
function useUnitOptions(parties: Party[]) {
  return usePartyUnits(parties).sides.map(({ party, units }) => ({
    label: party.name,
    options: units.map((unit) => ({ value: unit.id, label: unit.name })),
  }));
}

/** The ledger's filter bar; every change goes to the address through `onChange`. */
export function LedgerFilters({ query, parties, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const unitOptions = useUnitOptions(parties);

  return (
    <Space wrap size={[8, 8]} className="no-print" data-testid="ledger-filters">
      <Input.Search
        allowClear
        defaultValue={query.q}
        placeholder={t('tasks.searchPlaceholder')}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 220 }}
      />
      <Select
        allowClear
        placeholder={t('tasks.allSides')}
        value={query.side}
        onChange={(side: string | undefined) => onChange({ side })}
        options={parties.map((p) => ({ value: p.id, label: p.name }))}
        style={{ width: 130 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('tasks.allUnits')}
        value={query.unit}
        onChange={(unit: string | undefined) => onChange({ unit })}
        options={unitOptions}
        style={{ width: 220 }}
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('tasks.allPriorities')}
        value={query.priority ?? []}
        onChange={(priority: LedgerQuery['priority']) => onChange({ priority: priority?.length ? priority : undefined })}
        options={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priorityValue.${p}`) }))}
        style={{ minWidth: 140 }}
        maxTagCount="responsive"
      />
      <Input
        allowClear
        defaultValue={query.tag}
        placeholder={t('tasks.tagPlaceholder')}
        onPressEnter={(e) => onChange({ tag: e.currentTarget.value.trim() || undefined })}
        onBlur={(e) => onChange({ tag: e.currentTarget.value.trim() || undefined })}
        style={{ width: 100 }}
      />
      <Space.Compact>
        <DateField
          aria-label={t('tasks.dueFrom')}
          title={t('tasks.dueFrom')}
          placeholder={t('tasks.dueFrom')}
          value={query.dueFrom}
          onChange={(dueFrom) => onChange({ dueFrom })}
          width={150}
        />
        <DateField
          aria-label={t('tasks.dueTo')}
          title={t('tasks.dueTo')}
          placeholder={t('tasks.dueTo')}
          value={query.dueTo}
          onChange={(dueTo) => onChange({ dueTo })}
          width={150}
        />
      </Space.Compact>
      <Checkbox checked={!!query.overdue} onChange={(e) => onChange({ overdue: e.target.checked || undefined })} data-testid="overdue-filter">
        {t('tasks.overdueOnly')}
      </Checkbox>
      <Space.Compact>
        <Select<LedgerSort>
          value={query.sort ?? 'dueOn'}
          onChange={(sort) => onChange({ sort })}
          options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value: value as LedgerSort, label: t(label) }))}
          aria-label={t('tasks.sortBy')}
          style={{ width: 130 }}
        />
        <Select<'asc' | 'desc'>
          value={query.order ?? 'asc'}
          onChange={(order) => onChange({ order })}
          options={[
            { value: 'asc', label: t('tasks.orderAsc') },
            { value: 'desc', label: t('tasks.orderDesc') },
          ]}
          style={{ width: 120 }}
        />
      </Space.Compact>
      <Button onClick={onClear}>{t('tasks.clearFilters')}</Button>
    </Space>
  );
}
