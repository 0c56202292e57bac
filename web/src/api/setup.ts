import { request } from './client.ts';
import type { CalendarKind } from './settings.ts';
import type { Cooperation, Visibility } from './types.ts';

/** Creating and deleting a whole cooperation; src/modules/cooperation is the source of truth. */

export interface NewCooperation {
  name: string;
  startedOn: string | null;
  visibility: Visibility;
  parties: { regionCode: string; name?: string }[];
  offices: { regionCode: string; username: string }[];
  periods?: CalendarKind;
}

export const setupApi = {
  createCooperation: (body: NewCooperation) => request<Cooperation>('POST', '/cooperations', body),
  deleteCooperation: (cooperation: Pick<Cooperation, 'id' | 'version'>) =>
    request<undefined>('DELETE', `/cooperations/${encodeURIComponent(cooperation.id)}`, undefined, { version: cooperation.version }),
};
