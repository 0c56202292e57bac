import { badRequest, conflict, missingAs, notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { COMPARATORS, type IndicatorFormula } from '../../db/schema/core.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { authorId, SYSTEM_ACTOR, type Actor } from '../access/actor.ts';
import {
  assertCanManageIndicator,
  assertCanReadCooperation,
  assertTokenMayWrite,
  canManageCooperation,
  canManageIndicator,
  canReadRow,
  canReadTask,
  ownerPartyForNewRow,
  reportMayCarryIndicator,
  rowAuditScope,
  rowScope,
  rowScopeAcross,
} from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import type { NotifyRequest } from '../notification/notification.service.ts';
import { periodRepository } from '../period/period.repository.ts';
import { taskRepository } from '../task/task.repository.ts';
import { regionLiesWithin } from '../task/unit-side.ts';
import { createProjectFigures } from '../project/project-figures.service.ts';
import { assertFormula, formulaText, periodQuery } from './indicator-formula.ts';
import { DEFAULT_AT_RISK_MARGIN, evaluateTarget, rolledSeries, type Comparator, type IndicatorRule, type PeriodActual, type TargetStatus } from '../../contract/indicator-status.ts';
import {
  indicatorRepository,
  type IndicatorActualEntry,
  type IndicatorRow,
  type IndicatorTargetRow,
  type IndicatorUnitEntry,
  type NewIndicator,
} from './indicator.repository.ts';

const ENTITY = 'indicator';

export interface TargetInput {
  year: number | null;
  value: string;
  valueMax?: string | null | undefined;
  comparator: string;
  sourceText?: string | null | undefined;
}

export interface UnitInput {
  partyId: string;
  organizationId: string;
}

type IndicatorFields = Pick<NewIndicator, 'name' | 'unit'> &
  Partial<Pick<NewIndicator, 'description' | 'direction' | 'rollup' | 'baseline' | 'baselineOn' | 'visibility' | 'ownerPartyId'>> & {
    atRiskMargin?: number | null | undefined;
    formula?: IndicatorFormula | null | undefined;
  };

export type IndicatorInput = IndicatorFields & { targets: TargetInput[]; units?: UnitInput[] | undefined };

export type IndicatorPatch = Partial<Omit<IndicatorFields, 'visibility' | 'ownerPartyId'>> & { units?: UnitInput[] | undefined };

export interface TargetPatch {
  year?: number | undefined;
  value?: string | undefined;
  valueMax?: string | null | undefined;
  comparator?: string | undefined;
  sourceText?: string | null | undefined;
}

/** What a report brings to its indicators: the unit that wrote it and the values it gave. */
export interface ReportIndicatorValues {
  id: string;
  cooperationId: string;
  periodId: string;
  partyId: string;
  organizationId: string;
  indicatorValues: { indicatorId: string; value: number }[];
}

interface Notifier {
  notify(tx: Db, request: NotifyRequest): Promise<unknown>;
}

export interface IndicatorServiceDeps {
  today: () => string;
  notifier: Notifier | null;
}

const numberOrNull = (value: string | null) => (value === null ? null : Number(value));

const ruleOf = (row: IndicatorRow): IndicatorRule => ({
  direction: row.direction,
  rollup: row.rollup,
  baseline: numberOrNull(row.baseline),
  baselineOn: row.baselineOn,
  atRiskMargin: numberOrNull(row.atRiskMargin),
});

const periodActuals = (actuals: IndicatorActualEntry[]): PeriodActual[] => actuals.map((a) => ({ startsOn: a.startsOn, endsOn: a.endsOn, value: Number(a.value) }));

function evaluate(row: IndicatorRow, targets: IndicatorTargetRow[], actuals: IndicatorActualEntry[], today: string) {
  const rule = ruleOf(row);
  const series = periodActuals(actuals);
  return targets.map((t) => ({
    target: t,
    evaluation: evaluateTarget(rule, { year: t.year, comparator: t.comparator, value: Number(t.value), valueMax: numberOrNull(t.valueMax) }, series, today),
  }));
}

/** The target that matters now: the first whose year is not over, else the last one. */
function headline(evaluated: { target: IndicatorTargetRow; evaluation: { status: TargetStatus } }[], today: string): TargetStatus {
  const year = Number(today.slice(0, 4));
  const current = evaluated.find((e) => e.target.year === null || e.target.year >= year) ?? evaluated.at(-1);
  return current?.evaluation.status ?? 'no_data';
}

/** Bad targets are refused before anything is written: an unknown comparator, a range without a sensible maximum, a year before the baseline. */
function assertTargets(baselineOn: string | null | undefined, targets: TargetInput[]): { comparator: Comparator }[] {
  return targets.map((target) => {
    const comparator = COMPARATORS.find((c) => c === target.comparator);
    if (!comparator) throw badRequest('indicator.comparator_unknown', `Unknown comparator ${target.comparator}; use one of ${COMPARATORS.join(' ')}`, { comparator: target.comparator, allowed: COMPARATORS });
    if (comparator === 'range') {
      if (target.valueMax === null || target.valueMax === undefined) throw badRequest('indicator.range_max_required', 'A range target needs its maximum (valueMax)');
      if (Number(target.valueMax) < Number(target.value)) throw badRequest('indicator.range_inverted', 'The maximum of a range is below its minimum', { value: target.value, valueMax: target.valueMax });
    }
    if (baselineOn && target.year !== null && target.year < Number(baselineOn.slice(0, 4))) {
      throw badRequest('indicator.target_before_baseline', `A target for ${target.year} lies before the baseline of ${baselineOn}`, { year: target.year, baselineOn });
    }
    return { comparator };
  });
}

const marginText = (margin: number | null | undefined) => (margin === null || margin === undefined ? null : String(margin));

export function createIndicatorService(db: Db, cooperations: CooperationService, deps: IndicatorServiceDeps) {
  async function present(actor: Actor | null, rows: IndicatorRow[]) {
    const ids = rows.map((r) => r.id);
    const [targets, units, actuals] = await Promise.all([indicatorRepository.targetsOf(db, ids), indicatorRepository.unitsOf(db, ids), indicatorRepository.actualsOf(db, ids)]);
    const today = deps.today();
    return rows.map((row) => presentOne(actor, row, targets.filter((t) => t.indicatorId === row.id), units.filter((u) => u.indicatorId === row.id), actuals.filter((a) => a.indicatorId === row.id), today));
  }

  function presentOne(actor: Actor | null, row: IndicatorRow, targets: IndicatorTargetRow[], units: IndicatorUnitEntry[], actuals: IndicatorActualEntry[], today: string) {
    const evaluated = evaluate(row, targets, actuals, today);
    const manages = canManageIndicator(actor, row);
    const margin = numberOrNull(row.atRiskMargin);
    return {
      id: row.id,
      cooperationId: row.cooperationId,
      name: row.name,
      unit: row.unit,
      description: row.description,
      direction: row.direction,
      rollup: row.rollup,
      baseline: row.baseline,
      baselineOn: row.baselineOn,
      atRiskMargin: margin,
      effectiveMargin: margin ?? DEFAULT_AT_RISK_MARGIN,
      visibility: row.visibility,
      ownerPartyId: row.ownerPartyId,
      computed: row.formula !== null,
      formula: row.formula ? { ...row.formula, text: formulaText(row.formula) } : null,
      version: row.version,
      units: units.map((u) => ({ partyId: u.partyId, organizationId: u.organizationId, organizationName: u.organizationName })),
      targets: evaluated.map(({ target: t, evaluation: e }) => ({
        id: t.id,
        year: t.year,
        value: t.value,
        valueMax: t.valueMax,
        comparator: t.comparator,
        sourceText: t.sourceText,
        version: t.version,
        ...e,
      })),
      actuals: actuals.map((a) => ({
        id: a.id,
        periodId: a.periodId,
        periodLabel: a.periodLabel,
        startsOn: a.startsOn,
        endsOn: a.endsOn,
        value: a.value,
        source: a.source,
        sourceNote: a.sourceNote,
        reportId: a.reportId,
        taskId: a.taskId,
        version: a.version,
        updatedAt: a.updatedAt.toISOString(),
      })),
      series: rolledSeries(ruleOf(row), periodActuals(actuals)),
      status: headline(evaluated, today),
      can: { edit: manages, delete: manages, enterActuals: manages && !row.formula },
    };
  }

  /** The indicator after the read checks: one the actor may not see answers 404. */
  async function loadReadable(tx: Db, actor: Actor | null, id: string, lock = false): Promise<IndicatorRow> {
    const row = lock ? await indicatorRepository.lock(tx, id) : await indicatorRepository.get(tx, id);
    if (!row) throw notFound(ENTITY, id);
    // Inside the caller's transaction: on PGlite a read outside it would wait for the transaction's own connection.
    const cooperation = await cooperationRepository.get(tx, row.cooperationId);
    if (!cooperation) throw notFound(ENTITY, id);
    await missingAs(ENTITY, id, async () => assertCanReadCooperation(actor, cooperation));
    if (!canReadRow(actor, row.cooperationId, row.visibility, row.ownerPartyId)) throw notFound(ENTITY, id);
    return row;
  }

  async function loadForChange(tx: Db, actor: Actor, id: string): Promise<IndicatorRow> {
    assertTokenMayWrite(actor);
    const row = await loadReadable(tx, actor, id, true);
    assertCanManageIndicator(actor, row);
    return row;
  }

  /** Each responsible unit is of a side of the cooperation, lies in that side's region, and sees the indicator. */
  async function assertUnits(tx: Db, cooperationId: string, indicator: { visibility: string; ownerPartyId: string | null }, units: UnitInput[]) {
    const partyRows = await cooperationRepository.partiesOf(tx, cooperationId);
    const seen = new Set<string>();
    for (const unit of units) {
      if (!partyRows.some((p) => p.id === unit.partyId)) throw notFound('party', unit.partyId);
      if (seen.has(unit.organizationId)) throw badRequest('indicator.duplicate_unit', 'A unit is named twice', { organizationId: unit.organizationId });
      seen.add(unit.organizationId);
      if (indicator.visibility === 'side' && unit.partyId !== indicator.ownerPartyId) {
        throw badRequest('indicator.unit_wrong_side', "A one-sided indicator's units are of its own side", { organizationId: unit.organizationId, partyId: unit.partyId });
      }
    }
    const found = await indicatorRepository.organizationsIn(tx, [...seen]);
    for (const unit of units) {
      const organization = found.find((o) => o.id === unit.organizationId);
      if (!organization) throw notFound('organization', unit.organizationId);
      const party = partyRows.find((p) => p.id === unit.partyId);
      if (party && !regionLiesWithin(organization.regionCode, party.regionCode)) {
        throw badRequest('indicator.unit_wrong_side', `The unit does not belong to the side ${party.name}`, { organizationId: unit.organizationId, partyId: unit.partyId });
      }
    }
  }

  const scopeOf = (row: IndicatorRow) => rowAuditScope(ENTITY, row);

  /**
   * Records each target's status as of today and tells the cooperation offices of a target that has turned off
   * track, once: a target already off track when last computed is not told again.
   */
  async function refresh(tx: Db, actor: Actor, indicatorId: string): Promise<void> {
    const row = await indicatorRepository.get(tx, indicatorId);
    if (row) await refreshRows(tx, actor, [row]);
  }

  async function refreshRows(tx: Db, actor: Actor, rows: IndicatorRow[], day = deps.today()): Promise<void> {
    const ids = rows.map((r) => r.id);
    const [allTargets, allActuals] = await Promise.all([indicatorRepository.targetsOf(tx, ids), indicatorRepository.actualsOf(tx, ids)]);
    for (const row of rows) await refreshOne(tx, actor, row, allTargets.filter((t) => t.indicatorId === row.id), allActuals.filter((a) => a.indicatorId === row.id), day);
  }

  async function refreshOne(tx: Db, actor: Actor, row: IndicatorRow, targets: IndicatorTargetRow[], actuals: IndicatorActualEntry[], day: string): Promise<void> {
    for (const { target, evaluation } of evaluate(row, targets, actuals, day)) {
      if (target.lastStatus === evaluation.status) continue;
      await indicatorRepository.setTargetStatus(tx, target.id, evaluation.status);
      if (evaluation.status !== 'off_track' || !deps.notifier) continue;
      await deps.notifier.notify(tx, {
        cooperationId: row.cooperationId,
        toRoles: { partyId: row.visibility === 'side' ? (row.ownerPartyId ?? undefined) : undefined, roles: ['coordinator'] },
        exceptUserIds: [actor.userId],
        kind: 'indicator.off_track',
        title: `指标进度滞后：${row.name}`,
        body: `《${row.name}》${target.year ?? ''}年目标按序时进度已滞后（实际 ${evaluation.actual ?? '—'}${row.unit}，应达 ${evaluation.expected ?? '—'}${row.unit}）。`,
        link: `/indicators/${row.id}`,
        subject: { type: ENTITY, id: row.id, visibility: row.visibility, partyId: row.ownerPartyId },
      });
    }
  }

  async function insertTargets(tx: Db, row: IndicatorRow, targets: TargetInput[]) {
    const checked = assertTargets(row.baselineOn, targets);
    const created: IndicatorTargetRow[] = [];
    for (const [i, target] of targets.entries()) {
      created.push(
        await indicatorRepository.insertTarget(tx, {
          cooperationId: row.cooperationId,
          indicatorId: row.id,
          year: target.year,
          value: target.value,
          valueMax: target.valueMax ?? null,
          comparator: checked[i]?.comparator ?? '>=',
          sourceText: target.sourceText ?? null,
        }),
      );
    }
    return created;
  }

  async function assertYearFree(tx: Db, indicatorId: string, year: number | null | undefined, exceptTargetId?: string) {
    if (year === null || year === undefined) return;
    const taken = (await indicatorRepository.targetsOf(tx, [indicatorId])).find((t) => t.year === year && t.id !== exceptTargetId);
    if (taken) throw conflict('indicator.target_year_taken', `The indicator already has a target for ${year}`, { targetId: taken.id, year });
  }

  async function checkFormula(tx: Db, cooperationId: string, formula: IndicatorFormula | null | undefined) {
    if (!formula) return;
    assertFormula(formula, (await cooperationRepository.partiesOf(tx, cooperationId)).map((p) => p.id));
  }

  /**
   * Computes a formula indicator's actual for every period that has begun (since its baseline date), in the
   * caller's transaction, and records what changed; the figures read the same transaction, so a new entry counts.
   */
  async function recomputeFormula(tx: Db, actor: Actor, row: IndicatorRow, since?: string): Promise<number> {
    const formula = row.formula;
    if (!formula) return 0;
    const figures = createProjectFigures(tx);
    const today = deps.today();
    // A change dated `since` leaves the periods that ended before it as they were: their entries are the same.
    const periods = (await periodRepository.listByCooperation(tx, row.cooperationId)).filter(
      (p) => p.startsOn <= today && (!row.baselineOn || p.endsOn >= row.baselineOn) && (!since || p.endsOn >= since),
    );
    const existing = new Map((await indicatorRepository.actualsOf(tx, [row.id])).map((a) => [a.periodId, a]));
    // The API's own words, not a sentence: the web says "computed by the formula" in the reader's language.
    const note = formulaText(formula);
    let changed = 0;
    for (const period of periods) {
      const query = periodQuery(row.cooperationId, formula, row.rollup, period);
      if (!query) continue;
      const value = String(Math.round(((await figures.value(query)) / formula.divisor) * 1e4) / 1e4);
      const before = existing.get(period.id);
      if (before && before.source === 'formula' && Number(before.value) === Number(value) && before.sourceNote === note) continue;
      const values = { value, source: 'formula' as const, sourceNote: note, reportId: null, enteredBy: null };
      const after = before
        ? await indicatorRepository.overwriteActual(tx, before.id, values)
        : await indicatorRepository.insertActual(tx, { ...values, cooperationId: row.cooperationId, indicatorId: row.id, periodId: period.id });
      await audit(tx, actor, { cooperationId: row.cooperationId, action: before ? 'update' : 'create', entity: 'indicator_actual', entityId: after.id, before: before ?? null, after, scope: scopeOf(row) });
      changed++;
    }
    if (changed) await refresh(tx, actor, row.id);
    return changed;
  }

  async function presentById(actor: Actor, id: string) {
    const row = await indicatorRepository.get(db, id);
    if (!row) throw notFound(ENTITY, id);
    const [presented] = await present(actor, [row]);
    if (!presented) throw notFound(ENTITY, id);
    return presented;
  }

  return {
    /**
     * The daily check of every target against 序时进度: a target falls behind as time passes with no write to
     * its indicator, and its offices are told the day it turns off track, as after a write.
     */
    async refreshStatuses(tx: Db, day: string): Promise<number> {
      const rows = await indicatorRepository.withTargets(tx);
      // In slices, so the targets and actuals read at once stay within a query's parameter limit.
      for (let start = 0; start < rows.length; start += 500) await refreshRows(tx, SYSTEM_ACTOR, rows.slice(start, start + 500), day);
      return rows.length;
    },

    async list(actor: Actor | null, cooperationId: string, filter: { organizationId?: string | undefined; taskId?: string | undefined } = {}) {
      await cooperations.load(actor, cooperationId);
      let rows = await indicatorRepository.listByCooperation(db, cooperationId, rowScope(actor, cooperationId), filter);
      if (filter.taskId) {
        const task = await taskRepository.get(db, filter.taskId);
        if (!task || task.cooperationId !== cooperationId || !canReadTask(actor, task)) throw notFound('task', filter.taskId);
        rows = rows.filter((r) => !r.formula && reportMayCarryIndicator(task, r));
      }
      return { items: await present(actor, rows), can: { create: canManageCooperation(actor, cooperationId) } };
    },

    /**
     * The status of each target of every indicator the actor sees in the given cooperations (which the caller has
     * already found readable), by the one status rule, in three queries whatever the number of cooperations.
     */
    async targetStatusesAcross(actor: Actor | null, cooperationIds: string[]) {
      const rows = await indicatorRepository.listAcross(db, cooperationIds, rowScopeAcross(actor));
      const ids = rows.map((r) => r.id);
      const [targets, actuals] = await Promise.all([indicatorRepository.targetsOf(db, ids), indicatorRepository.actualsOf(db, ids)]);
      const today = deps.today();
      return rows.map((row) => ({
        cooperationId: row.cooperationId,
        indicatorId: row.id,
        targets: evaluate(row, targets.filter((t) => t.indicatorId === row.id), actuals.filter((a) => a.indicatorId === row.id), today).map((e) => ({ year: e.target.year, status: e.evaluation.status })),
      }));
    },

    async get(actor: Actor | null, id: string) {
      const row = await loadReadable(db, actor, id);
      const [presented] = await present(actor, [row]);
      if (!presented) throw notFound(ENTITY, id);
      return presented;
    },

    /** Adds targets to the indicator of the same name and unit, creating it when new (imports and the demo). */
    async createIn(tx: Db, actor: Actor, cooperationId: string, input: IndicatorInput) {
      await cooperations.loadForManagement(tx, actor, cooperationId);
      const { targets, units, atRiskMargin, ...fields } = input;
      const existing = await indicatorRepository.findByName(tx, cooperationId, fields.name, fields.unit);
      // Another side's one-sided indicator of the same name is not theirs to add targets to.
      if (existing && !canReadRow(actor, cooperationId, existing.visibility, existing.ownerPartyId)) {
        throw conflict('indicator.duplicate', 'An indicator with this name and unit already exists');
      }
      assertTargets(existing?.baselineOn ?? fields.baselineOn, targets);
      await checkFormula(tx, cooperationId, fields.formula);
      let indicator = existing;
      if (!indicator) {
        const partyIds = (await cooperationRepository.partiesOf(tx, cooperationId)).map((p) => p.id);
        const ownerPartyId = ownerPartyForNewRow(actor, { id: cooperationId, partyIds }, fields.ownerPartyId, fields.visibility ?? 'parties');
        indicator = await indicatorRepository.insert(tx, { ...fields, atRiskMargin: marginText(atRiskMargin), ownerPartyId, cooperationId });
        if (units?.length) {
          await assertUnits(tx, cooperationId, indicator, units);
          await indicatorRepository.replaceUnits(tx, cooperationId, indicator.id, units);
        }
      } else {
        assertCanManageIndicator(actor, indicator);
      }
      const created = await insertTargets(tx, indicator, targets);
      await audit(tx, actor, { cooperationId, action: existing ? 'update' : 'create', entity: ENTITY, entityId: indicator.id, after: { ...indicator, units: units ?? [], targets: created }, scope: scopeOf(indicator) });
      await recomputeFormula(tx, actor, indicator);
      await refresh(tx, actor, indicator.id);
      return { ...indicator, targets: created };
    },

    /** A new indicator from the form: a name and unit already in the cooperation is refused rather than merged. */
    async create(actor: Actor, cooperationId: string, input: IndicatorInput) {
      assertTokenMayWrite(actor);
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        // Who may register comes first: a name taken says nothing to someone who may not see the cooperation.
        await cooperations.loadForManagement(tx, actor, cooperationId);
        if (await indicatorRepository.findByName(tx, cooperationId, input.name, input.unit)) {
          throw conflict('indicator.duplicate', 'An indicator with this name and unit already exists');
        }
        const years = input.targets.map((t) => t.year).filter((y) => y !== null);
        if (new Set(years).size !== years.length) throw conflict('indicator.target_year_taken', 'Two targets name the same year');
        return this.createIn(tx, actor, cooperationId, input);
      });
      return presentById(actor, row.id);
    },

    async update(actor: Actor, id: string, version: number, patch: IndicatorPatch) {
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadForChange(tx, actor, id);
        if (before.version !== version) throw staleVersion(ENTITY, before.version);
        const { units, atRiskMargin, ...fields } = patch;
        const baselineOn = fields.baselineOn === undefined ? before.baselineOn : fields.baselineOn;
        const targets = await indicatorRepository.targetsOf(tx, [id]);
        if (baselineOn !== before.baselineOn) assertTargets(baselineOn, targets.map((t) => ({ ...t, comparator: t.comparator })));
        const name = fields.name ?? before.name;
        const unit = fields.unit ?? before.unit;
        await checkFormula(tx, before.cooperationId, fields.formula);
        const clash = await indicatorRepository.findByName(tx, before.cooperationId, name, unit);
        if (clash && clash.id !== id) throw conflict('indicator.duplicate', 'An indicator with this name and unit already exists');
        const after = await indicatorRepository.update(tx, id, version, { ...fields, ...(atRiskMargin === undefined ? {} : { atRiskMargin: marginText(atRiskMargin) }) });
        if (!after) throw staleVersion(ENTITY, before.version);
        const beforeUnits = await indicatorRepository.unitsOf(tx, [id]);
        if (units) {
          await assertUnits(tx, before.cooperationId, after, units);
          await indicatorRepository.replaceUnits(tx, before.cooperationId, id, units);
        }
        await audit(tx, actor, {
          cooperationId: before.cooperationId,
          action: 'update',
          entity: ENTITY,
          entityId: id,
          before: { ...before, units: beforeUnits.map((u) => ({ partyId: u.partyId, organizationId: u.organizationId })) },
          after: { ...after, ...(units ? { units } : {}) },
          scope: scopeOf(after),
        });
        await recomputeFormula(tx, actor, after);
        await refresh(tx, actor, id);
      });
      return presentById(actor, id);
    },

    async delete(actor: Actor, id: string, version: number) {
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadForChange(tx, actor, id);
        const targets = await indicatorRepository.targetsOf(tx, [id]);
        if (!(await indicatorRepository.delete(tx, id, version))) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: before.cooperationId, action: 'delete', entity: ENTITY, entityId: id, before: { ...before, targets }, scope: scopeOf(before) });
      });
    },

    async addTarget(actor: Actor, indicatorId: string, input: TargetInput) {
      await writeTransaction(db, ENTITY, async (tx) => {
        const indicator = await loadForChange(tx, actor, indicatorId);
        await assertYearFree(tx, indicatorId, input.year);
        const [created] = await insertTargets(tx, indicator, [input]);
        await audit(tx, actor, { cooperationId: indicator.cooperationId, action: 'create', entity: 'indicator_target', entityId: created?.id ?? indicatorId, after: created, scope: scopeOf(indicator) });
        await refresh(tx, actor, indicatorId);
      });
      return presentById(actor, indicatorId);
    },

    async updateTarget(actor: Actor, targetId: string, version: number, patch: TargetPatch) {
      const indicatorId = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await indicatorRepository.getTarget(tx, targetId);
        if (!before) throw notFound('indicator_target', targetId);
        const indicator = await missingAs('indicator_target', targetId, () => loadForChange(tx, actor, before.indicatorId));
        if (before.version !== version) throw staleVersion('indicator_target', before.version);
        const next = { year: patch.year ?? before.year, value: patch.value ?? before.value, valueMax: patch.valueMax === undefined ? before.valueMax : patch.valueMax, comparator: patch.comparator ?? before.comparator, sourceText: patch.sourceText === undefined ? before.sourceText : patch.sourceText };
        const [checked] = assertTargets(indicator.baselineOn, [next]);
        await assertYearFree(tx, indicator.id, next.year, targetId);
        const after = await indicatorRepository.updateTarget(tx, targetId, version, { ...next, comparator: checked?.comparator ?? before.comparator });
        if (!after) throw staleVersion('indicator_target', before.version);
        await audit(tx, actor, { cooperationId: indicator.cooperationId, action: 'update', entity: 'indicator_target', entityId: targetId, before, after, scope: scopeOf(indicator) });
        await refresh(tx, actor, indicator.id);
        return indicator.id;
      });
      return presentById(actor, indicatorId);
    },

    async deleteTarget(actor: Actor, targetId: string, version: number) {
      const indicatorId = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await indicatorRepository.getTarget(tx, targetId);
        if (!before) throw notFound('indicator_target', targetId);
        const indicator = await missingAs('indicator_target', targetId, () => loadForChange(tx, actor, before.indicatorId));
        if (!(await indicatorRepository.deleteTarget(tx, targetId, version))) throw staleVersion('indicator_target', before.version);
        await audit(tx, actor, { cooperationId: indicator.cooperationId, action: 'delete', entity: 'indicator_target', entityId: targetId, before, scope: scopeOf(indicator) });
        return indicator.id;
      });
      return presentById(actor, indicatorId);
    },

    /** An office's own figure for a period, with where it came from; a period that already has one is changed, not duplicated. */
    async addActual(actor: Actor, indicatorId: string, input: { periodId: string; value: string; sourceNote: string }) {
      await writeTransaction(db, ENTITY, async (tx) => {
        const indicator = await loadForChange(tx, actor, indicatorId);
        if (indicator.formula) throw conflict('indicator.formula_computed', 'The actuals of this indicator are computed by its formula');
        const period = await periodRepository.get(tx, input.periodId);
        if (!period || period.cooperationId !== indicator.cooperationId) throw badRequest('indicator.period_mismatch', 'The reporting period belongs to another cooperation than the indicator');
        if (period.startsOn > deps.today()) throw badRequest('indicator.period_not_started', `${period.label} has not begun; its actual cannot be known yet`, { startsOn: period.startsOn });
        const existing = await indicatorRepository.actualFor(tx, indicatorId, input.periodId);
        if (existing) throw conflict('indicator.actual_exists', `${period.label} already has an actual; change that one`, { actualId: existing.id, version: existing.version });
        const created = await indicatorRepository.insertActual(tx, {
          cooperationId: indicator.cooperationId,
          indicatorId,
          periodId: period.id,
          value: input.value,
          source: 'office',
          sourceNote: input.sourceNote,
          enteredBy: authorId(actor),
        });
        await audit(tx, actor, { cooperationId: indicator.cooperationId, action: 'create', entity: 'indicator_actual', entityId: created.id, after: created, scope: scopeOf(indicator) });
        await refresh(tx, actor, indicatorId);
      });
      return presentById(actor, indicatorId);
    },

    async updateActual(actor: Actor, actualId: string, version: number, patch: { value?: string | undefined; sourceNote?: string | undefined }) {
      const indicatorId = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await indicatorRepository.getActual(tx, actualId);
        if (!before) throw notFound('indicator_actual', actualId);
        const indicator = await missingAs('indicator_actual', actualId, () => loadForChange(tx, actor, before.indicatorId));
        if (indicator.formula) throw conflict('indicator.formula_computed', 'The actuals of this indicator are computed by its formula');
        // An office correcting a reported figure makes it the office's, with the office's note on where it came from.
        const after = await indicatorRepository.updateActual(tx, actualId, version, { ...patch, source: 'office', enteredBy: authorId(actor) });
        if (!after) throw staleVersion('indicator_actual', before.version);
        await audit(tx, actor, { cooperationId: indicator.cooperationId, action: 'update', entity: 'indicator_actual', entityId: actualId, before, after, scope: scopeOf(indicator) });
        await refresh(tx, actor, indicator.id);
        return indicator.id;
      });
      return presentById(actor, indicatorId);
    },

    async deleteActual(actor: Actor, actualId: string, version: number) {
      const indicatorId = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await indicatorRepository.getActual(tx, actualId);
        if (!before) throw notFound('indicator_actual', actualId);
        const indicator = await missingAs('indicator_actual', actualId, () => loadForChange(tx, actor, before.indicatorId));
        if (indicator.formula) throw conflict('indicator.formula_computed', 'The actuals of this indicator are computed by its formula');
        if (!(await indicatorRepository.deleteActual(tx, actualId, version))) throw staleVersion('indicator_actual', before.version);
        await audit(tx, actor, { cooperationId: indicator.cooperationId, action: 'delete', entity: 'indicator_actual', entityId: actualId, before, scope: scopeOf(indicator) });
        await refresh(tx, actor, indicator.id);
        return indicator.id;
      });
      return presentById(actor, indicatorId);
    },

    /**
     * The indicator values a report may carry: indicators of its cooperation that its unit answers for, entered
     * rather than computed, and seen by everyone who sees the report's task.
     */
    async assertReportValues(tx: Db, report: { cooperationId: string; organizationId: string }, task: { visibility: string; ownerPartyId: string | null }, values: { indicatorId: string }[]) {
      if (!values.length) return;
      const ids = values.map((v) => v.indicatorId);
      if (new Set(ids).size !== ids.length) throw badRequest('report.indicator_duplicate', 'An indicator is given twice');
      const answering = await indicatorRepository.listByCooperation(tx, report.cooperationId, { all: true, member: true, sides: [] }, { organizationId: report.organizationId });
      for (const id of ids) {
        const indicator = answering.find((i) => i.id === id);
        if (!indicator || indicator.formula || !reportMayCarryIndicator(task, indicator)) {
          throw badRequest('report.indicator_not_assigned', "The report's unit does not give this indicator's value", { indicatorId: id });
        }
      }
    },

    /** Names and units of the indicators a report's values are for, those the reader sees only. */
    async namesFor(actor: Actor | null, cooperationId: string, indicatorIds: string[]) {
      if (!indicatorIds.length) return new Map<string, { name: string; unit: string }>();
      const rows = await indicatorRepository.listByCooperation(db, cooperationId, rowScope(actor, cooperationId));
      return new Map(rows.filter((r) => indicatorIds.includes(r.id)).map((r) => [r.id, { name: r.name, unit: r.unit }]));
    },

    /**
     * A report approved by every side it needed makes its values the indicators' actuals for its period,
     * replacing what the period had (an office's figure or an earlier revision's).
     */
    async applyApprovedReport(tx: Db, actor: Actor, report: ReportIndicatorValues) {
      for (const { indicatorId, value } of report.indicatorValues) {
        const indicator = await indicatorRepository.lock(tx, indicatorId);
        // An indicator deleted, or turned into a formula, while the report was reviewed takes no value from it.
        if (!indicator || indicator.formula) continue;
        const existing = await indicatorRepository.actualFor(tx, indicatorId, report.periodId);
        const values = { value: String(value), source: 'report' as const, sourceNote: '', reportId: report.id, enteredBy: authorId(actor) };
        const after = existing
          ? await indicatorRepository.overwriteActual(tx, existing.id, values)
          : await indicatorRepository.insertActual(tx, { ...values, cooperationId: report.cooperationId, indicatorId, periodId: report.periodId });
        await audit(tx, actor, { cooperationId: report.cooperationId, action: existing ? 'update' : 'create', entity: 'indicator_actual', entityId: after.id, before: existing ?? null, after, scope: scopeOf(indicator) });
        await refresh(tx, actor, indicatorId);
      }
    },

    refresh,

    /** After the cooperation's projects, money or trade changed (from day `since` on): every formula indicator of it, recomputed in the same transaction. */
    async recomputeFormulas(tx: Db, actor: Actor, cooperationId: string, since?: string): Promise<number> {
      const rows = await indicatorRepository.formulaIndicators(tx, cooperationId);
      let changed = 0;
      for (const row of rows) changed += await recomputeFormula(tx, actor, row, since);
      return changed;
    },
  };
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;
