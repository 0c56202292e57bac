import { Select, Spin } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { CooperationListItem } from '../api/types.ts';
import { useRemoteSearch } from './use-remote-search.ts';

/** Finds a cooperation the agreement is to be added to, by its name or a party's name. */
export function CooperationSelect({
  value,
  status,
  onChange,
}: {
  value: string | null;
  status?: 'error';
  onChange: (cooperation: CooperationListItem) => void;
}) {
  const { t } = useTranslation();
  const { results, loading, failed, onSearch } = useRemoteSearch(async (query: string) => (await api.cooperations({ q: query, pageSize: 20 })).items);
  // Keeps the chosen one's name on screen after the search results change.
  const [chosen, setChosen] = useState<CooperationListItem | null>(null);
  const items = chosen && !results.some((c) => c.id === chosen.id) ? [chosen, ...results] : results;

  let notFound: ReactNode;
  if (loading) notFound = <Spin size="small" />;
  else if (failed) notFound = t('import.cooperation.searchFailed');
  else notFound = t('import.cooperation.searchHint');

  return (
    <Select<string>
      aria-label={t('import.cooperation.existing')}
      style={{ width: '100%' }}
      status={status}
      value={value ?? undefined}
      placeholder={t('import.cooperation.existingPlaceholder')}
      showSearch={{ filterOption: false, onSearch }}
      notFoundContent={notFound}
      options={items.map((c) => ({ value: c.id, label: c.name }))}
      onChange={(id) => {
        const cooperation = items.find((c) => c.id === id);
        if (!cooperation) return;
        setChosen(cooperation);
        onChange(cooperation);
      }}
    />
  );
}
