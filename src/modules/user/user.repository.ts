import { and, asc, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organizations, regions, users } from '../../db/schema/core.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';
import { escapeLike } from '../../db/like.ts';

export type NewUser = typeof users.$inferInsert;

/** What the admin area shows of a user: never the password hash. */
const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  organizationId: users.organizationId,
  organizationName: organizations.name,
  organizationRegionName: regions.name,
  locale: users.locale,
  isAdmin: users.isAdmin,
  isOffice: users.isOffice,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export interface UserFilter {
  q?: string | undefined;
  page: number;
  pageSize: number;
}

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

  /** Users whose username, name or mail address contains `q`, by username. */
  async search(db: Db, filter: UserFilter) {
    const where: SQL[] = [];
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      const match = or(ilike(users.username, pattern), ilike(users.displayName, pattern), ilike(users.email, pattern));
      if (match) where.push(match);
    }
    const condition = where.length ? and(...where) : undefined;
    const [items, [total]] = await Promise.all([
      db
        .select(columns)
        .from(users)
        .leftJoin(organizations, eq(organizations.id, users.organizationId))
        .leftJoin(regions, eq(regions.code, organizations.regionCode))
        .where(condition)
        .orderBy(asc(users.username))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(users).where(condition),
    ]);
    return { items, total: total?.n ?? 0 };
  },

  async get(db: Db, id: string) {
    const [row] = await db
      .select(columns)
      .from(users)
      .leftJoin(organizations, eq(organizations.id, users.organizationId))
      .leftJoin(regions, eq(regions.code, organizations.regionCode))
      .where(eq(users.id, id))
      .limit(1);
    return row;
  },

  /** Another account with this mail address, compared as mail servers do (case-insensitively). */
  async findByEmail(db: Db, email: string, exceptId: string | null) {
    const [row] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(sql`lower(${users.email}) = lower(${email})`, exceptId ? ne(users.id, exceptId) : undefined))
      .limit(1);
    return row;
  },

  async findByUsername(db: Db, username: string) {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
    return row;
  },

  update: (db: Db, id: string, version: number, patch: Partial<NewUser>) => updateIfVersion(db, users, id, version, patch),

  async setPassword(db: Db, id: string, passwordHash: string) {
    await db.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, id));
  },
};

/** A user as the admin area shows them, times as ISO strings. */
export type UserView = Omit<NonNullable<Awaited<ReturnType<typeof userRepository.get>>>, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

export const presentUser = (row: NonNullable<Awaited<ReturnType<typeof userRepository.get>>>): UserView => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
