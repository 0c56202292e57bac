import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { writeTransaction } from '../../src/db/write-transaction.ts';
import { jobRepository } from '../../src/jobs/job.repository.ts';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.ts';
import { cooperationRepository } from '../../src/modules/cooperation/cooperation.repository.ts';
import type { NotifyRequest } from '../../src/modules/notification/notification.service.ts';
import { userRepository } from '../../src/modules/user/user.repository.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free local port that keeps what it receives. */
async function startMailServer() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A robot endpoint on 127.0.0.1: records each POST and answers what the test queued (default 200 errcode 0). */
async function startRobotReceiver() {
  const received: { path: string; body: unknown }[] = [];
  const answers: { status: number; body: unknown }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      const answer = answers.shift() ?? { status: 200, body: { errcode: 0, errmsg: 'ok' } };
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { received, answers, base: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Headers and decoded text body of a single-part message, as a mail client shows them. */
function readMail(raw: string): { subject: string; to: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const decodeWords = (value: string) =>
    value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, encoding: string, data: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
  const body = rest.join('\n\n');
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9a-f]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
        : body;
  return { subject: decodeWords(headers.get('subject') ?? ''), to: headers.get('to') ?? '', text };
}

describe.each(databaseFlavours())('notification delivery by mail and robots on %s', (flavour) => {
  let t: TestApp;
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  let robots: Awaited<ReturnType<typeof startRobotReceiver>>;
  let qdSz: string;
  let userIds: Map<string, string>;
  const id = (username: string) => userIds.get(username) ?? '';
  const notify = (request: Omit<NotifyRequest, 'cooperationId'>) =>
    writeTransaction(t.services.database.db, 'notification', (tx) => t.services.notification.notify(tx, { cooperationId: qdSz, ...request }));
  const setPreferences = async (username: string, preferences: Record<string, unknown>) => {
    const res = await t.call('PUT', '/api/v1/me/notification-preferences', {
      token: await t.login(username),
      body: { inApp: true, email: false, wecomWebhook: null, dingtalkWebhook: null, ...preferences },
    });
    expect(res.statusCode).toBe(200);
  };
  const soon = () => new Date(Date.now() + 10 * 60_000);

  beforeAll(async () => {
    mail = await startMailServer();
    robots = await startRobotReceiver();
    // The robot receiver listens on 127.0.0.1, so this deployment names it as an allowed (intranet) network.
    t = await startTestApp(flavour, {
      env: {
        LIANDONG_SMTP_URL: mail.url,
        LIANDONG_MAIL_FROM: '联动平台 <noreply@liandong.example.cn>',
        LIANDONG_PUBLIC_URL: 'https://liandong.example.cn/',
        LIANDONG_ROBOT_ALLOWED_NETWORKS: '127.0.0.1/32',
      },
    });
    const db = t.services.database.db;
    const cooperation = await cooperationRepository.findByName(db, '青岛—深圳跨区域合作');
    if (!cooperation) throw new Error('demo cooperation 青岛—深圳 missing');
    qdSz = cooperation.id;
    const qdSide = (await t.services.cooperation.get(SYSTEM_ACTOR, qdSz)).parties.find((p) => p.regionCode === '370200');
    await t.services.user.create(SYSTEM_ACTOR, { username: 'qd.kj.mail', displayName: '青岛市科技局办公室', password: 'liandong-demo', email: 'kjj-office@qingdao.example.cn' });
    await t.services.cooperation.addMembership(SYSTEM_ACTOR, qdSz, { username: 'qd.kj.mail', partyId: qdSide?.id ?? '', role: 'unit' });
    userIds = new Map((await userRepository.list(db)).map((u) => [u.username, u.id]));
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
    await robots?.close();
  });

  it('mails a user who asked for mail, and the message arrives with subject, recipient and Chinese text', async () => {
    await setPreferences('qd.kj.mail', { email: true });
    await notify({
      userIds: [id('qd.kj.mail'), id('qd.kj')],
      kind: 'task.due_soon',
      title: '任务将于3天后到期：共建海洋科技联合实验室',
      body: '任务「共建海洋科技联合实验室」的完成时限为2026-03-05，还有3天。',
      link: '/tasks/00000000-0000-4000-8000-000000000003',
    });
    expect(mail.received).toEqual([]);
    const summary = await t.services.worker.runDue();
    expect(summary.done).toBeGreaterThanOrEqual(1);
    expect(mail.received).toHaveLength(1);
    const [message] = mail.received;
    expect(message?.to).toEqual(['kjj-office@qingdao.example.cn']);
    expect(message?.from).toBe('noreply@liandong.example.cn');
    const shown = readMail(message?.raw ?? '');
    expect(shown.subject).toBe('【联动】任务将于3天后到期：共建海洋科技联合实验室');
    expect(shown.to).toContain('kjj-office@qingdao.example.cn');
    expect(shown.text).toContain('任务「共建海洋科技联合实验室」的完成时限为2026-03-05，还有3天。');
    expect(shown.text).toContain('https://liandong.example.cn/tasks/00000000-0000-4000-8000-000000000003');
  });

  it('posts a WeCom group robot message and a DingTalk robot message in their markdown formats', async () => {
    await setPreferences('qd.kj', { wecomWebhook: `${robots.base}/cgi-bin/webhook/send?key=qd-kj` });
    await setPreferences('sz.kj', { dingtalkWebhook: `${robots.base}/robot/send?access_token=sz-kj` });
    robots.received.length = 0;
    await notify({ userIds: [id('qd.kj'), id('sz.kj')], kind: 'task.due_today', title: '任务今日到期：深港科技合作', body: '请确认完成情况。', link: '/tasks/abc' });
    await t.services.worker.runDue();
    const wecom = robots.received.find((r) => r.path.startsWith('/cgi-bin/webhook/send'));
    const dingtalk = robots.received.find((r) => r.path.startsWith('/robot/send'));
    expect(wecom?.path).toBe('/cgi-bin/webhook/send?key=qd-kj');
    expect(wecom?.body).toEqual({
      msgtype: 'markdown',
      markdown: { content: '### 任务今日到期：深港科技合作\n\n请确认完成情况。\n\n[在联动中查看](https://liandong.example.cn/tasks/abc)' },
    });
    expect(dingtalk?.body).toEqual({
      msgtype: 'markdown',
      markdown: { title: '任务今日到期：深港科技合作', text: '### 任务今日到期：深港科技合作\n\n请确认完成情况。\n\n[在联动中查看](https://liandong.example.cn/tasks/abc)' },
    });
    expect(robots.received).toHaveLength(2);
  });

  it('retries a robot message the receiver refused, and delivers it on a later attempt', async () => {
    await setPreferences('sz.fgw', { dingtalkWebhook: `${robots.base}/robot/flaky` });
    robots.received.length = 0;
    robots.answers.push({ status: 502, body: { message: 'bad gateway' } }, { status: 200, body: { errcode: 310000, errmsg: 'keywords not in content' } });
    await notify({ userIds: [id('sz.fgw')], kind: 'report.submitted', title: '科技创新局报送了进展', body: '请审核。' });

    expect(await t.services.worker.runDue()).toMatchObject({ done: 0, retried: 1 });
    const [job] = (await jobRepository.list(t.services.database.db, { queue: 'notification.dingtalk', status: 'pending', limit: 5 })).filter(
      (j) => (j.payload as { url: string }).url.endsWith('/robot/flaky'),
    );
    expect(job).toMatchObject({ attempts: 1, lastError: expect.stringContaining('502') });

    expect(await t.services.worker.runDue(soon())).toMatchObject({ done: 0, retried: 1 });
    expect(await jobRepository.get(t.services.database.db, job?.id ?? 0)).toMatchObject({ attempts: 2, lastError: expect.stringContaining('errcode 310000') });

    await t.services.worker.runDue(new Date(Date.now() + 60 * 60_000));
    expect(await jobRepository.get(t.services.database.db, job?.id ?? 0)).toMatchObject({ status: 'done', attempts: 3 });
    expect(robots.received.map((r) => r.path)).toEqual(['/robot/flaky', '/robot/flaky', '/robot/flaky']);
  });

  it('sends a group robot one message when several of its members are told', async () => {
    const group = `${robots.base}/cgi-bin/webhook/send?key=qd-group`;
    await setPreferences('qd.fgw', { wecomWebhook: group });
    await setPreferences('qd.leader', { wecomWebhook: group });
    robots.received.length = 0;
    await notify({ userIds: [id('qd.fgw'), id('qd.leader')], kind: 'task.escalated', title: '任务逾期提请督办', body: '' });
    await t.services.worker.runDue();
    expect(robots.received.filter((r) => r.path === '/cgi-bin/webhook/send?key=qd-group')).toHaveLength(1);
  });

  it('accepts plain http only inside the allowed networks, and nothing private outside them', async () => {
    const token = await t.login('qd.kj');
    const put = (wecomWebhook: string) =>
      t.call('PUT', '/api/v1/me/notification-preferences', { token, body: { inApp: true, email: false, wecomWebhook, dingtalkWebhook: null } });
    expect((await put(`${robots.base}/cgi-bin/webhook/send?key=intranet`)).statusCode).toBe(200);
    for (const [url, code] of [
      ['http://10.0.0.1/robot/send', 'notification.webhook_private_address'],
      ['http://127.0.0.2/robot/send', 'notification.webhook_private_address'],
      ['http://[::1]:5432/', 'notification.webhook_private_address'],
      ['https://169.254.169.254/latest/meta-data/', 'notification.webhook_private_address'],
      ['http://8.8.8.8/robot/send', 'notification.webhook_not_https'],
    ] as const) {
      const res = await put(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe(code);
    }
  });
});

/** A deployment without LIANDONG_ROBOT_ALLOWED_NETWORKS: robots are https services on the public internet. */
describe.each(databaseFlavours())('robot addresses on %s', (flavour) => {
  let t: TestApp;
  let robots: Awaited<ReturnType<typeof startRobotReceiver>>;
  let token: string;
  const put = (preferences: Record<string, unknown>) =>
    t.call('PUT', '/api/v1/me/notification-preferences', {
      token,
      body: { inApp: true, email: false, wecomWebhook: null, dingtalkWebhook: null, ...preferences },
    });

  beforeAll(async () => {
    robots = await startRobotReceiver();
    t = await startTestApp(flavour);
    token = await t.login('qd.fgw');
  });
  afterAll(async () => {
    await t?.close();
    await robots?.close();
  });

  it('refuses addresses on the server itself, the intranet, the metadata service, with credentials or without https, and keeps the saved one', async () => {
    const kept = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=qd-fgw';
    const keptRobot = 'https://1.1.1.1/robot/send?access_token=public';
    expect((await put({ wecomWebhook: kept, dingtalkWebhook: keptRobot })).statusCode).toBe(200);
    const refused: [string, string][] = [
      [`${robots.base}/robot/send`, 'notification.webhook_private_address'],
      ['http://169.254.169.254/latest/meta-data/', 'notification.webhook_private_address'],
      ['http://[::1]:5432/', 'notification.webhook_private_address'],
      ['http://10.0.0.1/', 'notification.webhook_private_address'],
      ['https://10.0.0.1/', 'notification.webhook_private_address'],
      ['https://192.168.1.20/cgi-bin/webhook/send', 'notification.webhook_private_address'],
      ['https://172.20.0.5/', 'notification.webhook_private_address'],
      ['https://100.64.0.1/', 'notification.webhook_private_address'],
      ['https://224.0.0.251/', 'notification.webhook_private_address'],
      ['https://0.0.0.0/', 'notification.webhook_private_address'],
      ['https://[::ffff:127.0.0.1]/', 'notification.webhook_private_address'],
      ['https://[::ffff:a9fe:a9fe]/', 'notification.webhook_private_address'],
      ['https://[fd12:3456::1]/', 'notification.webhook_private_address'],
      ['https://[fe80::1]/', 'notification.webhook_private_address'],
      ['https://[ff02::1]/', 'notification.webhook_private_address'],
      ['https://0x7f000001/', 'notification.webhook_private_address'],
      ['https://2130706433/', 'notification.webhook_private_address'],
      ['https://localhost/robot/send', 'notification.webhook_private_address'],
      ['https://robot:secret@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x', 'notification.webhook_credentials'],
      ['http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x', 'notification.webhook_not_https'],
      ['http://8.8.8.8/robot/send', 'notification.webhook_not_https'],
    ];
    for (const [url, code] of refused) {
      for (const field of ['wecomWebhook', 'dingtalkWebhook']) {
        const res = await put({ wecomWebhook: kept, dingtalkWebhook: keptRobot, [field]: url });
        expect(res.statusCode, `${field} ${url}`).toBe(400);
        expect(res.json().error, `${field} ${url}`).toMatchObject({ code, details: [{ path: `body.${field}` }] });
      }
    }
    const saved = await t.call('GET', '/api/v1/me/notification-preferences', { token });
    expect(saved.json()).toMatchObject({ wecomWebhook: kept, dingtalkWebhook: keptRobot });
  });

  it('judges a queued robot message again when it is sent, and never connects to a refused address', async () => {
    // A message queued before the rule (or to a name that now resolves elsewhere) reaches the worker with a loopback address.
    for (const url of [`${robots.base}/robot/send?access_token=old`, `http://localhost:${new URL(robots.base).port}/robot/send`]) {
      await writeTransaction(t.services.database.db, 'job', (tx) =>
        t.services.jobs.enqueue(tx, { queue: 'notification.dingtalk', payload: { url, body: { msgtype: 'markdown', markdown: { title: '内部', text: '内部' } } } }),
      );
    }
    expect(await t.services.worker.runDue()).toMatchObject({ done: 0, retried: 2 });
    const pending = await jobRepository.list(t.services.database.db, { queue: 'notification.dingtalk', status: 'pending', limit: 5 });
    expect(pending.map((j) => j.lastError)).toEqual([expect.stringContaining('not a public address'), expect.stringContaining('not a public address')]);
    expect(robots.received).toEqual([]);
  });
});
