import { request } from './client.ts';
import type { Period } from './reports.ts';
import type { Cooperation, CooperationStatus, Items, MembershipRole, Page, Visibility } from './types.ts';

/** Calls of the cooperation settings (general fields, parties, reporting periods); src/modules/cooperation, period and organization are the source of truth. */

export const ORGANIZATION_KINDS = ['government', 'department', 'district', 'park', 'enterprise', 'university', 'institute', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const CALENDAR_KINDS = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];
/** A single period may also be one of the cooperation's own making, named by the office. */
export const PERIOD_KINDS = [...CALENDAR_KINDS, 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface OrganizationRow {
  id: string;
  name: string;
  kind: OrganizationKind;
  regionCode: string;
  regionName: string;
  parentId: string | null;
  version: number;
}

export interface GeneralFields {
  name: string;
  summary: string;
  principles: string[];
  startedOn: string | null;
  visibility: Visibility;
  status: CooperationStatus;
  dueSoonDays: number;
}

export interface PartyPatch {
  regionCode?: string;
  name?: string;
  coordinatingOrganizationId?: string | null;
}

export interface Member {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  partyId: string;
  role: MembershipRole;
  can: { remove: boolean };
}

const id = encodeURIComponent;

export const settingsApi = {
  updateCooperation: (cooperationId: string, version: number, fields: Partial<GeneralFields>) =>
    request<Cooperation>('PATCH', `/cooperations/${id(cooperationId)}`, { version, ...fields }),
  addParty: (cooperationId: string, party: { regionCode: string; name?: string; coordinatingOrganizationId?: string | null }) =>
    request<Cooperation>('POST', `/cooperations/${id(cooperationId)}/parties`, party),
  updateParty: (cooperationId: string, partyId: string, version: number, patch: PartyPatch) =>
    request<Cooperation>('PATCH', `/cooperations/${id(cooperationId)}/parties/${id(partyId)}`, { version, ...patch }),
  removeParty: (cooperationId: string, partyId: string, version: number) =>
    request<undefined>('DELETE', `/cooperations/${id(cooperationId)}/parties/${id(partyId)}`, undefined, { version }),
  orderParties: (cooperationId: string, partyIds: string[]) => request<Cooperation>('PUT', `/cooperations/${id(cooperationId)}/party-order`, { partyIds }),
  organizations: (regionCode: string, q?: string) =>
    request<Page<OrganizationRow>>('GET', '/organizations', undefined, { regionCode, q, pageSize: 200 }),
  createOrganization: (organization: { name: string; kind: OrganizationKind; regionCode: string }) => request<OrganizationRow>('POST', '/organizations', organization),
  members: (cooperationId: string) => request<Items<Member>>('GET', `/cooperations/${id(cooperationId)}/memberships`),
  addMember: (cooperationId: string, member: { username: string; partyId: string; role: MembershipRole }) =>
    request<Member>('POST', `/cooperations/${id(cooperationId)}/memberships`, member),
  removeMember: (cooperationId: string, membershipId: string) => request<undefined>('DELETE', `/cooperations/${id(cooperationId)}/memberships/${id(membershipId)}`),
  periods: (cooperationId: string) => request<Items<Period>>('GET', `/cooperations/${id(cooperationId)}/periods`),
  generatePeriods: (cooperationId: string, body: { kind: CalendarKind; from: string; to: string; dueAfterDays: number }) =>
    request<Items<Period>>('POST', `/cooperations/${id(cooperationId)}/periods/generate`, body),
  addPeriod: (cooperationId: string, body: { kind: PeriodKind; startsOn: string; endsOn: string; dueAfterDays: number; label?: string }) =>
    request<Period>('POST', `/cooperations/${id(cooperationId)}/periods`, body),
  updatePeriod: (period: Period, dueOn: string) => request<Period>('PATCH', `/periods/${id(period.id)}`, { version: period.version, dueOn }),
  closePeriod: (period: Period) => request<Period>('POST', `/periods/${id(period.id)}/close`, { version: period.version }),
  reopenPeriod: (period: Period) => request<Period>('POST', `/periods/${id(period.id)}/reopen`, { version: period.version }),
};
