import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { VISIBILITIES } from '../api/agreements.ts';
import { projectsApi, type SigningEventDetail } from '../api/projects.ts';
import type { Visibility } from '../api/types.ts';
import { DateField } from '../common/date-field.tsx';
import { SaveFailure, useSave } from '../common/use-save.tsx';

interface Values {
  name: string;
  heldOn?: string;
  place?: string;
  visibility: Visibility;
}

/** A 签约活动: its name, day and place; the projects come with the contracted amounts recorded there. */
export function SigningEventFormModal({ cooperationId, event, onClose, onSaved }: { cooperationId: string; event?: SigningEventDetail | undefined; onClose: () => void; onSaved: (e: SigningEventDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save, clearFailure } = useSave();
  const submit = async () => {
    const values = await form.validateFields();
    const fields = { name: values.name.trim(), heldOn: values.heldOn ?? '', place: values.place?.trim() ? values.place.trim() : null, visibility: values.visibility };
    await save(async () => {
      const saved = event ? await projectsApi.updateEvent(event, fields) : await projectsApi.createEvent(cooperationId, fields);
      message.success(t(event ? 'projects.events.saved' : 'projects.events.created', { name: saved.name }));
      onSaved(saved);
    });
  };
  const initialValues: Values = event ? { name: event.name, heldOn: event.heldOn, place: event.place ?? undefined, visibility: event.visibility } : { name: '', visibility: 'parties' };
  return (
    <Modal open title={t(event ? 'projects.events.editTitle' : 'projects.events.createTitle')} okText={t('common.save')} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} confirmLoading={saving}>
      <SaveFailure failure={failure} title={t('projects.events.failed')} />
      <Form<Values> form={form} name="signing-event" layout="vertical" initialValues={initialValues} onValuesChange={clearFailure}>
        <Form.Item name="name" label={t('projects.events.name')} rules={[{ required: true, whitespace: true, message: t('projects.form.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="heldOn" label={t('projects.events.heldOn')} rules={[{ required: true, message: t('projects.form.required') }]}>
          <DateField />
        </Form.Item>
        <Form.Item name="place" label={t('projects.events.place')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="visibility" label={t('projects.field.visibility')}>
          <Radio.Group optionType="button" options={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
