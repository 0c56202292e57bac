import { Col, Form, Input, Row, Segmented, Select, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementKind, Visibility } from '../api/types.ts';
import { formatDate } from '../format/date.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { AmountTable } from './amount-table.tsx';
import { AreaTreeEditor } from './area-tree-editor.tsx';
import { CooperationSelect } from './cooperation-select.tsx';
import { countNodes } from './draft-tree.ts';
import type { FieldErrors } from './field-errors.ts';
import { targetFromAmount, type CooperationMode, type DraftAgreement, type ImportDraft } from './import-draft.ts';
import { issueMessage } from './issue-message.ts';
import { NamedTagList } from './named-tag-list.tsx';
import { PartyList } from './party-list.tsx';
import { TargetTable } from './target-table.tsx';
import { useTextFocus } from './text-focus.tsx';
import { PeriodsChoice } from '../setup/periods-choice.tsx';
import { SideOffices, type OfficeRefusal } from '../setup/side-offices.tsx';

const AGREEMENT_KINDS: readonly AgreementKind[] = ['framework', 'departmental', 'district', 'park', 'enterprise', 'other'];
const VISIBILITIES: readonly Visibility[] = ['parties', 'side', 'public'];

function Section({ title, extra, testId, children }: { title: string; extra?: ReactNode; testId: string; children: ReactNode }) {
  return (
    <section data-testid={testId} style={{ marginBottom: 22 }}>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 12,
          borderLeft: '3px solid #1f4e8c',
          paddingLeft: 8,
          marginBottom: 10,
        }}
      >
        <Typography.Text strong style={{ fontSize: 15 }}>
          {title}
        </Typography.Text>
        {typeof extra === 'string' ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {extra}
          </Typography.Text>
        ) : (
          extra
        )}
      </div>
      {children}
    </section>
  );
}

/**
 * The proposal as a form: where to save it, the parties, the agreement, its areas and directions, targets,
 * amounts, the agreements signed alongside and the named projects. Every field starts from what was read.
 */
export function StructureForm({
  draft,
  errors,
  refusedOffice,
  onChange,
}: {
  draft: ImportDraft;
  errors: FieldErrors;
  /** The server's refusal of an office named for a side, shown at that side. */
  refusedOffice: OfficeRefusal | null;
  onChange: (update: (draft: ImportDraft) => ImportDraft) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { locateProps } = useTextFocus();
  const issue = (field: string) => issueMessage(errors[field], t);
  const status = (field: string) => (errors[field] ? ('error' as const) : undefined);
  const setAgreement = (change: Partial<DraftAgreement>) => onChange((d) => ({ ...d, agreement: { ...d.agreement, ...change } }));
  const { agreement } = draft;
  // Below the date: how it reads in words once complete, or what the text said when it was not.
  let signedOnHint: string | undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(agreement.signedOn)) signedOnHint = formatDate(agreement.signedOn, locale) ?? undefined;
  else if (agreement.signedOnText) signedOnHint = t('import.agreement.signedOnText', { text: agreement.signedOnText });

  return (
    <Form layout="vertical" component="div" data-testid="import-structure">
      <Section
        title={t('import.cooperation.section')}
        testId="section-cooperation"
        extra={
          <Segmented<CooperationMode>
            size="small"
            aria-label={t('import.cooperation.mode')}
            value={draft.mode}
            onChange={(mode) => onChange((d) => ({ ...d, mode }))}
            options={[
              { value: 'new', label: t('import.cooperation.modeNew') },
              { value: 'existing', label: t('import.cooperation.modeExisting') },
            ]}
          />
        }
      >
        {draft.mode === 'new' ? (
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item label={t('import.cooperation.name')} required validateStatus={status('cooperation.name')} help={issue('cooperation.name')}>
                <Input
                  aria-label={t('import.cooperation.name')}
                  value={draft.cooperationName}
                  onChange={(event) => onChange((d) => ({ ...d, cooperationName: event.target.value }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('import.cooperation.visibility')}>
                <Select<Visibility>
                  aria-label={t('import.cooperation.visibility')}
                  value={draft.visibility}
                  onChange={(visibility) => onChange((d) => ({ ...d, visibility }))}
                  options={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
                />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item label={t('import.cooperation.existing')} required validateStatus={status('cooperationId')} help={issue('cooperationId')}>
            <CooperationSelect
              value={draft.cooperationId}
              status={status('cooperationId')}
              onChange={(cooperation) => onChange((d) => ({ ...d, cooperationId: cooperation.id }))}
            />
          </Form.Item>
        )}
      </Section>

      <Section title={t('import.parties.section')} extra={draft.mode === 'new' ? t('import.parties.hint') : undefined} testId="section-parties">
        {draft.mode === 'new' ? (
          <PartyList parties={draft.parties} errors={errors} onChange={(update) => onChange((d) => ({ ...d, parties: update(d.parties) }))} />
        ) : (
          <Typography.Text type="secondary">{t('import.parties.existingNote')}</Typography.Text>
        )}
      </Section>

      {draft.mode === 'new' ? (
        <Section title={t('setup.section')} extra={t('setup.sectionHint')} testId="section-setup">
          <Form.Item label={t('setup.offices.label')}>
            <SideOffices sides={draft.parties} offices={draft.offices} refusal={refusedOffice} onChange={(offices) => onChange((d) => ({ ...d, offices }))} />
          </Form.Item>
          <Form.Item label={t('setup.periods.label')}>
            <PeriodsChoice value={draft.periods} onChange={(periods) => onChange((d) => ({ ...d, periods }))} />
          </Form.Item>
        </Section>
      ) : null}

      <Section title={t('import.agreement.section')} testId="section-agreement">
        <div {...locateProps('agreement.title')}>
          <Form.Item label={t('import.agreement.title')} required validateStatus={status('agreement.title')} help={issue('agreement.title')}>
            <Input aria-label={t('import.agreement.title')} value={agreement.title} onChange={(event) => setAgreement({ title: event.target.value })} />
          </Form.Item>
        </div>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label={t('import.agreement.kind')}>
              <Select<AgreementKind>
                aria-label={t('import.agreement.kind')}
                value={agreement.kind}
                onChange={(kind) => setAgreement({ kind })}
                options={AGREEMENT_KINDS.map((kind) => ({ value: kind, label: t(`agreementKind.${kind}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <div {...locateProps('agreement.signedOn')}>
              <Form.Item
                label={t('import.agreement.signedOn')}
                validateStatus={status('agreement.signedOn')}
                help={issue('agreement.signedOn') ?? signedOnHint}
              >
                <Input
                  aria-label={t('import.agreement.signedOn')}
                  placeholder="YYYY-MM-DD"
                  status={status('agreement.signedOn')}
                  value={agreement.signedOn}
                  onChange={(event) => setAgreement({ signedOn: event.target.value.trim() })}
                />
              </Form.Item>
            </div>
          </Col>
          <Col span={8}>
            <Form.Item label={t('import.agreement.place')} validateStatus={status('agreement.place')} help={issue('agreement.place')}>
              <Input
                aria-label={t('import.agreement.place')}
                placeholder={t('import.agreement.placePlaceholder')}
                value={agreement.place}
                onChange={(event) => setAgreement({ place: event.target.value })}
              />
            </Form.Item>
          </Col>
        </Row>
      </Section>

      <Section title={t('import.areas.section')} extra={t('import.areas.hint', { count: countNodes(draft.areas) })} testId="section-areas">
        <AreaTreeEditor areas={draft.areas} errors={errors} onChange={(update) => onChange((d) => ({ ...d, areas: update(d.areas) }))} />
      </Section>

      <Section title={t('import.targets.section')} extra={t('import.targets.hint')} testId="section-targets">
        <TargetTable targets={draft.targets} errors={errors} onChange={(update) => onChange((d) => ({ ...d, targets: update(d.targets) }))} />
      </Section>

      <Section title={t('import.amounts.section')} extra={t('import.amounts.hint')} testId="section-amounts">
        <AmountTable
          amounts={draft.amounts}
          onRemove={(key) => onChange((d) => ({ ...d, amounts: d.amounts.filter((amount) => amount.key !== key) }))}
          onMakeTarget={(amount) =>
            onChange((d) => ({
              ...d,
              amounts: d.amounts.filter((other) => other.key !== amount.key),
              targets: [...d.targets, targetFromAmount(amount, `target-from-${amount.key}`)],
            }))
          }
        />
      </Section>

      <Section title={t('import.subAgreements.section')} extra={t('import.subAgreements.hint')} testId="section-sub-agreements">
        <NamedTagList
          items={draft.subAgreements}
          errors={errors}
          addLabel={t('import.tags.add')}
          emptyLabel={t('import.subAgreements.empty')}
          testId="sub-agreement-list"
          onChange={(update) => onChange((d) => ({ ...d, subAgreements: update(d.subAgreements) }))}
        />
      </Section>

      <Section title={t('import.projects.section')} extra={t('import.projects.hint')} testId="section-projects">
        <NamedTagList
          items={draft.projects}
          errors={errors}
          addLabel={t('import.tags.add')}
          emptyLabel={t('import.projects.empty')}
          testId="project-list"
          onChange={(update) => onChange((d) => ({ ...d, projects: update(d.projects) }))}
        />
      </Section>

      {draft.counts.length > 0 ? (
        <Section title={t('import.counts.section')} extra={t('import.counts.hint')} testId="section-counts">
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
            {draft.counts.map((count) => (
              <Tag key={count.key} {...locateProps(count.key)} style={{ marginInlineEnd: 0, cursor: 'pointer' }}>
                {count.text}
              </Tag>
            ))}
          </div>
        </Section>
      ) : null}
    </Form>
  );
}
