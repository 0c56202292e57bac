import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types.ts';
import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };

/** English must carry every key Chinese has; this assignment fails to compile when one is missing. */
const english: typeof zhCN = en;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'liandong.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

/** The language the user picked on this browser, if any; it wins over the account's default. */
export function storedLocale(): Locale | null {
  const value = window.localStorage.getItem(STORAGE_KEY);
  return isLocale(value) ? value : null;
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LOCALE;
}

export async function changeLocale(locale: Locale, remember: boolean): Promise<void> {
  if (remember) window.localStorage.setItem(STORAGE_KEY, locale);
  await i18n.changeLanguage(locale);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  document.title = i18n.t('app.documentTitle');
});

await i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: english } },
  lng: storedLocale() ?? DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

