import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { issueAt, type FieldErrors } from './field-errors.ts';
import type { DraftParty } from './import-draft.ts';
import { issueMessage } from './issue-message.ts';
import { RegionSelect } from './region-select.tsx';
import { useTextFocus } from './text-focus.tsx';

// Low confidence stands out: that is where a person should look first.
const CONFIDENCE_COLOUR: Readonly<Record<'high' | 'medium' | 'low', string>> = { high: 'green', medium: 'gold', low: 'red' };

/** The cooperating regions, each resolved to its region code; the first one listed is party 1. */
export function PartyList({
  parties,
  errors,
  onChange,
}: {
  parties: DraftParty[];
  errors: FieldErrors;
  onChange: (update: (parties: DraftParty[]) => DraftParty[]) => void;
}) {
  const { t } = useTranslation();
  const { locateProps } = useTextFocus();
  const listIssue = issueMessage(errors.parties, t);
  return (
    <div data-testid="party-list">
      {listIssue ? <Alert type="error" showIcon title={listIssue} style={{ marginBottom: 8 }} data-testid="parties-error" /> : null}
      {parties.map((party, index) => {
        const issue = issueMessage(issueAt(errors, party.key), t);
        return (
          <div key={party.key} {...locateProps(party.key)} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
            <span style={{ flex: 'none', width: 64, lineHeight: '32px', color: '#667085' }}>{t('import.parties.ordinal', { number: index + 1 })}</span>
            {party.proposal ? (
              <Tooltip title={t(`import.parties.reason.${party.proposal.reason}`)}>
                <Tag
                  color={CONFIDENCE_COLOUR[party.proposal.confidence]}
                  data-testid="party-confidence"
                  data-confidence={party.proposal.confidence}
                  style={{ flex: 'none', marginTop: 5 }}
                >
                  {t(`import.confidence.${party.proposal.confidence}`)}
                </Tag>
              </Tooltip>
            ) : null}
            <Form.Item validateStatus={issue ? 'error' : undefined} help={issue} style={{ flex: 1, marginBottom: 8 }}>
              <RegionSelect
                ariaLabel={t('import.parties.regionOf', { number: index + 1 })}
                value={party.regionCode}
                name={party.name}
                status={issue ? 'error' : undefined}
                onChange={(region) =>
                  // A region the person chose is theirs: the reader's confidence no longer applies.
                  onChange((list) => list.map((p) => (p.key === party.key ? { key: p.key, span: p.span, regionCode: region.code, name: region.name } : p)))
                }
              />
            </Form.Item>
            <Tooltip title={t('import.parties.remove')}>
              <Button
                type="text"
                aria-label={t('import.parties.remove')}
                icon={<DeleteOutlined />}
                onClick={(event) => {
                  event.stopPropagation();
                  onChange((list) => list.filter((p) => p.key !== party.key));
                }}
              />
            </Tooltip>
          </div>
        );
      })}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => onChange((list) => [...list, { key: `new-${crypto.randomUUID()}`, name: '', regionCode: null, span: null }])}
      >
        {t('import.parties.add')}
      </Button>
    </div>
  );
}
