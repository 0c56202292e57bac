import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';
import { makeTask, PDF, reportWorld, type ReportBody, type ReportWorld } from './report-fixtures.ts';

const BOUNDARY = '----liandong-unfinished';
const fileHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="进展.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;

interface RawAnswer {
  status: number | null;
  body: string;
  /** Whether the server closed the connection. */
  closed: boolean;
}

/**
 * Sends a request over a real socket, byte for byte as given, and waits up to `waitMs` for an answer.
 * With `hold`, the client keeps the connection open after the bytes, as a stalled or hostile client does.
 */
function sendRaw(port: number, head: string, body: Buffer, { hold = false, waitMs = 5000 } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    const finish = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      const at = text.indexOf('\r\n\r\n');
      resolve({ status: status ? Number(status) : null, body: at >= 0 ? text.slice(at + 4) : '', closed });
      socket.destroy();
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (!hold && /\r\n\r\n/.test(Buffer.concat(chunks).toString('latin1'))) setTimeout(finish, 100);
    });
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('error', () => undefined);
    socket.write(head);
    socket.write(body);
  });
}

describe.each(databaseFlavours())('evidence uploads that never finish, on %s', (flavour) => {
  let t: TestApp;
  let w: ReportWorld;
  let draft: ReportBody;
  let port: number;
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liandong-unfinished-'));
  const storedFiles = () =>
    fs.readdirSync(uploadDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  /** Descriptors this process holds on files under the upload directory (Linux shows them in /proc). */
  const openUploadFiles = () =>
    fs.existsSync('/proc/self/fd')
      ? fs.readdirSync('/proc/self/fd').filter((fd) => {
          try {
            return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(uploadDir);
          } catch {
            return false;
          }
        })
      : [];
  const settled = async () => {
    await expect.poll(() => openUploadFiles(), { timeout: 2000 }).toEqual([]);
    await expect.poll(() => storedFiles(), { timeout: 2000 }).toEqual([]);
  };
  const headOf = (length: number | null, contentType = `multipart/form-data; boundary=${BOUNDARY}`, token = w.qd.unit) =>
    `POST /api/v1/reports/${draft.id}/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: ${contentType}\r\n` +
    (length === null ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${length}\r\n`) +
    'Connection: close\r\n\r\n';

  beforeAll(async () => {
    // A short request timeout, so a stalled client is cut off within the test.
    t = await startTestApp(flavour, { env: { LIANDONG_REQUEST_TIMEOUT_SECONDS: '2', LIANDONG_UPLOAD_DIR: uploadDir } });
    w = await reportWorld(t);
    const task = await makeTask(t, w, '未完成上传的合作事项', 'joint');
    const periods = (await t.call('GET', `/api/v1/cooperations/${w.cooperationId}/periods`, { token: w.qd.unit })).json<{ items: { id: string; closedAt: string | null }[] }>();
    // The first period still taking reports: the demo's earlier years are closed.
    const periodId = periods.items.find((p) => !p.closedAt)?.id;
    draft = (await t.call('POST', `/api/v1/tasks/${task.id}/reports`, { token: w.qd.unit, body: { periodId, narrative: '附件', percent: 10 } })).json<ReportBody>();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  it('answers a file part that never reaches its closing boundary with 400 at once, and keeps no file or descriptor', async () => {
    const body = Buffer.concat([Buffer.from(fileHead), PDF, Buffer.alloc(64 * 1024, 0x20)]);
    const started = Date.now();
    const answer = await sendRaw(port, headOf(body.length), body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'attachment.incomplete' } });
    expect(Date.now() - started).toBeLessThan(2000);
    await settled();
  });

  it('cuts off a client that stops sending in the middle of the file, and keeps no file or descriptor', async () => {
    const body = Buffer.concat([Buffer.from(fileHead), PDF, Buffer.alloc(64 * 1024, 0x20)]);
    const answer = await sendRaw(port, headOf(body.length + 100_000), body, { hold: true, waitMs: 8000 });
    expect(answer).toMatchObject({ status: 408, closed: true });
    await settled();
  });

  it('answers multipart without a boundary, a garbage body and a chunked body without its end with 400', async () => {
    const garbage = Buffer.from('this is not multipart at all\r\n\r\n--x\r\n');
    for (const answer of [
      await sendRaw(port, headOf(garbage.length, 'multipart/form-data'), garbage),
      await sendRaw(port, headOf(garbage.length, 'multipart/form-data; boundary='), garbage),
      await sendRaw(port, headOf(garbage.length), garbage),
    ]) {
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'attachment.malformed' } });
    }
    const chunk = Buffer.concat([Buffer.from(fileHead), PDF]);
    const chunked = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n0\r\n\r\n')]);
    const answer = await sendRaw(port, headOf(null), chunked);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('attachment.incomplete');
    await settled();
    // The report still takes a proper upload afterwards.
    expect((await t.call('GET', `/api/v1/reports/${draft.id}/attachments`, { token: w.qd.unit })).json()).toEqual({ items: [] });
  });
});
