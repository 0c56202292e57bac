import { badRequest, notFound } from '../../app-error.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import type { Actor, MembershipRole } from '../access/actor.ts';
import { assertNotApiToken, assertTokenMayWrite, canReadRow, canReadSubject, personalScope } from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import { DELIVERY_QUEUES, dingtalkPayload, mailText, wecomPayload, type OutgoingMessage } from './notification-channels.ts';
import { robotAddressPolicy, RobotAddressRefused } from './robot-address.ts';
import { notificationRepository, type NotificationRow, type PreferenceRow, type RecipientCandidate } from './notification.repository.ts';

/** What a notification is about; recipients who may not see it are dropped. Without one, only members are told. */
interface NotificationSubject {
  type: string;
  id: string;
  visibility: string;
  /** The owning side of a 'side' row. */
  partyId?: string | null | undefined;
}

export interface NotifyRequest {
  cooperationId: string;
  /** Named users … */
  userIds?: string[] | undefined;
  /** … and/or everyone with one of these roles in the cooperation, on one side when partyId is given. */
  toRoles?: { partyId?: string | undefined; roles: MembershipRole[] } | undefined;
  /** Usually the actor who caused the notification: nobody needs to hear about their own action. */
  exceptUserIds?: string[] | undefined;
  /** Stable dotted kind the UI may branch on: `task.assigned`, `task.due_soon`, `report.returned`. */
  kind: string;
  title: string;
  body: string;
  /** Path inside the app, e.g. `/tasks/<id>`; mails and robots get the absolute URL. */
  link?: string | null | undefined;
  subject?: NotificationSubject | undefined;
}

export interface NotifyResult {
  /** Users who were told (in the app and/or through their channels). */
  recipients: string[];
  /** Users dropped because they may not see the subject or the cooperation. */
  withheld: string[];
}

export interface PreferencesInput {
  inApp: boolean;
  email: boolean;
  wecomWebhook: string | null;
  dingtalkWebhook: string | null;
}

const DEFAULT_PREFERENCES: PreferencesInput = { inApp: true, email: false, wecomWebhook: null, dingtalkWebhook: null };

const actorOf = (c: RecipientCandidate): Actor => ({
  userId: c.userId,
  username: c.username,
  isAdmin: c.isAdmin,
  organizationId: c.organizationId,
  memberships: c.memberships,
});

const presentNotification = (row: NotificationRow) => ({
  id: row.id,
  cooperationId: row.cooperationId,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

const presentPreferences = (row: PreferenceRow | undefined): PreferencesInput =>
  row ? { inApp: row.inApp, email: row.email, wecomWebhook: row.wecomWebhook, dingtalkWebhook: row.dingtalkWebhook } : DEFAULT_PREFERENCES;

export function createNotificationService(db: Db, deps: { jobs: JobQueue; config: Config; clock?: () => Date }) {
  const clock = deps.clock ?? (() => new Date());
  const { publicUrl } = deps.config.notifications;
  const mailEnabled = !!deps.config.mail.smtpUrl;
  const robots = robotAddressPolicy(deps.config.notifications.robotAllowedNetworks);

  /** Refused at save with the field named, so the form can say which address and why. */
  async function checkRobotAddress(field: string, url: string): Promise<void> {
    try {
      await robots.check(new URL(url), { unresolvedIsFine: true });
    } catch (error) {
      if (!(error instanceof RobotAddressRefused)) throw error;
      throw badRequest(`notification.webhook_${error.problem}`, error.message, [{ path: `body.${field}`, message: error.message }]);
    }
  }

  const absolute = (link: string | null | undefined): string | null => {
    if (!link) return null;
    return /^https?:\/\//.test(link) ? link : `${publicUrl}${link.startsWith('/') ? '' : '/'}${link}`;
  };

  return {
    /**
     * Tells users about something, inside the caller's transaction: in-app rows
     * now, mails and robot messages as queued jobs that run after the commit.
     * Anyone who may not see the subject (or the cooperation) is left out.
     */
    async notify(tx: Db, request: NotifyRequest): Promise<NotifyResult> {
      const cooperation = await cooperationRepository.get(tx, request.cooperationId);
      if (!cooperation) throw notFound('cooperation', request.cooperationId);
      const named = request.userIds ?? [];
      const byRole = request.toRoles
        ? await notificationRepository.memberIdsWithRoles(tx, request.cooperationId, request.toRoles.roles, request.toRoles.partyId)
        : [];
      const except = new Set(request.exceptUserIds ?? []);
      const wanted = [...new Set([...named, ...byRole])].filter((id) => !except.has(id));
      const candidates = await notificationRepository.candidates(tx, request.cooperationId, wanted);

      const allowed: RecipientCandidate[] = [];
      const withheld: string[] = [];
      for (const candidate of candidates) {
        const actor = actorOf(candidate);
        const seesCooperation = canReadRow(actor, cooperation.id, cooperation.visibility);
        // Without a subject the message is about the cooperation's shared work: for its members only.
        const seesSubject = canReadSubject(actor, cooperation.id, request.subject ?? { visibility: 'parties' });
        if (seesCooperation && seesSubject) allowed.push(candidate);
        else withheld.push(candidate.userId);
      }

      const now = clock();
      const link = request.link ?? null;
      await notificationRepository.insertMany(
        tx,
        allowed
          .filter((c) => (c.preferences ?? DEFAULT_PREFERENCES).inApp)
          .map((c) => ({ userId: c.userId, cooperationId: cooperation.id, kind: request.kind, title: request.title, body: request.body, link, createdAt: now })),
      );

      const message: OutgoingMessage = { title: request.title, body: request.body, url: absolute(link) };
      const mailTo = new Set<string>();
      const wecom = new Set<string>();
      const dingtalk = new Set<string>();
      for (const candidate of allowed) {
        const preferences = candidate.preferences ?? DEFAULT_PREFERENCES;
        if (mailEnabled && preferences.email && candidate.email) mailTo.add(candidate.email);
        // Several users may share one group robot; the group hears it once.
        if (preferences.wecomWebhook) wecom.add(preferences.wecomWebhook);
        if (preferences.dingtalkWebhook) dingtalk.add(preferences.dingtalkWebhook);
      }
      for (const to of mailTo) {
        await deps.jobs.enqueue(tx, {
          queue: DELIVERY_QUEUES.email,
          payload: { to, subject: `【联动】${message.title}`, text: mailText(message) },
        });
      }
      for (const url of wecom) await deps.jobs.enqueue(tx, { queue: DELIVERY_QUEUES.wecom, payload: { url, body: wecomPayload(message) } });
      for (const url of dingtalk) await deps.jobs.enqueue(tx, { queue: DELIVERY_QUEUES.dingtalk, payload: { url, body: dingtalkPayload(message) } });

      return { recipients: allowed.map((c) => c.userId), withheld };
    },

    /**
     * Tells users about their own account (not about a cooperation's work), in
     * the app and by mail: robots post to groups, which must not hear of one
     * person's account. Someone told of the same kind and title within
     * `quietMs` is not told again, so a guesser moving across addresses cannot
     * flood an inbox.
     */
    async notifyAccount(tx: Db, request: { userIds: string[]; kind: string; title: string; body: string; quietMs: number }): Promise<string[]> {
      const now = clock();
      const told = await notificationRepository.toldSince(tx, request.userIds, request.kind, request.title, new Date(now.getTime() - request.quietMs));
      const recipients = (await notificationRepository.accountRecipients(tx, request.userIds)).filter((c) => !told.has(c.userId));
      await notificationRepository.insertMany(
        tx,
        recipients
          .filter((c) => (c.preferences ?? DEFAULT_PREFERENCES).inApp)
          .map((c) => ({ userId: c.userId, cooperationId: null, kind: request.kind, title: request.title, body: request.body, link: null, createdAt: now })),
      );
      if (mailEnabled) {
        const text = mailText({ title: request.title, body: request.body, url: null });
        for (const c of recipients) {
          if (!(c.preferences ?? DEFAULT_PREFERENCES).email || !c.email) continue;
          await deps.jobs.enqueue(tx, { queue: DELIVERY_QUEUES.email, payload: { to: c.email, subject: `【联动】${request.title}`, text } });
        }
      }
      return recipients.map((c) => c.userId);
    },

    /** The inbox, its counts and its read marks reach, through an API token, only that token's cooperation. */
    async inbox(actor: Actor, filter: { unread: boolean; page: number; pageSize: number }) {
      const result = await notificationRepository.inbox(db, personalScope(actor), filter);
      return { ...result, items: result.items.map(presentNotification) };
    },

    async unreadCount(actor: Actor): Promise<number> {
      return notificationRepository.unreadCount(db, personalScope(actor));
    },

    /** Someone else's notification, or one out of the token's reach, is answered as missing. */
    async markRead(actor: Actor, id: string) {
      assertTokenMayWrite(actor);
      const row = await notificationRepository.markRead(db, personalScope(actor), id, clock());
      if (!row) throw notFound('notification', id);
      return presentNotification(row);
    },

    async markAllRead(actor: Actor): Promise<number> {
      assertTokenMayWrite(actor);
      return notificationRepository.markAllRead(db, personalScope(actor), clock());
    },

    /** The user opened the task: what told them about it, or about its reports, has done its job. */
    async markTaskRead(actor: Actor, taskId: string): Promise<number> {
      assertTokenMayWrite(actor);
      return notificationRepository.markTaskRead(db, personalScope(actor), taskId, clock());
    },

    /** Channels are the person's, for every cooperation, and robot addresses carry keys: not for API tokens. */
    async preferences(actor: Actor): Promise<PreferencesInput> {
      assertNotApiToken(actor, 'notification preferences');
      return presentPreferences(await notificationRepository.preferences(db, actor.userId));
    },

    async updatePreferences(actor: Actor, input: PreferencesInput): Promise<PreferencesInput> {
      assertNotApiToken(actor, 'notification preferences');
      for (const field of ['wecomWebhook', 'dingtalkWebhook'] as const) {
        const url = input[field];
        if (url) await checkRobotAddress(field, url);
      }
      return writeTransaction(db, 'notification_preferences', async (tx) => {
        const before = presentPreferences(await notificationRepository.preferences(tx, actor.userId));
        const after = presentPreferences(await notificationRepository.savePreferences(tx, { userId: actor.userId, ...input }, clock()));
        // Robot URLs carry their access key: the audit log records only whether one is set.
        const redact = (p: PreferencesInput) => ({ ...p, wecomWebhook: !!p.wecomWebhook, dingtalkWebhook: !!p.dingtalkWebhook });
        await audit(tx, actor, {
          cooperationId: null,
          action: 'update',
          entity: 'notification_preferences',
          entityId: actor.userId,
          before: redact(before),
          after: redact(after),
        });
        return after;
      });
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
