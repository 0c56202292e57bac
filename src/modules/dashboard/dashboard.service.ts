import { notFound } from '../../app-error.ts';
import { elapsedShare } from '../../contract/indicator-status.ts';
import type { Db } from '../../db/client.ts';
import { TASK_STATUSES } from '../../db/schema/work.ts';
import type { Actor } from '../access/actor.ts';
import { auditReader, rowScope } from '../access/policy.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import type { IndicatorService } from '../indicator/indicator.service.ts';
import type { TotalsGroup } from '../project/project-figures.repository.ts';
import type { ProjectService } from '../project/project.service.ts';
import type { SigningEventService } from '../signing-event/signing-event.service.ts';
import { supervisionRepository } from '../supervision/supervision.repository.ts';
import { addDays } from '../task/business-date.ts';
import type { LedgerQuery, TaskService } from '../task/task.service.ts';
import type { TaskStatus } from '../task/task.repository.ts';
import { OPEN_STATUSES } from '../task/task-status.ts';
import { dashboardRepository } from './dashboard.repository.ts';
import { upcomingTargets } from './dashboard-targets.ts';
import type { DECISION_KINDS, Dashboard, Drill } from './dashboard.schemas.ts';

type LedgerFilter = Extract<Drill, { to: 'ledger' }>['filter'];
type DecisionKind = (typeof DECISION_KINDS)[number];

/** Lists on the dashboard show this many rows; their counts are of all rows, which the drill-down lists. */
const LISTED = 8;
const SIGNING_EVENTS = 5;
const DECISIONS = 15;

const ledger = (filter: LedgerFilter): Drill => ({ to: 'ledger', filter });

/** The ledger page a drill-down opens, as the task service takes it: the count is that page's total. */
const ledgerQueryOf = (filter: LedgerFilter, pageSize = 1): LedgerQuery => ({
  side: filter.side,
  unit: filter.unit,
  status: filter.status,
  overdue: filter.overdue,
  dueFrom: filter.dueFrom,
  dueTo: filter.dueTo,
  clauseId: filter.clauseId,
  sort: 'dueOn',
  order: 'asc',
  page: 1,
  pageSize,
});

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function decisionKind(entity: string, action: string): DecisionKind | null {
  if (entity === 'report') return action === 'approve' ? 'report_approved' : 'report_returned';
  if (entity === 'task') return action === 'approve_close' ? 'closing_approved' : action === 'return_close' ? 'closing_returned' : 'task_closed';
  if (entity === 'project') return 'stage_changed';
  if (entity === 'project_transaction') return 'big_transaction';
  return null;
}

/** What a decision's audit entry says beyond its kind: the stage reached, the amount moved. */
function decisionDetail(kind: DecisionKind, after: unknown, stageName: Map<string, string>): string | null {
  if (typeof after !== 'object' || after === null) return null;
  const fields = after as Record<string, unknown>;
  if (kind === 'stage_changed' && typeof fields.stage === 'string') return stageName.get(fields.stage) ?? fields.stage;
  if (kind === 'big_transaction' && typeof fields.amount === 'string') return `${fields.kind === 'in_place' ? 'in_place' : 'contracted'} ${fields.amount} ${String(fields.currency ?? '')}`.trim();
  return null;
}

type DecisionRow = Awaited<ReturnType<typeof dashboardRepository.decisions>>[number];

/** Audit entries of decisions as the timeline shows them, each opening its task or project. */
function presentDecisions(rows: DecisionRow[], stageName: Map<string, string>): Dashboard['changes'] {
  return rows.flatMap((d) => {
    const kind = decisionKind(d.entity, d.action);
    const title = d.taskTitle ?? d.projectName;
    if (!kind || !title || !d.scopeId) return [];
    const drill: Drill = d.scopeType === 'task' ? { to: 'task', id: d.scopeId } : { to: 'project', id: d.scopeId };
    return [{ at: d.at.toISOString(), kind, title, detail: decisionDetail(kind, d.after, stageName), drill }];
  });
}

export interface DashboardDeps {
  cooperations: CooperationService;
  tasks: TaskService;
  projects: ProjectService;
  signingEvents: SigningEventService;
  indicators: IndicatorService;
  today(): string;
}

/**
 * A cooperation at a glance (the leader's two minutes): every figure is computed by the module that owns its rule
 * (the ledger's counts, the project counting rule, the signing-event rates, the indicator status rule), under the
 * reader's visibility, and names the drill-down that lists the rows behind it.
 */
export function createDashboardService(db: Db, deps: DashboardDeps) {
  return {
    async get(actor: Actor | null, cooperationId: string, query: { side: string }): Promise<Dashboard> {
      const cooperation = await deps.cooperations.load(actor, cooperationId);
      const today = deps.today();
      const scope = rowScope(actor, cooperationId);
      const partyRows = await cooperationRepository.partiesOf(db, cooperationId);
      const parties = partyRows.map((p) => ({ id: p.id, name: p.name }));
      const sideId = query.side === 'all' ? null : query.side;
      const side = sideId ? parties.find((p) => p.id === sideId) : null;
      if (sideId && !side) throw notFound('party', sideId);
      const sideFilter: LedgerFilter = sideId ? { side: sideId } : {};
      const count = async (filter: LedgerFilter) => ({ count: (await deps.tasks.ledger(actor, cooperationId, ledgerQueryOf(filter))).total, drill: ledger(filter) });
      const listed = async (filter: LedgerFilter) => {
        const page = await deps.tasks.ledger(actor, cooperationId, ledgerQueryOf(filter, LISTED));
        return {
          count: page.total,
          drill: ledger(filter),
          items: page.items.map((t) => ({
            id: t.id,
            title: t.title,
            status: t.status,
            dueOn: t.dueOn,
            leads: t.sides.flatMap((s) => (s.lead ? [{ partyName: s.partyName, organizationName: s.lead.name }] : [])),
          })),
        };
      };
      const byStatusOf = (counts: Record<TaskStatus, number>, filter: LedgerFilter) =>
        TASK_STATUSES.map((status) => ({ status, count: counts[status], drill: ledger({ ...filter, status: [status] }) }));

      const dueSoonFilter: LedgerFilter = { ...sideFilter, status: [...OPEN_STATUSES], dueFrom: today, dueTo: addDays(today, cooperation.dueSoonDays) };
      const year = Number(today.slice(0, 4));
      const hostFilter = sideId ? { hostPartyId: sideId } : {};
      const period = await supervisionRepository.chasedPeriod(db, cooperationId, today);

      const [
        all,
        sides,
        done,
        overdue,
        dueSoon,
        spans,
        notices,
        clauseRows,
        perClause,
        reports,
        unreported,
        cumulative,
        thisYear,
        byStage,
        byIndustry,
        stages,
        events,
        indicators,
        decisions,
      ] = await Promise.all([
        deps.tasks.ledger(actor, cooperationId, ledgerQueryOf(sideFilter)),
        Promise.all(parties.map(async (p) => ({ party: p, page: await deps.tasks.ledger(actor, cooperationId, ledgerQueryOf({ side: p.id })) }))),
        count({ ...sideFilter, status: ['done'] }),
        listed({ ...sideFilter, overdue: true }),
        listed(dueSoonFilter),
        dashboardRepository.taskSpans(db, cooperationId, scope, sideId),
        dashboardRepository.noticeCounts(db, cooperationId, scope, sideId, today),
        dashboardRepository.clauseTree(db, cooperationId, scope),
        dashboardRepository.tasksPerClause(db, cooperationId, scope, sideId),
        period ? dashboardRepository.reportsOfPeriod(db, cooperationId, scope, sideId, period.id) : Promise.resolve([]),
        period ? supervisionRepository.unreported(db, cooperationId, scope, sideId ?? undefined, period) : Promise.resolve([]),
        deps.projects.totals(actor, cooperationId, hostFilter, {}, null),
        deps.projects.totals(actor, cooperationId, hostFilter, { from: `${year}-01-01`, to: today }, null),
        deps.projects.totals(actor, cooperationId, hostFilter, {}, 'stage'),
        deps.projects.totals(actor, cooperationId, hostFilter, {}, 'industry'),
        deps.projects.stagesOf(db, cooperationId),
        deps.signingEvents.list(actor, cooperationId),
        deps.indicators.list(actor, cooperationId),
        dashboardRepository.decisions(db, cooperationId, auditReader(actor, cooperationId), scope, DECISIONS),
      ]);

      const notCancelled = all.total - all.countsByStatus.cancelled;
      const elapsed = spans.map((s) => elapsedShare(s.startOn, s.dueOn, today));
      const supervision: Drill = { to: 'supervision', filter: sideId ? { partyId: sideId } : {} };

      const clauseCounts = (clauseId: string) => {
        const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
        for (const row of perClause) if (row.clauseId === clauseId) counts[row.status] += row.n;
        return counts;
      };
      const areas = clauseRows
        .filter((c) => c.level === 'area')
        .map((area) => ({
          clauseId: area.id,
          agreementTitle: area.agreementTitle,
          label: area.label,
          title: area.title,
          directions: clauseRows
            .filter((d) => d.level === 'direction' && d.parentId === area.id)
            .map((d) => {
              const counts = clauseCounts(d.id);
              const filter = { ...sideFilter, clauseId: d.id };
              return {
                clauseId: d.id,
                label: d.label,
                title: d.title,
                tasks: { count: Object.values(counts).reduce((n, c) => n + c, 0), drill: ledger(filter) },
                byStatus: byStatusOf(counts, filter),
              };
            }),
        }));
      const directions = areas.flatMap((a) => a.directions);

      const units = new Map<string, Dashboard['reporting']['units'][number]>();
      const unitOf = (row: { organizationId: string; organizationName: string; partyId: string; partyName: string }) => {
        const key = `${row.partyId}/${row.organizationId}`;
        let unit = units.get(key);
        if (!unit) {
          unit = { ...row, submitted: 0, approved: 0, returned: 0, missing: 0, drill: { to: 'supervision', filter: { partyId: row.partyId } } };
          units.set(key, unit);
        }
        return unit;
      };
      for (const row of reports) {
        const unit = unitOf(row);
        if (row.status === 'submitted' || row.status === 'approved' || row.status === 'returned') unit[row.status] += row.n;
      }
      for (const row of unreported) unitOf(row).missing += 1;
      const unitList = [...units.values()].sort((a, b) => b.missing + b.returned - (a.missing + a.returned) || a.partyName.localeCompare(b.partyName) || a.organizationName.localeCompare(b.organizationName, 'zh-CN'));
      const sum = (key: 'submitted' | 'approved' | 'returned' | 'missing') => unitList.reduce((n, u) => n + u[key], 0);

      const figures = (group: TotalsGroup | undefined) => ({ projects: group?.projects ?? 0, signed: group?.signed ?? 0, contracted: group?.contracted ?? [], inPlace: group?.inPlace ?? [] });
      const stageName = new Map(stages.map((s) => [s.code, s.name]));

      const targets = indicators.items.map((indicator) => {
        const upcoming = upcomingTargets(indicator.targets, year);
        return {
          indicatorId: indicator.id,
          name: indicator.name,
          unit: indicator.unit,
          drill: { to: 'indicator' as const, id: indicator.id },
          years: upcoming.slice(0, 2).map((t) => ({ year: t.year, target: t.value, comparator: t.comparator, actual: t.actual, expected: t.expected, status: t.status })),
        };
      });

      const changes = presentDecisions(decisions, stageName);

      return {
        cooperation: { id: cooperation.id, name: cooperation.name },
        asOf: today,
        side: side ?? null,
        parties,
        dueSoonDays: cooperation.dueSoonDays,
        tasks: {
          total: { count: all.total, drill: ledger(sideFilter) },
          byStatus: byStatusOf(all.countsByStatus, sideFilter),
          bySide: sides.map(({ party, page }) => ({
            partyId: party.id,
            partyName: party.name,
            total: { count: page.total, drill: ledger({ side: party.id }) },
            byStatus: byStatusOf(page.countsByStatus, { side: party.id }),
          })),
          done,
          doneShare: share(done.count, notCancelled),
          elapsedShare: elapsed.length ? elapsed.reduce((n, e) => n + e, 0) / elapsed.length : null,
          overdue,
          dueSoon,
        },
        notices: {
          issued: { count: notices.issued, drill: supervision },
          signed: { count: notices.signed, drill: supervision },
          overdue: { count: notices.overdue, drill: supervision },
        },
        coverage: { areas, directions: directions.length, gaps: directions.filter((d) => d.tasks.count === 0).length },
        reporting: {
          period: period ? { id: period.id, label: period.label, dueOn: period.dueOn } : null,
          units: unitList,
          totals: { submitted: sum('submitted'), approved: sum('approved'), returned: sum('returned'), missing: sum('missing') },
        },
        money: {
          cumulative: { ...figures(cumulative.groups[0]), drill: { to: 'projects', filter: hostFilter } },
          thisYear: { ...figures(thisYear.groups[0]), year, drill: { to: 'projects', filter: { ...hostFilter, year } } },
          byStage: stages.map((s) => ({ ...figures(byStage.groups.find((g) => g.key === s.code)), stage: s.code, name: stageName.get(s.code) ?? s.code, kind: s.kind, drill: { to: 'projects', filter: { ...hostFilter, stage: s.code } } })),
          byIndustry: byIndustry.groups.map((g) => ({ ...figures(g), industryCode: g.key, drill: { to: 'projects', filter: g.key ? { ...hostFilter, industryCode: g.key } : hostFilter } })),
          signingEvents: [...events.items]
            .sort((a, b) => b.heldOn.localeCompare(a.heldOn))
            .slice(0, SIGNING_EVENTS)
            .map((e) => ({ id: e.id, name: e.name, heldOn: e.heldOn, figures: e.figures, drill: { to: 'signingEvent', id: e.id } })),
        },
        targets,
        changes,
      };
    },

    /** The decisions recorded from `from` up to `to` (instants), newest first, at most `limit`: what moved in a period. */
    async changesBetween(actor: Actor | null, cooperationId: string, between: { from: Date; to: Date }, limit: number): Promise<Dashboard['changes']> {
      await deps.cooperations.load(actor, cooperationId);
      const [rows, stages] = await Promise.all([
        dashboardRepository.decisions(db, cooperationId, auditReader(actor, cooperationId), rowScope(actor, cooperationId), limit, between),
        deps.projects.stagesOf(db, cooperationId),
      ]);
      return presentDecisions(rows, new Map(stages.map((s) => [s.code, s.name])));
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
