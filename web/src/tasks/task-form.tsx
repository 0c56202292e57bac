import { Col, Form, Input, Radio, Row, Select, TreeSelect, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { tasksApi } from '../api/tasks.ts';
import type { Party } from '../api/types.ts';
import type { ApiState } from '../api/use-api.ts';
import { useSave } from '../common/use-save.tsx';
import {
  clauseChoices,
  NEW_TASK_FIELDS,
  sideUnitField,
  sidesOfTask,
  type ClauseChoices,
  type NewTaskValues,
  type SideUnitField,
  type UnitField,
} from './new-task-request.ts';
import { PriorityField } from './priority-field.tsx';
import { taskFormErrorsFrom } from './task-form-errors.ts';
import { usePartyUnits, type PartyUnits } from './use-party-units.ts';
import { useRefusals } from './use-refusals.ts';
import { DateField } from '../common/date-field.tsx';

/** Every agreement of the cooperation with its clause tree, for picking the clauses a task serves. */
export async function loadClauseChoices(cooperationId: string): Promise<ClauseChoices> {
  const { items } = await api.agreementsOf(cooperationId);
  const trees = await Promise.all(items.map((agreement) => api.clausesOf(agreement.id)));
  return clauseChoices(items.map((agreement, i) => ({ agreement, clauses: trees[i]?.items ?? [] })));
}

/** The lead unit and the co-operating units of one side; a unit leading the task is not offered again as co-operating. */
function SideUnitsFields({ side, loading, disabled, form }: { side: PartyUnits; loading: boolean; disabled: boolean; form: FormInstance<NewTaskValues> }) {
  const { t } = useTranslation();
  const lead = Form.useWatch<string | undefined>(sideUnitField(side.party.id, 'lead'), form);
  const options = side.units.map((unit) => ({ value: unit.id, label: unit.name }));
  const extra = disabled ? t('tasks.edit.otherSideUnits', { party: side.party.name }) : undefined;
  return (
    <Row gutter={12}>
      <Col xs={24} sm={10}>
        <Form.Item name={sideUnitField(side.party.id, 'lead')} label={t('tasks.leadUnit', { party: side.party.name })} extra={extra}>
          <Select allowClear disabled={disabled} showSearch={{ optionFilterProp: 'label' }} loading={loading} placeholder={t('tasks.create.unitPlaceholder')} options={options} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={14}>
        <Form.Item name={sideUnitField(side.party.id, 'co')} label={t('tasks.create.coUnitsOf', { party: side.party.name })}>
          <Select
            mode="multiple"
            allowClear
            disabled={disabled}
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

interface Props {
  form: FormInstance<NewTaskValues>;
  name: string;
  cooperationId: string;
  parties: Party[];
  clauses: ApiState<ClauseChoices>;
  initialValues: Partial<NewTaskValues>;
  /**
   * Editing a task: the sides whose units the user may change (an office changes its own side's only), and the
   * task's kind stays as it is, since changing which sides decide on a task is not one side's call. Absent: creating.
   */
  editableSides?: readonly string[];
  /** The task being edited, which does not count as its own namesake. */
  taskId?: string;
  onEdit: () => void;
}

const TITLE_MAX = 500;

/** What a task is, the clauses it serves and who leads it on each side: the form behind creating and editing a task. */
export function TaskForm({ form, name, cooperationId, parties, clauses, initialValues, editableSides, taskId, onEdit }: Props) {
  const { t } = useTranslation();
  const { sides, loading: unitsLoading } = usePartyUnits(parties);
  const joint = Form.useWatch('joint', form) ?? initialValues.joint ?? true;
  const ownerPartyId = Form.useWatch('ownerPartyId', form) ?? initialValues.ownerPartyId;
  const partyIds = parties.map((p) => p.id);
  const ownSides = parties.filter((p) => p.can.manageTasks).map((p) => p.id);
  const shown = sidesOfTask(joint, ownerPartyId, partyIds);
  const editing = editableSides !== undefined;

  return (
    <Form<NewTaskValues> form={form} name={name} layout="vertical" preserve={false} initialValues={initialValues} onValuesChange={onEdit}>
      <Form.Item
        name="title"
        label={t('tasks.create.titleLabel')}
        validateDebounce={400}
        rules={[
          { required: true, whitespace: true, message: t('tasks.create.errors.required') },
          // Refused with the limit shown rather than cut: a cut title would be saved as something nobody wrote.
          { max: TITLE_MAX, message: t('tasks.create.errors.titleTooLong', { max: TITLE_MAX }) },
          {
            warningOnly: true,
            validator: async (_, value: string | undefined) => {
              const title = value?.trim();
              if (!title || title.length > TITLE_MAX) return;
              const { items } = await tasksApi.ledger(cooperationId, { q: title, pageSize: 20 });
              if (items.some((task) => task.title === title && task.id !== taskId)) throw new Error(t('tasks.create.duplicateTitle'));
            },
          },
        ]}
      >
        <Input count={{ show: true, max: TITLE_MAX }} placeholder={t('tasks.create.titlePlaceholder')} />
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
        <Col xs={24} sm={10}>
          <Form.Item name="joint" label={t('tasks.create.kind')} extra={editing ? t('tasks.edit.kindFixed') : undefined}>
            <Radio.Group
              optionType="button"
              disabled={editing}
              options={[
                { value: true, label: t('tasks.jointYes') },
                { value: false, label: t('tasks.jointNo'), disabled: ownSides.length === 0 },
              ]}
            />
          </Form.Item>
        </Col>
        {joint ? null : (
          <Col xs={24} sm={14}>
            <Form.Item name="ownerPartyId" label={t('tasks.create.ownerSide')} rules={[{ required: true, message: t('tasks.create.errors.required') }]}>
              <Select
                disabled={editing}
                options={parties.filter((p) => (editing ? p.id === ownerPartyId : ownSides.includes(p.id))).map((p) => ({ value: p.id, label: p.name }))}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      {sides
        .filter((side) => shown.includes(side.party.id))
        .map((side) => (
          <SideUnitsFields key={side.party.id} side={side} loading={unitsLoading} disabled={editing && !editableSides.includes(side.party.id)} form={form} />
        ))}
      <Row gutter={12}>
        <Col xs={12} sm={6}>
          <Form.Item name="startOn" label={t('tasks.startOn')}>
            <DateField />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="dueOn" label={t('tasks.dueOn')}>
            <DateField />
          </Form.Item>
        </Col>
        <Col xs={24} sm={5}>
          <PriorityField />
        </Col>
        <Col xs={24} sm={7}>
          <Form.Item name="tags" label={t('tasks.tags')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={t('tasks.create.tagsPlaceholder')} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/**
 * Saving the task form: while the call runs, and after it the server's refusal placed on the fields it is about;
 * what no field holds (a permission, a conflict, the network) is kept as `failure` for the form to show as a whole.
 */
export function useTaskFormSave(form: FormInstance<NewTaskValues>) {
  const { t } = useTranslation();
  const refusals = useRefusals(form);
  const { saving, failure, save: run } = useSave();

  const save = (unitFields: UnitField<SideUnitField>[], call: () => Promise<void>) =>
    run(call, (error) => {
      const located = taskFormErrorsFrom(error, { plain: NEW_TASK_FIELDS, units: unitFields });
      if (!located) return false;
      refusals.refuse(located.fields.map((issue) => ({ name: issue.name, message: t(`tasks.create.errors.${issue.code}`) })));
      const [first] = located.fields;
      if (first) form.scrollToField(first.name, { block: 'center' });
      return !located.unplaced;
    });

  return { saving, failure, save, onEdit: refusals.clear };
}
