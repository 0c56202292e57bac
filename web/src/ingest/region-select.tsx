import { Select, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ingestApi } from './ingest-api.ts';
import type { Region } from './ingest-types.ts';
import { useRemoteSearch } from './use-remote-search.ts';

/**
 * Picks a region (GB/T 2260 code, or a country's ISO code) by typing its name. The current choice is shown
 * by its name even before any search, as the ingester proposed it.
 */
export function RegionSelect({
  value,
  name,
  status,
  onChange,
  ariaLabel,
}: {
  value: string | null;
  name: string;
  status?: 'error';
  onChange: (region: Region) => void;
  ariaLabel: string;
}) {
  const { t } = useTranslation();
  const { results, loading, failed, onSearch } = useRemoteSearch(async (query: string) => (await ingestApi.regions(query)).items);
  const current = value && !results.some((region) => region.code === value) ? [{ value, label: name, region: null }] : [];
  const options = [...current, ...results.map((region) => ({ value: region.code, label: region.name, region }))];

  let notFound: ReactNode;
  if (loading) notFound = <Spin size="small" />;
  else if (failed) notFound = t('import.parties.searchFailed');
  else notFound = t('import.parties.searchHint');

  return (
    <Select<string, (typeof options)[number]>
      aria-label={ariaLabel}
      style={{ width: '100%' }}
      status={status}
      value={value ?? undefined}
      placeholder={t('import.parties.regionPlaceholder')}
      showSearch={{ filterOption: false, onSearch }}
      notFoundContent={notFound}
      options={options}
      labelRender={({ value: code }) => (
        <span>
          {name} <Typography.Text type="secondary">{code}</Typography.Text>
        </span>
      )}
      optionRender={({ data }) => (
        <span>
          {data.label}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {data.value}
            {data.region ? ` · ${t(`import.regionLevel.${data.region.level}`)}` : ''}
          </Typography.Text>
        </span>
      )}
      onChange={(_, option) => {
        const chosen = Array.isArray(option) ? option[0] : option;
        if (chosen?.region) onChange(chosen.region);
      }}
    />
  );
}
