import { z } from 'zod';
import { pageQuery } from '../../http/common.schemas.ts';

export const auditQuery = z
  .object({
    entity: z.string().trim().min(1).max(100).optional(),
    entityId: z.string().trim().min(1).max(200).optional(),
    actorId: z.uuid().optional().describe('Only what this user wrote'),
    from: z.iso.datetime({ offset: true }).optional().describe('Written at or after this moment'),
    to: z.iso.datetime({ offset: true }).optional().describe('Written before this moment'),
    ...pageQuery,
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'from must come before to', path: ['to'] });

const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actorId: z.uuid().nullable(),
  actorUsername: z.string().nullable().describe('null: written by the system (seeding, background jobs)'),
  actorName: z.string().nullable().describe("The actor's display name; null for the system"),
  subject: z.string().nullable().describe('What the entry is about, in words: the title or name the row had, else that of the task or agreement it belongs to'),
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
