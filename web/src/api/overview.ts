import type { z } from 'zod';
import type { overviewSchema } from '../../../src/modules/overview/overview.schemas.ts';
import { request } from './client.ts';

/** The national overview; src/modules/overview is the source of truth. */

export type Overview = z.infer<typeof overviewSchema>;
export type OverviewCooperation = Overview['cooperations'][number];

export const overviewApi = {
  /** What the signed-in reader sees. */
  get: () => request<Overview>('GET', '/overview'),
  /** The public cooperations with their public rows: the portal's map, without login. */
  getPublic: () => request<Overview>('GET', '/portal/overview'),
};
