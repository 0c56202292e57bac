import { z } from 'zod';

export const attachmentSchema = z.object({
  id: z.uuid(),
  ownerType: z.string(),
  ownerId: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});

export const attachmentList = z.object({ items: z.array(attachmentSchema) });
