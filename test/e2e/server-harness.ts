import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const STARTUP_LIMIT_MS = 90_000;
const POLL_INTERVAL_MS = 200;
const STOP_GRACE_MS = 10_000;

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** Everything the server printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the probe port'));
      });
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet; keep polling.
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(`the server did not answer GET /api/v1/health with 200 within ${limitMs / 1000}s:\n${output()}`);
}

export interface ServerOptions {
  /** A data directory another server left behind (see global-server.ts): this one starts from a copy of it. */
  from?: string | undefined;
  /** Run on this data directory and leave it in place on stop, instead of on a new one that stop removes. */
  dataDir?: string | undefined;
  /** How long it may take to become healthy; a first start loads the demo and takes longer. */
  startupLimitMs?: number | undefined;
  /** Options of `liandong serve`, such as `--no-demo` for an instance that starts empty. */
  serveArgs?: string[] | undefined;
}

/**
 * Runs a `liandong` command on a data directory (the server must not be running on it: PGlite has one writer),
 * as an operator would before the first start, and fails with its output if it does.
 */
export async function runCli(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env, LIANDONG_DATA_DIR: dataDir, LIANDONG_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await exited(child);
  if (child.exitCode !== 0) throw new Error(`liandong ${args.join(' ')} exited with ${child.exitCode}:\n${log}`);
  return log;
}

/**
 * Starts the real server (`liandong serve`) on a free port with a data directory of its own, as a user would,
 * and waits until it is healthy. The web must already be built: this tier tests the bundle that ships.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(path.join(repoRoot, 'web/dist/index.html'))) {
    throw new Error('web/dist/index.html is missing: run `npm run build:web` before the browser tests');
  }
  const port = await freePort();
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'liandong-e2e-')));
  if (options.from) await cp(options.from, dataDir, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...(options.serveArgs ?? [])], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), LIANDONG_DATA_DIR: dataDir, LIANDONG_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log;
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited(child);
      clearTimeout(forced);
    }
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, output, options.startupLimitMs ?? STARTUP_LIMIT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, output, stop };
}
