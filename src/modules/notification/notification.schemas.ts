import { z } from 'zod';
import { pageQuery } from '../../http/common.schemas.ts';

const notificationSchema = z.object({
  id: z.uuid(),
  cooperationId: z.uuid().nullable(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const inboxQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  ...pageQuery,
});

export const inboxResponse = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unreadCount: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const unreadCountResponse = z.object({ unreadCount: z.number().int() });
export const readAllResponse = z.object({ marked: z.number().int() });

/** Robot webhooks are called by the server: only plain web addresses, no file:, javascript: or the like. */
const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'an http or https URL' })
  .max(1000)
  .nullable();

export const preferencesSchema = z.object({
  inApp: z.boolean(),
  email: z.boolean(),
  wecomWebhook: webhookUrl,
  dingtalkWebhook: webhookUrl,
});
