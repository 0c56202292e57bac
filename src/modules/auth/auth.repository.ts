import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cooperations, memberships, parties, sessions, users } from '../../db/schema/core.ts';

export type UserRow = typeof users.$inferSelect;

export const authRepository = {
  async findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
    return row;
  },

  /** Counts one more wrong password, atomically, so parallel guesses are all counted. */
  async recordFailedLogin(db: Db, userId: string): Promise<number> {
    const [row] = await db
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(eq(users.id, userId))
      .returning({ failedLogins: users.failedLogins });
    return row?.failedLogins ?? 0;
  },

  async lockUser(db: Db, userId: string, until: Date): Promise<void> {
    await db.update(users).set({ lockedUntil: until, failedLogins: 0 }).where(eq(users.id, userId));
  },

  async clearFailedLogins(db: Db, userId: string): Promise<void> {
    await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
  },

  async createSession(db: Db, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
    await db.insert(sessions).values({ tokenHash, userId, expiresAt });
  },

  async findSession(db: Db, tokenHash: string) {
    const [row] = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, tokenHash))
      .limit(1);
    return row;
  },

  async touchSession(db: Db, tokenHash: string, at: Date): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
  },

  async deleteSession(db: Db, tokenHash: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  },

  async deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
    const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ t: sessions.tokenHash });
    return rows.length;
  },

  async deleteExpiredSessions(db: Db, now: Date): Promise<void> {
    await db.delete(sessions).where(lt(sessions.expiresAt, now));
  },

  async membershipsOf(db: Db, userId: string) {
    return db
      .select({
        cooperationId: memberships.cooperationId,
        cooperationName: cooperations.name,
        partyId: memberships.partyId,
        partyName: parties.name,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(cooperations, eq(cooperations.id, memberships.cooperationId))
      .innerJoin(parties, and(eq(parties.id, memberships.partyId), eq(parties.cooperationId, memberships.cooperationId)))
      .where(eq(memberships.userId, userId))
      .orderBy(cooperations.name);
  },
};
