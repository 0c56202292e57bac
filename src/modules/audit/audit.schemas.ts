import { z } from 'zod';
import { pageQuery } from '../../http/common.schemas.ts';

export const auditQuery = z.object({
  entity: z.string().trim().min(1).max(100).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  ...pageQuery,
});

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorUsername: z.string().nullable().describe('null: written by the system (seeding, background jobs)'),
  cooperationId: z.uuid().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditListResponse = z.object({
  items: z.array(auditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
