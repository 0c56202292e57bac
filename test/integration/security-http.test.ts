import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, WEB_DIST } from '../../src/http/app.ts';
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
    expect(res.headers['strict-transport-security']).toBeDefined();
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
    } finally {
      await app.close();
    }
  });
});
