import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import type { Cooperation, Locale, MembershipRole, Party } from '../api/types.ts';
import { unitsApi } from '../api/units.ts';
import { useApi } from '../api/use-api.ts';
import { usersApi } from '../api/users.ts';
import { displayNameRules, DISPLAY_NAME_MAX, emailRules, EMAIL_MAX, usernameRules, USERNAME_MAX } from '../admin/account-rules.ts';
import { TemporaryPasswordModal } from '../admin/temporary-password-modal.tsx';
import { SaveFailure, useSave } from '../common/use-save.tsx';

const ROLES: MembershipRole[] = ['coordinator', 'unit', 'leader', 'observer'];
const LOCALES: Locale[] = ['zh-CN', 'en'];

interface Values {
  username: string;
  displayName: string;
  email: string;
  organizationId: string;
  partyId: string;
  role: MembershipRole;
  locale: Locale;
}

const FIELD_OF_CODE: Record<string, keyof Values> = {
  'user.username_taken': 'username',
  'user.unit_elsewhere': 'organizationId',
  'organization.not_found': 'organizationId',
};

/**
 * A side's office registers a person who has no account yet and appoints
 * them at once; their unit is one of the side's own. The temporary password
 * is shown once, and they choose their own at the first login.
 */
export function NewMemberForm({ cooperation, ownSides, onAdded }: { cooperation: Cooperation; ownSides: Party[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save, clearFailure } = useSave();
  const [shown, setShown] = useState<{ displayName: string; username: string; password: string } | null>(null);
  const units = useApi(() => unitsApi.list(cooperation.id), cooperation.id);
  const partyId = Form.useWatch('partyId', form);
  const unitOptions = (units.data?.items ?? []).filter((u) => u.partyId === partyId && u.can.edit).map((u) => ({ value: u.id, label: u.name }));

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await save(
      async () => {
        const answer = await usersApi.createMember(cooperation.id, {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          email: values.email.trim() || null,
          organizationId: values.organizationId,
          locale: values.locale,
          partyId: values.partyId,
          role: values.role,
        });
        message.success(t('memberUser.created', { name: answer.user.displayName, role: t(`role.${values.role}`) }));
        setShown({ displayName: answer.user.displayName, username: answer.user.username, password: answer.temporaryPassword });
        form.resetFields(['username', 'displayName', 'email']);
        onAdded();
      },
      (error) => {
        const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
        if (!field) return false;
        form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
        return true;
      },
    );
  };

  return (
    <>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ partyId: ownSides[0]?.id, role: 'unit', locale: 'zh-CN', email: '' }}
        onValuesChange={(changed: Partial<Values>) => {
          clearFailure();
          if (changed.partyId) form.setFieldValue('organizationId', undefined);
        }}
        data-testid="new-member-form"
      >
        <Space wrap size={16} align="start">
          <Form.Item name="username" label={t('admin.users.username')} extra={t('admin.users.usernameHint')} rules={usernameRules(t)}>
            <Input style={{ width: 180 }} maxLength={USERNAME_MAX + 1} autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('admin.users.displayName')} rules={displayNameRules(t)}>
            <Input style={{ width: 180 }} maxLength={DISPLAY_NAME_MAX + 1} />
          </Form.Item>
          <Form.Item name="email" label={t('admin.users.email')} rules={emailRules(t)}>
            <Input style={{ width: 220 }} maxLength={EMAIL_MAX + 1} autoComplete="off" />
          </Form.Item>
        </Space>
        <Space wrap size={16} align="start">
          <Form.Item name="partyId" label={t('cooperation.partyName')} rules={[{ required: true }]}>
            <Select aria-label={t('cooperation.partyName')} style={{ width: 140 }} options={ownSides.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="organizationId" label={t('memberUser.unit')} extra={t('memberUser.unitHint')} rules={[{ required: true, message: t('memberUser.unitRequired') }]}>
            <Select<string>
              aria-label={t('memberUser.unit')}
              style={{ width: 260 }}
              showSearch={{ optionFilterProp: 'label' }}
              loading={units.loading}
              options={unitOptions}
              notFoundContent={t('memberUser.noUnits')}
            />
          </Form.Item>
          <Form.Item name="role" label={t('settings.members.role')} rules={[{ required: true }]}>
            <Select<MembershipRole> aria-label={t('settings.members.role')} style={{ width: 140 }} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          </Form.Item>
          <Form.Item name="locale" label={t('admin.users.locale')}>
            <Select<Locale> aria-label={t('admin.users.locale')} style={{ width: 120 }} options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
          </Form.Item>
        </Space>
        <SaveFailure failure={failure} title={t('memberUser.failed')} />
        <Button type="primary" icon={<UserAddOutlined />} loading={saving} onClick={() => void submit()} data-testid="new-member-submit">
          {t('memberUser.submit')}
        </Button>
      </Form>
      <TemporaryPasswordModal shown={shown} onClose={() => setShown(null)} />
    </>
  );
}
