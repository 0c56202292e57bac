import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { IndicatorService } from '../modules/indicator/indicator.service.ts';
import type { NotificationService } from '../modules/notification/notification.service.ts';
import type { ProjectService } from '../modules/project/project.service.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { createJobWorker, type JobWorkerOptions } from '../jobs/job-worker.ts';
import { notificationDeliveryJobs } from '../modules/notification/notification-delivery.jobs.ts';
import { createReminderSweep } from '../modules/reminder/reminder-sweep.ts';

/** Every kind of background work and the worker that runs it; the server starts the worker, tests and the CLI drive it by hand. */
export function createBackgroundJobs(
  db: Db,
  deps: { jobs: JobQueue; notification: NotificationService; config: Config; projects: ProjectService; indicators: IndicatorService },
  options: JobWorkerOptions = {},
) {
  const reminders = createReminderSweep(db, deps);
  const delivery = notificationDeliveryJobs(deps.config);
  const worker = createJobWorker(db, [...delivery.definitions, ...reminders.definitions], {
    onTick: (now) => reminders.schedule(now),
    ...options,
  });
  return {
    reminders,
    worker: {
      ...worker,
      async stop(): Promise<void> {
        await worker.stop();
        delivery.close();
      },
    },
  };
}
