import { and, desc, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, users } from '../../db/schema/core.ts';
import { notificationPreferences, notifications } from '../../db/schema/platform.ts';
import { progressReports } from '../../db/schema/work.ts';
import type { MembershipRole } from '../access/actor.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type PreferenceRow = typeof notificationPreferences.$inferSelect;

/** A possible recipient with what the policy needs to judge them and the channels to reach them. */
export interface RecipientCandidate {
  userId: string;
  username: string;
  email: string | null;
  isAdmin: boolean;
  organizationId: string | null;
  memberships: { cooperationId: string; partyId: string; role: MembershipRole }[];
  preferences: Pick<PreferenceRow, 'inApp' | 'email' | 'wecomWebhook' | 'dingtalkWebhook'> | null;
}

/** Whose notifications, and when `cooperationId` is set, only those of that cooperation. */
export interface InboxScope {
  userId: string;
  cooperationId: string | null;
}

const inScope = (scope: InboxScope): SQL =>
  and(eq(notifications.userId, scope.userId), scope.cooperationId ? eq(notifications.cooperationId, scope.cooperationId) : undefined) ?? sql`false`;

export const notificationRepository = {
  /** Users holding one of `roles` in the cooperation, on one side when `partyId` is given. */
  async memberIdsWithRoles(db: Db, cooperationId: string, roles: MembershipRole[], partyId?: string): Promise<string[]> {
    if (!roles.length) return [];
    const where: SQL[] = [eq(memberships.cooperationId, cooperationId), inArray(memberships.role, roles)];
    if (partyId) where.push(eq(memberships.partyId, partyId));
    const rows = await db.selectDistinct({ userId: memberships.userId }).from(memberships).where(and(...where));
    return rows.map((r) => r.userId);
  },

  /** Enabled users among `userIds`, with their memberships in this one cooperation and their channel settings. */
  async candidates(db: Db, cooperationId: string, userIds: string[]): Promise<RecipientCandidate[]> {
    if (!userIds.length) return [];
    const [userRows, membershipRows] = await Promise.all([
      db
        .select({
          userId: users.id,
          username: users.username,
          email: users.email,
          isAdmin: users.isAdmin,
          organizationId: users.organizationId,
          inApp: notificationPreferences.inApp,
          emailOn: notificationPreferences.email,
          wecomWebhook: notificationPreferences.wecomWebhook,
          dingtalkWebhook: notificationPreferences.dingtalkWebhook,
        })
        .from(users)
        .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
        .where(and(inArray(users.id, userIds), eq(users.disabled, false))),
      db
        .select({ userId: memberships.userId, cooperationId: memberships.cooperationId, partyId: memberships.partyId, role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.cooperationId, cooperationId), inArray(memberships.userId, userIds))),
    ]);
    return userRows.map((u) => ({
      userId: u.userId,
      username: u.username,
      email: u.email,
      isAdmin: u.isAdmin,
      organizationId: u.organizationId,
      memberships: membershipRows.filter((m) => m.userId === u.userId).map(({ userId: _userId, ...m }) => m),
      preferences:
        u.inApp === null || u.emailOn === null
          ? null
          : { inApp: u.inApp, email: u.emailOn, wecomWebhook: u.wecomWebhook, dingtalkWebhook: u.dingtalkWebhook },
    }));
  },

  /** Enabled users among `userIds` with their channel settings, for notices about their own account. */
  async accountRecipients(db: Db, userIds: string[]): Promise<Pick<RecipientCandidate, 'userId' | 'email' | 'preferences'>[]> {
    if (!userIds.length) return [];
    const rows = await db
      .select({ userId: users.id, email: users.email, inApp: notificationPreferences.inApp, emailOn: notificationPreferences.email })
      .from(users)
      .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
      .where(and(inArray(users.id, userIds), eq(users.disabled, false)));
    return rows.map((u) => ({
      userId: u.userId,
      email: u.email,
      preferences: u.inApp === null || u.emailOn === null ? null : { inApp: u.inApp, email: u.emailOn, wecomWebhook: null, dingtalkWebhook: null },
    }));
  },

  /** Which of `userIds` already have a notification of this kind and title since `since`. */
  async toldSince(db: Db, userIds: string[], kind: string, title: string, since: Date): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await db
      .selectDistinct({ userId: notifications.userId })
      .from(notifications)
      .where(and(inArray(notifications.userId, userIds), eq(notifications.kind, kind), eq(notifications.title, title), gte(notifications.createdAt, since)));
    return new Set(rows.map((r) => r.userId));
  },

  async insertMany(db: Db, rows: NewNotification[]): Promise<NotificationRow[]> {
    if (!rows.length) return [];
    return db.insert(notifications).values(rows).returning();
  },

  async inbox(db: Db, scope: InboxScope, filter: { unread: boolean; page: number; pageSize: number }) {
    const mine = inScope(scope);
    const condition = filter.unread ? and(mine, isNull(notifications.readAt)) : mine;
    const [items, [total], [unread]] = await Promise.all([
      db
        .select()
        .from(notifications)
        .where(condition)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(condition),
      db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(mine, isNull(notifications.readAt))),
    ]);
    return { items, total: total?.n ?? 0, unreadCount: unread?.n ?? 0 };
  },

  async unreadCount(db: Db, scope: InboxScope): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(inScope(scope), isNull(notifications.readAt)));
    return row?.n ?? 0;
  },

  /** Reading twice keeps the first read time; `undefined` when it is not in the scope. */
  async markRead(db: Db, scope: InboxScope, id: string, at: Date): Promise<NotificationRow | undefined> {
    const [row] = await db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
      .where(and(eq(notifications.id, id), inScope(scope)))
      .returning();
    return row;
  },

  async markAllRead(db: Db, scope: InboxScope, at: Date): Promise<number> {
    const rows = await db
      .update(notifications)
      .set({ readAt: at })
      .where(and(inScope(scope), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  },

  /** Marks read what points at the task or at one of its reports: the page of the task shows them all. */
  async markTaskRead(db: Db, scope: InboxScope, taskId: string, at: Date): Promise<number> {
    const aboutTask = sql`(${notifications.link} = ${`/tasks/${taskId}`} or ${notifications.link} in (select '/reports/' || ${progressReports.id} from ${progressReports} where ${progressReports.taskId} = ${taskId}))`;
    const rows = await db
      .update(notifications)
      .set({ readAt: at })
      .where(and(inScope(scope), isNull(notifications.readAt), aboutTask))
      .returning({ id: notifications.id });
    return rows.length;
  },

  async preferences(db: Db, userId: string): Promise<PreferenceRow | undefined> {
    const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).limit(1);
    return row;
  },

  async savePreferences(db: Db, values: Omit<PreferenceRow, 'updatedAt'>, at: Date): Promise<PreferenceRow> {
    const { userId, ...settings } = values;
    const [row] = await db
      .insert(notificationPreferences)
      .values({ ...values, updatedAt: at })
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...settings, updatedAt: at } })
      .returning();
    if (!row) throw new Error(`saving preferences of ${userId} returned no row`);
    return row;
  },
};
