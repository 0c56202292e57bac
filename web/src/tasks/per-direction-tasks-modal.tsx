import { Alert, App, Button, Col, Form, Modal, Result, Row, Select, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { tasksApi, type BulkCreateTasksResult } from '../api/tasks.ts';
import { PriorityField } from './priority-field.tsx';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { defaultLeadField, PER_DIRECTION_FIELDS, perDirectionRequest, type PerDirectionValues } from './new-task-request.ts';
import { taskFormErrorsFrom } from './task-form-errors.ts';
import { usePartyUnits } from './use-party-units.ts';
import { useRefusals } from './use-refusals.ts';
import { DateField } from '../common/date-field.tsx';

interface Props {
  agreementId: string;
  cooperationId: string;
  directionCount: number;
  onClose: () => void;
}

/**
 * "A task per direction": one joint task for each direction of the agreement that has none yet, with a default lead
 * unit per side; the offices then adjust the tasks one by one. Shown while mounted.
 */
export function PerDirectionTasksModal({ agreementId, cooperationId, directionCount, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PerDirectionValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<BulkCreateTasksResult | null>(null);
  const cooperation = useApi(() => api.cooperation(cooperationId), cooperationId);
  const parties = [...(cooperation.data?.parties ?? [])].sort((a, b) => a.ordinal - b.ordinal);
  const { sides } = usePartyUnits(parties);
  const refusals = useRefusals(form);

  const submit = async () => {
    const values = await form.validateFields();
    const { body, unitFields } = perDirectionRequest(values, parties.map((p) => p.id));
    const [firstParty] = parties;
    if (body.leadUnits.length === 0 && firstParty) {
      refusals.refuse([{ name: defaultLeadField(firstParty.id), message: t('tasks.perDirection.leadRequired') }]);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const created = await tasksApi.createPerDirection(agreementId, body);
      message.success(t('tasks.perDirection.done'));
      setResult(created);
    } catch (error) {
      const located = taskFormErrorsFrom(error, { plain: PER_DIRECTION_FIELDS, units: unitFields });
      if (located) refusals.refuse(located.fields.map((issue) => ({ name: issue.name, message: t(`tasks.create.errors.${issue.code}`) })));
      if (!located || located.unplaced) setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  let body: ReactNode;
  if (result) {
    body = (
      <Result
        status="success"
        title={t('tasks.perDirection.result', { created: result.items.length, skipped: result.skippedClauseIds.length })}
        extra={
          <Link to={`/cooperations/${cooperationId}/tasks`} data-testid="per-direction-ledger-link">
            <Button type="primary">{t('tasks.perDirection.toLedger')}</Button>
          </Link>
        }
        data-testid="per-direction-result"
      />
    );
  } else if (cooperation.error) {
    body = <LoadError error={cooperation.error} onRetry={cooperation.reload} />;
  } else if (!cooperation.data) {
    body = <PageLoading />;
  } else {
    body = (
      <Form<PerDirectionValues>
        form={form}
        name="per-direction-tasks"
        layout="vertical"
        initialValues={{ priority: 'normal' }}
        onValuesChange={refusals.clear}
      >
        <Typography.Paragraph type="secondary">{t('tasks.perDirection.hint', { count: directionCount })}</Typography.Paragraph>
        <Row gutter={12}>
          {sides.map(({ party, units }) => (
            <Col span={12} key={party.id}>
              <Form.Item name={defaultLeadField(party.id)} label={t('tasks.leadUnit', { party: party.name })}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('tasks.create.unitPlaceholder')}
                  options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="dueOn" label={t('tasks.dueOn')}>
              <DateField />
            </Form.Item>
          </Col>
          <Col span={12}>
            <PriorityField />
          </Col>
        </Row>
      </Form>
    );
  }

  return (
    <Modal
      open
      title={t('tasks.perDirection.title')}
      width={640}
      okText={t('tasks.perDirection.submit')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      footer={result ? <Button onClick={onClose}>{t('tasks.perDirection.close')}</Button> : undefined}
    >
      {failure ? <Alert type="error" showIcon title={t('tasks.perDirection.failed')} description={errorMessage(failure, t)} style={{ marginBottom: 12 }} /> : null}
      {body}
    </Modal>
  );
}
