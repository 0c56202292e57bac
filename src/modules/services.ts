import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { createBackgroundJobs } from '../jobs/background-jobs.ts';
import { createJobQueue } from '../jobs/job-queue.ts';
import { createAgreementService } from './agreement/agreement.service.ts';
import { createLocalAttachmentStore } from './attachment/attachment-store.ts';
import { createAttachmentService } from './attachment/attachment.service.ts';
import { createS3AttachmentStore } from './attachment/s3-attachment-store.ts';
import { createApiTokenService } from './api-token/api-token.service.ts';
import { createPortalService } from './portal/portal.service.ts';
import { createAuditService } from './audit/audit.service.ts';
import { createAuthService } from './auth/auth.service.ts';
import { createClauseService } from './clause/clause.service.ts';
import { createCommentService } from './comment/comment.service.ts';
import { createIngestService } from './ingest/ingest.service.ts';
import { createIndicatorService } from './indicator/indicator.service.ts';
import { createNotificationService } from './notification/notification.service.ts';
import { createProjectService } from './project/project.service.ts';
import { createProjectFigures } from './project/project-figures.service.ts';
import { createSigningEventService } from './signing-event/signing-event.service.ts';
import { createCrossSideTransactionService } from './cross-side-transaction/cross-side-transaction.service.ts';
import { createCooperationService } from './cooperation/cooperation.service.ts';
import { createOrganizationService } from './organization/organization.service.ts';
import { createPeriodService } from './period/period.service.ts';
import { createMilestoneService } from './milestone/milestone.service.ts';
import { createRegionService } from './region/region.service.ts';
import { createReportService } from './report/report.service.ts';
import { businessToday } from './task/business-date.ts';
import { createTaskClosureService } from './task/task-closure.service.ts';
import { createTaskNotifications } from './task/task-notifications.ts';
import { createTaskService } from './task/task.service.ts';
import { createSupervisionService } from './supervision/supervision.service.ts';
import { createUserService } from './user/user.service.ts';

/** Every service, wired once; routes, the CLI and tests all take them from here. */
/** `clock` stands in for the time where rules depend on it (login throttling); tests move it. */
export function createServices(database: Database, config: Config, options: { clock?: () => Date } = {}) {
  const { db } = database;
  const cooperation = createCooperationService(db);
  const agreement = createAgreementService(db, cooperation);
  const clause = createClauseService(db, agreement);
  const indicator = createIndicatorService(db, cooperation);
  const today = () => businessToday(config.timeZone);
  const project = createProjectService(db, cooperation, today);
  const period = createPeriodService(db, cooperation, today);
  const jobs = createJobQueue(db);
  const notification = createNotificationService(db, { jobs, config });
  const background = createBackgroundJobs(db, { jobs, notification, config });
  const taskNotifications = createTaskNotifications(notification);
  const attachmentStore = config.uploads.s3 ? createS3AttachmentStore(config.uploads.s3) : createLocalAttachmentStore(config.uploads.dir);
  const task = createTaskService(db, cooperation, { today, notifications: taskNotifications, removeStoredFile: (key) => attachmentStore.remove(key) });
  const taskClosure = createTaskClosureService(db, { tasks: task, notifications: taskNotifications });
  const report = createReportService(db, { tasks: task, timeZone: config.timeZone, notifier: notification, proposeTaskClosing: (tx, actor, closing) => taskClosure.proposeIn(tx, actor, closing) });
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
    signingEvent: createSigningEventService(db, { cooperations: cooperation, projects: project }),
    crossSideTransaction: createCrossSideTransactionService(db, { cooperations: cooperation, today }),
    indicator,
    ingest: createIngestService(db, { cooperation, agreement, clause, project, indicator, period }),
    task,
    taskClosure,
    milestone: createMilestoneService(db, { tasks: task, closure: taskClosure }),
    supervision: createSupervisionService(db, { cooperations: cooperation, tasks: task, notifications: taskNotifications, today }),
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
