import { InboxOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Select, Space, Steps, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FIXED_COLUMNS, READ_ONLY_COLUMNS, columnHeader, type ColumnKey } from '../../../src/contract/ledger-columns.ts';
import { api, ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { importLedger, type ImportAction, type ImportRow, type LedgerImportReport } from '../api/ledger-exchange.ts';
import type { Cooperation } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';

const ACTION_COLOURS: Record<ImportAction, string> = { create: 'green', update: 'blue', unchanged: 'default', error: 'red', conflict: 'orange' };

/** The column keys a header can be mapped to, in the file's order, named in the UI's language. */
function mappingTargets(cooperation: Cooperation, lang: 'zh-CN' | 'en') {
  const partyName = (id: string) => cooperation.parties.find((p) => p.id === id)?.name ?? id;
  const keys: ColumnKey[] = [
    ...FIXED_COLUMNS.filter((key) => !READ_ONLY_COLUMNS.includes(key)),
    ...cooperation.parties.flatMap((p): ColumnKey[] => [`lead:${p.id}`, `co:${p.id}`]),
  ];
  return keys.map((key) => ({ value: key, label: columnHeader(key, lang, partyName) }));
}

function ImportLedger({ cooperation }: { cooperation: Cooperation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [report, setReport] = useState<LedgerImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const run = async (chosen: File, mode: 'dry-run' | 'commit', withMapping: Record<string, string>) => {
    setBusy(true);
    setFailure(null);
    try {
      setReport(await importLedger(cooperation.id, chosen, mode, withMapping));
    } catch (error) {
      setFailure(error);
      setReport(null);
    } finally {
      setBusy(false);
    }
  };

  const choose = (chosen: File) => {
    setFile(chosen);
    setMapping({});
    void run(chosen, 'dry-run', {});
    return false;
  };

  const reasonWords = (row: ImportRow) =>
    row.reasons.map((reason) => errorMessage(new ApiError(400, reason.code, reason.code, reason.params), t));

  const columns: TableColumnsType<ImportRow> = [
    { title: t('ledgerImport.row'), dataIndex: 'row', width: 70 },
    {
      title: t('ledgerImport.action'),
      dataIndex: 'action',
      width: 100,
      render: (action: ImportAction) => <Tag color={ACTION_COLOURS[action]}>{t(`ledgerImport.actions.${action}`)}</Tag>,
    },
    { title: t('ledgerImport.cell'), dataIndex: 'cell', width: 70, render: (cell: string | null) => cell ?? '' },
    { title: t('tasks.title'), dataIndex: 'title' },
    {
      title: t('ledgerImport.reason'),
      key: 'reason',
      render: (_, row) =>
        row.reasons.length ? (
          <Space orientation="vertical" size={0}>
            {reasonWords(row).map((words) => (
              <Typography.Text key={words} type="danger">
                {words}
              </Typography.Text>
            ))}
          </Space>
        ) : row.changes.length && row.action !== 'create' ? (
          t('ledgerImport.changes', { count: row.changes.length })
        ) : null,
    },
  ];

  const blocked = !!report && (report.summary.error > 0 || report.summary.conflict > 0 || report.fileReasons.some((r) => r.code !== 'ledger_import.duplicate_column'));
  const changes = report ? report.summary.create + report.summary.update : 0;
  const step = !report ? 0 : report.committed ? 3 : report.unmatched.length ? 1 : 2;
  const targets = mappingTargets(cooperation, lang);
  const taken = new Set(report?.columns.map((c) => c.key).filter((key): key is string => !!key));

  return (
    <Card title={t('ledgerImport.title')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Steps
          size="small"
          current={step}
          items={[{ title: t('ledgerImport.stepUpload') }, { title: t('ledgerImport.stepMapping') }, { title: t('ledgerImport.stepCheck') }, { title: t('ledgerImport.stepDone') }]}
        />
        <Typography.Paragraph type="secondary">{t('ledgerImport.hint')}</Typography.Paragraph>
        <Upload.Dragger accept=".xlsx,.csv" showUploadList={false} beforeUpload={choose} disabled={busy} data-testid="ledger-import-upload">
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? t('ledgerImport.chosen', { name: file.name }) : t('ledgerImport.choose')}</p>
        </Upload.Dragger>
        {failure ? <Alert type="error" showIcon title={errorMessage(failure, t)} data-testid="ledger-import-failure" /> : null}
        {report?.fileReasons.map((reason) => (
          <Alert key={reason.code} type="warning" showIcon title={errorMessage(new ApiError(400, reason.code, reason.code, reason.params), t)} />
        ))}
        {report && file && report.unmatched.length > 0 ? (
          <Card size="small" title={t('ledgerImport.mappingTitle')} data-testid="ledger-import-mapping">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('ledgerImport.mappingHint')}</Typography.Text>
              {report.unmatched.map((column) => (
                <Space key={column.column} wrap>
                  <Typography.Text strong>
                    {column.column} · {column.header}
                  </Typography.Text>
                  <Select
                    style={{ minWidth: 220 }}
                    aria-label={t('ledgerImport.mapTo', { header: column.header })}
                    value={mapping[column.header]}
                    placeholder={t('ledgerImport.mapTo', { header: column.header })}
                    onChange={(key: string) => setMapping({ ...mapping, [column.header]: key })}
                    options={[{ value: 'ignore', label: t('ledgerImport.ignore') }, ...targets.filter((target) => !taken.has(target.value))]}
                  />
                </Space>
              ))}
              <Button onClick={() => void run(file, 'dry-run', mapping)} loading={busy} data-testid="ledger-import-apply-mapping">
                {t('ledgerImport.applyMapping')}
              </Button>
            </Space>
          </Card>
        ) : null}
        {report ? (
          <>
            {report.committed ? (
              <Alert type="success" showIcon title={t('ledgerImport.committed', { create: report.summary.create, update: report.summary.update })} data-testid="ledger-import-committed" />
            ) : (
              <Typography.Text data-testid="ledger-import-summary">
                {t('ledgerImport.summary', { ...report.summary })}
              </Typography.Text>
            )}
            <Table<ImportRow>
              rowKey="row"
              size="small"
              bordered
              columns={columns}
              dataSource={report.rows.filter((row) => row.action !== 'unchanged')}
              scroll={{ x: 700 }}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              locale={{ emptyText: t('ledgerImport.nothing') }}
              data-testid="ledger-import-rows"
            />
            {!report.committed && file ? (
              <Space wrap>
                <Button type="primary" disabled={blocked || changes === 0} loading={busy} onClick={() => void run(file, 'commit', mapping)} data-testid="ledger-import-commit">
                  {t('ledgerImport.commit', { count: changes })}
                </Button>
                {blocked ? <Typography.Text type="secondary">{t('ledgerImport.fixFirst')}</Typography.Text> : null}
              </Space>
            ) : null}
          </>
        ) : null}
        <Link to={`/cooperations/${cooperation.id}/tasks`}>{t('tasks.backToLedger')}</Link>
      </Space>
    </Card>
  );
}

export default function TaskImportPage() {
  const { t } = useTranslation();
  const { cooperationId = '' } = useParams();
  const { data: cooperation, error, loading, reload } = useApi(() => api.cooperation(cooperationId), cooperationId);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading || !cooperation) return <PageLoading />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <Link to={`/cooperations/${cooperation.id}`}>{cooperation.name}</Link> },
          { title: <Link to={`/cooperations/${cooperation.id}/tasks`}>{t('tasks.ledgerTitle')}</Link> },
          { title: t('ledgerImport.title') },
        ]}
      />
      {cooperation.can.importTasks ? <ImportLedger cooperation={cooperation} /> : <Alert type="info" showIcon title={t('ledgerImport.notAllowed')} />}
    </Space>
  );
}
