import { App, AutoComplete, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { indicatorsApi, type Direction, type Indicator, type IndicatorFields, type Rollup } from '../api/indicators.ts';
import type { Party, Visibility } from '../api/types.ts';
import { DateField } from '../common/date-field.tsx';
import { SaveFailure, useSave } from '../common/use-save.tsx';
import { usePartyUnits } from '../tasks/use-party-units.ts';
import { UNIT_SUGGESTIONS } from './quantity.ts';

const ROLLUPS: Rollup[] = ['cumulative', 'sum_per_year', 'latest', 'average'];

interface Values {
  name: string;
  unit: string;
  description: string;
  direction: Direction;
  rollup: Rollup;
  baseline?: number | null;
  baselineOn?: string | undefined;
  marginPercent?: number | null;
  visibility: Visibility;
  /** Responsible units by party id. */
  units: Record<string, string[]>;
  /** Computed by a formula over the cooperation's projects and trade, rather than entered. */
  computed: boolean;
  measure?: string | undefined;
  where: Partial<Record<(typeof PARTY_FIELDS)[number] | 'crossSideKind' | 'unit', string>>;
  divisor: number;
}

/** The figures a formula may take (src/modules/project/project-figures.service.ts) and the sides it may filter by. */
const MEASURES = ['in_place', 'contracted', 'projects', 'signed_projects', 'cross_side_quantity', 'cross_side_amount', 'cross_side_entries'] as const;
const PARTY_FIELDS = ['investorPartyId', 'hostPartyId', 'fromPartyId', 'toPartyId'] as const;
const CROSS_SIDE_KINDS = ['green_certificate', 'procurement', 'soe_investment', 'tourism', 'other'] as const;
const DIVISORS = [1, 1e4, 1e8] as const;

function formulaOf(values: Values): IndicatorFields['formula'] {
  if (!values.computed || !values.measure) return null;
  const crossSide = values.measure.startsWith('cross_side_');
  const fields = crossSide ? (['fromPartyId', 'toPartyId', 'crossSideKind', 'unit'] as const) : (['investorPartyId', 'hostPartyId'] as const);
  const where: Record<string, string> = {};
  for (const field of fields) {
    const value = values.where[field]?.trim();
    if (value) where[field] = value;
  }
  return { measure: values.measure, where, currency: null, divisor: values.divisor };
}

interface Props {
  cooperationId: string;
  parties: Party[];
  /** The indicator being edited; absent: a new one. */
  indicator?: Indicator | undefined;
  onClose: () => void;
  onSaved: (indicator: Indicator) => void;
}

function fieldsOf(values: Values, parties: Party[]): IndicatorFields {
  return {
    name: values.name.trim(),
    unit: values.unit.trim(),
    description: values.description.trim(),
    direction: values.direction,
    rollup: values.rollup,
    baseline: values.baseline === null || values.baseline === undefined ? null : String(values.baseline),
    baselineOn: values.baselineOn ?? null,
    atRiskMargin: values.marginPercent === null || values.marginPercent === undefined ? null : values.marginPercent / 100,
    units: parties.flatMap((p) => (values.units[p.id] ?? []).map((organizationId) => ({ partyId: p.id, organizationId }))),
    formula: formulaOf(values),
  };
}

/** Registering an indicator, or changing its name, unit, direction, roll-up rule, baseline, margin and responsible units. */
export function IndicatorFormModal({ cooperationId, parties, indicator, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save } = useSave();
  const { sides } = usePartyUnits(parties);
  const visibility = Form.useWatch('visibility', form) ?? indicator?.visibility ?? 'parties';
  const computed = Form.useWatch('computed', form) ?? !!indicator?.formula;
  const measure = Form.useWatch('measure', form) ?? indicator?.formula?.measure;
  const text = (value: string | number | undefined) => (typeof value === 'string' ? value : undefined);

  const initialUnits: Record<string, string[]> = {};
  for (const party of parties) initialUnits[party.id] = indicator?.units.filter((u) => u.partyId === party.id).map((u) => u.organizationId) ?? [];

  const submit = async () => {
    const values = await form.validateFields();
    const fields = fieldsOf(values, parties);
    await save(
      async () => {
        const saved = indicator ? await indicatorsApi.update(indicator, fields) : await indicatorsApi.create(cooperationId, { ...fields, visibility: values.visibility, targets: [] });
        message.success(t(indicator ? 'indicators.form.saved' : 'indicators.form.created'));
        onSaved(saved);
      },
      // Refusals about one field are said at that field; the rest above the form.
      (error) => {
        if (!(error instanceof ApiError)) return false;
        if (error.code === 'indicator.target_before_baseline') form.setFields([{ name: 'baselineOn', errors: [t('errorCodes.indicator.target_before_baseline')] }]);
        else if (error.code === 'indicator.duplicate') form.setFields([{ name: 'name', errors: [t('errorCodes.indicator.duplicate')] }]);
        else if (error.code.startsWith('indicator.formula_')) form.setFields([{ name: 'measure', errors: [errorMessage(error, t)] }]);
        else return false;
        return true;
      },
    );
  };

  const required = { required: true, whitespace: true, message: t('indicators.form.required') };
  return (
    <Modal
      open
      width={640}
      title={t(indicator ? 'indicators.form.editTitle' : 'indicators.form.createTitle')}
      okText={t('common.save')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <SaveFailure failure={failure} title={t('indicators.form.failed')} testId="indicator-form-failure" />
      <Form<Values>
        form={form}
        name="indicator"
        layout="vertical"
        initialValues={{
          name: indicator?.name ?? '',
          unit: indicator?.unit ?? '',
          description: indicator?.description ?? '',
          direction: indicator?.direction ?? 'higher',
          rollup: indicator?.rollup ?? 'cumulative',
          baseline: indicator?.baseline === null || indicator?.baseline === undefined ? null : Number(indicator.baseline),
          baselineOn: indicator?.baselineOn ?? undefined,
          marginPercent: indicator?.atRiskMargin === null || indicator?.atRiskMargin === undefined ? null : Math.round(indicator.atRiskMargin * 1000) / 10,
          visibility: indicator?.visibility ?? 'parties',
          units: initialUnits,
          computed: !!indicator?.formula,
          measure: indicator?.formula?.measure,
          where: {
            investorPartyId: text(indicator?.formula?.where.investorPartyId),
            hostPartyId: text(indicator?.formula?.where.hostPartyId),
            fromPartyId: text(indicator?.formula?.where.fromPartyId),
            toPartyId: text(indicator?.formula?.where.toPartyId),
            crossSideKind: text(indicator?.formula?.where.crossSideKind),
            unit: text(indicator?.formula?.where.unit),
          },
          divisor: indicator?.formula?.divisor ?? 1,
        }}
      >
        <Form.Item name="name" label={t('indicators.fields.name')} rules={[required, { max: 200, message: t('indicators.form.tooLong') }]}>
          <Input maxLength={200} data-testid="indicator-name" />
        </Form.Item>
        <Space size={16} wrap align="start">
          <Form.Item name="unit" label={t('indicators.fields.unit')} rules={[required, { max: 20, message: t('indicators.form.tooLong') }]}>
            <AutoComplete style={{ width: 160 }} options={UNIT_SUGGESTIONS.map((value) => ({ value }))} data-testid="indicator-unit" />
          </Form.Item>
          <Form.Item name="direction" label={t('indicators.fields.direction')}>
            <Radio.Group optionType="button" options={(['higher', 'lower'] as const).map((value) => ({ value, label: t(`indicators.direction.${value}`) }))} />
          </Form.Item>
          <Form.Item name="rollup" label={t('indicators.fields.rollup')} extra={t('indicators.form.rollupHint')}>
            <Select style={{ width: 200 }} options={ROLLUPS.map((value) => ({ value, label: t(`indicators.rollup.${value}`) }))} data-testid="indicator-rollup" />
          </Form.Item>
        </Space>
        <Space size={16} wrap align="start">
          <Form.Item name="baseline" label={t('indicators.fields.baseline')}>
            <InputNumber style={{ width: 160 }} data-testid="indicator-baseline" />
          </Form.Item>
          <Form.Item
            name="baselineOn"
            label={t('indicators.fields.baselineOn')}
            dependencies={['baseline']}
            rules={[({ getFieldValue }) => ({ validator: async (_, value) => { if (getFieldValue('baseline') !== null && getFieldValue('baseline') !== undefined && !value) throw new Error(t('indicators.form.baselineDateRequired')); } })]}
          >
            <DateField width={180} />
          </Form.Item>
          <Form.Item name="marginPercent" label={t('indicators.fields.margin')} extra={t('indicators.form.marginHint')}>
            <InputNumber min={0} max={100} suffix="%" style={{ width: 120 }} />
          </Form.Item>
        </Space>
        {indicator ? null : (
          <Form.Item name="visibility" label={t('indicators.fields.visibility')}>
            <Select style={{ width: 240 }} options={(['parties', 'side', 'public'] as const).map((value) => ({ value, label: t(`visibility.${value}`) }))} />
          </Form.Item>
        )}
        {sides.map(({ party, units }) => (
          <Form.Item key={party.id} name={['units', party.id]} label={t('indicators.fields.unitsOf', { party: party.name })} hidden={visibility === 'side' && !!indicator?.ownerPartyId && indicator.ownerPartyId !== party.id}>
            <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid={`indicator-units-${party.regionCode}`} />
          </Form.Item>
        ))}
        <Form.Item name="computed" label={t('indicators.fields.source')}>
          <Radio.Group optionType="button" options={[{ value: false, label: t('indicators.formula.entered') }, { value: true, label: t('indicators.formula.computed') }]} data-testid="indicator-computed" />
        </Form.Item>
        {computed ? (
          <Space size={12} wrap align="start" data-testid="indicator-formula-fields">
            <Form.Item name="measure" label={t('indicators.formula.measure')} rules={[{ required: true, message: t('indicators.form.required') }]}>
              <Select style={{ width: 180 }} options={MEASURES.map((value) => ({ value, label: t(`indicators.measure.${value}`) }))} />
            </Form.Item>
            {(measure?.startsWith('cross_side_') ? (['fromPartyId', 'toPartyId'] as const) : (['investorPartyId', 'hostPartyId'] as const)).map((field) => (
              <Form.Item key={field} name={['where', field]} label={t(`indicators.formula.${field}`)}>
                <Select allowClear style={{ width: 140 }} options={parties.map((p) => ({ value: p.id, label: p.name }))} />
              </Form.Item>
            ))}
            {measure?.startsWith('cross_side_') ? (
              <>
                <Form.Item name={['where', 'crossSideKind']} label={t('indicators.formula.crossSideKind')}>
                  <Select allowClear style={{ width: 140 }} options={CROSS_SIDE_KINDS.map((value) => ({ value, label: t(`indicators.crossSideKind.${value}`) }))} />
                </Form.Item>
                <Form.Item name={['where', 'unit']} label={t('indicators.formula.quantityUnit')}>
                  <Input style={{ width: 100 }} maxLength={20} />
                </Form.Item>
              </>
            ) : null}
            <Form.Item name="divisor" label={t('indicators.formula.divisor')}>
              <Select style={{ width: 140 }} options={DIVISORS.map((value) => ({ value, label: t(`indicators.formula.divisor${value === 1 ? 'None' : value === 1e4 ? 'Wan' : 'Yi'}`) }))} />
            </Form.Item>
          </Space>
        ) : null}
        <Form.Item name="description" label={t('indicators.fields.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
