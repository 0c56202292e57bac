import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, startThrowawayPostgres, type ThrowawayPostgres } from '../setup/throwaway-postgres.ts';
import { api, runCli, startServerProcess, type ServerProcess } from '../setup/server-process.ts';

/**
 * The database goes away under a running server: a PostgreSQL cluster of its
 * own (not the one other test files share) is stopped and started again.
 * PGlite lives inside the server process, so this is PostgreSQL's story only.
 */

const ADMIN = { username: 'fault.admin', password: 'liandong-fault-1' };

if (!postgresAvailable()) console.warn('\n!!! db-faults: PostgreSQL binaries not found, the database fault tests are SKIPPED !!!\n');

describe.skipIf(!postgresAvailable())('the server while PostgreSQL is down', () => {
  let pg: ThrowawayPostgres;
  let server: ServerProcess;
  let dataDir: string;
  let token: string;

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liandong-fault-'));
    const env = { dataDir, databaseUrl: pg.url };
    const created = runCli(['user', 'create', '--username', ADMIN.username, '--display-name', '故障测试管理员', '--password', ADMIN.password, '--admin'], env);
    if (created.status !== 0) throw new Error(`user create failed: ${created.stderr}`);
    server = await startServerProcess(env);
    token = ((await api(server, 'POST', '/api/v1/auth/login', undefined, ADMIN)).json() as { token: string }).token;
  });
  afterAll(async () => {
    if (server && server.process.exitCode === null) {
      server.process.kill('SIGKILL');
      await server.exited;
    }
    pg?.remove();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 database.unavailable with Retry-After, reports itself degraded, and does not crash', async () => {
    expect((await api(server, 'GET', '/api/v1/cooperations', token)).status).toBe(200);
    pg.stop();
    const answers = [];
    // Reads, writes, logins and the session check itself all meet the missing database.
    for (const [method, url, body] of [
      ['GET', '/api/v1/cooperations', undefined],
      ['POST', '/api/v1/cooperations', { name: '故障期间登记', parties: [{ regionCode: '370200' }, { regionCode: '440300' }] }],
      ['GET', '/api/v1/me', undefined],
      ['GET', '/api/v1/regions?q=青岛', undefined],
    ] as const) {
      const res = await fetch(`${server.base}${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      answers.push({ url, status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error?: { code: string } } });
    }
    const login = await api(server, 'POST', '/api/v1/auth/login', undefined, ADMIN);
    const health = await api(server, 'GET', '/api/v1/health');
    console.log(`db-faults: database stopped → ${answers.map((a) => `${a.url} ${a.status}`).join(', ')}, login ${login.status}, health ${health.status} ${JSON.stringify(health.json())}`);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.body.error?.code).toBe('database.unavailable');
      expect(answer.retryAfter).toBe('5');
    }
    expect(login.status).toBe(503);
    expect(health.status).toBe(503);
    expect(health.json()).toMatchObject({ status: 'degraded', database: 'postgres', databaseReachable: false });
    expect(server.process.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/unhandled|uncaught/i);
  });

  it('recovers by itself when the database is back, with the sessions it had', async () => {
    pg.start();
    let polls = 0;
    for (;;) {
      polls++;
      const health = await api(server, 'GET', '/api/v1/health').catch(() => null);
      if (health?.status === 200) break;
      if (server.process.exitCode !== null) throw new Error(`server died: ${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const list = await api(server, 'GET', '/api/v1/cooperations', token);
    const write = await api(server, 'POST', '/api/v1/cooperations', token, { name: '恢复后登记的合作', parties: [{ regionCode: '370200' }, { regionCode: '440300' }] });
    console.log(`db-faults: database started again → healthy after ${polls} polls; list ${list.status}, write ${write.status}`);
    expect(list.status).toBe(200);
    expect(write.status).toBe(201);
    expect(server.process.exitCode).toBeNull();
  });
});
