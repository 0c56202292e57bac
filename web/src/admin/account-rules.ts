import type { TFunction } from 'i18next';
import type { FormRule as Rule } from 'antd';

/** The server's rules for an account's fields (src/modules/user/user.schemas.ts), checked before sending. */
export const USERNAME_MAX = 64;
export const DISPLAY_NAME_MAX = 100;
export const EMAIL_MAX = 254;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const usernameRules = (t: TFunction): Rule[] => [
  { required: true, whitespace: true, message: t('admin.users.usernameRequired') },
  { min: 2, message: t('admin.users.usernameShort') },
  { max: USERNAME_MAX, message: t('settings.tooLong', { max: USERNAME_MAX }) },
  { pattern: USERNAME, message: t('admin.users.usernamePattern') },
];

export const displayNameRules = (t: TFunction): Rule[] => [
  { required: true, whitespace: true, message: t('admin.users.displayNameRequired') },
  { max: DISPLAY_NAME_MAX, message: t('settings.tooLong', { max: DISPLAY_NAME_MAX }) },
];

export const emailRules = (t: TFunction): Rule[] => [
  { type: 'email', message: t('admin.users.emailInvalid') },
  { max: EMAIL_MAX, message: t('settings.tooLong', { max: EMAIL_MAX }) },
];

/** The password rule of src/modules/auth/password.ts: at least 10 characters, at least 4 different ones. */
export const passwordRules = (t: TFunction): Rule[] => [
  { required: true, message: t('admin.users.passwordRequired') },
  {
    validator: (_rule, value: string | undefined) =>
      !value || (value.length >= 10 && new Set(value).size >= 4) ? Promise.resolve() : Promise.reject(new Error(t('admin.users.passwordRule'))),
  },
];
