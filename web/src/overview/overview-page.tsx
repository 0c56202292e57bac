import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { overviewApi } from '../api/overview.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { useMe } from '../session/session-context.tsx';
import { OverviewView } from './overview-view.tsx';

/** The national overview for those who see several cooperations: the map and the table, each row opening its dashboard. */
export default function OverviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const overview = useApi(() => overviewApi.get(), 'overview');
  if (overview.error) return <LoadError error={overview.error} onRetry={overview.reload} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('overview.title')}
      </Typography.Title>
      <OverviewView
        data={overview.data}
        loading={overview.loading}
        inApp
        cooperationPath={(id) => `/cooperations/${id}/dashboard`}
        note={(date, seconds) => t('overview.asOf', { date, seconds })}
        empty={
          <Space orientation="vertical">
            <Typography.Text strong>{t('overview.empty')}</Typography.Text>
            {me.can.register ? (
              <>
                <Typography.Text>{t('overview.emptyRegister')}</Typography.Text>
                <Space wrap>
                  <Button type="primary" onClick={() => navigate('/import')}>
                    {t('import.nav')}
                  </Button>
                  <Link to="/cooperations">{t('overview.emptyList')}</Link>
                </Space>
              </>
            ) : (
              <Typography.Text>{t('overview.emptyAsk')}</Typography.Text>
            )}
          </Space>
        }
      />
    </Space>
  );
}
