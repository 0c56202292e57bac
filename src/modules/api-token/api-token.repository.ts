import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { parties, users } from '../../db/schema/core.ts';
import { apiTokens } from '../../db/schema/platform.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type NewApiToken = typeof apiTokens.$inferInsert;

export const apiTokenRepository = {
  async insert(db: Db, values: NewApiToken): Promise<ApiTokenRow> {
    const [row] = await db.insert(apiTokens).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  /** Tokens of one cooperation; `userId` narrows them to one user's. */
  async list(db: Db, cooperationId: string, userId: string | null) {
    return db
      .select({ token: apiTokens, username: users.username })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.cooperationId, cooperationId), userId ? eq(apiTokens.userId, userId) : undefined))
      .orderBy(asc(apiTokens.createdAt));
  },

  async get(db: Db, cooperationId: string, id: string): Promise<ApiTokenRow | undefined> {
    const [row] = await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.cooperationId, cooperationId)))
      .limit(1);
    return row;
  },

  async revoke(db: Db, id: string, at: Date): Promise<ApiTokenRow | undefined> {
    const [row] = await db
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning();
    return row;
  },

  /** Revokes every live token of one user, in all cooperations; answers the ones revoked. */
  async revokeAllOfUser(db: Db, userId: string, at: Date): Promise<ApiTokenRow[]> {
    return db
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning();
  },

  /** A live token with its user, by the hash of the secret. */
  async findActive(db: Db, tokenHash: string) {
    const [row] = await db
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .limit(1);
    return row;
  },

  async touch(db: Db, id: string, at: Date): Promise<void> {
    await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
  },

  async partyIds(db: Db, cooperationId: string): Promise<string[]> {
    const rows = await db.select({ id: parties.id }).from(parties).where(eq(parties.cooperationId, cooperationId));
    return rows.map((r) => r.id);
  },
};
