import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { indicatorsApi, type Indicator, type IndicatorActual } from '../api/indicators.ts';
import type { Period } from '../api/reports.ts';
import { SaveFailure, useSave } from '../common/use-save.tsx';

interface Values {
  periodId: string;
  value: number;
  sourceNote: string;
}

interface Props {
  indicator: Indicator;
  periods: Period[];
  today: string;
  actual?: IndicatorActual | undefined;
  onClose: () => void;
  onSaved: (indicator: Indicator) => void;
}

/** An office's own figure for a reporting period, with where it was taken from. */
export function ActualModal({ indicator, periods, today, actual, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save } = useSave();
  const taken = new Set(indicator.actuals.map((a) => a.periodId));
  // A period not begun cannot have an actual; one that has one is corrected from its row instead.
  const offered = actual ? periods.filter((p) => p.id === actual.periodId) : periods.filter((p) => p.startsOn <= today && !taken.has(p.id));

  const submit = async () => {
    const values = await form.validateFields();
    const fields = { value: String(values.value), sourceNote: values.sourceNote.trim() };
    await save(
      async () => {
        const saved = actual ? await indicatorsApi.updateActual(actual, fields) : await indicatorsApi.addActual(indicator.id, { periodId: values.periodId, ...fields });
        message.success(t('indicators.actual.saved'));
        onSaved(saved);
      },
      (error) => {
        if (!(error instanceof ApiError) || !['indicator.actual_exists', 'indicator.period_not_started'].includes(error.code)) return false;
        form.setFields([{ name: 'periodId', errors: [errorMessage(error, t)] }]);
        return true;
      },
    );
  };

  return (
    <Modal open title={t(actual ? 'indicators.actual.editTitle' : 'indicators.actual.addTitle')} okText={t('common.save')} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} confirmLoading={saving}>
      <SaveFailure failure={failure} title={t('indicators.actual.failed')} />
      <Form<Values> form={form} name="actual" layout="vertical" initialValues={{ periodId: actual?.periodId ?? offered.at(-1)?.id, value: actual ? Number(actual.value) : undefined, sourceNote: actual?.sourceNote ?? '' }}>
        <Form.Item name="periodId" label={t('indicators.actual.period')} rules={[{ required: true, message: t('indicators.form.required') }]}>
          <Select disabled={!!actual} options={offered.map((p) => ({ value: p.id, label: p.label }))} data-testid="actual-period" notFoundContent={t('indicators.actual.noPeriod')} />
        </Form.Item>
        <Form.Item name="value" label={t('indicators.actual.value')} rules={[{ required: true, message: t('indicators.form.required') }]}>
          <InputNumber style={{ width: 200 }} suffix={indicator.unit} data-testid="actual-value" />
        </Form.Item>
        <Form.Item name="sourceNote" label={t('indicators.actual.sourceNote')} rules={[{ required: true, whitespace: true, message: t('indicators.actual.sourceRequired') }]}>
          <Input maxLength={500} placeholder={t('indicators.actual.sourcePlaceholder')} data-testid="actual-source" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
