import { request } from './client.ts';

/** Shapes and calls of the notification inbox and the audit trail; src/modules/notification and audit are the source of truth. */

export interface Notification {
  id: string;
  cooperationId: string | null;
  kind: string;
  title: string;
  body: string;
  /** A path inside the web app, such as /tasks/:id. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage {
  items: Notification[];
  total: number;
  unreadCount: number;
  page: number;
  pageSize: number;
}

/** Channels a user is told through; robot webhooks are group-robot addresses of WeCom and DingTalk. */
export interface NotificationPreferences {
  inApp: boolean;
  email: boolean;
  wecomWebhook: string | null;
  dingtalkWebhook: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  /** null: written by the system (seeding, background jobs). */
  actorUsername: string | null;
  actorName: string | null;
  /** What the entry is about, in words: the title or name the row had. */
  subject: string | null;
  cooperationId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export const notificationsApi = {
  list: (query: { unread?: boolean; page?: number; pageSize?: number }) =>
    request<NotificationPage>('GET', '/notifications', undefined, { ...query, unread: query.unread ? 'true' : undefined }),
  unreadCount: () => request<{ unreadCount: number }>('GET', '/notifications/unread-count'),
  markRead: (notificationId: string) => request<unknown>('POST', `/notifications/${encodeURIComponent(notificationId)}/read`),
  markTaskRead: (taskId: string) => request<{ marked: number }>('POST', `/tasks/${encodeURIComponent(taskId)}/notifications/read`),
  markAllRead: () => request<{ marked: number }>('POST', '/notifications/read-all'),
  preferences: () => request<NotificationPreferences>('GET', '/me/notification-preferences'),
  savePreferences: (preferences: NotificationPreferences) =>
    request<NotificationPreferences>('PUT', '/me/notification-preferences', preferences),
  audit: (cooperationId: string, query: { entity?: string | undefined; actorId?: string | undefined; from?: string | undefined; to?: string | undefined; page?: number; pageSize?: number }) =>
    request<AuditPage>('GET', `/cooperations/${encodeURIComponent(cooperationId)}/audit`, undefined, query),
  /** The whole platform's trail: accounts, regions and every cooperation's entries (administrators). */
  platformAudit: (query: { entity?: string | undefined; actorId?: string | undefined; from?: string | undefined; to?: string | undefined; page?: number; pageSize?: number }) =>
    request<AuditPage>('GET', '/audit', undefined, query),
};
