import { Collapse, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_AT_RISK_MARGIN, TARGET_STATUSES } from '../../../src/contract/indicator-status.ts';
import { IndicatorStatusTag } from './indicator-status-tag.tsx';

/** The status rule in words, beside the statuses it gives, so a reader knows what a colour means. */
export function StatusRule({ margin = DEFAULT_AT_RISK_MARGIN }: { margin?: number }) {
  const { t } = useTranslation();
  const percent = Math.round(margin * 1000) / 10;
  return (
    <Collapse
      size="small"
      data-testid="status-rule"
      items={[
        {
          key: 'rule',
          label: t('indicators.rule.title'),
          children: (
            <Space orientation="vertical" size={6}>
              <Typography.Text>{t('indicators.rule.elapsed')}</Typography.Text>
              {TARGET_STATUSES.map((status) => (
                <Space key={status} align="start">
                  <IndicatorStatusTag status={status} testId="status-rule-tag" />
                  <Typography.Text>{t(`indicators.rule.${status}`, { margin: percent })}</Typography.Text>
                </Space>
              ))}
              <Typography.Text type="secondary">{t('indicators.rule.lower')}</Typography.Text>
            </Space>
          ),
        },
      ]}
    />
  );
}
