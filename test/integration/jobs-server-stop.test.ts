import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openMigrated, startServer } from '../../src/bootstrap.ts';
import { jobRepository } from '../../src/jobs/job.repository.ts';
import { dingtalkPayload } from '../../src/modules/notification/notification-channels.ts';
import { databaseFlavours, freshDatabaseUrl, testConfig } from '../setup/test-database.ts';

describe.each(databaseFlavours())('the server and its job worker on %s', (flavour) => {
  it('delivers queued robot messages while serving, and on stop finishes the delivery in hand before closing the database', async () => {
    let requestArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      requestArrived = resolve;
    });
    let answer: () => void = () => undefined;
    const bodies: unknown[] = [];
    const robot = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        // Holds the answer until the test has asked the server to stop.
        answer = () => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end('{"errcode":0,"errmsg":"ok"}');
        };
        requestArrived();
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/robot/send?access_token=t`;

    // PGlite on disk, so the database can be opened again after the server closed it.
    const dataDir = flavour === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'liandong-stop-')) : 'memory://';
    const config = testConfig(await freshDatabaseUrl(flavour), { PORT: '0', HOST: '127.0.0.1', LIANDONG_DATA_DIR: dataDir, LIANDONG_ROBOT_ALLOWED_NETWORKS: '127.0.0.1/32' });
    const running = await startServer(config, { demoWhenEmpty: false, logger: false });
    try {
      const db = running.services.database.db;
      const job = await running.services.jobs.enqueue(db, {
        queue: 'notification.dingtalk',
        payload: { url, body: dingtalkPayload({ title: '任务今日到期', body: '请确认完成情况。', url: null }) },
      });
      await arrived;
      const stopping = running.stop();
      let stopped = false;
      void stopping.then(() => {
        stopped = true;
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(stopped).toBe(false);
      const settled = await jobRepository.get(db, job?.id ?? 0);
      expect(settled?.status).toBe('running');
      answer();
      await stopping;
      expect(bodies).toEqual([{ msgtype: 'markdown', markdown: { title: '任务今日到期', text: '### 任务今日到期\n\n请确认完成情况。' } }]);
    } finally {
      await running.stop();
      await new Promise<void>((resolve) => robot.close(() => resolve()));
    }
    const database = await openMigrated(config);
    try {
      expect(await jobRepository.list(database.db, { queue: 'notification.dingtalk', limit: 5 })).toMatchObject([{ status: 'done', attempts: 1 }]);
    } finally {
      await database.close();
      if (flavour === 'pglite') fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
