import type { z } from 'zod';
import type { dashboardSchema, drillSchema } from '../../../src/modules/dashboard/dashboard.schemas.ts';
import { request } from './client.ts';

/** The cooperation dashboard; src/modules/dashboard is the source of truth. */

export type Dashboard = z.infer<typeof dashboardSchema>;
export type Drill = z.infer<typeof drillSchema>;

export const dashboardApi = {
  get: (cooperationId: string, side: string) => request<Dashboard>('GET', `/cooperations/${encodeURIComponent(cooperationId)}/dashboard`, undefined, { side }),
};

/** The address a number opens: the ledger or projects table filtered to its rows, the 督办 view, or one row's page. */
export function drillPath(cooperationId: string, drill: Drill): string {
  const query = new URLSearchParams();
  switch (drill.to) {
    case 'ledger':
      for (const [key, value] of Object.entries(drill.filter)) {
        if (value === undefined || value === false) continue;
        query.set(key, Array.isArray(value) ? value.join(',') : String(value));
      }
      return `/cooperations/${cooperationId}/tasks${query.size ? `?${query}` : ''}`;
    case 'projects':
      for (const [key, value] of Object.entries(drill.filter)) if (value !== undefined) query.set(key, String(value));
      return `/cooperations/${cooperationId}/projects${query.size ? `?${query}` : ''}`;
    case 'supervision':
      if (drill.filter.partyId) query.set('side', drill.filter.partyId);
      return `/cooperations/${cooperationId}/supervision${query.size ? `?${query}` : ''}`;
    case 'task':
      return `/tasks/${drill.id}`;
    case 'project':
      return `/projects/${drill.id}`;
    case 'signingEvent':
      return `/signing-events/${drill.id}`;
    case 'indicator':
      return `/indicators/${drill.id}`;
  }
}
