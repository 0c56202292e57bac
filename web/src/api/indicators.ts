import type { Comparator, Direction, Rollup, TargetStatus } from '../../../src/contract/indicator-status.ts';
import { request } from './client.ts';
import type { Visibility } from './types.ts';

/** Shapes and calls of indicators, their targets and actuals; src/modules/indicator is the source of truth. */

export type { Comparator, Direction, Rollup };
type ActualSource = 'report' | 'office' | 'formula';

export interface IndicatorTarget {
  id: string;
  year: number | null;
  value: string;
  valueMax: string | null;
  comparator: Comparator;
  sourceText: string | null;
  version: number;
  status: TargetStatus;
  actual: number | null;
  expected: number | null;
  elapsed: number | null;
  startsOn: string | null;
  endsOn: string | null;
}

export interface IndicatorActual {
  id: string;
  periodId: string;
  periodLabel: string;
  startsOn: string;
  endsOn: string;
  value: string;
  source: ActualSource;
  sourceNote: string;
  reportId: string | null;
  taskId: string | null;
  version: number;
  updatedAt: string;
}

interface IndicatorUnit {
  partyId: string;
  organizationId: string;
  organizationName: string;
}

export interface Indicator {
  id: string;
  cooperationId: string;
  name: string;
  unit: string;
  description: string;
  direction: Direction;
  rollup: Rollup;
  baseline: string | null;
  baselineOn: string | null;
  atRiskMargin: number | null;
  effectiveMargin: number;
  visibility: Visibility;
  ownerPartyId: string | null;
  /** Computed by a formula: no actual is entered by hand. */
  computed: boolean;
  /** How a computed indicator's actuals are computed: a project figure, its filters, and `text` to show it. */
  formula: { measure: string; where: Record<string, string | number>; currency: string | null; divisor: number; text: string } | null;
  version: number;
  units: IndicatorUnit[];
  targets: IndicatorTarget[];
  actuals: IndicatorActual[];
  series: { endsOn: string; value: number }[];
  status: TargetStatus;
  can: { edit: boolean; delete: boolean; enterActuals: boolean };
}

export interface IndicatorList {
  items: Indicator[];
  can: { create: boolean };
}

export interface IndicatorFields {
  name: string;
  unit: string;
  description: string;
  direction: Direction;
  rollup: Rollup;
  baseline: string | null;
  baselineOn: string | null;
  atRiskMargin: number | null;
  units: { partyId: string; organizationId: string }[];
  formula: { measure: string; where: Record<string, string | number>; currency: string | null; divisor: number } | null;
}

export interface TargetFields {
  year: number;
  comparator: Comparator;
  value: string;
  valueMax: string | null;
  sourceText: string | null;
}

const id = encodeURIComponent;

export const indicatorsApi = {
  /** With a unit and a task: the indicators that unit gives values for in its reports on that task. */
  list: (cooperationId: string, organizationId?: string, taskId?: string) =>
    request<IndicatorList>('GET', `/cooperations/${id(cooperationId)}/indicators`, undefined, { organizationId, taskId }),
  get: (indicatorId: string) => request<Indicator>('GET', `/indicators/${id(indicatorId)}`),
  create: (cooperationId: string, fields: IndicatorFields & { visibility: Visibility; targets: TargetFields[] }) =>
    request<Indicator>('POST', `/cooperations/${id(cooperationId)}/indicators`, fields),
  update: (indicator: Indicator, fields: Partial<IndicatorFields>) => request<Indicator>('PATCH', `/indicators/${id(indicator.id)}`, { version: indicator.version, ...fields }),
  remove: (indicator: Indicator) => request<void>('DELETE', `/indicators/${id(indicator.id)}`, undefined, { version: indicator.version }),
  addTarget: (indicatorId: string, fields: TargetFields) => request<Indicator>('POST', `/indicators/${id(indicatorId)}/targets`, fields),
  updateTarget: (target: IndicatorTarget, fields: TargetFields) => request<Indicator>('PATCH', `/indicator-targets/${id(target.id)}`, { version: target.version, ...fields }),
  removeTarget: (target: IndicatorTarget) => request<Indicator>('DELETE', `/indicator-targets/${id(target.id)}`, undefined, { version: target.version }),
  addActual: (indicatorId: string, fields: { periodId: string; value: string; sourceNote: string }) => request<Indicator>('POST', `/indicators/${id(indicatorId)}/actuals`, fields),
  updateActual: (actual: IndicatorActual, fields: { value: string; sourceNote: string }) =>
    request<Indicator>('PATCH', `/indicator-actuals/${id(actual.id)}`, { version: actual.version, ...fields }),
  removeActual: (actual: IndicatorActual) => request<Indicator>('DELETE', `/indicator-actuals/${id(actual.id)}`, undefined, { version: actual.version }),
};
