import { z } from 'zod';
import type { Config } from '../../config.ts';
import { createMailer, DELIVERY_QUEUES, postWebhook, type Mailer } from './notification-channels.ts';
import { robotAddressPolicy } from './robot-address.ts';
import { defineJob, type JobDefinition } from '../../jobs/job-definition.ts';

const webhookPayload = z.object({ url: z.url({ protocol: /^https?$/ }), body: z.record(z.string(), z.unknown()) });

/**
 * Sending what `notify` queued: one mail per address, one robot message per
 * group. A failure throws, and the queue retries with backoff.
 */
export function notificationDeliveryJobs(config: Config): { definitions: JobDefinition[]; close(): void } {
  const { mail } = config;
  const robots = robotAddressPolicy(config.notifications.robotAllowedNetworks);
  let mailer: Mailer | null = null;
  const mailerFor = (smtpUrl: string) => (mailer ??= createMailer(smtpUrl, mail.from));

  const definitions = [
    defineJob({
      queue: DELIVERY_QUEUES.email,
      payload: z.object({ to: z.string().min(3), subject: z.string(), text: z.string() }),
      async handle(payload) {
        if (!mail.smtpUrl) throw new Error('LIANDONG_SMTP_URL is not set; the mail stays queued until it is');
        await mailerFor(mail.smtpUrl).send(payload);
      },
    }),
    defineJob({
      queue: DELIVERY_QUEUES.wecom,
      payload: webhookPayload,
      handle: (payload) => postWebhook(payload.url, payload.body, robots),
    }),
    defineJob({
      queue: DELIVERY_QUEUES.dingtalk,
      payload: webhookPayload,
      handle: (payload) => postWebhook(payload.url, payload.body, robots),
    }),
  ];
  return {
    definitions,
    close() {
      mailer?.close();
      mailer = null;
    },
  };
}
