import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cooperations, createdAt, id, rowVersion, updatedAt, users } from './core.ts';
import { reportingPeriods } from './work.ts';

/** The 领导关注 paragraph of a cooperation's briefing (工作简报) for one reporting period, written by its offices. */
export const briefingNotes = pgTable(
  'briefing_notes',
  {
    id: id(),
    cooperationId: uuid('cooperation_id')
      .notNull()
      .references(() => cooperations.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    text: text('text').notNull().default(''),
    updatedBy: uuid('updated_by').references(() => users.id),
    version: rowVersion(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('briefing_notes_period_uq').on(t.periodId), index('briefing_notes_coop_idx').on(t.cooperationId)],
);
