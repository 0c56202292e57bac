import { index, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cooperations, createdAt, id, indicators, organizations, parties, rowVersion, updatedAt, users } from './core.ts';
import { progressReports, reportingPeriods } from './work.ts';

/** What an indicator's actual values are, period by period, and who answers for them. */

export const ACTUAL_SOURCES = ['report', 'office', 'formula'] as const;

/** The units responsible for an indicator (责任单位): the report form asks them for its value each period. */
export const indicatorUnits = pgTable(
  'indicator_units',
  {
    cooperationId: uuid('cooperation_id')
      .notNull()
      .references(() => cooperations.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.organizationId] }), index('indicator_units_org_idx').on(t.cooperationId, t.organizationId)],
);

/**
 * The official value of an indicator for one reporting period: from a report approved by every side it needed,
 * entered by a cooperation office with its source, or computed by the indicator's formula. One per period.
 */
export const indicatorActuals = pgTable(
  'indicator_actuals',
  {
    id: id(),
    cooperationId: uuid('cooperation_id')
      .notNull()
      .references(() => cooperations.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    value: numeric('value', { precision: 24, scale: 4 }).notNull(),
    source: text('source', { enum: ACTUAL_SOURCES }).notNull(),
    /** Where an office took the figure from (统计公报, 商务局台账); for a formula, what it computed. */
    sourceNote: text('source_note').notNull().default(''),
    reportId: uuid('report_id').references(() => progressReports.id, { onDelete: 'set null' }),
    enteredBy: uuid('entered_by').references(() => users.id),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('indicator_actuals_period_uq').on(t.indicatorId, t.periodId), index('indicator_actuals_coop_idx').on(t.cooperationId)],
);
