import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigrated } from '../../src/bootstrap.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit-chain.ts';
import { databaseFlavours, freshDatabaseUrl, testConfig } from '../setup/test-database.ts';
import { api, runCli, startServerProcess, type ServerEnv, type ServerProcess } from '../setup/server-process.ts';

const ADMIN = { username: 'crash.admin', password: 'liandong-crash-1' };

async function login(server: ServerProcess): Promise<string> {
  const res = await api(server, 'POST', '/api/v1/auth/login', undefined, ADMIN);
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return (res.json() as { token: string }).token;
}

async function createCooperation(server: ServerProcess, token: string, name: string): Promise<string> {
  const res = await api(server, 'POST', '/api/v1/cooperations', token, { name, parties: [{ regionCode: '370200' }, { regionCode: '440300' }] });
  if (res.status !== 201) throw new Error(`cooperation not created: ${res.status}`);
  return (res.json() as { id: string }).id;
}

/** Every project's name, page by page: a lost write must not hide behind the first page. */
async function projectNames(server: ServerProcess, token: string, cooperationId: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (let page = 1; ; page++) {
    const res = await api(server, 'GET', `/api/v1/cooperations/${cooperationId}/projects?page=${page}&pageSize=200`, token);
    const { items, total } = res.json() as { items: { name: string }[]; total: number };
    for (const p of items) names.add(p.name);
    if (items.length === 0 || names.size >= total) return names;
  }
}

describe.each(databaseFlavours())('crash safety of the server process on %s', (flavour) => {
  let env: ServerEnv;
  let dataDir: string;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liandong-crash-'));
    env = { dataDir, databaseUrl: await freshDatabaseUrl(flavour) };
    const created = runCli(['user', 'create', '--username', ADMIN.username, '--display-name', '崩溃测试管理员', '--password', ADMIN.password, '--admin'], env);
    if (created.status !== 0) throw new Error(`user create failed: ${created.stderr}`);
  });
  afterAll(async () => {
    if (server && server.process.exitCode === null) {
      server.process.kill('SIGKILL');
      await server.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds every acknowledged write after the server was killed with SIGKILL in the middle of a load', async () => {
    server = await startServerProcess(env);
    const running = server;
    const token = await login(running);
    const cooperationId = await createCooperation(running, token, '断电测试合作');
    const acknowledged: string[] = [];
    let failed = 0;
    let killed = false;
    const target = 60;
    const writer = async (lane: number) => {
      for (let i = 0; !killed || i === 0; i++) {
        const name = `断电项目-${lane}-${i}`;
        try {
          const res = await api(running, 'POST', `/api/v1/cooperations/${cooperationId}/projects`, token, { name });
          if (res.status === 201) acknowledged.push(name);
        } catch {
          failed++;
          return;
        }
        if (acknowledged.length >= target && !killed) {
          killed = true;
          // Killed while the other lanes still have requests on the wire.
          running.process.kill('SIGKILL');
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(writer));
    expect(await running.exited).toBe('SIGKILL');

    server = await startServerProcess(env);
    const names = await projectNames(server, await login(server), cooperationId);
    const lost = acknowledged.filter((n) => !names.has(n));
    console.log(`crash: ${flavour}: ${acknowledged.length} writes acknowledged, SIGKILL with ${failed} requests cut off; after restart ${names.size} projects stored, ${lost.length} acknowledged writes lost`);
    expect(acknowledged.length).toBeGreaterThanOrEqual(target);
    expect(lost).toEqual([]);
  });

  it('lets requests in flight finish when stopped with SIGTERM, then exits cleanly and keeps their data', async () => {
    const running = server ?? (await startServerProcess(env));
    const token = await login(running);
    const cooperationId = await createCooperation(running, token, '平稳停机测试合作');
    const body = JSON.stringify({ name: '停机时仍在上传的项目' });
    const socket = net.connect(running.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const half = Math.floor(Buffer.byteLength(body) / 2);
    const bytes = Buffer.from(body);
    socket.write(
      `POST /api/v1/cooperations/${cooperationId}/projects HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`,
    );
    socket.write(bytes.subarray(0, half));
    running.process.kill('SIGTERM');
    // The server has begun to stop once it refuses new connections; the request above is still open.
    for (;;) {
      const refused = await fetch(`${running.base}/api/v1/health`).then(
        () => false,
        () => true,
      );
      if (refused) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    socket.write(bytes.subarray(half));
    await closed;
    const code = await running.exited;
    console.log(`crash: ${flavour}: SIGTERM during an upload → "${answer.split('\r\n')[0]}", exit ${code}`);
    expect(answer).toMatch(/^HTTP\/1\.1 201/);
    expect(code).toBe(0);

    server = await startServerProcess(env);
    const names = await projectNames(server, await login(server), cooperationId);
    expect(names.has('停机时仍在上传的项目')).toBe(true);
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    server = null;
  });

  it('leaves an audit chain that still verifies after the kill', async () => {
    const database = await openMigrated(testConfig(env.databaseUrl, { LIANDONG_DATA_DIR: dataDir }));
    try {
      const verdict = await verifyAuditChain(database.db);
      console.log(`crash: ${flavour}: audit chain ${verdict.ok ? 'verifies' : 'BROKEN'} over ${verdict.checked} entries`);
      expect(verdict.ok).toBe(true);
    } finally {
      await database.close();
    }
  });
});

describe('the PGlite data directory lock', () => {
  let dataDir: string;
  let server: ServerProcess | null = null;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liandong-lock-'));
  });
  afterAll(async () => {
    if (server && server.process.exitCode === null) {
      server.process.kill('SIGKILL');
      await server.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process on the same data directory with exit code 3 and a clear message', async () => {
    server = await startServerProcess({ dataDir });
    const second = runCli(['migrate'], { dataDir });
    console.log(`lock: second process → exit ${second.status}: ${second.stderr.trim().split('\n')[0]}`);
    expect(second.status).toBe(3);
    expect(second.stderr).toContain('in use by another Liandong process');
    expect(second.stderr).toContain(String(server.process.pid));
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'liandong.lock'))).toBe(false);
    server = null;
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    fs.writeFileSync(path.join(dataDir, 'liandong.lock'), String(deadPid));
    server = await startServerProcess({ dataDir });
    const owner = String((JSON.parse(fs.readFileSync(path.join(dataDir, 'liandong.lock'), 'utf8')) as { pid: number }).pid);
    console.log(`lock: stale lock of dead pid ${deadPid} taken over by pid ${owner}`);
    expect(owner).toBe(String(server.process.pid));
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    server = null;
  });
});
