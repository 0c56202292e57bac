import { DeleteOutlined } from '@ant-design/icons';
import { Button, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n/i18n.ts';
import type { DraftAmount } from './import-draft.ts';
import { formatRange } from './quantity.ts';
import { useTextFocus } from './text-focus.tsx';

/**
 * Sums of money the text names. They stay in the saved agreement text for reference; one worth tracking
 * becomes a target with "设为目标".
 */
export function AmountTable({
  amounts,
  onRemove,
  onMakeTarget,
}: {
  amounts: DraftAmount[];
  onRemove: (key: string) => void;
  onMakeTarget: (amount: DraftAmount) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { locateProps } = useTextFocus();

  const columns: TableColumnsType<DraftAmount> = [
    { title: t('import.amounts.text'), dataIndex: 'text' },
    {
      title: t('import.amounts.value'),
      key: 'value',
      width: 150,
      render: (_, amount) => formatRange(amount.value, amount.valueMax, amount.unit, locale),
    },
    {
      title: t('import.amounts.qualifier'),
      dataIndex: 'qualifier',
      width: 64,
      align: 'center',
      render: (qualifier: string | null) => qualifier ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      key: 'actions',
      width: 124,
      render: (_, amount) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Button size="small" type="link" onClick={() => onMakeTarget(amount)}>
            {t('import.amounts.toTarget')}
          </Button>
          <Tooltip title={t('import.amounts.remove')}>
            <Button size="small" type="text" aria-label={t('import.amounts.remove')} icon={<DeleteOutlined />} onClick={() => onRemove(amount.key)} />
          </Tooltip>
        </span>
      ),
    },
  ];

  return (
    <Table<DraftAmount>
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={amounts}
      onRow={(amount) => locateProps(amount.key)}
      locale={{ emptyText: t('import.amounts.empty') }}
      data-testid="amount-table"
    />
  );
}
