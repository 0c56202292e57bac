import { and, eq, inArray, lt, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cooperations, loginThrottles, memberships, parties, sessions, users } from '../../db/schema/core.ts';

export type UserRow = typeof users.$inferSelect;
export type ThrottleRow = typeof loginThrottles.$inferSelect;

/** The `account` of the row that counts an address's failures over all accounts. */
export const ADDRESS_BUCKET = '';

export const authRepository = {
  async findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
    return row;
  },

  async enabledAdminIds(db: Db): Promise<string[]> {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.isAdmin, true), eq(users.disabled, false)));
    return rows.map((r) => r.id);
  },

  /**
   * The throttle rows of (account, address) and of the address alone, created
   * when missing and locked for the transaction, the address row first so two
   * logins never wait on each other in opposite order.
   */
  async lockThrottles(db: Db, account: string, address: string, now: Date): Promise<ThrottleRow[]> {
    await db
      .insert(loginThrottles)
      .values([
        { account: ADDRESS_BUCKET, address, failures: 0, lastFailureAt: now },
        { account, address, failures: 0, lastFailureAt: now },
      ])
      .onConflictDoNothing();
    return db
      .select()
      .from(loginThrottles)
      .where(and(eq(loginThrottles.address, address), inArray(loginThrottles.account, [ADDRESS_BUCKET, account])))
      .orderBy(loginThrottles.account)
      .for('update');
  },

  async saveThrottle(db: Db, row: ThrottleRow): Promise<void> {
    await db
      .update(loginThrottles)
      .set({ failures: row.failures, lastFailureAt: row.lastFailureAt, blockedUntil: row.blockedUntil })
      .where(and(eq(loginThrottles.account, row.account), eq(loginThrottles.address, row.address)));
  },

  async clearThrottle(db: Db, account: string, address: string): Promise<void> {
    await db.delete(loginThrottles).where(and(eq(loginThrottles.account, account), eq(loginThrottles.address, address)));
  },

  /**
   * Rows whose last failure is at or before `before` count nothing any more.
   * Rows another login holds are skipped, so purging never waits on a login or deadlocks with another purge.
   */
  async purgeThrottles(db: Db, before: Date): Promise<void> {
    const stale = db
      .select({ account: loginThrottles.account, address: loginThrottles.address })
      .from(loginThrottles)
      .where(lte(loginThrottles.lastFailureAt, before))
      .limit(500)
      .for('update', { skipLocked: true });
    await db.delete(loginThrottles).where(sql`(${loginThrottles.account}, ${loginThrottles.address}) in ${stale}`);
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

  async deleteOtherSessionsOfUser(db: Db, userId: string, keptTokenHash: string): Promise<number> {
    const rows = await db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keptTokenHash)))
      .returning({ t: sessions.tokenHash });
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
