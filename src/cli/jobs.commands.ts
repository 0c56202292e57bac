import type { Command } from 'commander';
import { z } from 'zod';
import { JOB_STATUSES } from '../db/schema/platform.ts';
import { withServices } from './data.commands.ts';

const isoDay = z.iso.date();
const jobStatus = z.enum(JOB_STATUSES);

export function registerJobsCommands(program: Command): void {
  const jobs = program.command('jobs').description('the background job queue (reminders, mail and robot delivery)');

  jobs
    .command('status')
    .description('how many jobs each queue holds, by status')
    .action(async () => {
      const counts = await withServices((services) => services.jobs.counts());
      if (!counts.length) console.log('no jobs');
      for (const row of counts) console.log(`${row.queue.padEnd(24)} ${row.status.padEnd(8)} ${row.n}`);
    });

  jobs
    .command('list')
    .description('jobs, oldest first, with their last error')
    .option('--status <status>', `one of ${JOB_STATUSES.join(', ')}`)
    .option('--queue <queue>', 'e.g. notification.email')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (options: { status?: string; queue?: string; limit: string }) => {
      const status = options.status === undefined ? undefined : jobStatus.parse(options.status);
      const rows = await withServices((services) => services.jobs.list({ status, queue: options.queue, limit: z.coerce.number().int().min(1).max(10_000).parse(options.limit) }));
      for (const job of rows) {
        const error = job.lastError ? `  ${job.lastError}` : '';
        console.log(`${String(job.id).padStart(8)} ${job.queue.padEnd(24)} ${job.status.padEnd(8)} ${job.attempts}/${job.maxAttempts} run at ${job.runAt.toISOString()}${error}`);
      }
    });

  jobs
    .command('run')
    .description('run every job that is due now, then exit (when no server with a worker is running)')
    .action(async () => {
      const summary = await withServices(async (services) => {
        try {
          return await services.worker.runDue();
        } finally {
          await services.worker.stop();
        }
      });
      console.log(`jobs run: ${summary.done} done, ${summary.retried} to retry later, ${summary.failed} failed`);
    });

  jobs
    .command('retry')
    .description('give a failed job a fresh set of attempts')
    .argument('<id>', 'job id')
    .action(async (id: string) => {
      const job = await withServices((services) => services.jobs.retry(z.coerce.number().int().positive().parse(id)));
      if (!job) throw new Error(`no failed job ${id}`);
      console.log(`job ${job.id} (${job.queue}) is pending again`);
    });

  program
    .command('reminders')
    .description('task and report reminders')
    .command('run')
    .description('send the reminders and escalations due today now (idempotent: a second run the same day sends nothing new)')
    .option('--date <YYYY-MM-DD>', 'act as if today were this day (in LIANDONG_TIME_ZONE)')
    .action(async (options: { date?: string }) => {
      const { sweep, summary } = await withServices(async (services) => {
        try {
          const result = await services.reminders.sweep(options.date ? isoDay.parse(options.date) : services.reminders.today());
          return { sweep: result, summary: await services.worker.runDue() };
        } finally {
          await services.worker.stop();
        }
      });
      console.log(`reminders for ${sweep.date}: ${sweep.queued} queued, ${sweep.alreadyQueued} already sent earlier today`);
      console.log(`jobs run: ${summary.done} done, ${summary.retried} to retry later, ${summary.failed} failed`);
    });
}
