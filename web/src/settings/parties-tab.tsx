import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { settingsApi } from '../api/settings.ts';
import type { Cooperation, Party } from '../api/types.ts';
import { useSave } from '../common/use-save.tsx';
import { useRowAction } from '../common/use-row-action.ts';
import { RegionSelect } from '../ingest/region-select.tsx';
import { useMe } from '../session/session-context.tsx';
import { OrganizationField } from './organization-field.tsx';

const NAME_MAX = 100;

interface PartyValues {
  name: string;
  coordinatingOrganizationId: string | null;
}

/** What still hangs off a party the server refused to remove, as the counts it sent. */
const DEPENDENTS = ['tasks', 'units', 'members', 'reports', 'notices'] as const;

function dependentCounts(details: unknown): Partial<Record<(typeof DEPENDENTS)[number], number>> {
  const counts: Partial<Record<(typeof DEPENDENTS)[number], number>> = {};
  if (typeof details !== 'object' || details === null) return counts;
  for (const [key, value] of Object.entries(details)) {
    const known = DEPENDENTS.find((d) => d === key);
    if (known && typeof value === 'number' && value > 0) counts[known] = value;
  }
  return counts;
}

/** Adding a party, or changing one: its region, the name the cooperation gives it, its coordinating organization. */
function PartyModal({ cooperation, party, onClose, onSaved }: { cooperation: Cooperation; party: Party | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<PartyValues>();
  const { saving, failure, save: run, clearFailure } = useSave();
  // The region is picked by a search select that is not a plain form field (it also names the region): kept here.
  const [region, setRegion] = useState<{ code: string; name: string } | null>(party ? { code: party.regionCode, name: party.regionName } : null);
  const [regionError, setRegionError] = useState<string | null>(null);
  const regionCode = region?.code ?? null;
  const regionName = region?.name ?? '';
  const canRegister = me.user.isAdmin || (party?.regionCode === regionCode && party.can.registerUnits);

  const submit = async () => {
    // A refused field shows its message on the form; there is nothing to send.
    const values = await form.validateFields().catch(() => null);
    if (!region) setRegionError(t('settings.parties.regionRequired'));
    if (!values || !region) return;
    const name = values.name.trim() || region.name;
    await run(
      async () => {
        if (party) {
          await settingsApi.updateParty(cooperation.id, party.id, party.version, {
            ...(region.code !== party.regionCode ? { regionCode: region.code } : {}),
            ...(name !== party.name ? { name } : {}),
            ...(values.coordinatingOrganizationId !== (party.coordinatingOrganization?.id ?? null) ? { coordinatingOrganizationId: values.coordinatingOrganizationId } : {}),
          });
        } else {
          await settingsApi.addParty(cooperation.id, { regionCode: region.code, name, coordinatingOrganizationId: values.coordinatingOrganizationId });
        }
        message.success(party ? t('settings.saved') : t('settings.parties.added', { name }));
        onSaved();
      },
      (error) => {
        if (error instanceof ApiError && error.code === 'party.duplicate_region') setRegionError(errorMessage(error, t));
        else if (error instanceof ApiError && error.code === 'party.coordinator_elsewhere') form.setFields([{ name: 'coordinatingOrganizationId', errors: [errorMessage(error, t)] }]);
        else return false;
        return true;
      },
    );
  };

  return (
    <Modal
      open
      title={party ? t('settings.parties.editTitle', { name: party.name }) : t('settings.parties.addTitle')}
      okText={party ? t('settings.save') : t('settings.parties.add')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="party-modal"
    >
      {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(failure, t)} /> : null}
      <Form<PartyValues>
        form={form}
        layout="vertical"
        initialValues={{ name: party?.name ?? '', coordinatingOrganizationId: party?.coordinatingOrganization?.id ?? null }}
        onValuesChange={clearFailure}
      >
        <Form.Item
          label={t('cooperation.region')}
          required
          validateStatus={regionError ? 'error' : undefined}
          help={regionError ?? t('settings.parties.regionHint')}
        >
          <RegionSelect
            value={regionCode}
            name={regionName}
            status={regionError ? 'error' : undefined}
            ariaLabel={t('cooperation.region')}
            onChange={(chosen) => {
              const typed = (form.getFieldValue('name') as string).trim();
              // The display name follows the region while the user has not given one of their own.
              if (typed === '' || typed === regionName) form.setFieldValue('name', chosen.name);
              if (chosen.code !== regionCode) form.setFieldValue('coordinatingOrganizationId', null);
              setRegion({ code: chosen.code, name: chosen.name });
              setRegionError(null);
              clearFailure();
            }}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('settings.parties.displayName')}
          extra={t('settings.parties.displayNameHint')}
          rules={[{ max: NAME_MAX, message: t('settings.tooLong', { max: NAME_MAX }) }]}
        >
          <Input maxLength={NAME_MAX + 1} placeholder={regionName} />
        </Form.Item>
        <Form.Item
          name="coordinatingOrganizationId"
          label={t('cooperation.coordinatingOrganization')}
          extra={canRegister ? t('settings.parties.coordinatingHint') : t('settings.parties.registeredLocally')}
        >
          <OrganizationField
            regionCode={regionCode}
            currentName={party?.regionCode === regionCode ? party.coordinatingOrganization?.name : null}
            canRegister={canRegister}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The parties (sides) of a cooperation: add, edit, order, remove. */
export function PartiesTab({ cooperation, onChanged }: { cooperation: Cooperation; onChanged: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState<Party | 'new' | null>(null);
  const parties = [...cooperation.parties].sort((a, b) => a.ordinal - b.ordinal);
  const { busy, run } = useRowAction(onChanged);

  const move = (index: number, by: -1 | 1) => {
    const ids = parties.map((p) => p.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + by, 0, moved);
    run(moved, () => settingsApi.orderParties(cooperation.id, ids));
  };

  const remove = async (party: Party) => {
    try {
      await settingsApi.removeParty(cooperation.id, party.id, party.version);
      message.success(t('settings.parties.removed', { name: party.name }));
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'party.in_use') {
        const counts = dependentCounts(error.details);
        modal.error({
          title: t('settings.parties.inUseTitle', { name: party.name }),
          content: (
            <div data-testid="party-in-use">
              <p>{t('settings.parties.inUseHint')}</p>
              <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                {DEPENDENTS.filter((d) => counts[d]).map((d) => (
                  <li key={d}>{t(`settings.parties.dependents.${d}`, { count: counts[d] ?? 0 })}</li>
                ))}
              </ul>
            </div>
          ),
        });
      } else message.error(errorMessage(error, t));
    }
  };

  const columns: TableColumnsType<Party> = [
    { title: t('cooperation.partyName'), dataIndex: 'name', fixed: 'start', width: 140, render: (name: string) => <strong>{name}</strong> },
    {
      title: t('cooperation.region'),
      key: 'region',
      width: 160,
      render: (_, party) => (
        <span>
          {party.regionName} <Typography.Text type="secondary">{party.regionCode}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('cooperation.coordinatingOrganization'),
      key: 'coordinatingOrganization',
      width: 220,
      render: (_, party) => party.coordinatingOrganization?.name ?? <Typography.Text type="warning">{t('cooperation.noCoordinatingOrganization')}</Typography.Text>,
    },
    {
      title: t('settings.parties.office'),
      key: 'office',
      width: 110,
      render: (_, party) => (party.hasOffice ? <Tag color="green">{t('settings.parties.hasOffice')}</Tag> : <Tag color="orange">{t('settings.parties.noOffice')}</Tag>),
    },
    {
      title: t('settings.parties.order'),
      key: 'order',
      width: 96,
      render: (_, party, index) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={t('settings.parties.moveUp', { name: party.name })}
            disabled={index === 0 || busy !== null}
            onClick={() => move(index, -1)}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={t('settings.parties.moveDown', { name: party.name })}
            disabled={index === parties.length - 1 || busy !== null}
            onClick={() => move(index, 1)}
          />
        </Space>
      ),
    },
    {
      title: t('settings.actions'),
      key: 'actions',
      width: 170,
      render: (_, party) =>
        party.can.edit ? (
          <Space size={4}>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(party)}>
              {t('settings.edit')}
            </Button>
            <Popconfirm
              title={t('settings.parties.removeConfirm', { name: party.name })}
              description={t('settings.parties.removeHint')}
              okText={t('settings.remove')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(party)}
            >
              <Button size="small" danger icon={<DeleteOutlined />}>
                {t('settings.remove')}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('settings.parties.otherSide')}</Typography.Text>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('settings.parties.hint')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-party">
          {t('settings.parties.add')}
        </Button>
      </Space>
      <Table<Party>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={parties}
        scroll={{ x: 900 }}
        data-testid="settings-party-table"
      />
      {editing ? (
        <PartyModal
          cooperation={cooperation}
          party={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
    </Space>
  );
}
