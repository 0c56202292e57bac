import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { attachments } from '../../db/schema/work.ts';

export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;
export type AttachmentOwnerType = AttachmentRow['ownerType'];

export const attachmentRepository = {
  async get(db: Db, id: string): Promise<AttachmentRow | undefined> {
    const [row] = await db.select().from(attachments).where(eq(attachments.id, id)).limit(1);
    return row;
  },

  async listByOwner(db: Db, ownerType: AttachmentOwnerType, ownerId: string): Promise<AttachmentRow[]> {
    return db
      .select()
      .from(attachments)
      .where(and(eq(attachments.ownerType, ownerType), eq(attachments.ownerId, ownerId)))
      .orderBy(asc(attachments.createdAt), asc(attachments.id));
  },

  async insert(db: Db, values: NewAttachment): Promise<AttachmentRow> {
    const [row] = await db.insert(attachments).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },
};
