import { App, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { TARGET_COMPARATORS } from '../../../src/contract/indicator-status.ts';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { indicatorsApi, type Comparator, type Indicator, type IndicatorTarget } from '../api/indicators.ts';
import { SaveFailure, useSave } from '../common/use-save.tsx';
import { comparatorLabel } from './target-text.ts';

interface Values {
  year: number;
  comparator: Comparator;
  value: number;
  valueMax?: number | null;
  sourceText?: string;
}

interface Props {
  indicator: Indicator;
  target?: IndicatorTarget | undefined;
  onClose: () => void;
  onSaved: (indicator: Indicator) => void;
}

/** The comparators offered; ≈ comes only from imported texts and is shown, not chosen. */
const OFFERED: Comparator[] = TARGET_COMPARATORS.filter((c) => c !== '≈');

/** A target for a year: its comparator, figure and, for a range, its maximum. */
export function TargetModal({ indicator, target, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save } = useSave();
  const comparator = Form.useWatch('comparator', form) ?? target?.comparator ?? '>=';
  const baselineYear = indicator.baselineOn ? Number(indicator.baselineOn.slice(0, 4)) : null;

  const submit = async () => {
    const values = await form.validateFields();
    const fields = {
      year: values.year,
      comparator: values.comparator,
      value: String(values.value),
      valueMax: values.comparator === 'range' && values.valueMax !== null && values.valueMax !== undefined ? String(values.valueMax) : null,
      sourceText: values.sourceText?.trim() ? values.sourceText.trim() : null,
    };
    await save(
      async () => {
        const saved = target ? await indicatorsApi.updateTarget(target, fields) : await indicatorsApi.addTarget(indicator.id, fields);
        message.success(t('indicators.target.saved'));
        onSaved(saved);
      },
      (error) => {
        if (!(error instanceof ApiError)) return false;
        const field = ({ 'indicator.target_before_baseline': 'year', 'indicator.target_year_taken': 'year', 'indicator.range_inverted': 'valueMax', 'indicator.range_max_required': 'valueMax' } as const)[error.code];
        if (!field) return false;
        form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
        return true;
      },
    );
  };

  return (
    <Modal open title={t(target ? 'indicators.target.editTitle' : 'indicators.target.addTitle')} okText={t('common.save')} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} confirmLoading={saving}>
      <SaveFailure failure={failure} title={t('indicators.target.failed')} />
      <Form<Values>
        form={form}
        name="target"
        layout="vertical"
        initialValues={{
          year: target?.year ?? undefined,
          comparator: target?.comparator ?? '>=',
          value: target ? Number(target.value) : undefined,
          valueMax: target?.valueMax ? Number(target.valueMax) : null,
          sourceText: target?.sourceText ?? '',
        }}
      >
        <Space size={16} wrap align="start">
          <Form.Item
            name="year"
            label={t('indicators.target.year')}
            rules={[
              { required: true, message: t('indicators.form.required') },
              { validator: async (_, year: number | undefined) => { if (year && baselineYear && year < baselineYear) throw new Error(t('errorCodes.indicator.target_before_baseline')); } },
            ]}
          >
            <InputNumber min={1949} max={2100} precision={0} style={{ width: 120 }} data-testid="target-year" />
          </Form.Item>
          <Form.Item name="comparator" label={t('indicators.target.comparator')}>
            <Select style={{ width: 140 }} options={OFFERED.map((value) => ({ value, label: comparatorLabel(value, t) }))} data-testid="target-comparator" />
          </Form.Item>
          <Form.Item name="value" label={t(comparator === 'range' ? 'indicators.target.min' : 'indicators.target.value')} rules={[{ required: true, message: t('indicators.form.required') }]}>
            <InputNumber style={{ width: 160 }} suffix={indicator.unit} data-testid="target-value" />
          </Form.Item>
          {comparator === 'range' ? (
            <Form.Item
              name="valueMax"
              label={t('indicators.target.max')}
              dependencies={['value']}
              rules={[
                { required: true, message: t('errorCodes.indicator.range_max_required') },
                ({ getFieldValue }) => ({ validator: async (_, max: number | null) => { const min: unknown = getFieldValue('value'); if (typeof max === 'number' && typeof min === 'number' && max < min) throw new Error(t('errorCodes.indicator.range_inverted')); } }),
              ]}
            >
              <InputNumber style={{ width: 160 }} suffix={indicator.unit} data-testid="target-value-max" />
            </Form.Item>
          ) : null}
        </Space>
        <Form.Item name="sourceText" label={t('indicators.target.sourceText')}>
          <Input maxLength={500} placeholder={t('indicators.target.sourcePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
