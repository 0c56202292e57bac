import { createHash, randomBytes } from 'node:crypto';
import { finished, pipeline, Transform, type Readable } from 'node:stream';
import { AppError, badRequest, conflict, missingAs, notFound } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { assertCanWriteReport, assertTokenMayWrite, reportAuditScope } from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import { reportRepository } from '../report/report.repository.ts';
import type { ReportService } from '../report/report.service.ts';
import type { TaskService } from '../task/task.service.ts';
import { detectAttachmentType } from './attachment-type.ts';
import { StoredFileMissing, type AttachmentStore } from './attachment-store.ts';
import { attachmentRepository, type AttachmentRow } from './attachment.repository.ts';

const ENTITY = 'attachment';

export interface IncomingFile {
  fileName: string;
  stream: Readable;
  /** Set by the multipart parser when it cut the file at its own limit. */
  truncated: () => boolean;
}

const tooLarge = (maxBytes: number) =>
  new AppError('attachment.too_large', 413, `Files may be at most ${Math.round(maxBytes / 1024 / 1024)} MB`, { maxBytes });

/** Only the last path segment, without control characters: the name is shown and offered for download, never used as a path. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // Control characters and bidi overrides could disguise the extension in a download dialog.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is what this pattern is for.
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return cleaned.slice(0, 200) || 'attachment';
}

/** Counts and hashes what flows through, and fails the stream once it passes the limit. */
function meter(maxBytes: number) {
  const hash = createHash('sha256');
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { transform, result: () => ({ size, sha256: hash.digest('hex') }) };
}

export function createAttachmentService(db: Db, deps: { store: AttachmentStore; maxBytes: number; reports: ReportService; tasks: TaskService }) {
  const present = (row: AttachmentRow) => ({
    id: row.id,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  });

  /** The report must still take evidence: drafts and returned reports only. */
  function assertOpenForEvidence(status: string): void {
    if (status === 'approved' || status === 'superseded') throw conflict('report.locked', 'An approved report is locked; start a revision to add evidence');
    if (status === 'submitted') throw conflict('report.under_review', 'Evidence cannot be added while the report is being reviewed');
  }

  /** Whether the actor sees what the attachment belongs to; otherwise the attachment does not exist for them. */
  async function assertCanReadOwner(actor: Actor, row: AttachmentRow): Promise<void> {
    await missingAs(ENTITY, row.id, async () => {
      if (row.ownerType === 'report') await deps.reports.loadReadable(actor, row.ownerId);
      else if (row.ownerType === 'task') await deps.tasks.loadReadable(actor, row.ownerId);
      else throw notFound(ENTITY, row.id);
    });
  }

  return {
    /** The largest file taken, for the upload control to say and check before sending. */
    maxBytes: deps.maxBytes,
    async listForReport(actor: Actor, reportId: string) {
      await deps.reports.loadReadable(actor, reportId);
      return (await attachmentRepository.listByOwner(db, 'report', reportId)).map(present);
    },

    /**
     * Streams the upload into the store under a random key while hashing it,
     * then checks the bytes; a file that is too large or of a type we do not
     * accept is removed before anything is recorded.
     */
    async uploadToReport(actor: Actor, reportId: string, file: IncomingFile) {
      assertTokenMayWrite(actor);
      const { report, task } = await deps.reports.loadReadable(actor, reportId);
      assertCanWriteReport(actor, report);
      assertOpenForEvidence(report.status);

      const storageKey = randomBytes(20).toString('hex');
      const metered = meter(deps.maxBytes);
      // pipe() would not pass on a failure of the upload: a body that ends before the file's closing boundary,
      // or a client that goes away, left the store waiting for the rest forever, holding the partial file.
      let incomplete = false;
      finished(file.stream, (error) => {
        if (error) incomplete = true;
      });
      // The store reports the failure; this callback only keeps it from being thrown a second time.
      const source = pipeline(file.stream, metered.transform, () => undefined);
      try {
        await deps.store.save(storageKey, source);
      } catch (error) {
        file.stream.destroy();
        if (error instanceof AppError) throw error;
        if (file.truncated()) throw tooLarge(deps.maxBytes);
        if (incomplete) throw badRequest('attachment.incomplete', 'The upload ended before the file was complete; send it again');
        throw error;
      }
      const stored = metered.result();
      try {
        if (file.truncated()) throw tooLarge(deps.maxBytes);
        if (stored.size === 0) throw badRequest('attachment.empty', 'The file is empty');
        const { type, detected } = await detectAttachmentType(() => deps.store.open(storageKey));
        if (!type) {
          throw new AppError('attachment.type_not_allowed', 415, 'Evidence may be PDF, PNG, JPEG, GIF, WEBP, Word, Excel or PowerPoint files', { detected });
        }
        const row = await writeTransaction(db, ENTITY, async (tx) => {
          // The upload took a while: the report may have been submitted meanwhile.
          const current = await reportRepository.getForUpdate(tx, reportId);
          if (!current) throw notFound('report', reportId);
          assertOpenForEvidence(current.status);
          const created = await attachmentRepository.insert(tx, {
            cooperationId: current.cooperationId,
            ownerType: 'report',
            ownerId: reportId,
            fileName: cleanFileName(file.fileName),
            contentType: type.mime,
            size: stored.size,
            sha256: stored.sha256,
            storageKey,
            uploadedBy: actor.userId,
          });
          await audit(tx, actor, { cooperationId: current.cooperationId, action: 'create', entity: ENTITY, entityId: created.id, after: created, scope: reportAuditScope(current, task) });
          return created;
        });
        return present(row);
      } catch (error) {
        await deps.store.remove(storageKey);
        throw error;
      }
    },

    /** The file for download, after the same read check as its owner. */
    async open(actor: Actor, id: string) {
      const row = await attachmentRepository.get(db, id);
      if (!row) throw notFound(ENTITY, id);
      await assertCanReadOwner(actor, row);
      const stream = await deps.store.open(row.storageKey).catch((error: unknown) => {
        if (error instanceof StoredFileMissing) {
          throw new AppError('attachment.file_missing', 410, 'The file of this attachment is no longer in storage; an administrator must restore it');
        }
        throw error;
      });
      return { attachment: present(row), stream };
    },
  };
}
