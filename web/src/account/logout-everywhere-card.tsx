import { App, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { accountApi } from '../api/account.ts';
import { errorMessage } from '../api/error-message.ts';
import { useSession } from '../session/session-context.tsx';

export function LogoutEverywhereCard() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { logout } = useSession();
  const navigate = useNavigate();

  const confirm = () => {
    modal.confirm({
      title: t('account.everywhere.confirmTitle'),
      content: t('account.everywhere.confirmBody'),
      okText: t('account.everywhere.confirmOk'),
      okButtonProps: { danger: true },
      onOk: () =>
        accountApi.logoutEverywhere().then(
          async (answer) => {
            message.success(t('account.everywhere.done', { ended: answer.ended, tokens: answer.tokensRevoked }));
            // The server has ended this session too; the app forgets it and goes to the login page.
            await logout();
            await navigate('/login');
          },
          (cause: unknown) => {
            message.error(errorMessage(cause, t));
          },
        ),
    });
  };

  return (
    <Card title={t('account.everywhere.title')} data-testid="logout-everywhere-card">
      <Typography.Paragraph type="secondary">{t('account.everywhere.description')}</Typography.Paragraph>
      <Button danger onClick={confirm}>
        {t('account.everywhere.button')}
      </Button>
    </Card>
  );
}
