import { and, asc, eq, getTableColumns, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { indicators, indicatorTargets, organizations, parties } from '../../db/schema/core.ts';
import { indicatorActuals, indicatorUnits } from '../../db/schema/indicator.ts';
import { progressReports, reportingPeriods } from '../../db/schema/work.ts';
import { updateIfVersion } from '../../db/versioned-update.ts';
import { rowScopeAcrossCondition, rowScopeCondition, type RowScope, type RowScopeAcross } from '../access/policy.ts';

export type IndicatorRow = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;
export type IndicatorTargetRow = typeof indicatorTargets.$inferSelect;
export type NewIndicatorTarget = typeof indicatorTargets.$inferInsert;
export type IndicatorActualRow = typeof indicatorActuals.$inferSelect;
export type NewIndicatorActual = typeof indicatorActuals.$inferInsert;
type IndicatorUnitRow = typeof indicatorUnits.$inferSelect;

/** An actual with the dates and label of its period, and the task of the report it came from. */
export type IndicatorActualEntry = IndicatorActualRow & { periodLabel: string; startsOn: string; endsOn: string; taskId: string | null };
export type IndicatorUnitEntry = IndicatorUnitRow & { organizationName: string };

export const indicatorRepository = {
  /** The indicators of a cooperation the scope sees; with `organizationId`, only those that unit answers for. */
  async listByCooperation(db: Db, cooperationId: string, scope: RowScope, filter: { organizationId?: string | undefined } = {}): Promise<IndicatorRow[]> {
    const conditions = [eq(indicators.cooperationId, cooperationId), rowScopeCondition(scope, indicators)];
    if (filter.organizationId) {
      const answering = db
        .select({ id: indicatorUnits.indicatorId })
        .from(indicatorUnits)
        .where(and(eq(indicatorUnits.cooperationId, cooperationId), eq(indicatorUnits.organizationId, filter.organizationId)));
      conditions.push(inArray(indicators.id, answering));
    }
    return db
      .select()
      .from(indicators)
      .where(and(...conditions))
      .orderBy(asc(indicators.createdAt), asc(indicators.name));
  },

  /** The indicators of many cooperations the scope sees (the national overview's targets column). */
  async listAcross(db: Db, cooperationIds: string[], scope: RowScopeAcross): Promise<IndicatorRow[]> {
    if (!cooperationIds.length) return [];
    return db
      .select()
      .from(indicators)
      .where(and(inArray(indicators.cooperationId, cooperationIds), rowScopeAcrossCondition(scope, indicators)))
      .orderBy(asc(indicators.cooperationId), asc(indicators.createdAt));
  },

  /** Every computed indicator of a cooperation, whoever may see it: a recomputation is the system's, not a reader's. */
  async formulaIndicators(db: Db, cooperationId: string): Promise<IndicatorRow[]> {
    return db
      .select()
      .from(indicators)
      .where(and(eq(indicators.cooperationId, cooperationId), isNotNull(indicators.formula)))
      .orderBy(asc(indicators.createdAt));
  },

  async get(db: Db, id: string): Promise<IndicatorRow | undefined> {
    const [row] = await db.select().from(indicators).where(eq(indicators.id, id)).limit(1);
    return row;
  },

  /** Every indicator, in every cooperation, that has a target whose status can change as time passes. */
  async withTargets(db: Db): Promise<IndicatorRow[]> {
    return db
      .selectDistinct(getTableColumns(indicators))
      .from(indicators)
      .innerJoin(indicatorTargets, eq(indicatorTargets.indicatorId, indicators.id))
      .orderBy(asc(indicators.id));
  },

  /** Serialises changes to one indicator's targets and actuals, so statuses are computed from what was committed. */
  async lock(db: Db, id: string): Promise<IndicatorRow | undefined> {
    const [row] = await db.select().from(indicators).where(eq(indicators.id, id)).limit(1).for('update');
    return row;
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

  update: (db: Db, id: string, version: number, patch: Partial<NewIndicator>) => updateIfVersion(db, indicators, id, version, patch),

  /** Its targets, units and actuals go with it (foreign keys cascade). */
  async delete(db: Db, id: string, version: number): Promise<boolean> {
    const rows = await db
      .delete(indicators)
      .where(and(eq(indicators.id, id), eq(indicators.version, version)))
      .returning({ id: indicators.id });
    return rows.length > 0;
  },

  async targetsOf(db: Db, indicatorIds: string[]): Promise<IndicatorTargetRow[]> {
    if (!indicatorIds.length) return [];
    return db
      .select()
      .from(indicatorTargets)
      .where(inArray(indicatorTargets.indicatorId, indicatorIds))
      .orderBy(asc(indicatorTargets.year), asc(indicatorTargets.createdAt));
  },

  async getTarget(db: Db, id: string): Promise<IndicatorTargetRow | undefined> {
    const [row] = await db.select().from(indicatorTargets).where(eq(indicatorTargets.id, id)).limit(1);
    return row;
  },

  async insertTarget(db: Db, values: NewIndicatorTarget): Promise<IndicatorTargetRow> {
    const [row] = await db.insert(indicatorTargets).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  updateTarget: (db: Db, id: string, version: number, patch: Partial<NewIndicatorTarget>) => updateIfVersion(db, indicatorTargets, id, version, patch),

  async deleteTarget(db: Db, id: string, version: number): Promise<boolean> {
    const rows = await db
      .delete(indicatorTargets)
      .where(and(eq(indicatorTargets.id, id), eq(indicatorTargets.version, version)))
      .returning({ id: indicatorTargets.id });
    return rows.length > 0;
  },

  /** The computed status is derived data: recording it does not move the target's version. */
  async setTargetStatus(db: Db, id: string, status: string): Promise<void> {
    await db.update(indicatorTargets).set({ lastStatus: status }).where(eq(indicatorTargets.id, id));
  },

  async unitsOf(db: Db, indicatorIds: string[]): Promise<IndicatorUnitEntry[]> {
    if (!indicatorIds.length) return [];
    return db
      .select({ ...getTableColumns(indicatorUnits), organizationName: organizations.name })
      .from(indicatorUnits)
      .innerJoin(organizations, eq(organizations.id, indicatorUnits.organizationId))
      .innerJoin(parties, eq(parties.id, indicatorUnits.partyId))
      .where(inArray(indicatorUnits.indicatorId, indicatorIds))
      .orderBy(asc(parties.ordinal), asc(organizations.name));
  },

  async replaceUnits(db: Db, cooperationId: string, indicatorId: string, units: { partyId: string; organizationId: string }[]): Promise<void> {
    await db.delete(indicatorUnits).where(eq(indicatorUnits.indicatorId, indicatorId));
    if (units.length) await db.insert(indicatorUnits).values(units.map((u) => ({ ...u, cooperationId, indicatorId })));
  },

  async organizationsIn(db: Db, ids: string[]) {
    if (!ids.length) return [];
    return db.select({ id: organizations.id, regionCode: organizations.regionCode }).from(organizations).where(inArray(organizations.id, ids));
  },

  async actualsOf(db: Db, indicatorIds: string[]): Promise<IndicatorActualEntry[]> {
    if (!indicatorIds.length) return [];
    return db
      .select({
        ...getTableColumns(indicatorActuals),
        periodLabel: reportingPeriods.label,
        startsOn: reportingPeriods.startsOn,
        endsOn: reportingPeriods.endsOn,
        taskId: progressReports.taskId,
      })
      .from(indicatorActuals)
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, indicatorActuals.periodId))
      .leftJoin(progressReports, eq(progressReports.id, indicatorActuals.reportId))
      .where(inArray(indicatorActuals.indicatorId, indicatorIds))
      .orderBy(asc(reportingPeriods.startsOn));
  },

  async getActual(db: Db, id: string): Promise<IndicatorActualRow | undefined> {
    const [row] = await db.select().from(indicatorActuals).where(eq(indicatorActuals.id, id)).limit(1);
    return row;
  },

  async actualFor(db: Db, indicatorId: string, periodId: string): Promise<IndicatorActualRow | undefined> {
    const [row] = await db
      .select()
      .from(indicatorActuals)
      .where(and(eq(indicatorActuals.indicatorId, indicatorId), eq(indicatorActuals.periodId, periodId)))
      .limit(1);
    return row;
  },

  async insertActual(db: Db, values: NewIndicatorActual): Promise<IndicatorActualRow> {
    const [row] = await db.insert(indicatorActuals).values(values).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  },

  updateActual: (db: Db, id: string, version: number, patch: Partial<NewIndicatorActual>) => updateIfVersion(db, indicatorActuals, id, version, patch),

  /** Replaces the period's actual whatever its version: an approval or a recomputation is the newer word on it. */
  async overwriteActual(db: Db, id: string, patch: Partial<NewIndicatorActual>): Promise<IndicatorActualRow> {
    const [row] = await db
      .update(indicatorActuals)
      .set({ ...patch, version: sql`${indicatorActuals.version} + 1`, updatedAt: new Date() })
      .where(eq(indicatorActuals.id, id))
      .returning();
    if (!row) throw new Error('update returned no row');
    return row;
  },

  async deleteActual(db: Db, id: string, version: number): Promise<boolean> {
    const rows = await db
      .delete(indicatorActuals)
      .where(and(eq(indicatorActuals.id, id), eq(indicatorActuals.version, version)))
      .returning({ id: indicatorActuals.id });
    return rows.length > 0;
  },
};
