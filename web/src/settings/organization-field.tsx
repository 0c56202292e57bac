import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { ORGANIZATION_KINDS, settingsApi, type OrganizationKind, type OrganizationRow } from '../api/settings.ts';
import { useApi } from '../api/use-api.ts';

const NAME_MAX = 200;

/**
 * A side's coordinating organization: one of its region's organizations, or a new one registered on the spot
 * (name and kind) when it is not there yet. `value` is the organization's id; `currentName` shows it before the
 * region's list has loaded.
 */
export function OrganizationField({
  regionCode,
  value,
  currentName,
  canRegister,
  onChange,
}: {
  regionCode: string | null;
  /** Whether the user may register an organization in the region (its own region's office, or an admin). */
  canRegister: boolean;
  value?: string | null;
  currentName?: string | null;
  onChange?: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const { data, loading, reload } = useApi(
    () => (regionCode ? settingsApi.organizations(regionCode) : Promise.resolve({ items: [] as OrganizationRow[], total: 0, page: 1, pageSize: 200 })),
    regionCode ?? '',
  );
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('department');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const rows = data?.items ?? [];
  const options = rows.map((o) => ({ value: o.id, label: o.name }));
  if (value && currentName && !rows.some((o) => o.id === value)) options.unshift({ value, label: currentName });

  const create = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setFailure(t('settings.parties.orgNameRequired'));
    if (trimmed.length > NAME_MAX) return setFailure(t('settings.tooLong', { max: NAME_MAX }));
    if (!regionCode) return;
    setSaving(true);
    setFailure(null);
    try {
      const created = await settingsApi.createOrganization({ name: trimmed, kind, regionCode });
      onChange?.(created.id);
      setCreating(false);
      setName('');
      reload();
    } catch (error) {
      setFailure(error instanceof ApiError && error.code === 'organization.duplicate' ? t('errorCodes.organization.duplicate') : errorMessage(error, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Space.Compact style={{ width: '100%' }}>
        <Select
          aria-label={t('cooperation.coordinatingOrganization')}
          style={{ width: '100%' }}
          value={value ?? undefined}
          loading={loading}
          allowClear
          disabled={!regionCode}
          placeholder={regionCode ? t('settings.parties.orgPlaceholder') : t('settings.parties.regionFirst')}
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          notFoundContent={canRegister ? t('settings.parties.noOrganizations') : t('settings.parties.noOrganizationsLocal')}
          onChange={(id?: string) => onChange?.(id ?? null)}
          data-testid="coordinating-org-select"
        />
        {canRegister ? (
          <Button icon={<PlusOutlined />} disabled={!regionCode} onClick={() => setCreating((open) => !open)} data-testid="new-org-toggle">
            {t('settings.parties.newOrganization')}
          </Button>
        ) : null}
      </Space.Compact>

      {creating ? (
        <Space.Compact style={{ width: '100%' }} data-testid="new-org">
          <Input
            aria-label={t('settings.parties.orgName')}
            placeholder={t('settings.parties.orgName')}
            value={name}
            maxLength={NAME_MAX + 1}
            status={failure ? 'error' : undefined}
            onChange={(e) => {
              setName(e.target.value);
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
          <Button type="primary" loading={saving} onClick={() => void create()}>
            {t('settings.parties.createOrganization')}
          </Button>
        </Space.Compact>
      ) : null}
      {failure ? <Alert type="error" showIcon title={failure} /> : null}
    </Space>
  );
}
