import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseFlavours, freshDatabaseUrl } from '../setup/test-database.ts';
import { startNpmStart, type ServerProcess } from '../setup/server-process.ts';

/** Seeding the demo on a loaded machine takes a while; the test asserts what happens, not how fast. */
const STARTS_WITHIN_MS = 600_000;

describe.each(databaseFlavours())('the README’s `npm start` on %s', (flavour) => {
  let server: ServerProcess | undefined;
  let dataDir: string | undefined;
  afterAll(async () => {
    if (server?.process.pid) process.kill(-server.process.pid, 'SIGTERM');
    await server?.exited;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'serves the web app and the API on a new data directory, with the demo loaded and its logins printed',
    async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'liandong-npm-start-'));
      server = await startNpmStart({ dataDir, databaseUrl: await freshDatabaseUrl(flavour), extra: { LIANDONG_LOG_LEVEL: 'warn' } });
      expect(server.output()).toContain('Demo data loaded');
      expect(server.output()).toContain(flavour === 'postgres' ? '(postgres)' : '(pglite)');
      const page = await fetch(`${server.base}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const login = await fetch(`${server.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'qd.fgw', password: 'liandong-demo' }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const cooperations = await fetch(`${server.base}/api/v1/cooperations`, { headers: { authorization: `Bearer ${token}` } });
      const names = ((await cooperations.json()) as { items: { name: string }[] }).items.map((c) => c.name);
      expect(names.some((name) => name.includes('青岛—深圳'))).toBe(true);
    },
    STARTS_WITHIN_MS,
  );
});
