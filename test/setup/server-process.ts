import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './throwaway-postgres.ts';

/** The real `liandong` command in a child process, for tests about killing, stopping and restarting it. */

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = ['--import', 'tsx', 'src/cli/main.ts'];

export interface ServerEnv {
  dataDir: string;
  databaseUrl?: string | undefined;
  extra?: Record<string, string>;
}

function envFor(options: ServerEnv, port?: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LIANDONG_DATA_DIR: options.dataDir,
    LIANDONG_LOG_LEVEL: 'warn',
    LIANDONG_JOB_WORKER: 'false',
    ...(port === undefined ? {} : { PORT: String(port), HOST: '127.0.0.1' }),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.extra,
  };
}

/** Runs one CLI command to its end. */
export function runCli(args: string[], options: ServerEnv): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...CLI, ...args], { cwd: REPO_ROOT, env: envFor(options), encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface ServerProcess {
  process: ChildProcess;
  port: number;
  base: string;
  output: () => string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Starts `liandong serve --no-demo` and resolves once /health answers, or rejects when the process ends first. */
export async function startServerProcess(options: ServerEnv): Promise<ServerProcess> {
  const port = await freePort();
  return ready(spawn(process.execPath, [...CLI, 'serve', '--no-demo'], { cwd: REPO_ROOT, env: envFor(options, port), stdio: ['ignore', 'pipe', 'pipe'] }), port);
}

/** Runs the README's `npm start` as a new user would, and resolves once /health answers. */
export async function startNpmStart(options: ServerEnv): Promise<ServerProcess> {
  const port = await freePort();
  // Its own process group, so stopping it stops npm's children (tsx, the server) too.
  return ready(spawn('npm', ['start'], { cwd: REPO_ROOT, env: envFor(options, port), stdio: ['ignore', 'pipe', 'pipe'], detached: true }), port);
}

async function ready(child: ChildProcess, port: number): Promise<ServerProcess> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  let ended = false;
  void exited.then(() => (ended = true));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (ended) throw new Error(`server exited before it was ready:\n${output}`);
    const healthy = await fetch(`${base}/api/v1/health`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { process: child, port, base, output: () => output, exited };
}

export async function api(server: ServerProcess, method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; json: () => unknown }> {
  const res = await fetch(`${server.base}${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: () => JSON.parse(text) as unknown };
}
