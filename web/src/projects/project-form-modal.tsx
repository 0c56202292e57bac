import { App, Button, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { VISIBILITIES } from '../api/agreements.ts';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { PROJECT_KINDS, projectsApi, type ProjectDetail, type ProjectPatch, type Stage } from '../api/projects.ts';
import type { Party, Visibility } from '../api/types.ts';
import { DateField } from '../common/date-field.tsx';
import { SaveFailure, useSave } from '../common/use-save.tsx';
import { wanToDecimal } from '../format/money.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { divisionOptions, industryOptions, partyOptions, stageName } from './project-words.ts';

interface Values {
  name: string;
  kind: (typeof PROJECT_KINDS)[number];
  investor?: string;
  investorPartyId?: string;
  hostPartyId?: string;
  industryCode?: string;
  industryDivision?: string;
  investmentWan?: number | null;
  currency: string;
  stage?: string;
  stageOn?: string;
  address?: string;
  latitude?: number | null;
  longitude?: number | null;
  contactName?: string;
  contactPhone?: string;
  visibility: Visibility;
  plans?: { stage?: string; plannedOn?: string }[];
}

interface Props {
  cooperationId: string;
  parties: Party[];
  stages: Stage[];
  project?: ProjectDetail | undefined;
  onClose: () => void;
  onSaved: (project: ProjectDetail) => void;
}

const CURRENCIES = ['CNY', 'USD', 'JPY', 'EUR', 'HKD', 'KRW', 'GBP'];
const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Which field a refusal of the server is about, so it is shown there. */
const FIELD_OF_CODE: Record<string, keyof Values> = {
  'money.unknown_currency': 'currency',
  'project.industry_division_mismatch': 'industryDivision',
  'project.point_incomplete': 'latitude',
  'project_stage.future_date': 'stageOn',
  'visibility.owner_required': 'visibility',
  'project.duplicate': 'name',
};

/** Registering a project or correcting its particulars; money and stage changes have their own forms. */
export function ProjectFormModal({ cooperationId, parties, stages, project, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save, clearFailure } = useSave();
  const steps = stages.filter((s) => s.kind === 'step');
  const section = Form.useWatch('industryCode', form);

  const submit = async () => {
    const values = await form.validateFields();
    const fields: ProjectPatch = {
      name: values.name.trim(),
      kind: values.kind,
      investor: orNull(values.investor),
      investorPartyId: values.investorPartyId ?? null,
      hostPartyId: values.hostPartyId ?? null,
      industryCode: (values.industryCode as ProjectPatch['industryCode']) ?? null,
      industryDivision: orNull(values.industryDivision),
      investment: values.investmentWan === null || values.investmentWan === undefined ? null : wanToDecimal(values.investmentWan),
      currency: values.currency,
      address: orNull(values.address),
      latitude: values.latitude ?? null,
      longitude: values.longitude ?? null,
      contactName: orNull(values.contactName),
      contactPhone: orNull(values.contactPhone),
      visibility: values.visibility,
      stagePlans: (values.plans ?? []).filter((p): p is { stage: string; plannedOn: string } => !!p.stage && !!p.plannedOn),
    };
    await save(
      async () => {
        const saved = project
          ? await projectsApi.update(project, fields)
          : await projectsApi.create(cooperationId, { ...fields, name: fields.name ?? '', ...(values.stage ? { stage: values.stage } : {}), ...(values.stageOn ? { stageOn: values.stageOn } : {}) });
        message.success(t(project ? 'projects.form.saved' : 'projects.form.created', { name: saved.name }));
        onSaved(saved);
      },
      (error) => {
        const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
        if (field) form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
        return field !== undefined;
      },
    );
  };

  const initialValues: Values = project
    ? {
        name: project.name,
        kind: project.kind,
        investor: project.investor ?? undefined,
        investorPartyId: project.investorPartyId ?? undefined,
        hostPartyId: project.hostPartyId ?? undefined,
        industryCode: project.industryCode ?? undefined,
        industryDivision: project.industryDivision ?? undefined,
        investmentWan: project.investment === null ? null : Number(project.investment) / 10_000,
        currency: project.currency,
        address: project.address ?? undefined,
        latitude: project.latitude,
        longitude: project.longitude,
        contactName: project.contactName ?? undefined,
        contactPhone: project.contactPhone ?? undefined,
        visibility: project.visibility,
        plans: project.stagePlans,
      }
    : { name: '', kind: 'investment', currency: 'CNY', visibility: 'parties', stage: steps[0]?.code, plans: [] };

  const required = [{ required: true, whitespace: true, message: t('projects.form.required') }];
  const stageOptions = steps.map((s) => ({ value: s.code, label: stageName(stages, s.code, locale, t) }));

  return (
    <Modal
      open
      width={820}
      title={t(project ? 'projects.form.editTitle' : 'projects.form.createTitle')}
      okText={t('common.save')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <SaveFailure failure={failure} title={t('projects.form.failed')} testId="project-form-failure" />
      <Form<Values> form={form} name="project" layout="vertical" initialValues={initialValues} onValuesChange={clearFailure}>
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            <Form.Item name="name" label={t('projects.field.name')} rules={required}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="kind" label={t('projects.field.kind')}>
              <Select options={PROJECT_KINDS.map((k) => ({ value: k, label: t(`projects.kind.${k}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="investor" label={t('projects.field.investor')} extra={t('projects.form.investorHint')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="investorPartyId" label={t('projects.field.investorSide')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={partyOptions(parties)} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="hostPartyId" label={t('projects.field.hostSide')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={partyOptions(parties)} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="industryCode" label={t('projects.field.industry')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={industryOptions(locale)}
                onChange={(code: string | undefined) => {
                  // A 大类 of another 门类 would be refused: the choice starts again under the new one.
                  const division = form.getFieldValue('industryDivision');
                  if (division && !divisionOptions(code, locale).some((d) => d.value === division)) form.setFieldValue('industryDivision', undefined);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="industryDivision" label={t('projects.field.industryDivision')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={divisionOptions(section, locale)} popupMatchSelectWidth={false} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={5}>
            <Form.Item name="investmentWan" label={t('projects.field.investment')} extra={t('projects.form.wanHint')} rules={[{ type: 'number', min: 0, message: t('projects.form.negative') }]}>
              <InputNumber style={{ width: '100%' }} min={0} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={3}>
            <Form.Item name="currency" label={t('projects.field.currency')}>
              <Select showSearch options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
        </Row>
        {project ? null : (
          <Row gutter={12}>
            <Col xs={12} sm={8}>
              <Form.Item name="stage" label={t('projects.field.stage')}>
                <Select options={stageOptions} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name="stageOn" label={t('projects.field.stageOn')}>
                <DateField />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="address" label={t('projects.field.address')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="latitude" label={t('projects.field.latitude')} extra={t('projects.form.pointHint')}>
              <InputNumber style={{ width: '100%' }} min={-90} max={90} step={0.0001} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="longitude" label={t('projects.field.longitude')}>
              <InputNumber style={{ width: '100%' }} min={-180} max={180} step={0.0001} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item name="contactName" label={t('projects.field.contactName')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="contactPhone" label={t('projects.field.contactPhone')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="visibility" label={t('projects.field.visibility')}>
              <Radio.Group optionType="button" options={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="plans">
          {(rows, { add, remove }) => (
            <Form.Item label={t('projects.field.plans')}>
              {rows.map((row) => (
                <Row gutter={8} key={row.key} style={{ marginBottom: 8 }}>
                  <Col span={10}>
                    <Form.Item name={[row.name, 'stage']} noStyle rules={[{ required: true, message: t('projects.form.required') }]}>
                      <Select placeholder={t('projects.form.planStage')} options={stageOptions} />
                    </Form.Item>
                  </Col>
                  <Col span={10}>
                    <Form.Item name={[row.name, 'plannedOn']} noStyle rules={[{ required: true, message: t('projects.form.required') }]}>
                      <DateField placeholder={t('projects.form.planOn')} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Button type="link" style={{ paddingInline: 0 }} onClick={() => remove(row.name)}>
                      {t('projects.stages.remove')}
                    </Button>
                  </Col>
                </Row>
              ))}
              <Button type="link" style={{ paddingInline: 0 }} onClick={() => add({})} data-testid="add-plan">
                {t('projects.form.addPlan')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
