import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import {
  docxOf,
  errorCode,
  makeTask,
  ole2Of,
  PDF,
  PNG,
  reportWorld,
  upload,
  uploadStream,
  windowsExecutable,
  zipOf,
  type ReportBody,
  type ReportWorld,
  type TestTask,
} from './report-fixtures.ts';

interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

interface Comment {
  id: string;
  body: string;
  mentions: { username: string }[];
}

/** Every file under the upload directory, so a test can tell whether a refused upload left anything behind. */
function storedFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe.each(databaseFlavours())('report evidence and comments on %s', (flavour) => {
  let t: TestApp;
  let w: ReportWorld;
  let task: TestTask;
  let draft: ReportBody;
  let periodId: string;

  const attachments = async (reportId: string, token: string) =>
    (await t.call('GET', `/api/v1/reports/${reportId}/attachments`, { token })).json<{ items: Attachment[] }>().items;

  beforeAll(async () => {
    t = await startTestApp(flavour);
    w = await reportWorld(t);
    task = await makeTask(t, w, '深青科技园区共建', 'joint');
    const periods = (await t.call('GET', `/api/v1/cooperations/${w.cooperationId}/periods`, { token: w.qd.unit })).json<{ items: { id: string; label: string }[] }>();
    periodId = periods.items.find((p) => p.label === '2026年第4季度')?.id ?? '';
    const res = await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: w.qd.unit, body: { periodId, narrative: '附佐证材料', percent: 20 } });
    draft = res.json<ReportBody>();
  });
  afterAll(() => t?.close());

  describe('evidence attachments', () => {
    let pdf: Attachment;

    it('stores a PDF under a random key, never under the name it was sent with', async () => {
      const before = storedFiles(t.config.uploads.dir);
      const res = await upload(t, w.qd.unit, draft.id, '../../../etc/投资到位凭证.pdf', PDF, 'text/plain');
      expect(res.statusCode, res.body).toBe(201);
      pdf = res.json<Attachment>();
      expect(pdf).toMatchObject({ fileName: '投资到位凭证.pdf', contentType: 'application/pdf', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });
      const added = storedFiles(t.config.uploads.dir).filter((f) => !before.includes(f));
      expect(added).toHaveLength(1);
      expect(path.basename(added[0] ?? '')).toMatch(/^[0-9a-f]{40}$/);
      expect(fs.readFileSync(added[0] ?? '')).toEqual(PDF);
    });

    it('accepts PNG, Word (OOXML and OLE2) files by their bytes and records the type it found', async () => {
      const png = await upload(t, w.qd.unit, draft.id, 'photo.jpg', PNG, 'image/jpeg');
      expect(png.statusCode, png.body).toBe(201);
      expect(png.json<Attachment>().contentType).toBe('image/png');
      const docx = await upload(t, w.qd.unit, draft.id, '情况说明.docx', docxOf('进展情况'), 'application/octet-stream');
      expect(docx.statusCode, docx.body).toBe(201);
      expect(docx.json<Attachment>().contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const doc = await upload(t, w.qd.unit, draft.id, '旧版说明.doc', ole2Of('WordDocument'), 'application/msword');
      expect(doc.statusCode, doc.body).toBe(201);
      expect(doc.json<Attachment>().contentType).toBe('application/msword');
    });

    it('refuses an executable renamed .pdf with 415 and keeps nothing of it', async () => {
      const before = storedFiles(t.config.uploads.dir);
      const count = (await attachments(draft.id, w.qd.unit)).length;
      const res = await upload(t, w.qd.unit, draft.id, '进展报告.pdf', windowsExecutable(), 'application/pdf');
      expect(res.statusCode).toBe(415);
      expect(errorCode(res)).toBe('attachment.type_not_allowed');
      expect(storedFiles(t.config.uploads.dir)).toEqual(before);
      expect(await attachments(draft.id, w.qd.unit)).toHaveLength(count);
    });

    it('refuses a ZIP that is not an Office document, and a compound file that is neither Word nor Excel', async () => {
      const zip = await upload(t, w.qd.unit, draft.id, '材料.docx', zipOf([{ name: 'readme.txt', data: 'hello' }]));
      expect(zip.statusCode).toBe(415);
      const msi = await upload(t, w.qd.unit, draft.id, '材料.doc', ole2Of('\u0005SummaryInformation'));
      expect(msi.statusCode).toBe(415);
    });

    it('answers 410 with a code when the stored file was removed from the upload directory', async () => {
      const before = storedFiles(t.config.uploads.dir);
      const res = await upload(t, w.qd.unit, draft.id, '现场照片.png', PNG, 'image/png');
      expect(res.statusCode, res.body).toBe(201);
      for (const file of storedFiles(t.config.uploads.dir).filter((f) => !before.includes(f))) fs.rmSync(file);
      const download = await t.call('GET', `/api/v1/attachments/${res.json<Attachment>().id}`, { token: w.qd.unit });
      expect(download.statusCode).toBe(410);
      expect(errorCode(download)).toBe('attachment.file_missing');
    });

    it('stops a 200 MB upload at the limit with 413 and keeps nothing of it', async () => {
      const before = storedFiles(t.config.uploads.dir);
      const count = (await attachments(draft.id, w.qd.unit)).length;
      const res = await uploadStream(t, w.qd.unit, draft.id, 200 * 1024 * 1024);
      expect(res.statusCode).toBe(413);
      expect(errorCode(res)).toBe('attachment.too_large');
      expect(storedFiles(t.config.uploads.dir)).toEqual(before);
      expect(await attachments(draft.id, w.qd.unit)).toHaveLength(count);
    });

    it('removes the evidence files from storage when their task is deleted, and only theirs', async () => {
      const doomed = await makeTask(t, w, '待撤销的合作事项', 'joint');
      const report = (await t.call('POST', `/api/v1/tasks/${doomed.id}/reports`, { token: w.qd.unit, body: { periodId, narrative: '即将撤销', percent: 5 } })).json<ReportBody>();
      const before = storedFiles(t.config.uploads.dir);
      expect((await upload(t, w.qd.unit, report.id, '撤销前的凭证.pdf', PDF)).statusCode).toBe(201);
      const added = storedFiles(t.config.uploads.dir).filter((f) => !before.includes(f));
      expect(added).toHaveLength(1);

      const { version } = (await t.call('GET', `/api/v1/tasks/${doomed.id}`, { token: w.qd.coordinator })).json<{ version: number }>();
      expect((await t.call('DELETE', `/api/v1/tasks/${doomed.id}?version=${version}`, { token: w.qd.coordinator })).statusCode).toBe(204);
      expect(storedFiles(t.config.uploads.dir)).toEqual(before);
      expect((await t.call('GET', `/api/v1/attachments/${pdf.id}`, { token: w.qd.unit })).statusCode).toBe(200);
    });

    it('serves the file as a download with its UTF-8 name and nosniff, only to those who see the report', async () => {
      const res = await t.call('GET', `/api/v1/attachments/${pdf.id}`, { token: w.qd.unit });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload).toEqual(PDF);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="______.pdf"; filename*=UTF-8''${encodeURIComponent('投资到位凭证.pdf')}`);
      for (const token of [w.sz.coordinator, w.sz.unit, w.tokens.dl]) expect((await t.call('GET', `/api/v1/attachments/${pdf.id}`, { token })).statusCode).toBe(404);
      await t.call('POST', `/api/v1/reports/${draft.id}/submit`, { token: w.qd.unit, body: {} });
      expect((await t.call('GET', `/api/v1/attachments/${pdf.id}`, { token: w.sz.coordinator })).statusCode).toBe(200);
      expect((await t.call('GET', `/api/v1/attachments/${pdf.id}`, { token: w.tokens.dl })).statusCode).toBe(404);
    });

    it('takes no evidence while the report is under review, and none from the other side', async () => {
      const res = await upload(t, w.qd.unit, draft.id, 'late.pdf', PDF);
      expect(res.statusCode).toBe(409);
      expect(errorCode(res)).toBe('report.under_review');
      expect((await upload(t, w.sz.unit, draft.id, 'other.pdf', PDF)).statusCode).toBe(403);
    });
  });

  describe('comments', () => {
    it('stores the text as written and keeps only mentions of users who may see the task', async () => {
      const body = '请 @sz.fgw 和 @dl.fgw 看一下，<script>alert(1)</script>，谢谢 @qd.kj.';
      const res = await t.call('POST', `/api/v1/tasks/${task.id}/comments`, { token: w.qd.coordinator, body: { body } });
      expect(res.statusCode, res.body).toBe(201);
      const comment = res.json<Comment>();
      expect(comment.body).toBe(body);
      expect(comment.mentions.map((m) => m.username).sort()).toEqual(['qd.kj', 'sz.fgw']);
      const listed = (await t.call('GET', `/api/v1/tasks/${task.id}/comments`, { token: w.sz.unit })).json<{ items: Comment[] }>();
      expect(listed.items.map((c) => c.body)).toContain(body);
      const inbox = (await t.call('GET', '/api/v1/notifications', { token: w.sz.coordinator })).json<{ items: { kind: string; link: string | null }[] }>();
      expect(inbox.items.some((n) => n.kind === 'comment.mention' && n.link === `/tasks/${task.id}`)).toBe(true);
    });

    it('ignores a mention of someone who may not see a draft report', async () => {
      const other = await makeTask(t, w, '评论草稿用任务', 'joint');
      const created = (await t.call('POST', `/api/v1/tasks/${other.id}/reports`, { token: w.qd.unit, body: { periodId } })).json<ReportBody>();
      const res = await t.call('POST', `/api/v1/reports/${created.id}/comments`, { token: w.qd.unit, body: { body: '@sz.fgw 草稿请勿外传' } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<Comment>().mentions).toEqual([]);
      expect((await t.call('GET', `/api/v1/reports/${created.id}/comments`, { token: w.sz.coordinator })).statusCode).toBe(404);
    });

    it('refuses an empty comment and one over 5000 characters', async () => {
      expect((await t.call('POST', `/api/v1/tasks/${task.id}/comments`, { token: w.qd.unit, body: { body: '   ' } })).statusCode).toBe(400);
      expect((await t.call('POST', `/api/v1/tasks/${task.id}/comments`, { token: w.qd.unit, body: { body: '长'.repeat(5001) } })).statusCode).toBe(400);
    });

    it('lets no one outside the cooperation comment', async () => {
      expect((await t.call('POST', `/api/v1/tasks/${task.id}/comments`, { token: w.tokens.dl, body: { body: '路过' } })).statusCode).toBe(404);
    });
  });
});
