import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { assertCanComment, assertTokenMayWrite, canComment, canReadReport, canReadRow, canReadTask, reportAuditScope, rowAuditScope, type AuditScope } from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import type { ReportService } from '../report/report.service.ts';
import type { Notifier } from '../report/report.service.ts';
import type { TaskRow } from '../task/task.repository.ts';
import type { TaskService } from '../task/task.service.ts';
import { mentionedUsernames } from './comment-mentions.ts';
import { commentRepository, type CommentRow, type CommentSubjectType } from './comment.repository.ts';

const ENTITY = 'comment';

interface Subject {
  type: CommentSubjectType;
  id: string;
  cooperationId: string;
  task: TaskRow;
  title: string;
  link: string;
  /** Whether another user may see this subject: only they can be mentioned. */
  visibleTo: (user: Actor) => boolean;
  /** The comment's audit entry is read as its subject is. */
  auditScope: AuditScope;
}

export function createCommentService(db: Db, deps: { cooperations: CooperationService; tasks: TaskService; reports: ReportService; notifier: Notifier | null }) {
  async function present(rows: CommentRow[]) {
    const ids = new Set<string>();
    for (const row of rows) {
      if (row.authorId) ids.add(row.authorId);
      for (const id of row.mentions) ids.add(id);
    }
    const people = new Map((await commentRepository.people(db, [...ids])).map((p) => [p.id, p]));
    return rows.map((row) => ({
      id: row.id,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      author: (row.authorId && people.get(row.authorId)) || null,
      body: row.body,
      mentions: row.mentions.flatMap((id) => people.get(id) ?? []),
      createdAt: row.createdAt.toISOString(),
    }));
  }

  async function taskSubject(actor: Actor, taskId: string): Promise<Subject> {
    const task = await deps.tasks.loadReadable(actor, taskId);
    const cooperation = await deps.cooperations.load(actor, task.cooperationId);
    return {
      type: 'task',
      id: task.id,
      cooperationId: task.cooperationId,
      task,
      title: task.title,
      link: `/tasks/${task.id}`,
      visibleTo: (user) => canReadRow(user, cooperation.id, cooperation.visibility) && canReadTask(user, task),
      auditScope: rowAuditScope('task', task),
    };
  }

  async function reportSubject(actor: Actor, reportId: string): Promise<Subject> {
    const { report, task } = await deps.reports.loadReadable(actor, reportId);
    const cooperation = await deps.cooperations.load(actor, task.cooperationId);
    return {
      type: 'report',
      id: report.id,
      cooperationId: report.cooperationId,
      task,
      title: `${task.title}（进展报告）`,
      link: `/reports/${report.id}`,
      visibleTo: (user) => canReadRow(user, cooperation.id, cooperation.visibility) && canReadReport(user, report, task),
      auditScope: reportAuditScope(report, task),
    };
  }

  async function add(actor: Actor, subject: Subject, body: string) {
    assertTokenMayWrite(actor);
    assertCanComment(actor, subject.cooperationId);
    // A mention of someone who may not see the subject is dropped, so a comment never leaks it.
    const mentioned = (await commentRepository.actorsByUsername(db, mentionedUsernames(body))).filter((u) => u.userId !== actor.userId && subject.visibleTo(u));
    const row = await writeTransaction(db, ENTITY, async (tx) => {
      const created = await commentRepository.insert(tx, {
        cooperationId: subject.cooperationId,
        subjectType: subject.type,
        subjectId: subject.id,
        authorId: actor.userId,
        body,
        mentions: mentioned.map((u) => u.userId),
      });
      await audit(tx, actor, { cooperationId: subject.cooperationId, action: 'create', entity: ENTITY, entityId: created.id, after: created, scope: subject.auditScope });
      if (deps.notifier && mentioned.length) {
        await deps.notifier.notify(tx, {
          cooperationId: subject.cooperationId,
          userIds: mentioned.map((u) => u.userId),
          kind: 'comment.mention',
          title: `${actor.username} 在「${subject.title}」中提到了你`,
          body: body.length > 200 ? `${body.slice(0, 200)}…` : body,
          link: subject.link,
          subject: { type: subject.type, id: subject.id, visibility: subject.task.visibility, partyId: subject.task.ownerPartyId },
        });
      }
      return created;
    });
    const [presented] = await present([row]);
    if (!presented) throw new Error('comment was not presented');
    return presented;
  }

  return {
    async listForTask(actor: Actor, taskId: string) {
      const subject = await taskSubject(actor, taskId);
      return { items: await present(await commentRepository.listBySubject(db, 'task', subject.id)), can: { comment: canComment(actor, subject.cooperationId) } };
    },

    async listForReport(actor: Actor, reportId: string) {
      const subject = await reportSubject(actor, reportId);
      return { items: await present(await commentRepository.listBySubject(db, 'report', subject.id)), can: { comment: canComment(actor, subject.cooperationId) } };
    },

    async addToTask(actor: Actor, taskId: string, body: string) {
      return add(actor, await taskSubject(actor, taskId), body);
    },

    async addToReport(actor: Actor, reportId: string, body: string) {
      return add(actor, await reportSubject(actor, reportId), body);
    },
  };
}
