import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { indicators, indicatorTargets } from '../../db/schema/core.ts';
import { rowScopeCondition, type RowScope } from '../access/policy.ts';

export type IndicatorRow = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;
export type IndicatorTargetRow = typeof indicatorTargets.$inferSelect;
export type NewIndicatorTarget = typeof indicatorTargets.$inferInsert;

export const indicatorRepository = {
  async listByCooperation(db: Db, cooperationId: string, scope: RowScope) {
    const rows = await db
      .select()
      .from(indicators)
      .where(and(eq(indicators.cooperationId, cooperationId), rowScopeCondition(scope, indicators)))
      .orderBy(asc(indicators.createdAt));
    const ids = rows.map((r) => r.id);
    const targets = ids.length
      ? await db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, ids)).orderBy(asc(indicatorTargets.year))
      : [];
    return rows.map((r) => ({ ...r, targets: targets.filter((t) => t.indicatorId === r.id) }));
  },
  async findByName(db: Db, cooperationId: string, name: string, unit: string): Promise<IndicatorRow | undefined> {
    const [row] = await db
      .select()
      .from(indicators)
      .where(and(eq(indicators.cooperationId, cooperationId), eq(indicators.name, name), eq(indicators.unit, unit)))
      .limit(1);
    return row;
  },
  async insert(db: Db, values: NewIndicator): Promise<IndicatorRow> {
    const [row] = await db.insert(indicators).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },
  async insertTarget(db: Db, values: NewIndicatorTarget): Promise<IndicatorTargetRow> {
    const [row] = await db.insert(indicatorTargets).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },
};
