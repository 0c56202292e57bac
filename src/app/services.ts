import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import type { Actor } from '../modules/access/actor.ts';
import { createBackgroundJobs } from './background-jobs.ts';
import { createJobQueue } from '../jobs/job-queue.ts';
import { createAgreementService } from '../modules/agreement/agreement.service.ts';
import { createAttachmentService } from '../modules/attachment/attachment.service.ts';
import { createConfiguredAttachmentStore } from '../modules/attachment/configured-attachment-store.ts';
import { createApiTokenService } from '../modules/api-token/api-token.service.ts';
import { createPortalService } from '../modules/portal/portal.service.ts';
import { createAuditService } from '../modules/audit/audit.service.ts';
import { createAuthService } from '../modules/auth/auth.service.ts';
import { createClauseService } from '../modules/clause/clause.service.ts';
import { createCommentService } from '../modules/comment/comment.service.ts';
import { createIngestService } from '../modules/ingest/ingest.service.ts';
import { createIndicatorService } from '../modules/indicator/indicator.service.ts';
import { createNotificationService } from '../modules/notification/notification.service.ts';
import { createProjectService } from '../modules/project/project.service.ts';
import { createProjectFigures } from '../modules/project/project-figures.service.ts';
import { createSigningEventService } from '../modules/signing-event/signing-event.service.ts';
import { createCrossSideTransactionService } from '../modules/cross-side-transaction/cross-side-transaction.service.ts';
import { WEB_DIST } from './web-dist.ts';
import { createDocumentService } from '../modules/document/document.service.ts';
import { createBriefingService } from '../modules/briefing/briefing.service.ts';
import { createDashboardService } from '../modules/dashboard/dashboard.service.ts';
import { createOverviewService } from '../modules/overview/overview.service.ts';
import { createCooperationService } from '../modules/cooperation/cooperation.service.ts';
import { createOrganizationService } from '../modules/organization/organization.service.ts';
import { createPeriodService } from '../modules/period/period.service.ts';
import { createMilestoneService } from '../modules/milestone/milestone.service.ts';
import { createRegionService } from '../modules/region/region.service.ts';
import { createReportService } from '../modules/report/report.service.ts';
import { businessToday } from '../modules/task/business-date.ts';
import { createTaskClosureService } from '../modules/task/task-closure.service.ts';
import { createTaskNotifications } from '../modules/task/task-notifications.ts';
import { createTaskService } from '../modules/task/task.service.ts';
import { createSupervisionService } from '../modules/supervision/supervision.service.ts';
import { createUserService } from '../modules/user/user.service.ts';
import { createLedgerExchangeService } from '../modules/ledger-exchange/ledger-exchange.service.ts';

/** Every service, wired once; routes, the CLI and tests all take them from here. */
/** `clock` stands in for the time where rules depend on it (login throttling); tests move it. */
export function createServices(database: Database, config: Config, options: { clock?: () => Date } = {}) {
  const { db } = database;
  const cooperation = createCooperationService(db);
  const agreement = createAgreementService(db, cooperation);
  const clause = createClauseService(db, agreement);
  const today = () => businessToday(config.timeZone);
  const period = createPeriodService(db, cooperation, today);
  const jobs = createJobQueue(db);
  const notification = createNotificationService(db, { jobs, config });
  const indicator = createIndicatorService(db, cooperation, { today, notifier: notification });
  // Formula indicators follow every change to the projects, money and trade they are computed from.
  const figuresChanged = (tx: Db, actor: Actor, cooperationId: string, since?: string) => indicator.recomputeFormulas(tx, actor, cooperationId, since);
  const project = createProjectService(db, cooperation, today, { figuresChanged });
  const background = createBackgroundJobs(db, { jobs, notification, config, projects: project, indicators: indicator });
  const taskNotifications = createTaskNotifications(notification);
  const attachmentStore = createConfiguredAttachmentStore(config.uploads);
  const task = createTaskService(db, cooperation, { today, notifications: taskNotifications, removeStoredFile: (key) => attachmentStore.remove(key) });
  const taskClosure = createTaskClosureService(db, { tasks: task, notifications: taskNotifications });
  const signingEvent = createSigningEventService(db, { cooperations: cooperation, projects: project });
  const dashboard = createDashboardService(db, { cooperations: cooperation, tasks: task, projects: project, signingEvents: signingEvent, indicators: indicator, today });
  const supervision = createSupervisionService(db, { cooperations: cooperation, tasks: task, notifications: taskNotifications, today });
  const briefing = createBriefingService(db, { cooperations: cooperation, dashboard, supervision, today, timeZone: config.timeZone, pdf: { chromiumPath: config.documents.chromiumPath, webDist: WEB_DIST } });
  const report = createReportService(db, { tasks: task, indicators: indicator, timeZone: config.timeZone, notifier: notification, proposeTaskClosing: (tx, actor, closing) => taskClosure.proposeIn(tx, actor, closing) });
  return {
    database,
    config,
    auth: createAuthService(db, config.session, { notifications: notification, ...(options.clock ? { clock: options.clock } : {}) }),
    apiToken: createApiTokenService(db, cooperation),
    portal: createPortalService(db),
    user: createUserService(db, { cooperations: cooperation }),
    region: createRegionService(db),
    organization: createOrganizationService(db, { cooperations: cooperation }),
    cooperation,
    agreement,
    clause,
    project,
    projectFigures: createProjectFigures(db),
    signingEvent,
    dashboard,
    briefing,
    document: createDocumentService(db, { briefing, supervision, today }),
    overview: createOverviewService(db, { indicators: indicator, today }),
    crossSideTransaction: createCrossSideTransactionService(db, { cooperations: cooperation, today, figuresChanged }),
    indicator,
    ingest: createIngestService(db, { cooperation, agreement, clause, project, indicator, period }),
    task,
    ledgerExchange: createLedgerExchangeService(db, { tasks: task }),
    taskClosure,
    milestone: createMilestoneService(db, { tasks: task, closure: taskClosure }),
    supervision,
    period,
    report,
    attachment: createAttachmentService(db, { store: attachmentStore, maxBytes: config.uploads.maxBytes, reports: report, tasks: task }),
    comment: createCommentService(db, { cooperations: cooperation, tasks: task, reports: report, notifier: notification }),
    jobs,
    notification,
    reminders: background.reminders,
    audit: createAuditService(db, cooperation),
    worker: background.worker,
  };
}

export type Services = ReturnType<typeof createServices>;
