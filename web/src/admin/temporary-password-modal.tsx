import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A temporary password, shown this once: the server keeps only its hash. The
 * person it is for logs in with it and is asked to choose their own at once.
 */
export function TemporaryPasswordModal({ shown, onClose }: { shown: { displayName: string; username: string; password: string } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = () => {
    if (!shown) return;
    navigator.clipboard.writeText(shown.password).then(
      () => message.success(t('admin.password.copied')),
      () => message.error(t('admin.password.copyFailed')),
    );
  };
  return (
    <Modal
      open={!!shown}
      title={t('admin.password.title', { name: shown?.displayName ?? '' })}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="temporary-password-close">
          {t('admin.password.close')}
        </Button>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('admin.password.warning')} />
        <Typography.Text>{t('admin.password.username', { username: shown?.username ?? '' })}</Typography.Text>
        <Space.Compact style={{ width: '100%' }}>
          <Typography.Text code copyable={false} style={{ fontSize: 18, padding: '4px 8px' }} data-testid="temporary-password">
            {shown?.password}
          </Typography.Text>
          <Button icon={<CopyOutlined />} onClick={copy}>
            {t('admin.password.copy')}
          </Button>
        </Space.Compact>
        <Typography.Text type="secondary">{t('admin.password.nextLogin')}</Typography.Text>
      </Space>
    </Modal>
  );
}
