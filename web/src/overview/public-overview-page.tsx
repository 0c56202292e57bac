import { Layout, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { overviewApi } from '../api/overview.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { currentLocale } from '../i18n/i18n.ts';
import { AppMark } from '../layout/app-mark.tsx';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { OverviewView } from './overview-view.tsx';

/** The portal's map: the public cooperations with their public data only, without login; rows open the portal pages. */
export default function PublicOverviewPage() {
  const { t } = useTranslation();
  const overview = useApi(() => overviewApi.getPublic(), 'public-overview');
  const lang = currentLocale() === 'en' ? '?lang=en' : '';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 12, paddingInline: 16 }}>
        <a href={`/portal${lang}`} style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff' }}>
          <AppMark size={28} />
          <span style={{ fontSize: 18, fontWeight: 600 }}>{t('app.name')}</span>
        </a>
        <div style={{ flex: 1 }} />
        <LanguageSwitch color="#fff" />
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <main>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
              {t('overview.publicTitle')}
            </Typography.Title>
            {overview.error ? (
              <LoadError error={overview.error} onRetry={overview.reload} />
            ) : (
              <OverviewView
                data={overview.data}
                loading={overview.loading}
                inApp={false}
                cooperationPath={(id) => `/portal/cooperations/${id}${lang}`}
                note={(date, seconds) => t('overview.publicAsOf', { date, seconds })}
                empty={<Typography.Text>{t('overview.publicEmpty')}</Typography.Text>}
              />
            )}
          </Space>
        </main>
      </Layout.Content>
    </Layout>
  );
}
