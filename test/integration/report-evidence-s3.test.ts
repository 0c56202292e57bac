import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { errorCode, makeTask, PDF, reportWorld, upload, uploadStream, windowsExecutable, type ReportBody, type ReportWorld } from './report-fixtures.ts';

const BUCKET = 'liandong-evidence';
const PREFIX = 'qd-sz/';

interface Attachment {
  id: string;
  size: number;
  sha256: string;
}

/**
 * Evidence in an S3-compatible bucket: a real S3 server (s3rver, speaking the S3 REST protocol over HTTP)
 * started by the test. Storage does not depend on the database, so this runs on PGlite only.
 */
describe('report evidence in an S3-compatible bucket', () => {
  let s3server: S3rver;
  let s3: S3Client;
  let t: TestApp;
  let w: ReportWorld;
  let draft: ReportBody;
  let localDir: string;
  let s3Dir: string;

  const objectKeys = async () => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    return (listed.Contents ?? []).map((o) => o.Key ?? '');
  };
  const objectBytes = async (key: string) => {
    const answer = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from((await answer.Body?.transformToByteArray()) ?? []);
  };

  beforeAll(async () => {
    s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liandong-s3-'));
    localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liandong-uploads-'));
    s3server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir });
    const { port } = await s3server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    // The app takes credentials from the SDK's usual environment variables, like any S3 client.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'S3RVER');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'S3RVER');
    s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    t = await startTestApp('pglite', {
      env: { LIANDONG_S3_BUCKET: BUCKET, LIANDONG_S3_ENDPOINT: endpoint, LIANDONG_S3_PREFIX: PREFIX, LIANDONG_UPLOAD_DIR: localDir, LIANDONG_UPLOAD_MAX_MB: '8' },
    });
    w = await reportWorld(t);
    const task = await makeTask(t, w, '深青数据要素合作', 'joint');
    const periods = (await t.call('GET', `/api/v1/cooperations/${w.cooperationId}/periods`, { token: w.qd.unit })).json<{ items: { id: string; label: string }[] }>();
    const periodId = periods.items.find((p) => p.label === '2026年第4季度')?.id ?? '';
    draft = (await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: w.qd.unit, body: { periodId, narrative: '佐证材料存于对象存储', percent: 10 } })).json<ReportBody>();
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await t?.close();
    s3.destroy();
    await s3server?.close();
    fs.rmSync(s3Dir, { recursive: true, force: true });
    fs.rmSync(localDir, { recursive: true, force: true });
  });

  it('puts an accepted file in the bucket under the prefix and a random key, serves it back, and writes nothing locally', async () => {
    const res = await upload(t, w.qd.unit, draft.id, '到位资金凭证.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    const attachment = res.json<Attachment>();
    const keys = await objectKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^qd-sz\/[0-9a-f]{2}\/[0-9a-f]{40}$/);
    expect(await objectBytes(keys[0] ?? '')).toEqual(PDF);
    expect(fs.readdirSync(localDir)).toEqual([]);

    const download = await t.call('GET', `/api/v1/attachments/${attachment.id}`, { token: w.qd.unit });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(PDF);
  });

  it('stores a file larger than one multipart part whole, with the size and checksum it was sent with', async () => {
    const before = await objectKeys();
    const res = await uploadStream(t, w.qd.unit, draft.id, 6 * 1024 * 1024);
    expect(res.statusCode, res.body).toBe(201);
    const attachment = res.json<Attachment>();
    const added = (await objectKeys()).filter((k) => !before.includes(k));
    expect(added).toHaveLength(1);
    const stored = await objectBytes(added[0] ?? '');
    expect(stored.length).toBe(attachment.size);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(attachment.sha256);
  });

  it('answers 410 with a code when the object was removed from the bucket behind its back', async () => {
    const before = await objectKeys();
    const res = await upload(t, w.qd.unit, draft.id, '会议纪要.pdf', PDF);
    const key = (await objectKeys()).find((k) => !before.includes(k)) ?? '';
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    const download = await t.call('GET', `/api/v1/attachments/${res.json<Attachment>().id}`, { token: w.qd.unit });
    expect(download.statusCode).toBe(410);
    expect(errorCode(download)).toBe('attachment.file_missing');
  });

  it('leaves no object behind for an executable renamed .pdf or a file over the limit', async () => {
    const before = await objectKeys();
    const executable = await upload(t, w.qd.unit, draft.id, '凭证.pdf', windowsExecutable());
    expect(executable.statusCode).toBe(415);
    expect(errorCode(executable)).toBe('attachment.type_not_allowed');
    const huge = await uploadStream(t, w.qd.unit, draft.id, 20 * 1024 * 1024);
    expect(huge.statusCode).toBe(413);
    expect(await objectKeys()).toEqual(before);
  });
});
