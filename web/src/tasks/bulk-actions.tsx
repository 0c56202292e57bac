import { App, Button, Form, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';
import { TASK_PRIORITIES, tasksApi, type TaskListItem, type TaskPriority } from '../api/tasks.ts';
import type { Party } from '../api/types.ts';
import { DateField } from '../common/date-field.tsx';
import { bulkPatch, type BulkChange } from './bulk-edit.ts';
import { usePartyUnits } from './use-party-units.ts';

type Action = BulkChange['kind'];

interface Values {
  dueOn?: string | undefined;
  priority?: TaskPriority;
  tags?: string[];
  partyId?: string;
  organizationId?: string;
}

function changeOf(action: Action, values: Values): BulkChange | null {
  switch (action) {
    case 'dueOn':
      return { kind: 'dueOn', dueOn: values.dueOn ?? null };
    case 'priority':
      return values.priority ? { kind: 'priority', priority: values.priority } : null;
    case 'tags': {
      const add = (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean);
      return add.length ? { kind: 'tags', add } : null;
    }
    case 'lead':
      return values.partyId && values.organizationId ? { kind: 'lead', partyId: values.partyId, organizationId: values.organizationId } : null;
  }
}

/**
 * One change to every selected task of the ledger: a due date, a priority, tags added, or the lead unit of a side
 * the user is office of. Each task is saved on its own with its version, so one refused or changed meanwhile is
 * named and the others still go through.
 */
export function BulkActions({ selected, parties, ownSides, onDone }: { selected: TaskListItem[]; parties: Party[]; ownSides: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [action, setAction] = useState<Action | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const mySides = parties.filter((p) => ownSides.includes(p.id));
  const { sides } = usePartyUnits(mySides);
  const partyId = Form.useWatch('partyId', form) ?? mySides[0]?.id;

  const apply = async () => {
    if (!action) return;
    const values = await form.validateFields();
    const change = changeOf(action, { partyId: mySides[0]?.id, ...values });
    if (!change) return;
    setSaving(true);
    const refused: string[] = [];
    let changed = 0;
    for (const task of selected) {
      const patch = bulkPatch(task, change);
      if (!patch) continue;
      try {
        await tasksApi.update(task.id, task.version, patch);
        changed++;
      } catch (error) {
        refused.push(`${task.title}：${errorMessage(error, t)}`);
      }
    }
    setSaving(false);
    setAction(null);
    form.resetFields();
    onDone();
    if (refused.length === 0) {
      message.success(t('tasks.bulk.done', { count: changed }));
    } else {
      modal.warning({
        title: t('tasks.bulk.partly', { changed, refused: refused.length }),
        content: (
          <ul style={{ paddingInlineStart: 18 }} data-testid="bulk-refused">
            {refused.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ),
      });
    }
  };

  const required = { required: true, message: t('tasks.bulk.required') };
  const actions: { action: Action; label: string; offered: boolean }[] = [
    { action: 'dueOn', label: t('tasks.bulk.dueOn'), offered: true },
    { action: 'lead', label: t('tasks.bulk.lead'), offered: mySides.length > 0 },
    { action: 'priority', label: t('tasks.bulk.priority'), offered: true },
    { action: 'tags', label: t('tasks.bulk.tags'), offered: true },
  ];

  return (
    <Space wrap size={8} data-testid="bulk-actions">
      <Typography.Text strong>{t('tasks.bulk.selected', { count: selected.length })}</Typography.Text>
      {actions
        .filter((a) => a.offered)
        .map((a) => (
          <Button key={a.action} size="small" onClick={() => setAction(a.action)}>
            {a.label}
          </Button>
        ))}
      {action ? (
        <Modal
          open
          title={t('tasks.bulk.title', { action: actions.find((a) => a.action === action)?.label ?? '', count: selected.length })}
          okText={t('tasks.bulk.apply')}
          confirmLoading={saving}
          onOk={() => void apply().catch(() => undefined)}
          onCancel={() => setAction(null)}
          destroyOnHidden
        >
          <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ partyId: mySides[0]?.id }}>
            {action === 'dueOn' ? (
              <Form.Item name="dueOn" label={t('tasks.dueOn')} extra={t('tasks.bulk.dueOnHint')}>
                <DateField />
              </Form.Item>
            ) : null}
            {action === 'priority' ? (
              <Form.Item name="priority" label={t('tasks.priority')} rules={[required]}>
                <Select options={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priorityValue.${p}`) }))} />
              </Form.Item>
            ) : null}
            {action === 'tags' ? (
              <Form.Item name="tags" label={t('tasks.tags')} extra={t('tasks.bulk.tagsHint')} rules={[required]}>
                <Select mode="tags" open={false} suffixIcon={null} />
              </Form.Item>
            ) : null}
            {action === 'lead' ? (
              <>
                {mySides.length > 1 ? (
                  <Form.Item name="partyId" label={t('tasks.bulk.side')} rules={[required]}>
                    <Select options={mySides.map((p) => ({ value: p.id, label: p.name }))} />
                  </Form.Item>
                ) : null}
                <Form.Item
                  name="organizationId"
                  label={t('tasks.bulk.leadOf', { side: mySides.find((p) => p.id === partyId)?.name ?? '' })}
                  rules={[required]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={(sides.find((s) => s.party.id === partyId)?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
                  />
                </Form.Item>
              </>
            ) : null}
          </Form>
        </Modal>
      ) : null}
    </Space>
  );
}
