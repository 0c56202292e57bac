import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cooperation, SetupGap } from '../api/types.ts';

/** Where each missing thing is put right. */
function fixAt(cooperationId: string, gap: SetupGap): string {
  const settings = `/cooperations/${cooperationId}/settings`;
  switch (gap.item) {
    case 'office':
      return `${settings}?tab=members`;
    case 'units':
      return `${settings}?tab=units`;
    case 'periods':
      return `${settings}?tab=periods`;
    case 'agreement':
      return `/cooperations/${cooperationId}?register=agreement`;
    case 'tasks':
      return `/cooperations/${cooperationId}/tasks`;
  }
}

/** What the cooperation still lacks before it can be worked in, for those who set it up; gone once nothing is missing. */
export function SetupChecklist({ cooperation }: { cooperation: Cooperation }) {
  const { t } = useTranslation();
  const gaps = cooperation.setup ?? [];
  if (gaps.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('setup.checklist.title')}
      data-testid="setup-checklist"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {gaps.map((gap) => (
            <li key={`${gap.item}:${gap.partyId ?? ''}`} data-testid={`setup-${gap.item}`}>
              <span>{t(`setup.checklist.${gap.item}`, { party: gap.partyName ?? '' })}</span>
              <Link to={fixAt(cooperation.id, gap)} style={{ marginInlineStart: 12 }}>
                {t(`setup.checklist.fix.${gap.item}`)}
              </Link>
            </li>
          ))}
        </ul>
      }
    />
  );
}
