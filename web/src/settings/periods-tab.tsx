import { EditOutlined, LockOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import type { Period } from '../api/reports.ts';
import { CALENDAR_KINDS, PERIOD_KINDS, settingsApi, type CalendarKind, type PeriodKind } from '../api/settings.ts';
import type { Cooperation } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useSave } from '../common/use-save.tsx';
import { LoadError } from '../common/load-error.tsx';
import { useRowAction } from '../common/use-row-action.ts';
import { formatDate } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { DateField } from '../common/date-field.tsx';

const DUE_MAX = 365;

interface GenerateValues {
  kind: CalendarKind;
  from: string;
  to: string;
  dueAfterDays: number;
}

/** This calendar year: what an office usually sets up first. */
function thisYear(): { from: string; to: string } {
  const year = new Date().getFullYear();
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function GenerateForm({ cooperationId, onGenerated }: { cooperationId: string; onGenerated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GenerateValues>();
  const { saving, failure, save: run, clearFailure } = useSave();

  const generate = async () => {
    // A refused field shows its message on the form; there is nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await run(
      async () => {
        const created = await settingsApi.generatePeriods(cooperationId, values);
        message.success(t('settings.periods.generated', { count: created.items.length }));
        onGenerated();
      },
      (error) => {
        if (error instanceof ApiError && error.code === 'period.invalid_range') form.setFields([{ name: 'to', errors: [t('settings.periods.toBeforeFrom')] }]);
        else return false;
        return true;
      },
    );
  };

  return (
    <Card size="small" title={t('settings.periods.generateTitle')} data-testid="generate-periods">
      <Form<GenerateValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'quarterly', ...thisYear(), dueAfterDays: 15 }}
        onValuesChange={clearFailure}
      >
        <Space wrap size={16} align="start">
          <Form.Item name="kind" label={t('settings.periods.kind')} rules={[{ required: true }]}>
            <Select<CalendarKind> aria-label={t('settings.periods.kind')} style={{ width: 140 }} options={CALENDAR_KINDS.map((k) => ({ value: k, label: t(`periodKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="from" label={t('settings.periods.from')} rules={[{ required: true, message: t('settings.periods.dateRequired') }]}>
            <DateField width={170} />
          </Form.Item>
          <Form.Item
            name="to"
            label={t('settings.periods.to')}
            dependencies={['from']}
            rules={[
              { required: true, message: t('settings.periods.dateRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const from = getFieldValue('from') as string | undefined;
                  if (value && from && value < from) throw new Error(t('settings.periods.toBeforeFrom'));
                },
              }),
            ]}
          >
            <DateField width={170} />
          </Form.Item>
          <Form.Item
            name="dueAfterDays"
            label={t('settings.periods.dueAfterDays')}
            extra={t('settings.periods.dueAfterDaysHint')}
            rules={[{ required: true, type: 'integer', min: 0, max: DUE_MAX, message: t('settings.periods.dueAfterDaysRange', { max: DUE_MAX }) }]}
          >
            <InputNumber<number> aria-label={t('settings.periods.dueAfterDays')} min={0} max={DUE_MAX} precision={0} style={{ width: 140 }} suffix={t('settings.periods.days')} />
          </Form.Item>
        </Space>
        {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('settings.periods.generateFailed')} description={errorMessage(failure, t)} data-testid="generate-error" /> : null}
        <Button type="primary" loading={saving} onClick={() => void generate()} data-testid="generate-submit">
          {t('settings.periods.generate')}
        </Button>
      </Form>
    </Card>
  );
}

interface AddValues {
  kind: PeriodKind;
  startsOn: string;
  endsOn: string;
  dueAfterDays: number;
  label: string;
}

/** Refusals about one field of a single period, shown at that field. */
const ADD_FIELD_OF_CODE: Record<string, keyof AddValues> = {
  'period.overlap': 'startsOn',
  'period.not_aligned': 'startsOn',
  'period.invalid_range': 'endsOn',
};

/** One period added by hand: a calendar one the generation left out, or one of the cooperation's own (custom, named). */
function AddPeriodModal({ cooperationId, onClose, onAdded }: { cooperationId: string; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const kind = Form.useWatch('kind', form);
  const { saving, failure, save: run, clearFailure } = useSave();

  const add = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await run(
      async () => {
        const { label, ...rest } = values;
        const created = await settingsApi.addPeriod(cooperationId, { ...rest, ...(values.kind === 'custom' ? { label: label.trim() } : {}) });
        message.success(t('settings.periods.added', { label: created.label }));
        onAdded();
      },
      (error) => {
        const field = error instanceof ApiError ? ADD_FIELD_OF_CODE[error.code] : undefined;
        if (!field) return false;
        form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
        return true;
      },
    );
  };

  return (
    <Modal open title={t('settings.periods.addTitle')} okText={t('settings.periods.addSubmit')} confirmLoading={saving} onOk={() => void add()} onCancel={onClose} destroyOnHidden>
      {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(failure, t)} /> : null}
      <Form<AddValues> form={form} layout="vertical" initialValues={{ kind: 'quarterly', dueAfterDays: 15, label: '' }} onValuesChange={clearFailure} data-testid="add-period-form">
        <Form.Item name="kind" label={t('settings.periods.kind')} extra={kind === 'custom' ? undefined : t('settings.periods.alignedHint')} rules={[{ required: true }]}>
          <Select<PeriodKind> aria-label={t('settings.periods.kind')} options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`periodKind.${k}`) }))} />
        </Form.Item>
        {kind === 'custom' ? (
          <Form.Item
            name="label"
            label={t('settings.periods.name')}
            rules={[
              { required: true, whitespace: true, message: t('settings.periods.nameRequired') },
              { max: 100, message: t('settings.tooLong', { max: 100 }) },
            ]}
          >
            <Input maxLength={101} placeholder={t('settings.periods.namePlaceholder')} />
          </Form.Item>
        ) : null}
        <Space wrap size={16} align="start">
          <Form.Item name="startsOn" label={t('settings.periods.from')} rules={[{ required: true, message: t('settings.periods.dateRequired') }]}>
            <DateField width={180} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('settings.periods.to')}
            dependencies={['startsOn']}
            rules={[
              { required: true, message: t('settings.periods.dateRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const from = getFieldValue('startsOn') as string | undefined;
                  if (value && from && value < from) throw new Error(t('settings.periods.toBeforeFrom'));
                },
              }),
            ]}
          >
            <DateField width={180} />
          </Form.Item>
        </Space>
        <Form.Item
          name="dueAfterDays"
          label={t('settings.periods.dueAfterDays')}
          extra={t('settings.periods.dueAfterDaysHint')}
          rules={[{ required: true, type: 'integer', min: 0, max: DUE_MAX, message: t('settings.periods.dueAfterDaysRange', { max: DUE_MAX }) }]}
        >
          <InputNumber<number> aria-label={t('settings.periods.dueAfterDays')} min={0} max={DUE_MAX} precision={0} style={{ width: 140 }} suffix={t('settings.periods.days')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DueDateModal({ period, onClose, onSaved }: { period: Period; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ dueOn: string }>();
  const { saving, failure, save: run, clearFailure } = useSave();

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { dueOn } = values;
    await run(
      async () => {
        await settingsApi.updatePeriod(period, dueOn);
        onSaved();
      },
      (error) => {
        if (error instanceof ApiError && error.code === 'period.due_before_end') form.setFields([{ name: 'dueOn', errors: [errorMessage(error, t)] }]);
        else return false;
        return true;
      },
    );
  };

  return (
    <Modal open title={t('settings.periods.dueTitle', { label: period.label })} okText={t('settings.save')} confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden data-testid="due-modal">
      {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(failure, t)} /> : null}
      <Form form={form} layout="vertical" initialValues={{ dueOn: period.dueOn }} onValuesChange={clearFailure}>
        <Form.Item
          name="dueOn"
          label={t('settings.periods.dueOn')}
          extra={t('settings.periods.dueHint', { end: formatDate(period.endsOn, currentLocale()) })}
          rules={[
            { required: true, message: t('settings.periods.dateRequired') },
            {
              validator: async (_, value: string | undefined) => {
                if (value && value < period.endsOn) throw new Error(t('settings.periods.dueBeforeEnd', { end: formatDate(period.endsOn, currentLocale()) }));
              },
            },
          ]}
        >
          <DateField width={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The reporting periods of a cooperation: generate them by kind, move a due date, close and reopen. */
export function PeriodsTab({ cooperation }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { data, error, loading, reload } = useApi(() => settingsApi.periods(cooperation.id), cooperation.id);
  const [editing, setEditing] = useState<Period | null>(null);
  const [adding, setAdding] = useState(false);
  const { busy, run } = useRowAction(reload);

  if (error && !data) return <LoadError error={error} onRetry={reload} />;

  const columns: TableColumnsType<Period> = [
    { title: t('settings.periods.label'), dataIndex: 'label', fixed: 'start', width: 140, render: (label: string) => <strong>{label}</strong> },
    { title: t('settings.periods.kind'), dataIndex: 'kind', width: 90, render: (kind: Period['kind']) => t(`periodKind.${kind}`) },
    {
      title: t('settings.periods.range'),
      key: 'range',
      width: 260,
      render: (_, p) => `${formatDate(p.startsOn, locale) ?? ''} – ${formatDate(p.endsOn, locale) ?? ''}`,
    },
    { title: t('settings.periods.dueOn'), dataIndex: 'dueOn', width: 150, render: (dueOn: string) => <span data-testid="period-due">{formatDate(dueOn, locale)}</span> },
    {
      title: t('settings.periods.state'),
      key: 'state',
      width: 100,
      render: (_, p) => (p.closedAt ? <Tag icon={<LockOutlined />}>{t('settings.periods.closed')}</Tag> : <Tag color="blue">{t('settings.periods.open')}</Tag>),
    },
    {
      title: t('settings.actions'),
      key: 'actions',
      width: 200,
      render: (_, p) =>
        p.closedAt ? (
          <Button size="small" icon={<UnlockOutlined />} loading={busy === p.id} onClick={() => run(p.id, () => settingsApi.reopenPeriod(p))}>
            {t('settings.periods.reopen')}
          </Button>
        ) : (
          <Space size={4}>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)}>
              {t('settings.periods.editDue')}
            </Button>
            <Popconfirm
              title={t('settings.periods.closeConfirm', { label: p.label })}
              description={t('settings.periods.closeHint')}
              okText={t('settings.periods.close')}
              onConfirm={() => run(p.id, () => settingsApi.closePeriod(p))}
            >
              <Button size="small" icon={<LockOutlined />} loading={busy === p.id}>
                {t('settings.periods.close')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <GenerateForm cooperationId={cooperation.id} onGenerated={reload} />
      <Button icon={<PlusOutlined />} style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)} data-testid="add-period">
        {t('settings.periods.add')}
      </Button>
      <Table<Period>
        rowKey="id"
        size="small"
        bordered
        loading={loading && !data}
        pagination={false}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 940 }}
        locale={{ emptyText: t('settings.periods.none') }}
        data-testid="period-table"
      />
      {adding ? (
        <AddPeriodModal
          cooperationId={cooperation.id}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            reload();
          }}
        />
      ) : null}
      {editing ? (
        <DueDateModal
          period={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
      <Typography.Text type="secondary">{t('settings.periods.footnote')}</Typography.Text>
    </Space>
  );
}
