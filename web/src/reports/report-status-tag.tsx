import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../api/reports.ts';

const COLORS: Record<ReportStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'warning',
  superseded: 'default',
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-report-status={status}>
      {t(`reports.statusValue.${status}`)}
    </Tag>
  );
}
