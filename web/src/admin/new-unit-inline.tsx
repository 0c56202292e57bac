import { Alert, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { ORGANIZATION_KINDS, type OrganizationKind, type OrganizationRow } from '../api/settings.ts';
import { unitsApi } from '../api/units.ts';
import { RegionSelect } from '../ingest/region-select.tsx';

const NAME_MAX = 200;

/**
 * Registers a unit in any region for the user being registered: on an empty instance there is no unit yet for
 * the first offices to belong to, and the admin is the one who may register one anywhere.
 */
export function NewUnitInline({ onCreated }: { onCreated: (unit: OrganizationRow) => void }) {
  const { t } = useTranslation();
  const [region, setRegion] = useState<{ code: string; name: string } | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('department');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const create = async () => {
    const trimmed = name.trim();
    if (!region) return setFailure(t('admin.users.newUnitRegionRequired'));
    if (!trimmed) return setFailure(t('settings.parties.orgNameRequired'));
    if (trimmed.length > NAME_MAX) return setFailure(t('settings.tooLong', { max: NAME_MAX }));
    setSaving(true);
    setFailure(null);
    try {
      onCreated(await unitsApi.create({ name: trimmed, kind, regionCode: region.code }));
      setName('');
    } catch (error) {
      setFailure(error instanceof ApiError && error.code === 'organization.duplicate' ? t('errorCodes.organization.duplicate') : errorMessage(error, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="new-unit-inline">
      <RegionSelect
        ariaLabel={t('admin.users.newUnitRegion')}
        value={region?.code ?? null}
        name={region?.name ?? ''}
        onChange={(chosen) => {
          setRegion({ code: chosen.code, name: chosen.name });
          setFailure(null);
        }}
      />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={t('settings.parties.orgName')}
          placeholder={t('settings.parties.orgName')}
          value={name}
          maxLength={NAME_MAX + 1}
          status={failure ? 'error' : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setFailure(null);
          }}
          onPressEnter={() => void create()}
        />
        <Select<OrganizationKind>
          aria-label={t('settings.parties.orgKind')}
          style={{ width: 130 }}
          value={kind}
          onChange={setKind}
          options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizationKind.${k}`) }))}
        />
        <Button type="primary" loading={saving} onClick={() => void create()} data-testid="new-unit-create">
          {t('admin.users.newUnitCreate')}
        </Button>
      </Space.Compact>
      {failure ? <Alert type="error" showIcon title={failure} data-testid="new-unit-error" /> : null}
    </Space>
  );
}
