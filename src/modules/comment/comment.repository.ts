import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, users } from '../../db/schema/core.ts';
import { comments } from '../../db/schema/work.ts';
import type { Actor } from '../access/actor.ts';

export type CommentRow = typeof comments.$inferSelect;
export type CommentSubjectType = CommentRow['subjectType'];

export const commentRepository = {
  async listBySubject(db: Db, subjectType: CommentSubjectType, subjectId: string): Promise<CommentRow[]> {
    return db
      .select()
      .from(comments)
      .where(and(eq(comments.subjectType, subjectType), eq(comments.subjectId, subjectId)))
      .orderBy(asc(comments.createdAt), asc(comments.id));
  },

  async insert(db: Db, values: typeof comments.$inferInsert): Promise<CommentRow> {
    const [row] = await db.insert(comments).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  async people(db: Db, ids: string[]) {
    if (!ids.length) return [];
    return db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
  },

  /** Enabled users by username, as actors (with all their memberships), to ask whether they may see a subject. */
  async actorsByUsername(db: Db, usernames: string[]): Promise<Actor[]> {
    if (!usernames.length) return [];
    const found = await db
      .select({ id: users.id, username: users.username, isAdmin: users.isAdmin, organizationId: users.organizationId })
      .from(users)
      .where(and(inArray(users.username, usernames), eq(users.disabled, false)));
    if (!found.length) return [];
    const roles = await db
      .select({ userId: memberships.userId, cooperationId: memberships.cooperationId, partyId: memberships.partyId, role: memberships.role })
      .from(memberships)
      .where(inArray(memberships.userId, found.map((u) => u.id)));
    return found.map((u) => ({
      userId: u.id,
      username: u.username,
      isAdmin: u.isAdmin,
      organizationId: u.organizationId,
      memberships: roles.filter((r) => r.userId === u.id).map(({ cooperationId, partyId, role }) => ({ cooperationId, partyId, role })),
    }));
  },
};
