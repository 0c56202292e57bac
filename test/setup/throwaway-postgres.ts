import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PG_BIN = process.env.LIANDONG_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface ThrowawayPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): void;
  start(): void;
  remove(): void;
}

export function postgresAvailable(): boolean {
  return fs.existsSync(path.join(PG_BIN, 'initdb')) && fs.existsSync(path.join(PG_BIN, 'pg_ctl'));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user. */
function asOwner(command: string, args: string[]): string[] {
  return isRoot() ? ['runuser', '-u', 'postgres', '--', command, ...args] : [command, ...args];
}

function run(argv: string[], { check }: { check: boolean } = { check: true }): void {
  const [command, ...args] = argv;
  if (!command) throw new Error('empty command');
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (check && result.status !== 0) throw new Error(`${argv.join(' ')} failed: ${result.stderr || result.stdout}`);
}

/** A private cluster on a free port in a temp dir, trust auth on loopback only; removed by stop(). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'liandong-pg-'));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'sock');
  fs.mkdirSync(socketDir);
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', root]);
  fs.chmodSync(root, 0o755);
  run(asOwner(path.join(PG_BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '-N']));
  const port = await freePort();
  const options = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtl = (args: string[], check = true) => run(asOwner(path.join(PG_BIN, 'pg_ctl'), ['-D', dataDir, ...args]), { check });
  const start = () => pgCtl(['-o', options, '-l', path.join(root, 'server.log'), '-w', 'start']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    start,
    /** Stops the server (a fault test may start() it again); remove() deletes the cluster. */
    stop: () => pgCtl(['-m', 'fast', '-w', 'stop'], false),
    remove() {
      pgCtl(['-m', 'immediate', '-w', 'stop'], false);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
