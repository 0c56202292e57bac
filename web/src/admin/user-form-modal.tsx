import { Button, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import type { Locale } from '../api/types.ts';
import { usersApi, type AdminUser, type UserPatch, type UserWithPassword } from '../api/users.ts';
import { SaveFailure, useSave } from '../common/use-save.tsx';
import { displayNameRules, DISPLAY_NAME_MAX, emailRules, EMAIL_MAX, passwordRules, usernameRules, USERNAME_MAX } from './account-rules.ts';
import { NewUnitInline } from './new-unit-inline.tsx';
import { OrganizationPicker } from './organization-picker.tsx';

const LOCALES: Locale[] = ['zh-CN', 'en'];

interface Values {
  username: string;
  displayName: string;
  email: string;
  organizationId: string | null;
  locale: Locale;
  isOffice: boolean;
  passwordMode: 'temporary' | 'chosen';
  password: string;
}

/** Refusals about one field, shown at that field. */
const FIELD_OF_CODE: Record<string, keyof Values> = {
  'user.username_taken': 'username',
  'user.weak_password': 'password',
  'organization.not_found': 'organizationId',
};

/** Only what changed is sent, so an edit never overwrites someone else's change of another field. */
function changes(user: AdminUser, values: Values): UserPatch {
  const patch: UserPatch = {};
  const email = values.email.trim() || null;
  if (values.displayName.trim() !== user.displayName) patch.displayName = values.displayName.trim();
  if (email !== user.email) patch.email = email;
  if ((values.organizationId ?? null) !== user.organizationId) patch.organizationId = values.organizationId ?? null;
  if (values.locale !== user.locale) patch.locale = values.locale;
  if (values.isOffice !== user.isOffice) patch.isOffice = values.isOffice;
  return patch;
}

/** Registers a user (`user` null) or edits one: name, mail, unit, language; a new one starts with a temporary or a chosen password. */
export function UserFormModal({
  open,
  user,
  onClose,
  onCreated,
  onSaved,
}: {
  open: boolean;
  user: AdminUser | null;
  onClose: () => void;
  onCreated: (created: UserWithPassword) => void;
  onSaved: (saved: AdminUser) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { saving, failure, save, clearFailure } = useSave();
  const mode = Form.useWatch('passwordMode', form);
  /** A unit registered here for the user, shown by name in the picker; `registering` opens that form. */
  const [registered, setRegistered] = useState<{ id: string; label: string } | null>(null);
  const [registering, setRegistering] = useState(false);
  const organizationId = Form.useWatch('organizationId', form);

  useEffect(() => {
    if (!open) return;
    clearFailure();
    setRegistered(null);
    setRegistering(false);
    form.resetFields();
    form.setFieldsValue(
      user
        ? { username: user.username, displayName: user.displayName, email: user.email ?? '', organizationId: user.organizationId, locale: user.locale, isOffice: user.isOffice }
        : { username: '', displayName: '', email: '', organizationId: null, locale: 'zh-CN', isOffice: false, passwordMode: 'temporary', password: '' },
    );
  }, [open, user, form, clearFailure]);

  const placed = (error: unknown) => {
    const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
    if (!field) return false;
    form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
    return true;
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await save(async () => {
      if (user) {
        const patch = changes(user, values);
        onSaved(Object.keys(patch).length ? await usersApi.update(user, patch) : user);
        return;
      }
      onCreated(
        await usersApi.create({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          email: values.email.trim() || null,
          organizationId: values.organizationId ?? null,
          locale: values.locale,
          isOffice: values.isOffice,
          ...(values.passwordMode === 'chosen' ? { password: values.password } : {}),
        }),
      );
    }, placed);
  };

  return (
    <Modal
      open={open}
      title={user ? t('admin.users.editTitle', { name: user.displayName }) : t('admin.users.createTitle')}
      okText={user ? t('admin.users.save') : t('admin.users.create')}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      <SaveFailure failure={failure} title={t('admin.users.saveFailed')} />
      <Form<Values> form={form} layout="vertical" onValuesChange={clearFailure} data-testid="user-form">
        <Form.Item name="username" label={t('admin.users.username')} extra={user ? undefined : t('admin.users.usernameHint')} rules={user ? [] : usernameRules(t)}>
          <Input disabled={!!user} maxLength={USERNAME_MAX + 1} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.users.displayName')} rules={displayNameRules(t)}>
          <Input maxLength={DISPLAY_NAME_MAX + 1} />
        </Form.Item>
        <Form.Item name="email" label={t('admin.users.email')} rules={emailRules(t)}>
          <Input maxLength={EMAIL_MAX + 1} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="organizationId"
          label={t('admin.users.organization')}
          extra={
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setRegistering((open) => !open)} data-testid="new-unit-toggle">
              {t('admin.users.newUnit')}
            </Button>
          }
        >
          <OrganizationPicker
            currentLabel={
              registered && registered.id === organizationId
                ? registered.label
                : user?.organizationName
                  ? `${user.organizationName} · ${user.organizationRegionName ?? ''}`
                  : null
            }
          />
        </Form.Item>
        {registering ? (
          <Form.Item>
            <NewUnitInline
              onCreated={(unit) => {
                setRegistered({ id: unit.id, label: `${unit.name} · ${unit.regionName}` });
                form.setFieldValue('organizationId', unit.id);
                setRegistering(false);
              }}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="isOffice" valuePropName="checked" extra={t('admin.users.officeHint')}>
          <Checkbox data-testid="user-is-office">{t('admin.users.office')}</Checkbox>
        </Form.Item>
        <Form.Item name="locale" label={t('admin.users.locale')}>
          <Select<Locale> aria-label={t('admin.users.locale')} options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
        </Form.Item>
        {user ? null : (
          <>
            <Form.Item name="passwordMode" label={t('admin.users.password')} extra={t('admin.users.passwordHint')}>
              <Radio.Group
                options={[
                  { value: 'temporary', label: t('admin.users.passwordTemporary') },
                  { value: 'chosen', label: t('admin.users.passwordChosen') },
                ]}
              />
            </Form.Item>
            {mode === 'chosen' ? (
              <Form.Item name="password" label={t('admin.users.initialPassword')} extra={t('admin.users.passwordRule')} rules={passwordRules(t)}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            ) : null}
          </>
        )}
      </Form>
    </Modal>
  );
}
