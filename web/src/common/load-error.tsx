import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/error-message.ts';

/** What a page shows instead of its content when loading it failed. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.loadFailed')}
      description={errorMessage(error, t)}
      action={<Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
