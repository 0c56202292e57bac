import { App, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { VISIBILITIES } from '../api/agreements.ts';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { CROSS_SIDE_KINDS, projectsApi, type CrossSideTransaction } from '../api/projects.ts';
import type { Party, Visibility } from '../api/types.ts';
import { DateField } from '../common/date-field.tsx';
import { SaveFailure, useSave } from '../common/use-save.tsx';
import { wanToDecimal } from '../format/money.ts';
import { partyOptions } from './project-words.ts';

interface Values {
  on?: string;
  kind: (typeof CROSS_SIDE_KINDS)[number];
  fromPartyId?: string;
  toPartyId?: string;
  quantity?: number | null;
  unit?: string;
  amountWan?: number | null;
  currency: string;
  note?: string;
  reason?: string;
  visibility: Visibility;
}

const FIELD_OF_CODE: Record<string, keyof Values> = {
  'money.unknown_currency': 'currency',
  'money.future_date': 'on',
  'money.reason_required': 'reason',
  'cross_side.measure_required': 'quantity',
  'cross_side.unit_required': 'unit',
  'cross_side.same_side': 'toPartyId',
};

/** One entry of trade between the sides: a dated quantity and/or amount from one side to the other. */
export function TradeFormModal({ cooperationId, parties, entry, onClose, onSaved }: { cooperationId: string; parties: Party[]; entry?: CrossSideTransaction | undefined; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save, clearFailure } = useSave();
  const submit = async () => {
    const v = await form.validateFields();
    const fields = {
      on: v.on ?? '',
      kind: v.kind,
      fromPartyId: v.fromPartyId ?? null,
      toPartyId: v.toPartyId ?? null,
      quantity: v.quantity === null || v.quantity === undefined ? null : String(v.quantity),
      unit: v.unit?.trim() ? v.unit.trim() : null,
      amount: v.amountWan === null || v.amountWan === undefined ? null : wanToDecimal(v.amountWan),
      currency: v.currency,
      note: v.note?.trim() ? v.note.trim() : null,
      reason: v.reason?.trim() ? v.reason.trim() : null,
      visibility: v.visibility,
    };
    await save(
      async () => {
        if (entry) await projectsApi.updateTrade(entry, fields);
        else await projectsApi.createTrade(cooperationId, fields);
        message.success(t('projects.trade.saved'));
        onSaved();
      },
      (error) => {
        const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
        if (field) form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
        return field !== undefined;
      },
    );
  };
  const initialValues: Values = entry
    ? {
        on: entry.on,
        kind: entry.kind,
        fromPartyId: entry.fromPartyId ?? undefined,
        toPartyId: entry.toPartyId ?? undefined,
        quantity: entry.quantity === null ? null : Number(entry.quantity),
        unit: entry.unit ?? undefined,
        amountWan: entry.amount === null ? null : Number(entry.amount) / 10_000,
        currency: entry.currency,
        note: entry.note ?? undefined,
        reason: entry.reason ?? undefined,
        visibility: entry.visibility,
      }
    : { kind: 'green_certificate', currency: 'CNY', visibility: 'parties' };
  const negativeNeedsReason = ({ getFieldValue }: { getFieldValue: (name: keyof Values) => unknown }) => ({
    validator: (_: unknown, value: string | undefined) =>
      (Number(getFieldValue('quantity')) < 0 || Number(getFieldValue('amountWan')) < 0) && !value?.trim() ? Promise.reject(new Error(t('projects.trade.reasonRequired'))) : Promise.resolve(),
  });
  return (
    <Modal open width={680} title={t(entry ? 'projects.trade.editTitle' : 'projects.trade.createTitle')} okText={t('common.save')} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} confirmLoading={saving}>
      <SaveFailure failure={failure} title={t('projects.trade.failed')} />
      <Form<Values> form={form} name="trade" layout="vertical" initialValues={initialValues} onValuesChange={clearFailure}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('projects.trade.kind')}>
              <Select options={CROSS_SIDE_KINDS.map((k) => ({ value: k, label: t(`projects.tradeKind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="on" label={t('projects.trade.on')} rules={[{ required: true, message: t('projects.form.required') }]}>
              <DateField />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="fromPartyId" label={t('projects.trade.from')}>
              <Select allowClear options={partyOptions(parties)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="toPartyId" label={t('projects.trade.to')}>
              <Select allowClear options={partyOptions(parties)} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="quantity" label={t('projects.trade.quantity')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="unit" label={t('projects.trade.unit')}>
              <Input maxLength={20} placeholder="张" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="amountWan" label={t('projects.trade.amount')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="currency" label={t('projects.trade.currency')}>
              <Input maxLength={3} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('projects.trade.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="reason" label={t('projects.trade.reason')} dependencies={['quantity', 'amountWan']} rules={[negativeNeedsReason]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="visibility" label={t('projects.field.visibility')}>
          <Radio.Group optionType="button" options={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
