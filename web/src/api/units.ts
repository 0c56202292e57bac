import { request } from './client.ts';
import type { OrganizationKind, OrganizationRow } from './settings.ts';
import type { Items } from './types.ts';

/** Calls of a cooperation's units per side; src/modules/organization is the source of truth. */

export interface Unit extends OrganizationRow {
  partyId: string;
  leaderUserId: string | null;
  leader: { id: string; displayName: string } | null;
  /** Task units naming it in this cooperation. */
  tasks: number;
  reports: number;
  users: number;
  can: { edit: boolean };
}

const id = encodeURIComponent;

export const unitsApi = {
  list: (cooperationId: string) => request<Items<Unit>>('GET', `/cooperations/${id(cooperationId)}/units`),
  create: (unit: { name: string; kind: OrganizationKind; regionCode: string }) => request<OrganizationRow>('POST', '/organizations', unit),
  update: (unit: Unit, patch: { name?: string; kind?: OrganizationKind; leaderUserId?: string | null }) =>
    request<OrganizationRow>('PATCH', `/organizations/${id(unit.id)}`, { version: unit.version, ...patch }),
  merge: (duplicate: Unit, kept: Unit) =>
    request<OrganizationRow>('POST', `/organizations/${id(duplicate.id)}/merge`, { version: duplicate.version, intoId: kept.id, intoVersion: kept.version }),
  search: (q: string) => request<{ items: OrganizationRow[] }>('GET', '/organizations', undefined, { q, pageSize: 20 }),
};
