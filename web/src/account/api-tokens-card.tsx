import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountApi, type ApiToken, type ApiTokenScope, type IssuedApiToken } from '../api/account.ts';
import { errorMessage } from '../api/error-message.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';

interface IssueValues {
  name: string;
  scope: ApiTokenScope;
}

/** The caller's API tokens of one cooperation (every token there, for an administrator): issue and revoke. */
export function ApiTokensCard({ cooperationId, cooperationName, isAdmin }: { cooperationId: string; cooperationName: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueValues>();
  const [issuing, setIssuing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);
  const { data, error, loading, reload } = useApi(() => accountApi.tokens(cooperationId), cooperationId);

  const issue = (values: IssueValues) => {
    setSaving(true);
    accountApi.issueToken(cooperationId, values.name, values.scope).then(
      (created) => {
        setSaving(false);
        setIssuing(false);
        form.resetFields();
        setIssued(created);
        reload();
      },
      (cause: unknown) => {
        setSaving(false);
        message.error(errorMessage(cause, t));
      },
    );
  };

  const revoke = (token: ApiToken) =>
    accountApi.revokeToken(cooperationId, token.id).then(
      () => {
        message.success(t('account.tokens.revokedDone'));
        reload();
      },
      (cause: unknown) => message.error(errorMessage(cause, t)),
    );

  return (
    <Card
      title={`${t('account.tokens.title')} · ${cooperationName}`}
      data-testid="api-tokens"
      extra={
        <Button type="primary" onClick={() => setIssuing(true)}>
          {t('account.tokens.issue')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('account.tokens.description')} {t('account.tokens.noExpiry')}
        {isAdmin ? ` ${t('account.tokens.adminNote')}` : null}
      </Typography.Paragraph>
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('account.tokens.empty') }}
        columns={[
          { key: 'name', title: t('account.tokens.name'), dataIndex: 'name' },
          {
            key: 'scope',
            title: t('account.tokens.scope'),
            render: (_value, token) => (token.scope === 'write' ? t('account.tokens.scopeWrite') : t('account.tokens.scopeRead')),
          },
          ...(isAdmin ? [{ key: 'user', title: t('account.tokens.user'), dataIndex: 'username' }] : []),
          { key: 'createdAt', title: t('account.tokens.createdAt'), render: (_value, token) => formatDateTime(token.createdAt, locale) },
          {
            key: 'lastUsedAt',
            title: t('account.tokens.lastUsedAt'),
            render: (_value, token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('account.tokens.never')),
          },
          {
            key: 'status',
            title: t('account.tokens.status'),
            render: (_value, token) =>
              token.revokedAt ? <Tag>{t('account.tokens.revoked')}</Tag> : <Tag color="green">{t('account.tokens.active')}</Tag>,
          },
          {
            key: 'actions',
            title: '',
            render: (_value, token) =>
              token.revokedAt ? null : (
                <Popconfirm title={t('account.tokens.revokeConfirm', { name: token.name })} okButtonProps={{ danger: true }} okText={t('account.tokens.revoke')} onConfirm={() => revoke(token)}>
                  <Button size="small" danger>
                    {t('account.tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />

      <Modal
        open={issuing}
        title={`${t('account.tokens.issue')} · ${cooperationName}`}
        onCancel={() => setIssuing(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: saving }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={issue} initialValues={{ scope: 'read' }} requiredMark={false}>
          <Form.Item name="name" label={t('account.tokens.name')} rules={[{ required: true, whitespace: true, message: t('account.tokens.nameRequired') }]}>
            <Input maxLength={100} placeholder={t('account.tokens.namePlaceholder')} />
          </Form.Item>
          <Form.Item name="scope" label={t('account.tokens.scope')}>
            <Radio.Group
              options={[
                { value: 'read', label: t('account.tokens.scopeRead') },
                { value: 'write', label: t('account.tokens.scopeWrite') },
              ]}
            />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('account.tokens.description')}
        </Typography.Paragraph>
      </Modal>

      <Modal
        open={issued !== null}
        title={t('account.tokens.issuedTitle')}
        closable={false}
        maskClosable={false}
        // A closed dialog keeps its last content in the page; the secret must leave it.
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setIssued(null)}>
            {t('account.tokens.close')}
          </Button>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={t('account.tokens.issuedWarning')} />
          <Typography.Text code copyable={{ text: issued?.token ?? '', tooltips: [t('account.tokens.copy'), t('account.tokens.copied')] }} data-testid="issued-token" style={{ wordBreak: 'break-all' }}>
            {issued?.token}
          </Typography.Text>
        </Space>
      </Modal>
    </Card>
  );
}
