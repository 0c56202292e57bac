import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/i18n.ts';
import type { FieldErrors } from './field-errors.ts';
import type { DraftTarget } from './import-draft.ts';
import { COMPARATORS, type Comparator } from './ingest-types.ts';
import { issueMessage } from './issue-message.ts';
import { formatRange } from './quantity.ts';
import { useTextFocus } from './text-focus.tsx';

const COMPARATOR_WORDS: Record<Comparator, 'gte' | 'gt' | 'eq' | 'approx'> = { '>=': 'gte', '>': 'gt', '=': 'eq', '≈': 'approx' };

const grouped = (value: string | number | undefined) => `${value ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const ungrouped = (value: string | undefined) => Number((value ?? '').replace(/,/g, ''));

/** Targets by year ("到2025年…10亿美元以上"), one editable row each; saved as indicators with a target. */
export function TargetTable({
  targets,
  errors,
  onChange,
}: {
  targets: DraftTarget[];
  errors: FieldErrors;
  onChange: (update: (targets: DraftTarget[]) => DraftTarget[]) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { locateProps } = useTextFocus();

  const patch = (key: string, change: Partial<DraftTarget>) => onChange((list) => list.map((target) => (target.key === key ? { ...target, ...change } : target)));
  const cell = (target: DraftTarget, field: string, control: (status: 'error' | undefined) => ReactNode) => {
    const issue = issueMessage(errors[`${target.key}.${field}`], t);
    return (
      <Form.Item validateStatus={issue ? 'error' : undefined} help={issue} style={{ margin: 0 }}>
        {control(issue ? 'error' : undefined)}
      </Form.Item>
    );
  };

  const columns: TableColumnsType<DraftTarget> = [
    {
      title: t('import.targets.year'),
      dataIndex: 'year',
      width: 76,
      render: (_, target) =>
        cell(target, 'year', (status) => (
          <InputNumber<number>
            size="small"
            aria-label={t('import.targets.year')}
            status={status}
            min={1949}
            max={2100}
            controls={false}
            value={target.year}
            onChange={(year) => patch(target.key, { year })}
            style={{ width: '100%' }}
          />
        )),
    },
    {
      title: t('import.targets.indicator'),
      dataIndex: 'indicator',
      render: (_, target) =>
        cell(target, 'indicator', (status) => (
          <Input
            size="small"
            aria-label={t('import.targets.indicator')}
            status={status}
            value={target.indicator}
            onChange={(event) => patch(target.key, { indicator: event.target.value })}
          />
        )),
    },
    {
      title: t('import.targets.comparator'),
      dataIndex: 'comparator',
      width: 90,
      render: (_, target) => (
        <Select<Comparator>
          size="small"
          aria-label={t('import.targets.comparator')}
          value={target.comparator}
          popupMatchSelectWidth={false}
          onChange={(comparator) => patch(target.key, { comparator })}
          options={COMPARATORS.map((c) => ({ value: c, label: t(`import.targets.comparators.${COMPARATOR_WORDS[c]}`) }))}
          style={{ width: '100%' }}
        />
      ),
    },
    {
      title: t('import.targets.value'),
      dataIndex: 'value',
      width: 150,
      render: (_, target) => (
        <>
          {cell(target, 'value', (status) => (
            <InputNumber<number>
              size="small"
              aria-label={t('import.targets.value')}
              status={status}
              controls={false}
              value={target.value}
              formatter={grouped}
              parser={ungrouped}
              onChange={(value) => patch(target.key, { value })}
              style={{ width: '100%' }}
            />
          ))}
          {target.value !== null ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatRange(target.value, target.valueMax, target.unit, locale)}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('import.targets.unit'),
      dataIndex: 'unit',
      width: 64,
      render: (_, target) =>
        cell(target, 'unit', (status) => (
          <Input size="small" aria-label={t('import.targets.unit')} status={status} value={target.unit} onChange={(event) => patch(target.key, { unit: event.target.value })} />
        )),
    },
    {
      key: 'actions',
      width: 40,
      render: (_, target) => (
        <Tooltip title={t('import.targets.remove')}>
          <Button
            size="small"
            type="text"
            aria-label={t('import.targets.remove')}
            icon={<DeleteOutlined />}
            onClick={() => onChange((list) => list.filter((item) => item.key !== target.key))}
          />
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <Table<DraftTarget>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={targets}
        onRow={(target) => locateProps(target.key)}
        locale={{ emptyText: t('import.targets.empty') }}
        data-testid="target-table"
      />
      <Button
        type="dashed"
        size="small"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() =>
          onChange((list) => [
            ...list,
            { key: `new-${crypto.randomUUID()}`, text: '', year: null, indicator: '', value: null, valueMax: null, unit: '', comparator: '>=', span: null },
          ])
        }
      >
        {t('import.targets.add')}
      </Button>
    </>
  );
}
