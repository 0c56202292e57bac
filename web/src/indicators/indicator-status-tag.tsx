import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOURS, type TargetStatus } from '../../../src/contract/indicator-status.ts';

/** A target's status in the one colour the status rule gives it, everywhere it is shown. */
export function IndicatorStatusTag({ status, testId = 'target-status' }: { status: TargetStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`indicators.status.${status}`)}
    </Tag>
  );
}
