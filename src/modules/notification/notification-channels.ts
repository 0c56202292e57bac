import http from 'node:http';
import https from 'node:https';
import nodemailer from 'nodemailer';
import type { RobotAddressPolicy } from './robot-address.ts';

/** Queues of the delivery jobs `notify` schedules; the handlers are in src/jobs/notification-delivery.jobs.ts. */
export const DELIVERY_QUEUES = {
  email: 'notification.email',
  wecom: 'notification.wecom',
  dingtalk: 'notification.dingtalk',
} as const;

export interface OutgoingMessage {
  title: string;
  body: string;
  /** Absolute URL of the page the notification is about. */
  url: string | null;
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Titles and bodies carry what users typed. The robots render markdown and a few tags (<font>), so
 * brackets and angle brackets become their full-width forms: a task title cannot turn into a link,
 * an image or coloured text in a government group chat.
 */
export function inertMarkdown(text: string): string {
  return text.replace(/[[\]<>]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

function markdownOf(message: OutgoingMessage): string {
  const lines = [`### ${inertMarkdown(message.title)}`, '', inertMarkdown(message.body)];
  if (message.url) lines.push('', `[在联动中查看](${message.url})`);
  return lines.join('\n');
}

/** WeCom (企业微信) group robot: https://developer.work.weixin.qq.com/document/path/91770 */
export function wecomPayload(message: OutgoingMessage) {
  return { msgtype: 'markdown', markdown: { content: markdownOf(message) } };
}

/** DingTalk (钉钉) custom robot: the title shows in the chat list, the text in the chat. */
export function dingtalkPayload(message: OutgoingMessage) {
  return { msgtype: 'markdown', markdown: { title: message.title, text: markdownOf(message) } };
}

export function mailText(message: OutgoingMessage): string {
  return message.url ? `${message.body}\n\n在联动中查看：${message.url}\n` : `${message.body}\n`;
}

/** Robots answer a few hundred bytes; more is not a robot, and is not kept. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * Posts a robot message; throws on a non-2xx answer or an `errcode` other
 * than 0 (both robots answer 200 with an error code), so the queue retries.
 * The address is judged again now, since the name may resolve differently than when it was saved,
 * and the connection goes to the address that was judged, not to a second lookup.
 */
export async function postWebhook(url: string, payload: unknown, policy: RobotAddressPolicy): Promise<void> {
  const target = new URL(url);
  const [address] = await policy.check(target);
  if (!address) throw new Error('the robot address resolved to nothing');
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        lookup: (_hostname, options, callback) => {
          if (options.all) callback(null, [address]);
          else callback(null, address.address, address.family);
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(payload));
  });
  // Redirects are not followed: they would lead past the address check.
  if (status < 200 || status > 299) throw new Error(`webhook answered ${status}: ${text.slice(0, 200)}`);
  let answer: unknown = null;
  try {
    answer = JSON.parse(text);
  } catch {
    return;
  }
  if (answer && typeof answer === 'object' && 'errcode' in answer && answer.errcode !== 0) {
    const errmsg = 'errmsg' in answer ? String(answer.errmsg) : '';
    throw new Error(`webhook refused the message: errcode ${String(answer.errcode)} ${errmsg}`.trim());
  }
}

export interface Mailer {
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer; one transport per sender so connections are reused. */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}
