import { DownOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale, currentLocale, isLocale, LOCALES } from '../i18n/i18n.ts';

/** Switches the interface language and remembers the choice on this browser. */
/** `compact`: the globe alone, for a phone's header; the menu still names each language. */
export function LanguageSwitch({ color, compact = false }: { color?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((key) => ({ key, label: t(`language.${key}`), 'data-testid': `language-${key}` })),
        onClick: ({ key }) => {
          if (isLocale(key)) void changeLocale(key, true);
        },
      }}
    >
      <Button type="text" aria-label={compact ? t('language.label') : `${t(`language.${locale}`)} · ${t('language.label')}`} data-testid="language-switch" style={{ color }}>
        <GlobalOutlined />
        {compact ? null : (
          <>
            {t(`language.${locale}`)}
            <DownOutlined style={{ fontSize: 10 }} />
          </>
        )}
      </Button>
    </Dropdown>
  );
}
