import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Segmented, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { settingsApi, type Member } from '../api/settings.ts';
import type { Cooperation, MembershipRole } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useSave } from '../common/use-save.tsx';
import { LoadError } from '../common/load-error.tsx';
import { useRowAction } from '../common/use-row-action.ts';
import { NewMemberForm } from './new-member-form.tsx';

const ROLES: MembershipRole[] = ['coordinator', 'unit', 'leader', 'observer'];
const USERNAME_MAX = 64;

interface AddValues {
  username: string;
  partyId: string;
  role: MembershipRole;
}

/** Who works in the cooperation on which side and in which role; each side's office adds and removes its own side's members. */
export function MembersTab({ cooperation }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi(() => settingsApi.members(cooperation.id), cooperation.id);
  const { busy, run } = useRowAction(reload);
  const [form] = Form.useForm<AddValues>();
  const { saving, failure, save, clearFailure } = useSave();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const ownSides = cooperation.parties.filter((p) => p.can.manageMembers);
  // A side left without an office gets its first from another side's office, and only that role.
  const appointSides = cooperation.parties.filter((p) => p.can.appointOffice);
  const addSides = [...ownSides, ...appointSides];
  const chosenParty = Form.useWatch('partyId', form);
  const appointing = appointSides.find((p) => p.id === chosenParty) ?? null;
  const partyName = (partyId: string) => cooperation.parties.find((p) => p.id === partyId)?.name ?? partyId;

  if (error && !data) return <LoadError error={error} onRetry={reload} />;

  const add = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await save(
      async () => {
        const created = await settingsApi.addMember(cooperation.id, { ...values, username: values.username.trim() });
        message.success(t('settings.members.added', { name: created.displayName, role: t(`role.${created.role}`) }));
        form.resetFields(['username']);
        reload();
      },
      (cause) => {
        if (cause instanceof ApiError && cause.code === 'user.not_found') form.setFields([{ name: 'username', errors: [t('settings.members.noSuchUser')] }]);
        else if (cause instanceof ApiError && cause.code === 'membership.duplicate') form.setFields([{ name: 'role', errors: [t('settings.members.duplicate')] }]);
        else return false;
        return true;
      },
    );
  };

  const columns: TableColumnsType<Member> = [
    {
      title: t('settings.members.user'),
      key: 'user',
      fixed: 'start',
      width: 200,
      render: (_, m) => (
        <span>
          <strong>{m.displayName}</strong> <Typography.Text type="secondary">{m.username}</Typography.Text>
        </span>
      ),
    },
    { title: t('cooperation.partyName'), dataIndex: 'partyId', width: 120, render: (partyId: string) => partyName(partyId) },
    { title: t('settings.members.role'), dataIndex: 'role', width: 110, render: (role: MembershipRole) => <Tag>{t(`role.${role}`)}</Tag> },
    {
      title: t('settings.actions'),
      key: 'actions',
      width: 110,
      render: (_, m) =>
        m.can.remove ? (
          <Popconfirm
            title={t('settings.members.removeConfirm', { name: m.displayName, role: t(`role.${m.role}`) })}
            okText={t('settings.remove')}
            okButtonProps={{ danger: true }}
            onConfirm={() => run(m.id, () => settingsApi.removeMember(cooperation.id, m.id))}
          >
            <Button size="small" danger icon={<DeleteOutlined />} loading={busy === m.id}>
              {t('settings.remove')}
            </Button>
          </Popconfirm>
        ) : (
          <Typography.Text type="secondary">{t('settings.parties.otherSide')}</Typography.Text>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {addSides.length > 0 ? (
        <Card
          size="small"
          title={
            <Segmented<'existing' | 'new'>
              value={mode}
              onChange={setMode}
              options={[
                { value: 'existing', label: t('settings.members.addTitle') },
                { value: 'new', label: t('memberUser.title') },
              ]}
            />
          }
          data-testid="add-member"
        >
          {mode === 'new' && ownSides.length > 0 ? <NewMemberForm cooperation={cooperation} ownSides={ownSides} onAdded={reload} /> : null}
          <Form<AddValues>
            hidden={mode === 'new'}
            form={form}
            layout="vertical"
            initialValues={{ partyId: addSides[0]?.id, role: ownSides.length > 0 ? 'unit' : 'coordinator' }}
            onValuesChange={(changed: Partial<AddValues>) => {
              clearFailure();
              if (changed.partyId && appointSides.some((p) => p.id === changed.partyId)) form.setFieldValue('role', 'coordinator');
            }}
          >
            {appointing ? (
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('settings.members.appointHint', { party: appointing.name })} data-testid="appoint-office-hint" />
            ) : null}
            <Space wrap size={16} align="start">
              <Form.Item
                name="username"
                label={t('settings.members.username')}
                extra={t('settings.members.usernameHint')}
                rules={[
                  { required: true, whitespace: true, message: t('settings.members.usernameRequired') },
                  { max: USERNAME_MAX, message: t('settings.tooLong', { max: USERNAME_MAX }) },
                ]}
              >
                <Input style={{ width: 200 }} maxLength={USERNAME_MAX + 1} />
              </Form.Item>
              <Form.Item name="partyId" label={t('cooperation.partyName')} rules={[{ required: true }]}>
                <Select aria-label={t('cooperation.partyName')} style={{ width: 140 }} options={addSides.map((p) => ({ value: p.id, label: p.name }))} />
              </Form.Item>
              <Form.Item name="role" label={t('settings.members.role')} extra={t('settings.members.roleHint')} rules={[{ required: true }]}>
                <Select<MembershipRole> aria-label={t('settings.members.role')} style={{ width: 140 }} options={(appointing ? (['coordinator'] as const) : ROLES).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
              </Form.Item>
            </Space>
            {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(failure, t)} /> : null}
            <Button type="primary" icon={<UserAddOutlined />} loading={saving} onClick={() => void add()} data-testid="add-member-submit">
              {t('settings.members.add')}
            </Button>
          </Form>
        </Card>
      ) : (
        <Alert type="info" showIcon title={t('settings.members.noOwnSide')} />
      )}
      <Table<Member>
        rowKey="id"
        size="small"
        bordered
        loading={loading && !data}
        pagination={false}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 560 }}
        data-testid="member-table"
      />
    </Space>
  );
}
