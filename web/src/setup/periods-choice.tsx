import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CALENDAR_KINDS, type CalendarKind } from '../api/settings.ts';

/** The reporting periods a new cooperation starts with: one calendar kind through the current year, or none yet. */
export function PeriodsChoice({ value, onChange }: { value: CalendarKind | 'none'; onChange: (value: CalendarKind | 'none') => void }) {
  const { t } = useTranslation();
  return (
    <Select<CalendarKind | 'none'>
      aria-label={t('setup.periods.label')}
      value={value}
      onChange={onChange}
      style={{ width: '100%', maxWidth: 320 }}
      options={[
        ...CALENDAR_KINDS.map((kind) => ({ value: kind, label: t('setup.periods.thisYear', { kind: t(`periodKind.${kind}`) }) })),
        { value: 'none' as const, label: t('setup.periods.none') },
      ]}
    />
  );
}
