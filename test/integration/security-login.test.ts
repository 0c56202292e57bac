import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginThrottles, users } from '../../src/db/schema/core.ts';
import { notifications } from '../../src/db/schema/platform.ts';
import { ACCOUNT_THRESHOLD, ADDRESS_THRESHOLD, FORGET_MS } from '../../src/modules/auth/login-throttle.ts';
import { passwordProblem } from '../../src/modules/auth/password.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

describe.each(databaseFlavours())('login throttling on %s', (flavour) => {
  let t: TestApp;
  /** The throttle's time; the tests move it instead of waiting. */
  let now = new Date('2026-12-03T09:00:00Z');
  const pass = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  const attempt = (username: string, password: string, from: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: from });
  const code = (res: LightMyRequestResponse) => res.json<{ error?: { code: string } }>().error?.code ?? 'ok';
  const userId = async (username: string) => {
    const [row] = await t.services.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (!row) throw new Error(`no user ${username}`);
    return row.id;
  };
  const throttleNotices = async (username: string) =>
    t.services.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, await userId(username)), eq(notifications.kind, 'auth.login_throttled')));

  beforeAll(async () => {
    t = await startTestApp(flavour, { clock: () => now });
  });
  afterAll(() => t?.close());

  it('slows one address guessing an account with growing waits, while the real user logs in from elsewhere, and tells the user and the admins', async () => {
    const attacker = '10.66.0.1';
    const user = '10.77.0.1';
    const wrong = [];
    for (let i = 0; i < ACCOUNT_THRESHOLD; i++) wrong.push(await attempt('sz.kj', `wrong-password-${i}`, attacker));
    expect(wrong.map((r) => r.statusCode)).toEqual(Array<number>(ACCOUNT_THRESHOLD).fill(401));

    // Inside the wait even the right password is not looked at: guessing faster gains nothing.
    const waits: string[] = [];
    const inWait = await attempt('sz.kj', 'liandong-demo', attacker);
    expect(inWait.statusCode).toBe(429);
    expect(code(inWait)).toBe('auth.throttled');
    waits.push(String(inWait.headers['retry-after']));
    expect(inWait.json().error.details).toEqual({ retryAfterSeconds: 1 });

    const realUser = await attempt('sz.kj', 'liandong-demo', user);
    expect(realUser.statusCode).toBe(200);

    for (const wait of [1, 2, 4]) {
      pass(wait * 1000);
      expect((await attempt('sz.kj', `another-guess-${wait}`, attacker)).statusCode).toBe(401);
      const next = await attempt('sz.kj', `too-soon-${wait}`, attacker);
      expect(next.statusCode).toBe(429);
      waits.push(String(next.headers['retry-after']));
    }
    console.log(`login: ${ACCOUNT_THRESHOLD} wrong passwords from one address, then Retry-After ${waits.join(', ')} s; the real user from another address → ${realUser.statusCode}`);
    expect(waits).toEqual(['1', '2', '4', '8']);
    // The user's own address keeps working after the guessing went on.
    expect((await attempt('sz.kj', 'liandong-demo', user)).statusCode).toBe(200);

    const toUser = await throttleNotices('sz.kj');
    const toAdmin = await throttleNotices('admin');
    expect(toUser).toHaveLength(1);
    expect(toUser[0]?.title).toContain('sz.kj');
    expect(toUser[0]?.body).toContain(attacker);
    expect(toAdmin).toHaveLength(1);
    const audited = await t.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'throttle'), eq(auditLog.entityId, await userId('sz.kj'))));
    expect(audited).toHaveLength(1);

    // A day without guessing and the address starts afresh.
    pass(FORGET_MS);
    expect((await attempt('sz.kj', 'liandong-demo', attacker)).statusCode).toBe(200);
    // Counts nobody needs any more are removed by later wrong passwords.
    expect((await attempt('sz.kj', 'wrong-once', '10.66.0.2')).statusCode).toBe(401);
    expect(await t.services.database.db.select().from(loginThrottles).where(eq(loginThrottles.address, attacker))).toEqual([]);
  });

  it('tells the user and the admins once an hour however many addresses take turns', async () => {
    for (const from of ['10.66.1.1', '10.66.1.2']) {
      for (let i = 0; i < ACCOUNT_THRESHOLD; i++) expect((await attempt('qd.kj', `wrong-${from}-${i}`, from)).statusCode).toBe(401);
      expect(code(await attempt('qd.kj', 'wrong-again', from))).toBe('auth.throttled');
    }
    expect(await throttleNotices('qd.kj')).toHaveLength(1);
  });

  it('answers an unknown account as a known one, throttled alike', async () => {
    const answers = [];
    for (let i = 0; i <= ACCOUNT_THRESHOLD; i++) answers.push(await attempt('no.such.user', `wrong-${i}`, '10.66.2.1'));
    const known = [];
    for (let i = 0; i <= ACCOUNT_THRESHOLD; i++) known.push(await attempt('dl.fgw', `wrong-${i}`, '10.66.2.2'));
    expect(answers.map((r) => r.statusCode)).toEqual(known.map((r) => r.statusCode));
    expect(answers[0]?.json()).toEqual(known[0]?.json());
    expect(answers.at(-1)?.json()).toEqual(known.at(-1)?.json());
  });

  it('forgives an address its wrong passwords once the right one comes', async () => {
    const from = '10.66.3.1';
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < ACCOUNT_THRESHOLD - 1; i++) expect((await attempt('qd.leader', `nope-nope-${i}`, from)).statusCode).toBe(401);
      expect((await attempt('qd.leader', 'liandong-demo', from)).statusCode).toBe(200);
    }
  });

  it('counts a burst of parallel guesses one by one, so it cannot slip past the threshold', async () => {
    const burst = await Promise.all(Array.from({ length: ACCOUNT_THRESHOLD * 2 }, (_, i) => attempt('yt.fgw', `parallel-guess-${i}`, '10.66.4.1')));
    const statuses = burst.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(ACCOUNT_THRESHOLD);
    expect(statuses.filter((s) => s === 429)).toHaveLength(ACCOUNT_THRESHOLD);
    expect((await attempt('yt.fgw', 'liandong-demo', '10.66.4.2')).statusCode).toBe(200);
  });

  it(`slows one address guessing across accounts after ${ADDRESS_THRESHOLD} wrong passwords and tells the admins`, async () => {
    const from = '10.66.5.1';
    const answers = [];
    for (let i = 0; i < ADDRESS_THRESHOLD; i++) answers.push((await attempt(`ghost.${i}`, 'whatever-password', from)).statusCode);
    expect(answers.every((s) => s === 401)).toBe(true);
    const next = await attempt('ghost.new', 'whatever-password', from);
    expect(code(next)).toBe('auth.throttled');
    expect(next.headers['retry-after']).toBe('1');
    const toAdmin = (await throttleNotices('admin')).filter((n) => n.title.includes(from));
    expect(toAdmin).toHaveLength(1);
  });

  it('counts an IPv6 client by its /64, so changing the last bits does not reset the count', async () => {
    for (let i = 1; i <= ACCOUNT_THRESHOLD; i++) expect((await attempt('sz.fgw', `v6-guess-${i}`, `2001:db8:1:2::${i}`)).statusCode).toBe(401);
    expect(code(await attempt('sz.fgw', 'v6-guess-next', '2001:db8:1:2:ffff::9'))).toBe('auth.throttled');
    expect((await attempt('sz.fgw', 'liandong-demo', '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('keeps a per-process cap of 30 login requests a minute per address against floods', async () => {
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push(code(await attempt(i % 2 ? 'qd.fgw' : 'st.fgw', 'liandong-demo', '10.66.6.1')));
    expect(answers.slice(0, 30).every((c) => c === 'ok')).toBe(true);
    expect(answers[30]).toBe('request.rate_limited');
  });

  it('requires passwords of at least 10 characters with some variety', () => {
    expect(passwordProblem('short')).not.toBeNull();
    expect(passwordProblem('aaaaaaaaaaaa')).not.toBeNull();
    expect(passwordProblem('liandong-demo')).toBeNull();
  });
});
