import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/error-message.ts';
import { setupApi } from '../api/setup.ts';
import type { Cooperation } from '../api/types.ts';
import { useSave } from '../common/use-save.tsx';

/** Deleting the whole cooperation, for admins: the confirmation names what goes with it; one with tasks is refused. */
export function DeleteCooperation({ cooperation }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const { saving, failure, save } = useSave();
  if (!cooperation.can.delete) return null;

  const confirm = () =>
    modal.confirm({
      title: t('setup.delete.confirmTitle', { name: cooperation.name }),
      content: t('setup.delete.confirmContent'),
      okText: t('setup.delete.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        save(async () => {
          await setupApi.deleteCooperation(cooperation);
          message.success(t('setup.delete.deleted', { name: cooperation.name }));
          void navigate('/cooperations');
        }),
    });

  return (
    <Card size="small" title={t('setup.delete.title')} style={{ marginTop: 24, maxWidth: 720, borderColor: '#ffccc7' }} data-testid="delete-cooperation">
      {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('setup.delete.failed')} description={errorMessage(failure, t)} data-testid="delete-cooperation-error" /> : null}
      <Typography.Paragraph type="secondary">{t('setup.delete.hint')}</Typography.Paragraph>
      <Button danger icon={<DeleteOutlined />} loading={saving} onClick={confirm}>
        {t('setup.delete.open')}
      </Button>
    </Card>
  );
}
