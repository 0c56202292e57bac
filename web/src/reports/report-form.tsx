import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Checkbox, Form, Input, InputNumber, Select, Space, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';
import { indicatorsApi } from '../api/indicators.ts';
import { useApi } from '../api/use-api.ts';
import { reportsApi, type Figure, type Period, type Report, type ReportFields } from '../api/reports.ts';
import type { Milestone } from '../api/tasks.ts';
import { useMe } from '../session/session-context.tsx';
import { EVIDENCE_EXTENSIONS, evidenceRefusal } from './evidence-file.ts';

interface Props {
  taskId: string;
  cooperationId: string;
  periods: Period[];
  milestones: Milestone[];
  /** The unit's own reports on this task: a draft or returned one for the chosen period is edited, not duplicated; a period reported for is not offered. */
  ownReports: Report[];
  today: string;
  onSubmitted: () => void;
}

interface Values {
  periodId: string;
  narrative: string;
  percent: number;
  milestonesReached: string[];
  figures: Partial<Figure>[];
  /** By indicator id: the values of the indicators the unit answers for. */
  indicatorValues: Record<string, number | null | undefined>;
}

const FIGURE_UNITS = ['万元', '亿元', '元', '个', '家', '人次', '项'];

/** The period under way today, or else the latest that has begun: what a unit usually reports on. */
function defaultPeriod(periods: Period[], today: string): Period | undefined {
  const started = periods.filter((p) => p.startsOn <= today);
  return started.find((p) => p.endsOn >= today) ?? started.at(-1) ?? periods[0];
}

function fieldsOf(values: Values): ReportFields {
  return {
    narrative: values.narrative.trim(),
    percent: values.percent,
    milestonesReached: values.milestonesReached,
    figures: values.figures.flatMap((f) =>
      f.name?.trim() && typeof f.value === 'number' ? [{ name: f.name.trim(), value: f.value, unit: f.unit?.trim() ?? '' }] : [],
    ),
    indicatorValues: Object.entries(values.indicatorValues ?? {}).flatMap(([indicatorId, value]) => (typeof value === 'number' ? [{ indicatorId, value }] : [])),
  };
}

const valuesByIndicator = (report: Report | undefined): Record<string, number> => Object.fromEntries((report?.indicatorValues ?? []).map((v) => [v.indicatorId, v.value]));

/** A lead or co-operating unit reports its progress for a period: narrative, percent, milestones reached, figures and evidence. */
export function ReportForm({ taskId, cooperationId, periods: allPeriods, milestones, ownReports, today, onSubmitted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  // The indicators this unit answers for ask for their values here, in place of free-form figures for them.
  const organizationId = me.user.organizationId;
  const answering = useApi(
    () => (organizationId ? indicatorsApi.list(cooperationId, organizationId, taskId) : Promise.resolve({ items: [], can: { create: false } })),
    `${cooperationId}:${organizationId ?? ''}:${taskId}`,
  );
  const asked = answering.data?.items ?? [];
  /** The unit's latest revision for the period: what the server would have it edit, or refuse to duplicate. */
  const latest = (periodId: string) => ownReports.filter((r) => r.periodId === periodId).sort((a, b) => b.revision - a.revision)[0];
  const editable = (periodId: string) => {
    const report = latest(periodId);
    return report && (report.status === 'draft' || report.status === 'returned') ? report : undefined;
  };
  // A period the unit has reported for is not offered again (a correction is a revision of that report); a closed
  // period takes no new report, though one the unit already began for it is still finished.
  const periods = allPeriods.filter((p) => (latest(p.id) ? editable(p.id) : !p.closedAt));
  const initialPeriod = defaultPeriod(periods, today);
  const initialReport = initialPeriod ? editable(initialPeriod.id) : undefined;

  if (allPeriods.length === 0) return <Alert type="info" showIcon title={t('reports.noPeriods')} />;
  if (periods.length === 0) return <Alert type="success" showIcon title={t('reports.allReported')} data-testid="all-reported" />;

  /** Writes the report (new or the unit's open one), then its evidence; answers the saved report. */
  const save = async (values: Values): Promise<Report> => {
    const open = editable(values.periodId);
    const saved = open ? await reportsApi.update(open, fieldsOf(values)) : await reportsApi.create(taskId, values.periodId, fieldsOf(values));
    for (const file of files) {
      if (!file.originFileObj) continue;
      try {
        await reportsApi.uploadEvidence(saved.id, file.originFileObj);
      } catch (error) {
        throw new Error(t('reports.uploadFailed', { name: file.name, message: errorMessage(error, t) }));
      }
    }
    return saved;
  };

  const run = async (mode: 'draft' | 'submit') => {
    const values = await form.validateFields();
    setSaving(mode);
    try {
      const saved = await save(values);
      if (mode === 'submit') {
        // Uploading evidence does not change the report's version, so the saved one is still current.
        await reportsApi.submit(saved);
        message.success(t('reports.submitted'));
      } else {
        message.success(t('reports.draftSaved'));
      }
      setFiles([]);
      form.resetFields();
      onSubmitted();
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setSaving(null);
    }
  };

  const onPeriodChange = (periodId: string) => {
    const open = editable(periodId);
    if (open) form.setFieldsValue({ narrative: open.narrative, percent: open.percent, milestonesReached: open.milestonesReached, figures: open.figures, indicatorValues: valuesByIndicator(open) });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="report-form"
      initialValues={{
        periodId: initialPeriod?.id,
        narrative: initialReport?.narrative ?? '',
        percent: initialReport?.percent ?? 0,
        milestonesReached: initialReport?.milestonesReached ?? [],
        figures: initialReport?.figures ?? [],
        indicatorValues: valuesByIndicator(initialReport),
      }}
      onFinish={() => void run('submit').catch(() => undefined)}
    >
      {initialReport?.status === 'returned' ? <Alert type="warning" showIcon title={t('reports.editReturned')} description={initialReport.returnReason} style={{ marginBottom: 12 }} /> : null}
      {initialReport?.status === 'draft' && initialReport.revisionReason ? (
        <Alert type="info" showIcon title={t('reports.editRevision', { revision: initialReport.revision })} description={initialReport.revisionReason} style={{ marginBottom: 12 }} />
      ) : null}
      <Space size={16} wrap align="start">
        <Form.Item name="periodId" label={t('reports.period')} rules={[{ required: true, message: t('reports.periodRequired') }]}>
          <Select style={{ width: 200 }} onChange={onPeriodChange} options={periods.map((p) => ({ value: p.id, label: p.label }))} />
        </Form.Item>
        <Form.Item name="percent" label={t('reports.percent')} extra={milestones.length > 0 ? t('reports.percentFollowsMilestones') : undefined} style={{ maxWidth: 360 }}>
          <InputNumber min={0} max={100} suffix="%" style={{ width: 120 }} data-testid="report-percent" />
        </Form.Item>
      </Space>
      <Form.Item name="narrative" label={t('reports.narrative')} rules={[{ required: true, whitespace: true, message: t('reports.narrativeRequired') }]}>
        <Input.TextArea rows={4} maxLength={20_000} placeholder={t('reports.narrativePlaceholder')} data-testid="report-narrative" />
      </Form.Item>
      {milestones.length > 0 ? (
        <Form.Item name="milestonesReached" label={t('reports.milestonesReached')}>
          <Checkbox.Group options={milestones.map((m) => ({ value: m.id, label: m.title, disabled: !!m.doneAt }))} />
        </Form.Item>
      ) : null}
      {asked.length > 0 ? (
        <Form.Item label={t('reports.indicatorValues')} extra={t('reports.indicatorValuesHint')} data-testid="report-indicators">
          <Space orientation="vertical" size={8}>
            {asked.map((indicator) => (
              <Space key={indicator.id} size={8}>
                <Typography.Text style={{ width: 240, display: 'inline-block' }}>{indicator.name}</Typography.Text>
                <Form.Item name={['indicatorValues', indicator.id]} noStyle>
                  <InputNumber style={{ width: 180 }} suffix={indicator.unit} aria-label={indicator.name} data-testid="report-indicator-value" />
                </Form.Item>
              </Space>
            ))}
          </Space>
        </Form.Item>
      ) : null}
      <Form.Item label={t('reports.figures')}>
        <Form.List name="figures">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" size={8}>
              {fields.map((field) => (
                <Space key={field.key} size={8}>
                  <Form.Item name={[field.name, 'name']} noStyle>
                    <Input placeholder={t('reports.figureName')} style={{ width: 180 }} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} noStyle>
                    <InputNumber placeholder={t('reports.figureValue')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']} noStyle>
                    <AutoComplete placeholder={t('reports.figureUnit')} style={{ width: 100 }} options={FIGURE_UNITS.map((value) => ({ value }))} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="remove" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ unit: '万元' })}>
                {t('reports.addFigure')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('reports.evidence')} extra={t('reports.evidenceHint', { mb: Math.round(me.limits.uploadMaxBytes / 1024 / 1024) })}>
        <Upload
          multiple
          accept={EVIDENCE_EXTENSIONS.map((ext) => `.${ext}`).join(',')}
          fileList={files}
          beforeUpload={(file) => {
            const refusal = evidenceRefusal(file, me.limits.uploadMaxBytes);
            if (!refusal) return false;
            message.error(t(`reports.evidenceRefused.${refusal}`, { name: file.name, mb: Math.round(me.limits.uploadMaxBytes / 1024 / 1024) }));
            return Upload.LIST_IGNORE;
          }}
          onChange={({ fileList }) => setFiles(fileList)}
        >
          <Button icon={<UploadOutlined />}>{t('reports.chooseFiles')}</Button>
        </Upload>
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving === 'submit'} disabled={saving !== null} data-testid="submit-report">
          {t('reports.submit')}
        </Button>
        <Button onClick={() => void run('draft').catch(() => undefined)} loading={saving === 'draft'} disabled={saving !== null}>
          {t('reports.saveDraft')}
        </Button>
      </Space>
    </Form>
  );
}
