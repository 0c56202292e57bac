import { Alert, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../api/error-message.ts';
import { settingsApi } from '../api/settings.ts';
import { useApi } from '../api/use-api.ts';
import { ownSideKey, type SideDraft } from './side-drafts.ts';
import { useMe } from '../session/session-context.tsx';

const USERNAME_MAX = 64;
/** How many of a side's known units are named before "…". */
const UNITS_NAMED = 4;

/** The units already registered in a side's region: what its tasks can be given as lead units once saved. */
function KnownUnits({ regionCode }: { regionCode: string }) {
  const { t } = useTranslation();
  const { data } = useApi(() => settingsApi.organizations(regionCode), regionCode);
  if (!data) return null;
  const names = data.items.slice(0, UNITS_NAMED).map((o) => o.name);
  const more = data.total > UNITS_NAMED ? `${t('common.listSeparator')}…` : '';
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginInlineStart: 128, marginTop: -4, marginBottom: 8 }} data-testid="known-units">
      {data.total === 0 ? t('setup.units.none') : t('setup.units.known', { count: data.total, names: names.join(t('common.listSeparator')) + more })}
    </Typography.Text>
  );
}

/**
 * Who is each side's office (协调办) in a new cooperation: the user for the side of their own unit's region, an
 * existing user named by username for the others, or nobody yet (appointed later in the settings).
 */
export function SideOffices({
  sides,
  offices,
  refusal,
  onChange,
}: {
  sides: readonly SideDraft[];
  /** Username per side key. */
  offices: Readonly<Record<string, string>>;
  /** The server's refusal of one side's office (`officeRefusal`), shown at that side until the username changes. */
  refusal?: OfficeRefusal | null;
  onChange: (offices: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const own = ownSideKey(sides, me.organization?.regionCode ?? null, me.user.isAdmin);
  const named = sides.filter((side) => side.regionCode);

  let notice = null;
  if (me.user.isAdmin) notice = <Alert type="info" showIcon title={t('setup.offices.admin')} style={{ marginBottom: 8 }} />;
  else if (!own && named.length > 0) notice = <Alert type="warning" showIcon title={t('setup.offices.noOwnSide', { unit: me.organization?.name ?? t('common.none') })} style={{ marginBottom: 8 }} data-testid="no-own-side" />;

  return (
    <div data-testid="side-offices">
      {notice}
      {named.map((side) => (
        <div key={side.key}>
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
            <span style={{ flex: 'none', width: 120, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{side.name}</span>
            {side.key === own ? (
              <Tag color="blue" data-testid="own-office">
                {t('setup.offices.you', { unit: me.organization?.name ?? '' })}
              </Tag>
            ) : (
              <Input
                status={refusal?.key === side.key ? 'error' : undefined}
                aria-label={t('setup.offices.usernameOf', { party: side.name })}
                placeholder={t('setup.offices.later')}
                maxLength={USERNAME_MAX}
                value={offices[side.key] ?? ''}
                onChange={(event) => onChange({ ...offices, [side.key]: event.target.value })}
                style={{ flex: 1 }}
              />
            )}
          </div>
          {refusal?.key === side.key ? (
            <Typography.Text type="danger" style={{ display: 'block', marginInlineStart: 128, marginTop: -4, marginBottom: 8 }} data-testid="office-refusal">
              {errorMessage(refusal.error, t)}
            </Typography.Text>
          ) : null}
          {side.regionCode ? <KnownUnits regionCode={side.regionCode} /> : null}
        </div>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('setup.offices.hint')}
      </Typography.Text>
    </div>
  );
}

export interface OfficeRefusal {
  key: string;
  error: ApiError;
}

/** A refusal of an office named for a side (the server sends back the side's region and the username): that side's. */
export function officeRefusal(error: unknown, sides: readonly SideDraft[]): OfficeRefusal | null {
  if (!(error instanceof ApiError) || !error.code.startsWith('cooperation.office_')) return null;
  const details = error.details;
  const regionCode = typeof details === 'object' && details !== null && 'regionCode' in details ? details.regionCode : null;
  const side = sides.find((s) => s.regionCode === regionCode);
  return side ? { key: side.key, error } : null;
}
