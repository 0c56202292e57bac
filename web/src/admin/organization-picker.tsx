import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitsApi } from '../api/units.ts';
import { useRemoteSearch } from '../ingest/use-remote-search.ts';

/** Any registered unit, found by part of its name and shown with its region (青岛市科学技术局 · 青岛市). */
export function OrganizationPicker({
  value,
  currentLabel,
  onChange,
}: {
  value?: string | null;
  /** How the current unit reads before anything was searched. */
  currentLabel?: string | null;
  onChange?: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const { results, loading, failed, onSearch } = useRemoteSearch((q) => unitsApi.search(q).then((page) => page.items));
  // Keeps the chosen unit's name on screen after the search results change.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = results.map((o) => ({ value: o.id, label: `${o.name} · ${o.regionName}` }));
  const shown = chosen?.value === value ? chosen : value && currentLabel ? { value, label: currentLabel } : null;
  if (shown && !options.some((o) => o.value === shown.value)) options.unshift(shown);
  return (
    <Select
      aria-label={t('admin.users.organization')}
      value={value ?? undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch }}
      loading={loading}
      placeholder={t('admin.users.organizationPlaceholder')}
      notFoundContent={failed ? t('admin.users.searchFailed') : t('admin.users.organizationNone')}
      options={options}
      onChange={(id?: string) => {
        const picked = options.find((o) => o.value === id);
        setChosen(picked ?? null);
        onChange?.(id ?? null);
      }}
      data-testid="organization-picker"
    />
  );
}
