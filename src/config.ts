import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  LIANDONG_DATA_DIR: z.string().default('./data'),
  LIANDONG_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LIANDONG_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  LIANDONG_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(24),
  LIANDONG_COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** A request whose body has not arrived in this time is answered 408, so slow clients cannot hold connections open. */
  LIANDONG_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().positive().max(3600).default(60),
  LIANDONG_SMTP_URL: z.string().optional(),
  LIANDONG_MAIL_FROM: z.string().default('Liandong <noreply@liandong.local>'),
  /** Due dates and "overdue" are judged by the calendar day in this zone. */
  LIANDONG_TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** The Chromium that prints briefings to PDF. */
  LIANDONG_CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Where users open the app; links in mails and robot messages point here. */
  LIANDONG_PUBLIC_URL: z.string().url().optional(),
  /**
   * Networks (CIDR, comma-separated) robot webhooks may reach besides the public internet, e.g. the
   * 政务外网 range of an intranet deployment; robots there may also be plain http.
   */
  LIANDONG_ROBOT_ALLOWED_NETWORKS: z.string().default(''),
  LIANDONG_REMIND_DAYS_BEFORE: z.coerce.number().int().min(1).max(60).default(3),
  LIANDONG_ESCALATE_DAYS_OVERDUE: z.coerce.number().int().min(1).max(365).default(7),
  /** The server runs the background job worker unless this is false (e.g. a web-only instance). */
  LIANDONG_JOB_WORKER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Evidence files; defaults to <data dir>/uploads. */
  LIANDONG_UPLOAD_DIR: z.string().optional(),
  LIANDONG_UPLOAD_MAX_MB: z.coerce.number().int().positive().max(1024).default(20),
  /** Evidence files go to this S3-compatible bucket instead of LIANDONG_UPLOAD_DIR. */
  LIANDONG_S3_BUCKET: z.string().min(3).max(63).optional(),
  LIANDONG_S3_ENDPOINT: z.string().url().optional(),
  LIANDONG_S3_REGION: z.string().default('us-east-1'),
  LIANDONG_S3_PREFIX: z.string().max(200).default(''),
});

export interface S3StoreConfig {
  bucket: string;
  /** For MinIO, Ceph, OSS and the like; AWS itself needs none. */
  endpoint: string | undefined;
  region: string;
  /** Prepended to every object key, so one bucket can serve several installations. */
  prefix: string;
}

export interface RobotNetwork {
  network: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof envSchema>['LIANDONG_LOG_LEVEL'];
  session: { idleMinutes: number; absoluteHours: number; cookieSecure: boolean };
  http: { requestTimeoutMs: number };
  mail: { smtpUrl: string | undefined; from: string };
  timeZone: string;
  documents: { chromiumPath: string };
  notifications: { publicUrl: string; remindDaysBefore: number; escalateDaysOverdue: number; robotAllowedNetworks: RobotNetwork[] };
  jobs: { worker: boolean };
  uploads: { dir: string; maxBytes: number; s3: S3StoreConfig | undefined };
  version: string;
};

const APP_VERSION = '0.1.0';

/** Parses the environment once; everything else receives the typed object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const robotAllowedNetworks = parseNetworks(e.LIANDONG_ROBOT_ALLOWED_NETWORKS);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    // memory:// keeps PGlite in memory (tests); anything else is a directory.
    dataDir: e.LIANDONG_DATA_DIR.startsWith('memory://') ? e.LIANDONG_DATA_DIR : path.resolve(e.LIANDONG_DATA_DIR),
    logLevel: e.LIANDONG_LOG_LEVEL,
    session: {
      idleMinutes: e.LIANDONG_SESSION_IDLE_MINUTES,
      absoluteHours: e.LIANDONG_SESSION_ABSOLUTE_HOURS,
      cookieSecure: e.LIANDONG_COOKIE_SECURE,
    },
    http: { requestTimeoutMs: e.LIANDONG_REQUEST_TIMEOUT_SECONDS * 1000 },
    mail: { smtpUrl: e.LIANDONG_SMTP_URL, from: e.LIANDONG_MAIL_FROM },
    timeZone: e.LIANDONG_TIME_ZONE,
    documents: { chromiumPath: e.LIANDONG_CHROMIUM_PATH },
    notifications: {
      publicUrl: (e.LIANDONG_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      remindDaysBefore: e.LIANDONG_REMIND_DAYS_BEFORE,
      escalateDaysOverdue: e.LIANDONG_ESCALATE_DAYS_OVERDUE,
      robotAllowedNetworks,
    },
    jobs: { worker: e.LIANDONG_JOB_WORKER },
    uploads: {
      dir: uploadDir(e.LIANDONG_UPLOAD_DIR, e.LIANDONG_DATA_DIR),
      maxBytes: e.LIANDONG_UPLOAD_MAX_MB * 1024 * 1024,
      s3: e.LIANDONG_S3_BUCKET
        ? { bucket: e.LIANDONG_S3_BUCKET, endpoint: e.LIANDONG_S3_ENDPOINT, region: e.LIANDONG_S3_REGION, prefix: e.LIANDONG_S3_PREFIX }
        : undefined,
    },
    version: APP_VERSION,
  };
}

/** `10.0.0.0/8, fd00::/8`; a bare address is a network of one. A mistyped entry stops the start rather than trusting too much. */
function parseNetworks(list: string): RobotNetwork[] {
  return list
    .split(/[,\s]+/)
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [network = '', prefixText, extra] = entry.split('/');
      const version = net.isIP(network);
      const maxPrefix = version === 6 ? 128 : 32;
      const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
      if (!version || extra !== undefined || !/^\d{1,3}$/.test(prefixText ?? String(maxPrefix)) || prefix > maxPrefix) {
        throw new Error(`Invalid configuration: LIANDONG_ROBOT_ALLOWED_NETWORKS: ${entry} is not a network such as 10.0.0.0/8 or fd00::/8`);
      }
      return { network, prefix, family: version === 6 ? 'ipv6' : 'ipv4' };
    });
}

/** An in-memory database (tests) has no data directory to keep files beside, so they go to the temp directory. */
function uploadDir(explicit: string | undefined, dataDir: string): string {
  if (explicit) return path.resolve(explicit);
  if (dataDir.startsWith('memory://')) return path.join(os.tmpdir(), 'liandong-uploads');
  return path.join(path.resolve(dataDir), 'uploads');
}
