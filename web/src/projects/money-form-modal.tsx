import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { projectsApi, type ProjectDetail, type SigningEvent } from '../api/projects.ts';
import type { Party } from '../api/types.ts';
import { DateField } from '../common/date-field.tsx';
import { SaveFailure, useSave } from '../common/use-save.tsx';
import { wanToDecimal } from '../format/money.ts';
import { partyOptions } from './project-words.ts';

interface Values {
  kind: 'contracted' | 'in_place';
  basis: 'signing' | 'expansion' | 'transfer';
  signingEventId?: string;
  on?: string;
  amountWan?: number | null;
  currency: string;
  providerPartyId?: string;
  receiverPartyId?: string;
  reason?: string;
}

const FIELD_OF_CODE: Record<string, keyof Values> = {
  'money.unknown_currency': 'currency',
  'money.future_date': 'on',
  'money.reason_required': 'reason',
  'money.zero_amount': 'amountWan',
  'money.event_unknown': 'signingEventId',
  'money.party_unknown': 'providerPartyId',
};

/** A dated 签约额 or 到位资金 of a project; a correction is a negative entry with its reason. */
export function MoneyFormModal({ project, parties, events, onClose, onSaved }: { project: ProjectDetail; parties: Party[]; events: SigningEvent[]; onClose: () => void; onSaved: (p: ProjectDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save, clearFailure } = useSave();
  const kind = Form.useWatch('kind', form) ?? 'contracted';

  const submit = async () => {
    const values = await form.validateFields();
    await save(
      async () => {
        const saved = await projectsApi.addMoney(project.id, {
          kind: values.kind,
          ...(values.kind === 'contracted' ? { basis: values.basis, signingEventId: values.signingEventId ?? null } : {}),
          on: values.on ?? '',
          amount: wanToDecimal(values.amountWan ?? 0),
          currency: values.currency,
          providerPartyId: values.providerPartyId ?? null,
          receiverPartyId: values.receiverPartyId ?? null,
          reason: values.reason?.trim() ? values.reason.trim() : null,
        });
        message.success(t('projects.moneyForm.saved'));
        onSaved(saved);
      },
      (error) => {
        const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
        if (field) form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
        return field !== undefined;
      },
    );
  };

  const initialValues: Values = { kind: 'contracted', basis: 'signing', currency: project.currency, providerPartyId: project.investorPartyId ?? undefined, receiverPartyId: project.hostPartyId ?? undefined };

  return (
    <Modal open width={640} title={t('projects.moneyForm.title')} okText={t('projects.moneyForm.save')} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} confirmLoading={saving}>
      <SaveFailure failure={failure} title={t('projects.moneyForm.failed')} testId="money-form-failure" />
      <Form<Values> form={form} name="money" layout="vertical" initialValues={initialValues} onValuesChange={clearFailure}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('projects.moneyForm.kind')}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={(['contracted', 'in_place'] as const).map((k) => ({ value: k, label: t(`projects.moneyKind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="on" label={t('projects.moneyForm.on')} rules={[{ required: true, message: t('projects.form.required') }]}>
              <DateField />
            </Form.Item>
          </Col>
        </Row>
        {kind === 'contracted' ? (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="signingEventId" label={t('projects.moneyForm.event')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('projects.moneyForm.noEvent')} options={events.map((e) => ({ value: e.id, label: `${e.name}（${e.heldOn}）` }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="basis" label={t('projects.moneyForm.basis')}>
                <Select options={(['signing', 'expansion', 'transfer'] as const).map((b) => ({ value: b, label: t(`projects.basis.${b}`) }))} />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item
              name="amountWan"
              label={t('projects.moneyForm.amount')}
              extra={t('projects.moneyForm.amountHint')}
              rules={[
                { required: true, message: t('projects.form.required') },
                { validator: (_, value: number | null) => (value === 0 ? Promise.reject(new Error(t('projects.moneyForm.nonZero'))) : Promise.resolve()) },
              ]}
            >
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="currency" label={t('projects.moneyForm.currency')} rules={[{ pattern: /^[A-Z]{3}$/, message: t('errorCodes.money.unknown_currency', { currency: '' }) }]}>
              <Input maxLength={3} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="providerPartyId" label={t('projects.moneyForm.provider')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={partyOptions(parties)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="receiverPartyId" label={t('projects.moneyForm.receiver')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={partyOptions(parties)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="reason"
          label={t('projects.moneyForm.reason')}
          dependencies={['amountWan']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                Number(getFieldValue('amountWan')) < 0 && !value?.trim() ? Promise.reject(new Error(t('projects.moneyForm.reasonRequired'))) : Promise.resolve(),
            }),
          ]}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
