import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { seedDemo } from '../../src/demo/demo.seed.ts';
import { buildApp } from '../../src/app/app.ts';
import { openTestServices, preparedDemoFits, testConfig, type DatabaseFlavour, type TestContext } from './test-database.ts';

export interface TestApp extends TestContext {
  app: FastifyInstance;
  /** Logs in and returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

/**
 * The real app on a fresh database with the demo loaded; requests are injected without a port.
 * The demo comes from the run's prepared database where that is what seeding here would give: with
 * the default settings and clock, on the day it was seeded. Otherwise it is seeded here.
 */
export async function startTestApp(flavour: DatabaseFlavour, options: { demo?: boolean; env?: Record<string, string>; clock?: () => Date } = {}): Promise<TestApp> {
  const demo = options.demo ?? true;
  const defaults = Object.keys(options.env ?? {}).length === 0 && !options.clock;
  const prepared = demo && defaults && preparedDemoFits(testConfig(undefined));
  const context = await openTestServices(flavour, options.env, options.clock, prepared ? 'demo' : 'migrated');
  if (demo && !prepared) await seedDemo(context.services);
  const app = await buildApp({ services: context.services, logger: false });
  const call: TestApp['call'] = (method, url, { token, body, headers = {} } = {}) => {
    const allHeaders: Record<string, string> = { ...headers };
    if (token) allHeaders.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (typeof body === 'string') payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      allHeaders['content-type'] ??= 'application/json';
    }
    return app.inject({ method, url, headers: allHeaders, ...(payload === undefined ? {} : { payload }) });
  };
  return {
    ...context,
    app,
    call,
    async login(username, password = 'liandong-demo') {
      const res = await call('POST', '/api/v1/auth/login', { body: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      return res.json<{ token: string }>().token;
    },
    async close() {
      await app.close();
      await context.close();
    },
  };
}
