import { z } from 'zod';
import { COMPARATORS, INDICATOR_DIRECTIONS, ROLLUP_RULES } from '../../db/schema/core.ts';
import { ACTUAL_SOURCES } from '../../db/schema/indicator.ts';
import { decimalText, isoDate, labelText, MAX_VERSION, shortText, versionField } from '../../http/common.schemas.ts';
import { visibility } from '../access/access.schemas.ts';
import { TARGET_STATUSES } from '../../contract/indicator-status.ts';

const decimal = decimalText(4);
const year = z.number().int().min(1949).max(2100);
/** Checked by the service against COMPARATORS, so an unknown one is told as `indicator.comparator_unknown`. */
const comparatorInput = z.string().max(10).describe(`one of ${COMPARATORS.join(' ')}`);
const sourceText = labelText(500).nullable().optional();

const targetSchema = z.object({
  id: z.uuid(),
  year: z.number().int().nullable(),
  value: z.string(),
  valueMax: z.string().nullable(),
  comparator: z.enum(COMPARATORS),
  sourceText: z.string().nullable(),
  version: z.number().int(),
  /** By the status rule (indicator-status.ts), as of today. */
  status: z.enum(TARGET_STATUSES),
  /** The rolled-up actual the target is judged by. */
  actual: z.number().nullable(),
  /** Where the actual should be by now (序时进度). */
  expected: z.number().nullable(),
  /** 序时进度: the share of the target's window gone, 0…1. */
  elapsed: z.number().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
});

const actualSchema = z.object({
  id: z.uuid(),
  periodId: z.uuid(),
  periodLabel: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  value: z.string(),
  source: z.enum(ACTUAL_SOURCES),
  sourceNote: z.string(),
  /** The approved report it came from, and that report's task. */
  reportId: z.uuid().nullable(),
  taskId: z.uuid().nullable(),
  version: z.number().int(),
  updatedAt: z.iso.datetime({ offset: true }),
});

export const indicatorSchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid(),
  name: z.string(),
  unit: z.string(),
  description: z.string(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  rollup: z.enum(ROLLUP_RULES),
  baseline: z.string().nullable(),
  baselineOn: z.string().nullable(),
  /** As set on the indicator; null takes the default below. */
  atRiskMargin: z.number().nullable(),
  /** The margin the status rule uses. */
  effectiveMargin: z.number(),
  visibility,
  ownerPartyId: z.uuid().nullable(),
  /** The actuals are computed by a formula, not entered. */
  computed: z.boolean(),
  formula: z.object({ measure: z.string(), where: z.record(z.string(), z.union([z.string(), z.number()])), currency: z.string().nullable(), divisor: z.number(), text: z.string() }).nullable(),
  version: z.number().int(),
  units: z.array(z.object({ partyId: z.uuid(), organizationId: z.uuid(), organizationName: z.string() })),
  targets: z.array(targetSchema),
  actuals: z.array(actualSchema),
  /** The rolled-up value at the end of each period with an actual. */
  series: z.array(z.object({ endsOn: z.string(), value: z.number() })),
  /** The status of the target that matters now: the first whose year is not over, else the last. */
  status: z.enum(TARGET_STATUSES),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), enterActuals: z.boolean() }),
});

export const indicatorList = z.object({
  items: z.array(indicatorSchema),
  can: z.object({ create: z.boolean() }),
});

export const indicatorListQuery = z.object({
  /** Only the indicators this unit answers for (what its report form asks). */
  organizationId: z.uuid().optional(),
  /** Only those a report on this task may carry: seen by everyone who sees the task, and entered rather than computed. */
  taskId: z.uuid().optional(),
});

const targetInput = z.object({
  year,
  value: decimal,
  valueMax: decimal.nullable().optional(),
  comparator: comparatorInput.default('>='),
  sourceText,
});

const unitInput = z.object({ partyId: z.uuid(), organizationId: z.uuid() });

/** Names are checked by the service, so an unknown measure or field is told by its own code. */
const formulaInput = z.object({
  measure: z.string().max(40).describe('a project figure: projects, signed_projects, contracted, in_place, cross_side_entries, cross_side_quantity, cross_side_amount'),
  where: z.record(z.string().max(40), z.union([z.string().max(100), z.number().int()])).default({}),
  currency: z.string().regex(/^[A-Z]{3}$/).nullable().default(null),
  divisor: z.number().positive().max(1e12).default(1),
});

const indicatorFields = {
  name: shortText(200),
  unit: shortText(20),
  description: labelText(2000),
  direction: z.enum(INDICATOR_DIRECTIONS),
  rollup: z.enum(ROLLUP_RULES),
  baseline: decimal.nullable(),
  baselineOn: isoDate.nullable(),
  atRiskMargin: z.number().min(0).max(1).nullable(),
  units: z.array(unitInput).max(20),
  /** Set: the actuals are computed from the cooperation's projects and trade; null: entered. */
  formula: formulaInput.nullable(),
};

export const createIndicatorBody = z.object({
  name: indicatorFields.name,
  unit: indicatorFields.unit,
  description: indicatorFields.description.default(''),
  direction: indicatorFields.direction.default('higher'),
  rollup: indicatorFields.rollup.default('latest'),
  baseline: indicatorFields.baseline.optional(),
  baselineOn: indicatorFields.baselineOn.optional(),
  atRiskMargin: indicatorFields.atRiskMargin.optional(),
  visibility: visibility.default('parties'),
  /** The side the indicator belongs to; defaults to the caller's own side. */
  ownerPartyId: z.uuid().nullable().optional(),
  units: indicatorFields.units.default([]),
  formula: indicatorFields.formula.optional(),
  targets: z.array(targetInput).max(50).default([]),
});

export const updateIndicatorBody = z.object({
  version: versionField,
  name: indicatorFields.name.optional(),
  unit: indicatorFields.unit.optional(),
  description: indicatorFields.description.optional(),
  direction: indicatorFields.direction.optional(),
  rollup: indicatorFields.rollup.optional(),
  baseline: indicatorFields.baseline.optional(),
  baselineOn: indicatorFields.baselineOn.optional(),
  atRiskMargin: indicatorFields.atRiskMargin.optional(),
  units: indicatorFields.units.optional(),
  formula: indicatorFields.formula.optional(),
});

export const createTargetBody = targetInput;

export const updateTargetBody = z.object({
  version: versionField,
  year: year.optional(),
  value: decimal.optional(),
  valueMax: decimal.nullable().optional(),
  comparator: comparatorInput.optional(),
  sourceText,
});

export const createActualBody = z.object({
  periodId: z.uuid(),
  value: decimal,
  /** Where the office took the figure from: required, so every official value says where it came from. */
  sourceNote: shortText(500),
});

export const updateActualBody = z.object({
  version: versionField,
  value: decimal.optional(),
  sourceNote: shortText(500).optional(),
});

export const versionQuery = z.object({ version: z.coerce.number().int().min(1).max(MAX_VERSION) });
