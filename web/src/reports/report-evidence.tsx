import { PaperClipOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportsApi } from '../api/reports.ts';
import { useApi } from '../api/use-api.ts';

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A report's evidence files as download links. */
export function ReportEvidence({ reportId, version }: { reportId: string; version: number }) {
  const { t } = useTranslation();
  const { data } = useApi(() => reportsApi.attachments(reportId), `${reportId}@${version}`);
  if (!data || data.items.length === 0) return <span>{t('common.none')}</span>;
  return (
    <Space wrap size={[12, 4]}>
      {data.items.map((file) => (
        <a key={file.id} href={reportsApi.attachmentUrl(file.id)} download={file.fileName}>
          <PaperClipOutlined /> {file.fileName} <span style={{ opacity: 0.6 }}>({size(file.size)})</span>
        </a>
      ))}
    </Space>
  );
}
