import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { projectTransactions, signingEvents } from '../../db/schema/projects.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';
import { rowScopeCondition, type RowScope } from '../access/policy.ts';

export type SigningEventRow = typeof signingEvents.$inferSelect;
export type NewSigningEvent = typeof signingEvents.$inferInsert;

export const signingEventRepository = {
  async listByCooperation(db: Db, cooperationId: string, scope: RowScope): Promise<SigningEventRow[]> {
    return db
      .select()
      .from(signingEvents)
      .where(and(eq(signingEvents.cooperationId, cooperationId), rowScopeCondition(scope, signingEvents)))
      .orderBy(asc(signingEvents.heldOn), asc(signingEvents.name), asc(signingEvents.id));
  },

  async get(db: Db, id: string): Promise<SigningEventRow | undefined> {
    const [row] = await db.select().from(signingEvents).where(eq(signingEvents.id, id)).limit(1);
    return row;
  },

  async insert(db: Db, values: NewSigningEvent): Promise<SigningEventRow> {
    const [row] = await db.insert(signingEvents).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  update: (db: Db, id: string, version: number, patch: Partial<NewSigningEvent>) => updateIfVersion(db, signingEvents, id, version, patch),

  async delete(db: Db, id: string, version: number): Promise<SigningEventRow | undefined> {
    const [row] = await db.delete(signingEvents).where(and(eq(signingEvents.id, id), eq(signingEvents.version, version))).returning();
    return row;
  },

  /** Money entries that name the event (deleting it would unsign them). */
  async entryCount(db: Db, id: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(projectTransactions).where(eq(projectTransactions.signingEventId, id));
    return row?.n ?? 0;
  },
};
