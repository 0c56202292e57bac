import { Alert, App, Col, Form, Input, Modal, Radio, Row, Select, TreeSelect, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { tasksApi } from '../api/tasks.ts';
import { PriorityField } from './priority-field.tsx';
import type { Party } from '../api/types.ts';
import { useApi, type ApiState } from '../api/use-api.ts';
import { useMe } from '../session/session-context.tsx';
import {
  clauseChoices,
  NEW_TASK_FIELDS,
  newTaskRequest,
  sideUnitField,
  sidesOfTask,
  type ClauseChoices,
  type NewTaskValues,
} from './new-task-request.ts';
import { ownerSidesFor } from './task-permissions.ts';
import { taskFormErrorsFrom } from './task-form-errors.ts';
import { usePartyUnits, type PartyUnits } from './use-party-units.ts';
import { useRefusals } from './use-refusals.ts';

interface Props {
  cooperationId: string;
  parties: Party[];
  onClose: () => void;
  onCreated: () => void;
}

/** Every agreement of the cooperation with its clause tree, for picking the clauses a task serves. */
async function loadClauseChoices(cooperationId: string): Promise<ClauseChoices> {
  const { items } = await api.agreementsOf(cooperationId);
  const trees = await Promise.all(items.map((agreement) => api.clausesOf(agreement.id)));
  return clauseChoices(items.map((agreement, i) => ({ agreement, clauses: trees[i]?.items ?? [] })));
}

/** The lead unit and the co-operating units of one side; a unit leading the task is not offered again as co-operating. */
function SideUnitsFields({ side, loading, form }: { side: PartyUnits; loading: boolean; form: FormInstance<NewTaskValues> }) {
  const { t } = useTranslation();
  const lead = Form.useWatch<string | undefined>(sideUnitField(side.party.id, 'lead'), form);
  const options = side.units.map((unit) => ({ value: unit.id, label: unit.name }));
  return (
    <Row gutter={12}>
      <Col span={10}>
        <Form.Item name={sideUnitField(side.party.id, 'lead')} label={t('tasks.leadUnit', { party: side.party.name })}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={loading} placeholder={t('tasks.create.unitPlaceholder')} options={options} />
        </Form.Item>
      </Col>
      <Col span={14}>
        <Form.Item name={sideUnitField(side.party.id, 'co')} label={t('tasks.create.coUnitsOf', { party: side.party.name })}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={loading}
            placeholder={t('tasks.create.unitPlaceholder')}
            options={options.filter((option) => option.value !== lead)}
            maxTagCount="responsive"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

function NewTaskForm({
  form,
  cooperationId,
  parties,
  clauses,
  onEdit,
}: {
  form: FormInstance<NewTaskValues>;
  cooperationId: string;
  parties: Party[];
  clauses: ApiState<ClauseChoices>;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { sides, loading: unitsLoading } = usePartyUnits(parties);
  const joint = Form.useWatch('joint', form) ?? true;
  const ownerPartyId = Form.useWatch('ownerPartyId', form);
  const partyIds = parties.map((p) => p.id);
  const ownSides = ownerSidesFor(me, cooperationId, partyIds);
  const shown = sidesOfTask(joint, ownerPartyId, partyIds);

  return (
    <Form<NewTaskValues>
      form={form}
      name="new-task"
      layout="vertical"
      preserve={false}
      initialValues={{ joint: true, ownerPartyId: ownSides[0], priority: 'normal' }}
      onValuesChange={onEdit}
    >
      <Form.Item name="title" label={t('tasks.create.titleLabel')} rules={[{ required: true, whitespace: true, message: t('tasks.create.errors.required') }]}>
        <Input maxLength={500} placeholder={t('tasks.create.titlePlaceholder')} />
      </Form.Item>
      <Form.Item name="description" label={t('tasks.description')}>
        <Input.TextArea rows={3} maxLength={20_000} placeholder={t('tasks.create.descriptionPlaceholder')} />
      </Form.Item>
      <Form.Item name="clauseIds" label={t('tasks.clauses')} extra={clauses.error ? errorMessage(clauses.error, t) : undefined}>
        <TreeSelect
          multiple
          allowClear
          showSearch
          treeNodeFilterProp="title"
          treeDefaultExpandAll
          loading={clauses.loading}
          treeData={clauses.data?.options ?? []}
          placeholder={t('tasks.create.clausesPlaceholder')}
          maxTagCount="responsive"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="joint" label={t('tasks.create.kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: true, label: t('tasks.jointYes') },
                { value: false, label: t('tasks.jointNo'), disabled: ownSides.length === 0 },
              ]}
            />
          </Form.Item>
        </Col>
        {joint ? null : (
          <Col span={14}>
            <Form.Item name="ownerPartyId" label={t('tasks.create.ownerSide')} rules={[{ required: true, message: t('tasks.create.errors.required') }]}>
              <Select options={parties.filter((p) => ownSides.includes(p.id)).map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {sides
        .filter((side) => shown.includes(side.party.id))
        .map((side) => (
          <SideUnitsFields key={side.party.id} side={side} loading={unitsLoading} form={form} />
        ))}
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="startOn" label={t('tasks.startOn')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="dueOn" label={t('tasks.dueOn')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col span={5}>
          <PriorityField />
        </Col>
        <Col span={7}>
          <Form.Item name="tags" label={t('tasks.tags')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={t('tasks.create.tagsPlaceholder')} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/**
 * A cooperation office registers a task by hand: what it is, the clauses it serves, and who leads it on each side.
 * Shown while mounted, so the clause trees and units load only when someone opens it.
 */
export function NewTaskModal({ cooperationId, parties, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewTaskValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const clauses = useApi(() => loadClauseChoices(cooperationId), cooperationId);

  const refusals = useRefusals(form);

  const submit = async () => {
    const values = await form.validateFields();
    const { body, unitFields } = newTaskRequest(values, parties.map((p) => p.id), clauses.data?.agreementOf ?? new Map<string, string>());
    setSaving(true);
    setFailure(null);
    try {
      const task = await tasksApi.create(cooperationId, body);
      message.success(t('tasks.create.created', { title: task.title }));
      onCreated();
    } catch (error) {
      const located = taskFormErrorsFrom(error, { plain: NEW_TASK_FIELDS, units: unitFields });
      if (located) {
        refusals.refuse(located.fields.map((issue) => ({ name: issue.name, message: t(`tasks.create.errors.${issue.code}`) })));
        const [first] = located.fields;
        if (first) form.scrollToField(first.name, { block: 'center' });
      }
      if (!located || located.unplaced) setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('tasks.create.title')}
      width={820}
      okText={t('tasks.create.submit')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
    >
      {failure ? <Alert type="error" showIcon title={t('tasks.create.failed')} description={errorMessage(failure, t)} style={{ marginBottom: 12 }} data-testid="new-task-error" /> : null}
      <NewTaskForm form={form} cooperationId={cooperationId} parties={parties} clauses={clauses} onEdit={refusals.clear} />
    </Modal>
  );
}
