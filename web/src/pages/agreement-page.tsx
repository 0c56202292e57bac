import { NodeIndexOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Empty, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.ts';
import type { Agreement, ClauseNode } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { AgreementText } from '../agreement/agreement-text.tsx';
import { indexClauses, spanWithin, type ClauseIndex } from '../agreement/clause-index.ts';
import { ClauseTree } from '../agreement/clause-tree.tsx';
import { AgreementKindTag } from '../common/kind-tag.tsx';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { formatDate, formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { useMe } from '../session/session-context.tsx';
import { PerDirectionTasksModal } from '../tasks/per-direction-tasks-modal.tsx';
import { mayCreateTasks } from '../tasks/task-permissions.ts';

/**
 * Tree and text side by side fill the rest of the window below the header, the breadcrumb and the agreement's
 * details, so both scroll on their own; the text panel gives up one line to the selected clause's caption.
 */
const TREE_HEIGHT = 'calc(100vh - 318px)';
const TEXT_HEIGHT = 'calc(100vh - 366px)';

function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

function Clauses({
  clauses,
  counts,
  selectedId,
  onSelect,
}: {
  clauses: ClauseNode[];
  counts: ClauseIndex['counts'];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('agreement.clauses')}
      extra={
        <Typography.Text type="secondary" data-testid="clause-summary">
          {t('agreement.clauseSummary', { areas: counts.area, directions: counts.direction, measures: counts.measure })}
        </Typography.Text>
      }
    >
      <div style={{ height: TREE_HEIGHT, minHeight: 408, overflowY: 'auto' }} data-testid="clause-tree">
        {clauses.length > 0 ? (
          <ClauseTree clauses={clauses} selectedId={selectedId} onSelect={onSelect} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreement.noClauses')} />
        )}
      </div>
    </Card>
  );
}

/** The text of the chosen version; clause spans point into the version in force, so only that one is marked. */
function TextPanel({ agreement, selected }: { agreement: Agreement; selected: ClauseNode | undefined }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [versionNumber, setVersionNumber] = useState(agreement.currentTextVersion);
  const isCurrent = versionNumber === agreement.currentTextVersion;
  const { data: version, error, loading, reload } = useApi(
    () => (isCurrent ? Promise.resolve({ text: agreement.text }) : api.agreementVersion(agreement.id, versionNumber)),
    `${agreement.id}:${versionNumber}`,
  );

  const text = version?.text ?? '';
  const highlight = isCurrent ? spanWithin(selected, text.length) : null;

  let body;
  if (error) body = <LoadError error={error} onRetry={reload} />;
  else if (loading) body = <PageLoading />;
  else if (!text) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreement.noText')} />;
  else body = <AgreementText text={text} highlight={highlight} height={TEXT_HEIGHT} />;

  return (
    <Card
      size="small"
      title={t('agreement.text')}
      extra={
        agreement.textVersions.length > 1 ? (
          <Select<number>
            size="small"
            aria-label={t('agreement.textVersion')}
            value={versionNumber}
            onChange={setVersionNumber}
            popupMatchSelectWidth={false}
            options={[...agreement.textVersions]
              .sort((a, b) => b.number - a.number)
              .map((v) => ({
                value: v.number,
                label: `${t(v.number === agreement.currentTextVersion ? 'agreement.versionCurrent' : 'agreement.versionOption', { number: v.number })} · ${formatDateTime(v.createdAt, locale)}${v.note ? ` · ${v.note}` : ''}`,
              }))}
          />
        ) : null
      }
    >
      {!isCurrent ? <Alert type="warning" showIcon title={t('agreement.olderVersionNotice')} style={{ marginBottom: 8 }} /> : null}
      {isCurrent && !selected ? (
        <Typography.Paragraph type="secondary" style={{ height: 40, margin: '0 0 8px', lineHeight: '40px' }}>
          {t('agreement.clausesHint')}
        </Typography.Paragraph>
      ) : null}
      {isCurrent && selected ? (
        <Alert
          type={highlight ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="selected-clause"
          title={
            <span>
              {t('agreement.selected', { clause: selected.label ? `${selected.label} ${selected.title}` : selected.title })}
              {highlight ? null : <Typography.Text type="secondary"> — {t('agreement.noSpan')}</Typography.Text>}
            </span>
          }
          description={selected.body || undefined}
        />
      ) : null}
      {body}
    </Card>
  );
}

/** The agreement answer carries only the cooperation's id; its name comes from the cooperation itself. */
function CooperationCrumb({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const { data } = useApi(() => api.cooperation(cooperationId), cooperationId);
  return <Link to={`/cooperations/${cooperationId}`}>{data?.name ?? t('common.back')}</Link>;
}

export default function AgreementPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const { agreementId = '' } = useParams();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creatingTasks, setCreatingTasks] = useState(false);
  const agreementState = useApi(() => api.agreement(agreementId), agreementId);
  const clauseState = useApi(() => api.clausesOf(agreementId), agreementId);
  const clauses = clauseState.data?.items;
  const index = useMemo(() => indexClauses(clauses ?? []), [clauses]);

  const failure = agreementState.error ?? clauseState.error;
  if (failure) {
    return (
      <LoadError
        error={failure}
        onRetry={() => {
          agreementState.reload();
          clauseState.reload();
        }}
      />
    );
  }
  const agreement = agreementState.data;
  if (agreementState.loading || clauseState.loading || !agreement || !clauses) return <PageLoading />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/cooperations">{t('nav.cooperations')}</Link> },
          { title: <CooperationCrumb cooperationId={agreement.cooperationId} /> },
          { title: agreement.title },
        ]}
      />
      <Card
        size="small"
        title={
          <Space>
            <span data-testid="agreement-title">{agreement.title}</span>
            <AgreementKindTag kind={agreement.kind} />
          </Space>
        }
        extra={
          mayCreateTasks(me, agreement.cooperationId) && index.counts.direction > 0 ? (
            <Button icon={<NodeIndexOutlined />} onClick={() => setCreatingTasks(true)} data-testid="tasks-per-direction">
              {t('tasks.perDirection.button')}
            </Button>
          ) : null
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('agreement.signedOn')}>{formatDate(agreement.signedOn, locale) ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('agreement.place')}>{agreement.place ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('agreement.signatories')}>
            {agreement.signatories.length > 0 ? agreement.signatories.join(t('common.listSeparator')) : t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('agreement.textVersion')}>
            {t('agreement.versionOption', { number: agreement.currentTextVersion })}
          </Descriptions.Item>
          {agreement.source ? (
            <Descriptions.Item label={t('agreement.source')} span="filled">
              {isHttpUrl(agreement.source) ? (
                <a href={agreement.source} target="_blank" rel="noreferrer">
                  {agreement.source}
                </a>
              ) : (
                agreement.source
              )}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Clauses clauses={clauses} counts={index.counts} selectedId={selectedId} onSelect={setSelectedId} />
        </Col>
        <Col xs={24} lg={15}>
          <TextPanel agreement={agreement} selected={selectedId ? index.byId.get(selectedId) : undefined} />
        </Col>
      </Row>
      {creatingTasks ? (
        <PerDirectionTasksModal
          agreementId={agreement.id}
          cooperationId={agreement.cooperationId}
          directionCount={index.counts.direction}
          onClose={() => setCreatingTasks(false)}
        />
      ) : null}
    </Space>
  );
}
