import { Alert, App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { settingsApi, type GeneralFields } from '../api/settings.ts';
import type { Cooperation, CooperationStatus, Visibility } from '../api/types.ts';
import { useSave } from '../common/use-save.tsx';
import { DateField } from '../common/date-field.tsx';

const STATUSES: CooperationStatus[] = ['draft', 'active', 'suspended', 'closed'];
/** A cooperation is read by its parties or by everyone; 'side' means nothing more for a whole cooperation. */
const VISIBILITIES: Visibility[] = ['parties', 'public'];
const NAME_MAX = 200;
const SUMMARY_MAX = 5000;
const PRINCIPLE_MAX = 100;
const PRINCIPLES_MAX = 50;

interface Values {
  name: string;
  summary: string;
  principles: string[];
  startedOn: string;
  visibility: Visibility;
  status: CooperationStatus;
  dueSoonDays: number;
}

const valuesOf = (c: Cooperation): Values => ({
  name: c.name,
  summary: c.summary ?? '',
  principles: c.principles,
  startedOn: c.startedOn ?? '',
  visibility: c.visibility,
  status: c.status,
  dueSoonDays: c.dueSoonDays,
});

/** Only what the user changed is sent, so a save never overwrites fields someone else changed meanwhile with stale ones. */
function changes(before: Values, after: Values): Partial<GeneralFields> {
  const patch: Partial<GeneralFields> = {};
  if (after.name.trim() !== before.name) patch.name = after.name.trim();
  if (after.summary !== before.summary) patch.summary = after.summary;
  if (after.principles.join('\n') !== before.principles.join('\n')) patch.principles = after.principles.map((p) => p.trim()).filter(Boolean);
  if (after.startedOn !== before.startedOn) patch.startedOn = after.startedOn || null;
  if (after.visibility !== before.visibility) patch.visibility = after.visibility;
  if (after.status !== before.status) patch.status = after.status;
  if (after.dueSoonDays !== before.dueSoonDays) patch.dueSoonDays = after.dueSoonDays;
  return patch;
}

/** Name, summary, principles, start date, visibility and status of a cooperation. */
export function GeneralTab({ cooperation, onSaved, onReload }: { cooperation: Cooperation; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save: run, clearFailure } = useSave();
  const initial = valuesOf(cooperation);
  const conflict = failure instanceof ApiError && failure.code === 'cooperation.version_conflict';

  // A save or a reload brings a new version: the form shows it, and what was typed before is gone.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is the trigger; the form reads the new values from its initial values.
  useEffect(() => form.resetFields(), [form, cooperation.version]);

  const save = async () => {
    // A refused field shows its message on the form; there is nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const patch = changes(initial, values);
    if (Object.keys(patch).length === 0) {
      message.info(t('settings.nothingChanged'));
      return;
    }
    await run(
      async () => {
        await settingsApi.updateCooperation(cooperation.id, cooperation.version, patch);
        message.success(t('settings.saved'));
        onSaved();
      },
      (error) => {
        if (error instanceof ApiError && error.code === 'cooperation.duplicate') form.setFields([{ name: 'name', errors: [t('errorCodes.cooperation.duplicate')] }]);
        else return false;
        return true;
      },
    );
  };

  const visibilities = VISIBILITIES.includes(cooperation.visibility) ? VISIBILITIES : [cooperation.visibility, ...VISIBILITIES];

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} style={{ maxWidth: 720 }} data-testid="general-form" onValuesChange={clearFailure}>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('settings.general.conflictTitle')}
          description={t('settings.general.conflictHint')}
          action={
            <Button
              onClick={() => {
                clearFailure();
                onReload();
              }}
            >
              {t('settings.general.reload')}
            </Button>
          }
          data-testid="general-conflict"
        />
      ) : failure ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('settings.saveFailed')} description={errorMessage(failure, t)} />
      ) : null}
      <Form.Item
        name="name"
        label={t('settings.general.name')}
        rules={[
          { required: true, whitespace: true, message: t('settings.general.nameRequired') },
          { max: NAME_MAX, message: t('settings.tooLong', { max: NAME_MAX }) },
        ]}
      >
        <Input maxLength={NAME_MAX + 1} />
      </Form.Item>
      <Form.Item name="summary" label={t('cooperation.summary')} rules={[{ max: SUMMARY_MAX, message: t('settings.tooLong', { max: SUMMARY_MAX }) }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} showCount={{ formatter: ({ count }) => `${count} / ${SUMMARY_MAX}` }} />
      </Form.Item>
      <Form.Item
        name="principles"
        label={t('cooperation.principles')}
        extra={t('settings.general.principlesHint')}
        rules={[
          {
            validator: async (_, value: string[] | undefined) => {
              const list = value ?? [];
              if (list.length > PRINCIPLES_MAX) throw new Error(t('settings.general.tooManyPrinciples', { max: PRINCIPLES_MAX }));
              if (list.some((p) => p.trim().length > PRINCIPLE_MAX)) throw new Error(t('settings.general.principleTooLong', { max: PRINCIPLE_MAX }));
            },
          },
        ]}
      >
        <Select mode="tags" tokenSeparators={['，', ',', '、']} aria-label={t('cooperation.principles')} />
      </Form.Item>
      <Space wrap size={16} align="start">
        <Form.Item name="startedOn" label={t('cooperation.startedOn')}>
          <DateField width={180} />
        </Form.Item>
        <Form.Item name="visibility" label={t('cooperation.visibility')} extra={t('settings.general.visibilityHint')}>
          <Select style={{ width: 180 }} options={visibilities.map((v) => ({ value: v, label: t(`visibility.${v}`) }))} aria-label={t('cooperation.visibility')} />
        </Form.Item>
        <Form.Item name="status" label={t('cooperation.status')}>
          <Select style={{ width: 180 }} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} aria-label={t('cooperation.status')} />
        </Form.Item>
        <Form.Item
          name="dueSoonDays"
          label={t('settings.general.dueSoonDays')}
          extra={t('settings.general.dueSoonDaysHint')}
          rules={[{ required: true, type: 'integer', min: 1, max: 90, message: t('settings.general.dueSoonDaysRange', { min: 1, max: 90 }) }]}
        >
          <InputNumber min={1} max={90} precision={0} style={{ width: 120 }} aria-label={t('settings.general.dueSoonDays')} data-testid="due-soon-days" />
        </Form.Item>
      </Space>
      <Space>
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="general-save">
          {t('settings.save')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            clearFailure();
          }}
        >
          {t('settings.reset')}
        </Button>
      </Space>
    </Form>
  );
}
