import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../src/db/schema/core.ts';
import { LOCKOUT_THRESHOLD } from '../../src/modules/auth/auth.service.ts';
import { passwordProblem } from '../../src/modules/auth/password.ts';
import { databaseFlavours } from '../setup/test-database.ts';
import { startTestApp, type TestApp } from '../setup/test-app.ts';

describe.each(databaseFlavours())('login protection on %s', (flavour) => {
  let t: TestApp;
  let address = 0;

  /** Every attempt from a new address unless one is given, so only the per-account rule is at work. */
  const attempt = (username: string, password: string, from?: string) => {
    address++;
    return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: from ?? `10.2.${address >> 8}.${address & 255}` });
  };
  const userRow = async (username: string) => {
    const [row] = await t.services.database.db.select().from(users).where(eq(users.username, username));
    if (!row) throw new Error(`no user ${username}`);
    return row;
  };

  beforeAll(async () => {
    t = await startTestApp(flavour);
  });
  afterAll(() => t?.close());

  it(`locks an account after ${LOCKOUT_THRESHOLD} wrong passwords, answering exactly as for a wrong password, and audits it`, async () => {
    const wrongAnswers = [];
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) wrongAnswers.push(await attempt('sz.kj', `wrong-password-${i}`));
    const withRightPassword = await attempt('sz.kj', 'liandong-demo');
    const unknownUser = await attempt('no.such.user', 'wrong-password-x');
    console.log(`login: ${LOCKOUT_THRESHOLD} wrong passwords → ${wrongAnswers.map((r) => r.statusCode).join(',')}; then the right password → ${withRightPassword.statusCode}`);
    for (const res of wrongAnswers) expect(res.statusCode).toBe(401);
    expect(withRightPassword.statusCode).toBe(401);
    expect(withRightPassword.json()).toEqual(wrongAnswers[0]?.json());
    expect(withRightPassword.json()).toEqual(unknownUser.json());
    const user = await userRow('sz.kj');
    expect(user.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    const entries = await t.services.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'lockout'), eq(auditLog.entityId, user.id)));
    expect(entries).toHaveLength(1);
  });

  it('lets the user in again once the lock has expired, and starts counting afresh', async () => {
    const { db } = t.services.database;
    await db.update(users).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(users.username, 'sz.kj'));
    const res = await attempt('sz.kj', 'liandong-demo');
    expect(res.statusCode).toBe(200);
    const user = await userRow('sz.kj');
    expect(user.failedLogins).toBe(0);
    expect(user.lockedUntil).toBeNull();
  });

  it('forgets earlier failures after a successful login', async () => {
    for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) expect((await attempt('qd.leader', `nope-nope-${i}`)).statusCode).toBe(401);
    expect((await attempt('qd.leader', 'liandong-demo')).statusCode).toBe(200);
    expect((await attempt('qd.leader', 'nope-nope-again')).statusCode).toBe(401);
    expect((await attempt('qd.leader', 'liandong-demo')).statusCode).toBe(200);
    expect((await userRow('qd.leader')).lockedUntil).toBeNull();
  });

  it('counts parallel wrong guesses one by one, so a burst cannot slip past the lock', async () => {
    const burst = await Promise.all(Array.from({ length: LOCKOUT_THRESHOLD * 2 }, (_, i) => attempt('yt.fgw', `parallel-guess-${i}`)));
    expect(burst.every((r) => r.statusCode === 401)).toBe(true);
    expect((await userRow('yt.fgw')).lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect((await attempt('yt.fgw', 'liandong-demo')).statusCode).toBe(401);
  });

  it('limits login attempts per address to 10 a minute', async () => {
    const from = '10.9.9.9';
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push((await attempt(`ghost.${i}`, 'whatever-password', from)).statusCode);
    console.log(`login: 11 attempts from one address → ${answers.join(',')}`);
    expect(answers.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(answers[10]).toBe(429);
    expect((await attempt('ghost.x', 'whatever-password', '10.9.9.10')).statusCode).toBe(401);
  });

  it('requires passwords of at least 10 characters with some variety', () => {
    expect(passwordProblem('short')).not.toBeNull();
    expect(passwordProblem('aaaaaaaaaaaa')).not.toBeNull();
    expect(passwordProblem('liandong-demo')).toBeNull();
  });
});
