import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/core.ts';

export type NewUser = typeof users.$inferInsert;

export const userRepository = {
  async insert(db: Db, values: NewUser) {
    const [row] = await db.insert(users).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },
  async list(db: Db) {
    return db
      .select({ id: users.id, username: users.username, displayName: users.displayName, isAdmin: users.isAdmin, organizationId: users.organizationId, disabled: users.disabled })
      .from(users)
      .orderBy(asc(users.username));
  },
  async setPassword(db: Db, id: string, passwordHash: string) {
    await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, id));
  },
};
