import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CooperationStatus } from '../api/types.ts';

const COLORS: Record<CooperationStatus, string> = {
  draft: 'default',
  active: 'green',
  suspended: 'orange',
  closed: 'default',
};

export function StatusTag({ status }: { status: CooperationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} variant="outlined">
      {t(`status.${status}`)}
    </Tag>
  );
}
