import { EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { ORGANIZATION_KINDS, settingsApi, type Member, type OrganizationKind } from '../api/settings.ts';
import type { Cooperation, Party } from '../api/types.ts';
import { unitsApi, type Unit } from '../api/units.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { SaveFailure, useSave } from '../common/use-save.tsx';
import { regionAddsToName } from '../format/party.ts';

const NAME_MAX = 200;

interface UnitValues {
  name: string;
  kind: OrganizationKind;
  leaderUserId: string | null;
}

/** Refusals about one field of the unit form, shown at that field. */
const FIELD_OF_CODE: Record<string, keyof UnitValues> = {
  'organization.duplicate': 'name',
  'organization.leader_not_eligible': 'leaderUserId',
};

/** Registering a unit of a side (`unit` null) or changing one: name, kind, and, once it exists, its leader. */
function UnitModal({ party, unit, leaders, onClose, onSaved }: { party: Party; unit: Unit | null; leaders: Member[]; onClose: () => void; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UnitValues>();
  const { saving, failure, save, clearFailure } = useSave();
  // The side's people, once each, and the current leader even when they are not among them.
  const people = new Map(leaders.map((m) => [m.userId, m.displayName]));
  if (unit?.leader) people.set(unit.leader.id, unit.leader.displayName);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const name = values.name.trim();
    await save(
      async () => {
        if (!unit) await unitsApi.create({ name, kind: values.kind, regionCode: party.regionCode });
        else {
          const leaderUserId = values.leaderUserId ?? null;
          await unitsApi.update(unit, {
            ...(name !== unit.name ? { name } : {}),
            ...(values.kind !== unit.kind ? { kind: values.kind } : {}),
            ...(leaderUserId !== unit.leaderUserId ? { leaderUserId } : {}),
          });
        }
        onSaved(name);
      },
      (error) => {
        const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
        if (!field) return false;
        form.setFields([{ name: field, errors: [errorMessage(error, t)] }]);
        return true;
      },
    );
  };

  return (
    <Modal
      open
      title={unit ? t('units.editTitle', { name: unit.name }) : t('units.createTitle', { side: party.name })}
      okText={unit ? t('units.save') : t('units.create')}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
    >
      <SaveFailure failure={failure} title={t('units.saveFailed')} />
      <Form<UnitValues>
        form={form}
        layout="vertical"
        onValuesChange={clearFailure}
        initialValues={{ name: unit?.name ?? '', kind: unit?.kind ?? 'department', leaderUserId: unit?.leaderUserId ?? null }}
        data-testid="unit-form"
      >
        <Form.Item
          name="name"
          label={t('units.name')}
          extra={unit ? undefined : t('units.regionHint', { region: party.regionName })}
          rules={[
            { required: true, whitespace: true, message: t('units.nameRequired') },
            { max: NAME_MAX, message: t('settings.tooLong', { max: NAME_MAX }) },
          ]}
        >
          <Input maxLength={NAME_MAX + 1} />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')}>
          <Select<OrganizationKind> aria-label={t('units.kind')} options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizationKind.${k}`) }))} />
        </Form.Item>
        {unit ? (
          <Form.Item name="leaderUserId" label={t('units.leader')} extra={t('units.leaderHint')}>
            <Select<string | null>
              aria-label={t('units.leader')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('units.noLeader')}
              options={[...people].map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** Merging a duplicate into a unit kept: of the same side and region; what named the duplicate moves to the kept one. */
function MergeModal({ duplicate, candidates, onClose, onMerged }: { duplicate: Unit; candidates: Unit[]; onClose: () => void; onMerged: (kept: Unit) => void }) {
  const { t } = useTranslation();
  const [keptId, setKeptId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const { saving, failure, save } = useSave();
  const kept = candidates.find((u) => u.id === keptId) ?? null;

  const submit = async () => {
    if (!kept) return setMissing(true);
    await save(async () => {
      await unitsApi.merge(duplicate, kept);
      onMerged(kept);
    });
  };

  return (
    <Modal
      open
      title={t('units.mergeTitle', { name: duplicate.name })}
      okText={t('units.merge')}
      okButtonProps={{ danger: true }}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="merge-form">
        <Alert
          type="warning"
          showIcon
          title={t('units.mergeWarning', { name: duplicate.name })}
          description={t('units.mergeUses', { tasks: duplicate.tasks, reports: duplicate.reports, users: duplicate.users })}
        />
        <Form layout="vertical">
          <Form.Item label={t('units.mergeInto')} extra={t('units.mergeIntoHint')} validateStatus={missing ? 'error' : undefined} help={missing ? t('units.mergeIntoRequired') : undefined}>
            <Select<string>
              aria-label={t('units.mergeInto')}
              showSearch={{ optionFilterProp: 'label' }}
              value={keptId ?? undefined}
              placeholder={t('units.mergeIntoPlaceholder')}
              notFoundContent={t('units.mergeNone')}
              options={candidates.map((u) => ({ value: u.id, label: u.name }))}
              onChange={(id) => {
                setKeptId(id);
                setMissing(false);
              }}
            />
          </Form.Item>
        </Form>
        <SaveFailure failure={failure} title={t('units.mergeFailed')} testId="merge-failure" />
      </Space>
    </Modal>
  );
}

type Editing = { kind: 'create'; party: Party } | { kind: 'edit'; party: Party; unit: Unit } | { kind: 'merge'; unit: Unit };

/**
 * The units of each side: those the cooperation uses there and those of the
 * side's region. A side's office registers, renames and re-kinds its own
 * side's units, names their leader and merges duplicates; the other side's are shown.
 */
export function UnitsTab({ cooperation }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi(() => unitsApi.list(cooperation.id), cooperation.id);
  const members = useApi(() => settingsApi.members(cooperation.id), cooperation.id);
  const [editing, setEditing] = useState<Editing | null>(null);
  const units = data?.items ?? [];

  if (error && !data) return <LoadError error={error} onRetry={reload} />;

  const done = (text: string) => {
    setEditing(null);
    message.success(text);
    reload();
  };

  const columns = (party: Party): TableColumnsType<Unit> => [
    { title: t('units.name'), dataIndex: 'name', fixed: 'start', width: 220, render: (name: string) => <strong>{name}</strong> },
    { title: t('units.kind'), dataIndex: 'kind', width: 100, render: (kind: OrganizationKind) => t(`organizationKind.${kind}`) },
    { title: t('units.region'), dataIndex: 'regionName', width: 110 },
    {
      title: t('units.leader'),
      key: 'leader',
      width: 140,
      render: (_, u) => u.leader?.displayName ?? <Typography.Text type="secondary">{t('units.noLeader')}</Typography.Text>,
    },
    { title: t('units.uses'), key: 'uses', width: 200, render: (_, u) => t('units.usesShort', { tasks: u.tasks, reports: u.reports, users: u.users }) },
    {
      title: t('settings.actions'),
      key: 'actions',
      width: 180,
      render: (_, u) =>
        u.can.edit ? (
          <Space size={4}>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ kind: 'edit', party, unit: u })}>
              {t('units.edit')}
            </Button>
            <Button size="small" icon={<MergeCellsOutlined />} onClick={() => setEditing({ kind: 'merge', unit: u })}>
              {t('units.merge')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('settings.parties.otherSide')}</Typography.Text>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('units.hint')}</Typography.Text>
      {cooperation.parties.map((party) => (
        <Card
          key={party.id}
          size="small"
          title={regionAddsToName(party.name, party.regionName) ? t('units.sideTitle', { side: party.name, region: party.regionName }) : party.name}
          extra={
            party.can.registerUnits ? (
              <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create', party })} data-testid={`new-unit-${party.regionCode}`}>
                {t('units.new')}
              </Button>
            ) : null
          }
          data-testid={`units-${party.regionCode}`}
        >
          <Table<Unit>
            rowKey="id"
            size="small"
            bordered
            loading={loading && !data}
            pagination={false}
            columns={columns(party)}
            dataSource={units.filter((u) => u.partyId === party.id)}
            scroll={{ x: 950 }}
            locale={{ emptyText: t('units.empty') }}
          />
        </Card>
      ))}
      {editing?.kind === 'create' || editing?.kind === 'edit' ? (
        <UnitModal
          party={editing.party}
          unit={editing.kind === 'edit' ? editing.unit : null}
          leaders={(members.data?.items ?? []).filter((m) => m.partyId === editing.party.id)}
          onClose={() => setEditing(null)}
          onSaved={(name) => done(t(editing.kind === 'edit' ? 'units.saved' : 'units.created', { name }))}
        />
      ) : null}
      {editing?.kind === 'merge' ? (
        <MergeModal
          duplicate={editing.unit}
          candidates={units.filter((u) => u.partyId === editing.unit.partyId && u.regionCode === editing.unit.regionCode && u.id !== editing.unit.id && u.can.edit)}
          onClose={() => setEditing(null)}
          onMerged={(kept) => done(t('units.merged', { name: editing.unit.name, kept: kept.name }))}
        />
      ) : null}
    </Space>
  );
}
