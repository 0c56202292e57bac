import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, WEB_DIST } from '../../src/app/app.ts';
import { databaseFlavours, testConfig } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

/** Sends raw bytes and resolves with the server's first answer (or '' if it just closes). */
function rawExchange(port: number, head: string, bodyPart: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('data', (chunk) => {
      resolve(chunk.toString('utf8'));
      socket.destroy();
    });
    socket.on('close', () => resolve(''));
    socket.on('error', reject);
    socket.write(head + bodyPart);
  });
}

describe.each(databaseFlavours())('HTTP hardening on %s', (flavour) => {
  let t: TestApp;
  let qd: string;

  beforeAll(async () => {
    t = await startTestApp(flavour);
    qd = await t.login('qd.fgw');
  });
  afterAll(() => t?.close());

  it('sends a strict content security policy and the usual protective headers', async () => {
    const res = await t.call('GET', '/api/v1/health');
    const csp = String(res.headers['content-security-policy']);
    console.log(`http: CSP ${csp}`);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('sends HSTS and marks the session cookie Secure together, only when the app is served over HTTPS', async () => {
    const login = (app: { inject: TestApp['app']['inject'] }) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'qd.kj', password: 'liandong-demo' } });
    const plain = await login(t.app);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const plainCookies = ([] as string[]).concat(plain.headers['set-cookie'] ?? []);
    expect(plainCookies.find((c) => c.startsWith('ld_session='))).not.toMatch(/;\s*Secure/i);

    const https = testConfig(undefined, { LIANDONG_COOKIE_SECURE: 'true' });
    const app = await buildApp({ services: { ...t.services, config: { ...t.services.config, session: https.session } }, logger: false });
    try {
      const secure = await login(app);
      expect(secure.statusCode).toBe(200);
      expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const cookies = ([] as string[]).concat(secure.headers['set-cookie'] ?? []);
      expect(cookies.find((c) => c.startsWith('ld_session='))).toMatch(/;\s*Secure/i);
    } finally {
      await app.close();
    }
  });

  it('answers errors raised below the routes in the same {error: {code, message}} shape as all others', async () => {
    const shaped = (text: string) => {
      const parsed: unknown = JSON.parse(text);
      expect(parsed).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      return (parsed as { error: { code: string } }).error.code;
    };
    const unknownApi = await t.call('GET', '/api/v1/no-such-thing', { token: qd });
    expect(unknownApi.statusCode).toBe(404);
    expect(shaped(unknownApi.body)).toBe('route.not_found');
    const unknownMethod = await t.call('DELETE', '/api/v1/health');
    expect(unknownMethod.statusCode).toBe(404);
    expect(shaped(unknownMethod.body)).toBe('route.not_found');
    const longId = await t.call('GET', `/api/v1/tasks/${'a'.repeat(300)}`, { token: qd });
    expect(longId.statusCode).toBe(404);
    expect(shaped(longId.body)).toBe('route.not_found');
    const badUrl = await t.call('GET', '/api/v1/tasks/%E0%A4%A', { token: qd });
    expect(badUrl.statusCode).toBe(400);
    expect(shaped(badUrl.body)).toBe('request.bad_url');

    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const bodyOf = (answer: string) => answer.slice(answer.indexOf('\r\n\r\n') + 4);
    const huge = await rawExchange(port, `GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ${'x'.repeat(20_000)}\r\n\r\n`, '');
    expect(huge).toMatch(/^HTTP\/1\.1 431/);
    expect(shaped(bodyOf(huge))).toBe('request.headers_too_large');
    const garbage = await rawExchange(port, 'NOT HTTP AT ALL\r\n\r\n', '');
    expect(garbage).toMatch(/^HTTP\/1\.1 400/);
    expect(shaped(bodyOf(garbage))).toBe('request.malformed');
  });

  it('tells browsers and proxies not to keep authenticated API answers', async () => {
    const res = await t.call('GET', '/api/v1/cooperations', { token: qd });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('builds a web app that runs under script-src self: no inline scripts, every script from this origin', () => {
    const index = path.join(WEB_DIST, 'index.html');
    expect(fs.existsSync(index), `${index} is built by npm run build:web (npm test does it first)`).toBe(true);
    const html = fs.readFileSync(index, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(inline?.trim()).toBe('');
      expect(attributes).toMatch(/src="\/[^/]/);
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('refuses a body over the size limit with 413 and a stable code', async () => {
    const big = 'x'.repeat(4 * 1024 * 1024 + 1);
    const res = await t.call('POST', '/api/v1/cooperations', { token: qd, body: JSON.stringify({ name: big }), headers: { 'content-type': 'application/json' } });
    console.log(`http: ${big.length} byte body → ${res.statusCode} ${res.json().error.code}`);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('request.too_large');
  });

  it('answers malformed JSON and wrong content types with 4xx, never 500', async () => {
    const broken = await t.call('POST', '/api/v1/cooperations', { token: qd, body: '{"name": ', headers: { 'content-type': 'application/json' } });
    const xml = await t.call('POST', '/api/v1/cooperations', { token: qd, body: '<a/>', headers: { 'content-type': 'application/xml' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('request.invalid_json');
    expect(xml.statusCode).toBe(415);
  });

  it('drops a client that does not finish sending its request within the request timeout', async () => {
    const config = testConfig(undefined, { LIANDONG_REQUEST_TIMEOUT_SECONDS: '1' });
    const app = await buildApp({ services: { ...t.services, config: { ...t.services.config, http: config.http } }, logger: false });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as AddressInfo;
      const head = `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
      const answer = await rawExchange(port, head, '{"username":');
      console.log(`http: request body stalled after 12 of 100 bytes → "${answer.split('\r\n')[0]}" (timeout ${config.http.requestTimeoutMs} ms)`);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'request.timeout', message: expect.any(String) } });
    } finally {
      await app.close();
    }
  });
});
