import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { projectsApi, type ProjectDetail } from '../api/projects.ts';
import { DateField } from '../common/date-field.tsx';
import { SaveFailure, useSave } from '../common/use-save.tsx';
import { currentLocale } from '../i18n/i18n.ts';
import { stageName } from './project-words.ts';

interface Values {
  stage?: string;
  on?: string;
  reason?: string;
}

const FIELD_OF_CODE: Record<string, keyof Values> = {
  'project_stage.reason_required': 'reason',
  'project_stage.future_date': 'on',
  'project_stage.before_last': 'on',
  'project_stage.unchanged': 'stage',
  'project_stage.unknown': 'stage',
};

/** Moving a project to another stage, dated; going back, halting or ending says why. */
export function StageChangeModal({ project, onClose, onSaved }: { project: ProjectDetail; onClose: () => void; onSaved: (p: ProjectDetail) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save, clearFailure } = useSave();
  const chosen = Form.useWatch('stage', form);
  const ordinalOf = (code: string | undefined) => project.stages.find((s) => s.code === code && s.kind === 'step')?.ordinal;
  const lastStep = [...project.stageHistory].reverse().map((h) => ordinalOf(h.stage)).find((o) => o !== undefined);
  const target = project.stages.find((s) => s.code === chosen);
  // The same rule as the server's, so the form says it before saving; the server has the last word.
  const needsReason = !!target && (target.kind !== 'step' || (lastStep !== undefined && target.ordinal < lastStep));

  const submit = async () => {
    const values = await form.validateFields();
    await save(
      async () => {
        const saved = await projectsApi.changeStage(project, { stage: values.stage ?? '', on: values.on ?? '', reason: values.reason?.trim() ? values.reason.trim() : null });
        message.success(t('projects.stageForm.saved'));
        onSaved(saved);
      },
      (error) => {
        const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
        if (field) form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
        return field !== undefined;
      },
    );
  };

  return (
    <Modal open title={t('projects.stageForm.title')} okText={t('projects.stageForm.save')} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} confirmLoading={saving}>
      <SaveFailure failure={failure} title={t('projects.stageForm.failed')} />
      <Form<Values> form={form} name="stage-change" layout="vertical" onValuesChange={clearFailure}>
        <Form.Item name="stage" label={t('projects.stageForm.stage')} rules={[{ required: true, message: t('projects.form.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={project.stages.filter((s) => s.code !== project.stage).map((s) => ({ value: s.code, label: stageName(project.stages, s.code, locale, t) }))} />
        </Form.Item>
        <Form.Item name="on" label={t('projects.stageForm.on')} rules={[{ required: true, message: t('projects.form.required') }]}>
          <DateField />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('projects.stageForm.reason')}
          extra={t('projects.stageForm.reasonHint')}
          dependencies={['stage']}
          rules={[{ validator: (_, value: string | undefined) => (needsReason && !value?.trim() ? Promise.reject(new Error(t('projects.stageForm.reasonRequired'))) : Promise.resolve()) }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
