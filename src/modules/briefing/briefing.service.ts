import { notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { authorId, type Actor } from '../access/actor.ts';
import { assertTokenMayWrite, canManageCooperation, cooperationWideAudit, rowScope } from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import type { DashboardService } from '../dashboard/dashboard.service.ts';
import { periodRepository, type PeriodRow } from '../period/period.repository.ts';
import { presentPeriod } from '../period/period.service.ts';
import type { SupervisionService } from '../supervision/supervision.service.ts';
import { addDays, startOfBusinessDay } from '../task/business-date.ts';
import { renderBriefingPdf } from './briefing-pdf.ts';
import { briefingRepository } from './briefing.repository.ts';
import type { Briefing, BriefingNote } from './briefing.schemas.ts';

const NOTE = 'briefing_note';
/** What moved in a period: the latest decisions, as many as a two-minute read takes in. */
const MOVED = 12;

export interface BriefingDeps {
  cooperations: CooperationService;
  dashboard: DashboardService;
  supervision: SupervisionService;
  today(): string;
  timeZone: string;
  /** What prints the PDF: Chromium, and the built web app whose print view it loads. */
  pdf: { chromiumPath: string; webDist: string };
}

export type DocumentLocale = 'zh-CN' | 'en';

/** The PDF's running header and page label, in the reader's language. */
const PDF_WORDS: Record<DocumentLocale, { header: (name: string, period: string) => string; pageLabel: string }> = {
  'zh-CN': { header: (name, period) => `${name}工作简报 ${period}`, pageLabel: '第 {page} 页 / 共 {pages} 页' },
  en: { header: (name, period) => `${name}: work briefing ${period}`, pageLabel: 'Page {page} of {pages}' },
};

const emptyNote: BriefingNote = { text: '', version: 0, updatedAt: null, updatedByName: null };

/**
 * 工作简报 of one cooperation and one period: the dashboard's figures and the 督办 view's overdue work, read under the
 * reader's visibility by the services that own them, with what was decided in the period, what still awaits a
 * side's decision, and the offices' 领导关注 paragraph.
 */
export function createBriefingService(db: Db, deps: BriefingDeps) {
  async function periodOf(cooperationId: string, periodId: string | undefined): Promise<PeriodRow | undefined> {
    if (!periodId) return periodRepository.currentOf(db, cooperationId, deps.today());
    const [row] = await briefingRepository.periodsOf(db, cooperationId, [periodId]);
    if (!row) throw notFound('period', periodId);
    return row;
  }

  const service = {
    async get(actor: Actor | null, cooperationId: string, query: { period?: string | undefined }): Promise<Briefing> {
      const dashboard = await deps.dashboard.get(actor, cooperationId, { side: 'all' });
      const period = await periodOf(cooperationId, query.period);
      const scope = rowScope(actor, cooperationId);
      const moved = period
        ? deps.dashboard.changesBetween(
            actor,
            cooperationId,
            { from: startOfBusinessDay(period.startsOn, deps.timeZone), to: startOfBusinessDay(addDays(period.endsOn, 1), deps.timeZone) },
            MOVED,
          )
        : Promise.resolve([]);
      const [changes, supervision, periods, partyRows, reports, closings, note] = await Promise.all([
        moved,
        deps.supervision.overview(actor, cooperationId, { withinDays: 0 }),
        periodRepository.listByCooperation(db, cooperationId),
        cooperationRepository.partiesOf(db, cooperationId),
        briefingRepository.reportsAwaiting(db, cooperationId, scope),
        briefingRepository.closingsAwaiting(db, cooperationId, scope),
        period ? briefingRepository.note(db, period.id) : Promise.resolve(undefined),
      ]);
      const partyName = new Map(partyRows.map((p) => [p.id, p.name]));
      const sidesOf = (ids: string[]) => ids.flatMap((id) => (partyName.has(id) ? [{ id, name: partyName.get(id) ?? '' }] : []));
      const tasks = dashboard.tasks;
      const count = (status: (typeof tasks.byStatus)[number]['status']) => tasks.byStatus.find((s) => s.status === status)?.count ?? 0;
      const targetYears = dashboard.targets.flatMap((t) => t.years.slice(0, 1));

      return {
        cooperation: dashboard.cooperation,
        asOf: dashboard.asOf,
        period: period ? presentPeriod(period) : null,
        periods: periods.map((p) => ({ id: p.id, label: p.label, startsOn: p.startsOn, endsOn: p.endsOn })),
        parties: dashboard.parties,
        headline: {
          tasks: tasks.total.count,
          done: tasks.done.count,
          open: count('not_started') + count('in_progress') + count('blocked'),
          overdue: tasks.overdue.count,
          doneShare: tasks.doneShare,
          elapsedShare: tasks.elapsedShare,
          contracted: dashboard.money.cumulative.contracted,
          inPlace: dashboard.money.cumulative.inPlace,
          projects: dashboard.money.cumulative.projects,
          targetsOnTrack: targetYears.filter((y) => y.status === 'on_track' || y.status === 'met').length,
          targetsTotal: targetYears.length,
        },
        moved: changes,
        late: supervision.units.flatMap((unit) => {
          const overdue = unit.tasks.filter((t) => t.reasons.includes('overdue'));
          if (!overdue.length) return [];
          return [
            {
              organizationName: unit.organizationName,
              partyName: unit.partyName,
              tasks: overdue.map((t) => ({ id: t.id, title: t.title, dueOn: t.dueOn, daysOverdue: t.daysOverdue, notice: t.notice?.number ?? null })),
            },
          ];
        }),
        notices: { issued: dashboard.notices.issued.count, signed: dashboard.notices.signed.count, overdue: dashboard.notices.overdue.count },
        reporting: dashboard.reporting,
        money: { cumulative: dashboard.money.cumulative, thisYear: dashboard.money.thisYear, byStage: dashboard.money.byStage },
        coverage: dashboard.coverage.areas.map((area) => ({
          clauseId: area.clauseId,
          label: area.label,
          title: area.title,
          directions: area.directions.length,
          tasks: area.directions.reduce((n, d) => n + d.tasks.count, 0),
          done: area.directions.reduce((n, d) => n + (d.byStatus.find((s) => s.status === 'done')?.count ?? 0), 0),
          gaps: area.directions.filter((d) => d.tasks.count === 0).length,
        })),
        targets: dashboard.targets,
        decisions: [
          ...reports.map((r) => ({ kind: 'report' as const, taskId: r.taskId, taskTitle: r.taskTitle, organizationName: r.organizationName, periodLabel: r.periodLabel, since: r.since, awaitingSides: sidesOf(r.awaiting) })),
          ...closings.map((c) => ({ kind: 'closing' as const, taskId: c.taskId, taskTitle: c.taskTitle, organizationName: null, periodLabel: null, since: c.since, awaitingSides: sidesOf(c.awaiting) })),
        ].filter((d) => d.awaitingSides.length > 0),
        note: period ? (note ? { text: note.note.text, version: note.note.version, updatedAt: note.note.updatedAt.toISOString(), updatedByName: note.updatedByName } : emptyNote) : null,
        can: { editNote: period !== undefined && canManageCooperation(actor, cooperationId) },
      };
    },

    /** The briefing the reader would get as JSON, printed to an A4 PDF; the file name says what and when. */
    async pdf(actor: Actor | null, cooperationId: string, query: { period?: string | undefined; lang: DocumentLocale }) {
      const briefing = await service.get(actor, cooperationId, query);
      const words = PDF_WORDS[query.lang];
      const body = await renderBriefingPdf(briefing, { ...deps.pdf, locale: query.lang, header: words.header(briefing.cooperation.name, briefing.period?.label ?? ''), pageLabel: words.pageLabel });
      return { body, fileName: `${briefing.cooperation.name}工作简报${briefing.period?.label ?? briefing.asOf}.pdf` };
    },

    /** Writes the period's 领导关注 paragraph (cooperation offices only); a stale version is refused with 409. */
    async saveNote(actor: Actor, cooperationId: string, input: { period: string; text: string; version: number }): Promise<BriefingNote> {
      assertTokenMayWrite(actor);
      const row = await writeTransaction(db, NOTE, async (tx) => {
        await deps.cooperations.loadForManagement(tx, actor, cooperationId);
        const [period] = await briefingRepository.periodsOf(tx, cooperationId, [input.period]);
        if (!period) throw notFound('period', input.period);
        const before = await briefingRepository.noteForUpdate(tx, period.id);
        const values = { text: input.text, updatedBy: authorId(actor) };
        if (!before) {
          if (input.version !== 0) throw staleVersion(NOTE, 0);
          const created = await briefingRepository.insertNote(tx, { cooperationId, periodId: period.id, ...values });
          if (!created) throw staleVersion(NOTE);
          await audit(tx, actor, { cooperationId, action: 'create', entity: NOTE, entityId: created.id, after: created, scope: cooperationWideAudit });
          return created;
        }
        if (before.version !== input.version) throw staleVersion(NOTE, before.version);
        const after = await briefingRepository.updateNote(tx, before.id, input.version, values);
        if (!after) throw staleVersion(NOTE, before.version);
        await audit(tx, actor, { cooperationId, action: 'update', entity: NOTE, entityId: after.id, before, after, scope: cooperationWideAudit });
        return after;
      });
      const saved = await briefingRepository.note(db, row.periodId);
      if (!saved) throw new Error('the saved briefing note is not there');
      return { text: saved.note.text, version: saved.note.version, updatedAt: saved.note.updatedAt.toISOString(), updatedByName: saved.updatedByName };
    },
  };
  return service;
}

export type BriefingService = ReturnType<typeof createBriefingService>;
