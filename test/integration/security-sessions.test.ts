import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../src/db/schema/core.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../src/http/session.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

interface CookieLogin {
  session: string;
  csrf: string;
  bearer: string;
  setCookies: LightMyRequestResponse['cookies'];
}

describe.each(databaseFlavours())('sessions on %s', (flavour) => {
  let t: TestApp;
  let cooperationId: string;
  let address = 0;

  /** Each login from its own address, so the per-address login limit does not interfere. */
  async function cookieLogin(username: string): Promise<CookieLogin> {
    address++;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: 'liandong-demo' },
      remoteAddress: `10.1.0.${address}`,
    });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === SESSION_COOKIE);
    const csrf = res.cookies.find((c) => c.name === CSRF_COOKIE);
    if (!session || !csrf) throw new Error('login did not set both cookies');
    return { session: session.value, csrf: csrf.value, bearer: res.json<{ token: string }>().token, setCookies: res.cookies };
  }

  const withCookies = (login: CookieLogin, method: 'GET' | 'POST', url: string, csrfHeader?: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      cookies: { [SESSION_COOKIE]: login.session, [CSRF_COOKIE]: login.csrf },
      headers: csrfHeader === undefined ? {} : { [CSRF_HEADER]: csrfHeader },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  const me = (login: CookieLogin) => withCookies(login, 'GET', '/api/v1/me');

  beforeAll(async () => {
    t = await startTestApp(flavour);
    const admin = await t.login('admin');
    const list = (await t.call('GET', '/api/v1/cooperations?q=青岛—深圳', { token: admin })).json<{ items: { id: string }[] }>();
    cooperationId = list.items[0]?.id ?? '';
  });
  afterAll(() => t?.close());

  it('sets the session cookie HttpOnly and SameSite, and the CSRF cookie readable by the page', async () => {
    const login = await cookieLogin('qd.fgw');
    const session = login.setCookies.find((c) => c.name === SESSION_COOKIE);
    const csrf = login.setCookies.find((c) => c.name === CSRF_COOKIE);
    console.log(`sessions: ${SESSION_COOKIE} httpOnly=${session?.httpOnly} sameSite=${session?.sameSite}; ${CSRF_COOKIE} httpOnly=${csrf?.httpOnly ?? false}`);
    expect(session).toMatchObject({ httpOnly: true, path: '/' });
    expect(String(session?.sameSite).toLowerCase()).toMatch(/^(lax|strict)$/);
    expect(csrf?.httpOnly).not.toBe(true);
    expect(String(csrf?.sameSite).toLowerCase()).toMatch(/^(lax|strict)$/);
    expect((await me(login)).statusCode).toBe(200);
  });

  it('refuses a cookie-authenticated write without the CSRF token, or with a wrong one, and accepts it with the right one', async () => {
    const login = await cookieLogin('qd.fgw');
    const url = `/api/v1/cooperations/${cooperationId}/api-tokens`;
    const body = { name: 'csrf probe', scope: 'read' };
    const missing = await withCookies(login, 'POST', url, undefined, body);
    const wrong = await withCookies(login, 'POST', url, `${login.csrf}x`, body);
    const right = await withCookies(login, 'POST', url, login.csrf, body);
    // A bearer token is not sent by browsers on their own, so it needs no CSRF token.
    const bearer = await t.call('POST', url, { token: login.bearer, body });
    console.log(`sessions: cookie write without CSRF ${missing.statusCode}, wrong CSRF ${wrong.statusCode}, right CSRF ${right.statusCode}, bearer ${bearer.statusCode}`);
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('auth.csrf');
    expect(wrong.statusCode).toBe(403);
    expect(right.statusCode).toBe(201);
    expect(bearer.statusCode).toBe(201);
  });

  it('ends a session that stayed idle longer than the idle timeout', async () => {
    const login = await cookieLogin('sz.fgw');
    expect((await me(login)).statusCode).toBe(200);
    const idleMinutes = t.config.session.idleMinutes;
    await t.services.database.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - make_interval(mins => ${idleMinutes + 1})` })
      .where(eq(sessions.userId, sql`(select id from ${users} where username = 'sz.fgw')`));
    const after = await me(login);
    console.log(`sessions: after ${idleMinutes + 1} idle minutes (timeout ${idleMinutes}) → ${after.statusCode}`);
    expect(after.statusCode).toBe(401);
    expect((await t.call('GET', '/api/v1/me', { token: login.bearer })).statusCode).toBe(401);
  });

  it('keeps an active session alive but ends it at the absolute timeout however active it was', async () => {
    const login = await cookieLogin('qd.kj');
    await t.services.database.db
      .update(sessions)
      .set({ createdAt: sql`now() - interval '1 hour'`, lastSeenAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.userId, sql`(select id from ${users} where username = 'qd.kj')`));
    expect((await me(login)).statusCode).toBe(200);
    await t.services.database.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'`, lastSeenAt: sql`now()` })
      .where(eq(sessions.userId, sql`(select id from ${users} where username = 'qd.kj')`));
    const after = await me(login);
    console.log(`sessions: active session past its absolute lifetime (${t.config.session.absoluteHours} h) → ${after.statusCode}`);
    expect(after.statusCode).toBe(401);
  });

  it('logs out one session without touching the others', async () => {
    const first = await cookieLogin('qd.leader');
    const second = await cookieLogin('qd.leader');
    const out = await withCookies(first, 'POST', '/api/v1/auth/logout', first.csrf);
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('logs out everywhere: every session of the user ends, other users stay logged in', async () => {
    const sessionsOfUser = [await cookieLogin('st.fgw'), await cookieLogin('st.fgw'), await cookieLogin('st.fgw')];
    const other = await cookieLogin('dl.fgw');
    const res = await t.call('POST', '/api/v1/auth/logout-everywhere', { token: sessionsOfUser[0]?.bearer ?? '' });
    console.log(`sessions: logout-everywhere ended ${res.json<{ ended: number }>().ended} sessions of st.fgw`);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ ended: number }>().ended).toBe(3);
    for (const login of sessionsOfUser) expect((await me(login)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(200);
  });
});
