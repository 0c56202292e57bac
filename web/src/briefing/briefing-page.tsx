import { Breadcrumb, Button, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { briefingApi, briefingDownloads } from '../api/briefing.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { currentLocale } from '../i18n/i18n.ts';
import { BriefingDocument } from './briefing-document.tsx';
import { BriefingNoteEditor } from './briefing-note-editor.tsx';

/** 工作简报 of a cooperation for a period: read in two minutes, printed on A4, downloaded as PDF or Word. */
export default function BriefingPage() {
  const { cooperationId = '' } = useParams();
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const period = search.get('period') ?? undefined;
  const briefing = useApi(() => briefingApi.get(cooperationId, period), `${cooperationId}:${period ?? ''}`);
  if (briefing.error) return <LoadError error={briefing.error} onRetry={briefing.reload} />;
  const data = briefing.data;
  if (!data) return <PageLoading />;
  const downloads = briefingDownloads(cooperationId, data.period?.id, currentLocale());

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <Link to={`/cooperations/${cooperationId}`}>{data.cooperation.name}</Link> },
          { title: <Link to={`/cooperations/${cooperationId}/dashboard`}>{t('dashboard.title')}</Link> },
          { title: t('briefing.title') },
        ]}
      />
      <Space wrap className="no-print" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Typography.Text id="briefing-period-label">{t('briefing.period')}</Typography.Text>
          <Select
            data-testid="period-picker"
            aria-labelledby="briefing-period-label"
            style={{ minWidth: 200 }}
            value={data.period?.id}
            placeholder={t('briefing.noPeriod')}
            onChange={(value: string) => setSearch({ period: value }, { replace: true })}
            options={[...data.periods].reverse().map((p) => ({ value: p.id, label: p.label }))}
          />
        </Space>
        <Space wrap>
          <Button onClick={() => window.print()} data-testid="print">
            {t('briefing.print')}
          </Button>
          <Button href={downloads.pdf} data-testid="download-pdf">
            {t('briefing.pdf')}
          </Button>
          <Button href={downloads.briefingDocx} data-testid="download-briefing-docx">
            {t('briefing.briefingDocx')}
          </Button>
          <Button href={downloads.bulletinDocx} data-testid="download-bulletin-docx">
            {t('briefing.bulletinDocx')}
          </Button>
        </Space>
      </Space>
      {briefing.loading ? (
        <PageLoading />
      ) : (
        <BriefingDocument
          data={data}
          note={
            data.can.editNote ? (
              <>
                {data.note?.text ? <p className="briefing-note-text print-only">{data.note.text}</p> : null}
                <BriefingNoteEditor key={`${data.period?.id ?? ''}:${data.note?.version ?? 0}`} data={data} onSaved={briefing.reload} onStale={briefing.reload} />
              </>
            ) : undefined
          }
        />
      )}
    </Space>
  );
}
