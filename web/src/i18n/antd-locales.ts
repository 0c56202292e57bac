import type { ConfigProviderProps } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import type { Locale } from '../api/types.ts';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

/**
 * antd's `es/` files are ES modules in a package without `"type": "module"`: TypeScript (NodeNext) therefore
 * types the default import as a CommonJS wrapper with a `default` property, while Vite hands over the locale
 * object itself. Accepting both keeps the types honest and the runtime right.
 */
function unwrap(imported: { default: AntdLocale } | AntdLocale): AntdLocale {
  return 'default' in imported ? imported.default : imported;
}

export const ANTD_LOCALES: Record<Locale, AntdLocale> = {
  'zh-CN': unwrap(zhCNModule),
  en: unwrap(enUSModule),
};
