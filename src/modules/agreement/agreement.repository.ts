import { and, asc, count, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agreements, agreementVersions, clauses } from '../../db/schema/core.ts';
import { taskClauses, tasks } from '../../db/schema/work.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';
import { rowScopeCondition, type RowScope } from '../access/policy.ts';
import { taskCounts } from '../task/task.repository.ts';

export type AgreementRow = typeof agreements.$inferSelect;
export type NewAgreement = typeof agreements.$inferInsert;
export type AgreementVersionRow = typeof agreementVersions.$inferSelect;

export const agreementRepository = {
  async listByCooperation(db: Db, cooperationId: string, scope: RowScope) {
    const rows = await db
      .select()
      .from(agreements)
      .where(and(eq(agreements.cooperationId, cooperationId), rowScopeCondition(scope, agreements)))
      .orderBy(asc(agreements.signedOn), asc(agreements.createdAt), asc(agreements.title));
    const ids = rows.map((r) => r.id);
    const counts = ids.length
      ? await db
          .select({ agreementId: clauses.agreementId, n: count() })
          .from(clauses)
          .where(inArray(clauses.agreementId, ids))
          .groupBy(clauses.agreementId)
      : [];
    return rows.map((r) => ({ ...r, clauseCount: counts.find((c) => c.agreementId === r.id)?.n ?? 0 }));
  },

  async get(db: Db, id: string): Promise<AgreementRow | undefined> {
    const [row] = await db.select().from(agreements).where(eq(agreements.id, id)).limit(1);
    return row;
  },

  async clauseCount(db: Db, id: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(clauses).where(eq(clauses.agreementId, id));
    return row?.n ?? 0;
  },

  async insert(db: Db, values: NewAgreement): Promise<AgreementRow> {
    const [row] = await db.insert(agreements).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  update: (db: Db, id: string, version: number, patch: Partial<NewAgreement>) => updateIfVersion(db, agreements, id, version, patch),

  async delete(db: Db, id: string, version: number): Promise<AgreementRow | undefined> {
    const [row] = await db.delete(agreements).where(and(eq(agreements.id, id), eq(agreements.version, version))).returning();
    return row;
  },

  async hasChildren(db: Db, id: string): Promise<boolean> {
    const [row] = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.parentId, id)).limit(1);
    return !!row;
  },

  /**
   * Tasks that name the agreement or serve one of its clauses (deleting it would
   * quietly unlink them): all of them, and those the reader (`scope`) sees.
   */
  async dependentTaskCount(db: Db, id: string, scope: RowScope): Promise<{ all: number; visible: number }> {
    const served = db.select({ id: taskClauses.taskId }).from(taskClauses).innerJoin(clauses, eq(clauses.id, taskClauses.clauseId)).where(eq(clauses.agreementId, id));
    return taskCounts(db, or(eq(tasks.agreementId, id), inArray(tasks.id, served)), scope);
  },

  async insertVersion(db: Db, values: typeof agreementVersions.$inferInsert): Promise<AgreementVersionRow> {
    const [row] = await db.insert(agreementVersions).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  async versions(db: Db, agreementId: string) {
    return db
      .select({ number: agreementVersions.number, note: agreementVersions.note, createdAt: agreementVersions.createdAt })
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, agreementId))
      .orderBy(desc(agreementVersions.number));
  },

  async getVersion(db: Db, agreementId: string, number: number): Promise<AgreementVersionRow | undefined> {
    const [row] = await db
      .select()
      .from(agreementVersions)
      .where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.number, number)))
      .limit(1);
    return row;
  },
};
