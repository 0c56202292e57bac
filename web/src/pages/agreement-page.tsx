import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, FileTextOutlined, NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Segmented, Select, Space, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { agreementsApi } from '../api/agreements.ts';
import { api } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import type { Agreement, ClauseNode } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { AgreementFormModal } from '../agreement/agreement-form-modal.tsx';
import { AgreementText } from '../agreement/agreement-text.tsx';
import { AmendModal } from '../agreement/amend-modal.tsx';
import { ClauseModal } from '../agreement/clause-modal.tsx';
import { indexClauses, shiftedOrder, siblingsOf, spanWithin, type ClauseIndex } from '../agreement/clause-index.ts';
import { ClauseTree } from '../agreement/clause-tree.tsx';
import { VersionChangesView } from '../agreement/version-changes-view.tsx';
import { AgreementKindTag } from '../common/kind-tag.tsx';
import { LoadError } from '../common/load-error.tsx';
import { PageLoading } from '../common/page-loading.tsx';
import { formatDate, formatDateTime } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { PerDirectionTasksModal } from '../tasks/per-direction-tasks-modal.tsx';

/**
 * Tree and text side by side fill the rest of the window below the header, the breadcrumb and the agreement's
 * details, so both scroll on their own; the text panel gives up one line to the selected clause's caption.
 */
const TREE_HEIGHT = 'calc(100vh - 318px)';
const TEXT_HEIGHT = 'calc(100vh - 366px)';

function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** Adding, correcting and removing clauses, for those the server lets edit the agreement. */
function ClauseTools({
  agreementId,
  clauses,
  selected,
  onChanged,
}: {
  agreementId: string;
  clauses: ClauseNode[];
  selected: ClauseNode | undefined;
  onChanged: (removed?: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form, setForm] = useState<'top' | 'beneath' | 'edit' | null>(null);
  const siblings = useMemo(() => (selected ? siblingsOf(clauses, indexClauses(clauses), selected) : []), [clauses, selected]);
  const shift = async (step: -1 | 1) => {
    const order = selected ? shiftedOrder(siblings, selected, step) : null;
    if (!selected || !order) return;
    try {
      await agreementsApi.reorderClauses(agreementId, selected.parentId, order);
      onChanged();
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };
  const remove = async (clause: ClauseNode) => {
    try {
      await agreementsApi.deleteClause(clause);
      message.success(t('agreement.clause.deleted'));
      onChanged(true);
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };
  return (
    <Space wrap size={4} style={{ marginBottom: 8 }} data-testid="clause-tools">
      <Button size="small" icon={<PlusOutlined />} onClick={() => setForm('top')}>
        {t('agreement.clause.addArea')}
      </Button>
      <Button size="small" icon={<PlusOutlined />} disabled={!selected || selected.level === 'measure'} onClick={() => setForm('beneath')}>
        {t('agreement.clause.addChild')}
      </Button>
      <Button size="small" icon={<EditOutlined />} disabled={!selected} onClick={() => setForm('edit')}>
        {t('common.edit')}
      </Button>
      <Button
        size="small"
        icon={<ArrowUpOutlined />}
        aria-label={t('agreement.clause.moveUp')}
        title={t('agreement.clause.moveUp')}
        disabled={!selected || siblings[0]?.id === selected.id}
        onClick={() => void shift(-1)}
      />
      <Button
        size="small"
        icon={<ArrowDownOutlined />}
        aria-label={t('agreement.clause.moveDown')}
        title={t('agreement.clause.moveDown')}
        disabled={!selected || siblings.at(-1)?.id === selected.id}
        onClick={() => void shift(1)}
      />
      <Popconfirm
        title={t('agreement.clause.deleteConfirm', { title: selected?.title ?? '' })}
        description={t('agreement.clause.deleteHint')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        disabled={!selected}
        onConfirm={() => (selected ? void remove(selected) : undefined)}
      >
        <Button size="small" danger icon={<DeleteOutlined />} disabled={!selected}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
      {form ? (
        <ClauseModal
          agreementId={agreementId}
          clauses={clauses}
          clause={form === 'edit' ? selected : undefined}
          parent={form === 'beneath' ? selected : undefined}
          onClose={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            onChanged();
          }}
        />
      ) : null}
    </Space>
  );
}

function Clauses({
  agreementId,
  clauses,
  counts,
  selectedId,
  editable,
  onSelect,
  onChanged,
}: {
  agreementId: string;
  clauses: ClauseNode[];
  counts: ClauseIndex['counts'];
  selectedId: string | null;
  editable: boolean;
  onSelect: (id: string | null) => void;
  onChanged: (removed?: boolean) => void;
}) {
  const { t } = useTranslation();
  const selected = useMemo(() => (selectedId ? indexClauses(clauses).byId.get(selectedId) : undefined), [clauses, selectedId]);
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
      {editable ? <ClauseTools agreementId={agreementId} clauses={clauses} selected={selected} onChanged={onChanged} /> : null}
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
function TextPanel({ agreement, selected, onMarked }: { agreement: Agreement; selected: ClauseNode | undefined; onMarked: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = currentLocale();
  const [chosen, setChosen] = useState<{ start: number; end: number } | null>(null);
  const markable = agreement.can.edit && selected !== undefined && chosen !== null;
  const mark = async () => {
    if (!selected || !chosen) return;
    try {
      await agreementsApi.updateClause(selected, { spanStart: chosen.start, spanEnd: chosen.end });
      message.success(t('agreement.clause.spanMarked'));
      setChosen(null);
      onMarked();
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };
  const [versionNumber, setVersionNumber] = useState(agreement.currentTextVersion);
  const isCurrent = versionNumber === agreement.currentTextVersion;
  const [view, setView] = useState<'text' | 'changes'>('text');
  const { data: version, error, loading, reload } = useApi(
    () => (isCurrent ? Promise.resolve({ text: agreement.text }) : api.agreementVersion(agreement.id, versionNumber)),
    `${agreement.id}:${versionNumber}`,
  );

  const text = version?.text ?? '';
  const highlight = isCurrent ? spanWithin(selected, text.length) : null;

  let body: ReactNode;
  if (error) body = <LoadError error={error} onRetry={reload} />;
  else if (loading) body = <PageLoading />;
  else if (!isCurrent && view === 'changes') body = <VersionChangesView older={text} current={agreement.text} height={TEXT_HEIGHT} />;
  else if (!text) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreement.noText')} />;
  else body = <AgreementText text={text} highlight={highlight} height={TEXT_HEIGHT} onSelectText={isCurrent && agreement.can.edit ? setChosen : undefined} />;

  return (
    <Card
      size="small"
      title={t('agreement.text')}
      extra={
        <Space size={8}>
          {markable ? (
            <Button size="small" type="primary" onClick={() => void mark()} data-testid="mark-span">
              {t('agreement.clause.markSpan')}
            </Button>
          ) : null}
          {agreement.textVersions.length > 1 ? (
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
          ) : null}
        </Space>
      }
    >
      {!isCurrent ? (
        <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 8 }}>
          <Alert type="warning" showIcon title={t('agreement.olderVersionNotice')} />
          <Segmented<'text' | 'changes'>
            value={view}
            onChange={setView}
            options={[
              { value: 'text', label: t('agreement.changes.showText', { number: versionNumber }) },
              { value: 'changes', label: t('agreement.changes.showChanges') },
            ]}
          />
        </Space>
      ) : null}
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
function CooperationCrumb({ cooperationId, name }: { cooperationId: string; name: string | undefined }) {
  const { t } = useTranslation();
  return <Link to={`/cooperations/${cooperationId}`}>{name ?? t('common.back')}</Link>;
}

/** Correcting, amending and deleting the agreement, where the server's `can.edit` allows. */
function AgreementActions({ agreement, onChanged }: { agreement: Agreement; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState<'edit' | 'amend' | null>(null);
  const siblings = useApi(() => (open === 'edit' ? api.agreementsOf(agreement.cooperationId) : Promise.resolve(undefined)), `${agreement.cooperationId}:${open}`);
  if (!agreement.can.edit) return null;
  const remove = async () => {
    try {
      await agreementsApi.delete(agreement);
      message.success(t('agreement.form.deleted', { title: agreement.title }));
      void navigate(`/cooperations/${agreement.cooperationId}`);
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };
  const done = () => {
    setOpen(null);
    onChanged();
  };
  return (
    <>
      <Button size="small" icon={<EditOutlined />} onClick={() => setOpen('edit')}>
        {t('agreement.form.edit')}
      </Button>
      <Button size="small" icon={<FileTextOutlined />} onClick={() => setOpen('amend')}>
        {t('agreement.amend.button')}
      </Button>
      <Popconfirm
        title={t('agreement.form.deleteConfirm')}
        description={t('agreement.form.deleteHint')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() => void remove()}
      >
        <Button size="small" danger icon={<DeleteOutlined />}>
          {t('agreement.form.delete')}
        </Button>
      </Popconfirm>
      {open === 'edit' && siblings.data ? (
        <AgreementFormModal cooperationId={agreement.cooperationId} agreements={siblings.data.items} agreement={agreement} onClose={() => setOpen(null)} onSaved={done} />
      ) : null}
      {open === 'amend' ? <AmendModal agreement={agreement} onClose={() => setOpen(null)} onAmended={done} /> : null}
    </>
  );
}

export default function AgreementPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { agreementId = '' } = useParams();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creatingTasks, setCreatingTasks] = useState(false);
  const agreementState = useApi(() => api.agreement(agreementId), agreementId);
  const clauseState = useApi(() => api.clausesOf(agreementId), agreementId);
  const clauses = clauseState.data?.items;
  const index = useMemo(() => indexClauses(clauses ?? []), [clauses]);
  const cooperationId = agreementState.data?.cooperationId ?? '';
  const { data: cooperation } = useApi(() => (cooperationId ? api.cooperation(cooperationId) : Promise.resolve(undefined)), cooperationId);

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
          { title: <CooperationCrumb cooperationId={agreement.cooperationId} name={cooperation?.name} /> },
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
          <Space wrap size={8}>
            <AgreementActions agreement={agreement} onChanged={agreementState.reload} />
            {cooperation?.can.createTasks && index.counts.direction > 0 ? (
              <Button icon={<NodeIndexOutlined />} onClick={() => setCreatingTasks(true)} data-testid="tasks-per-direction">
                {t('tasks.perDirection.button')}
              </Button>
            ) : null}
          </Space>
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
          <Clauses
            agreementId={agreement.id}
            clauses={clauses}
            counts={index.counts}
            selectedId={selectedId}
            editable={clauseState.data?.can.edit ?? false}
            onSelect={setSelectedId}
            onChanged={(removed) => {
              if (removed) setSelectedId(null);
              clauseState.reload();
            }}
          />
        </Col>
        <Col xs={24} lg={15}>
          <TextPanel key={agreement.currentTextVersion} agreement={agreement} selected={selectedId ? index.byId.get(selectedId) : undefined} onMarked={clauseState.reload} />
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
