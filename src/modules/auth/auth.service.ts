import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../app-error.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { assertNotApiToken, canAdminister, canHaveOwnWork, canRegister, canSeeOverview, landingFor, personalAuditScope, personalScope } from '../access/policy.ts';
import { apiTokenRepository } from '../api-token/api-token.repository.ts';
import { audit } from '../audit/audit.recorder.ts';
import { organizationRepository } from '../organization/organization.repository.ts';
import { userRepository } from '../user/user.repository.ts';
import type { NotificationService } from '../notification/notification.service.ts';
import { ADDRESS_BUCKET, authRepository, type UserRow } from './auth.repository.ts';
import { ACCOUNT_THRESHOLD, ADDRESS_THRESHOLD, afterFailure, current, FORGET_MS, MAX_WAIT_MS, NOTICE_QUIET_MS, throttleAddress } from './login-throttle.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Compared against when the username is unknown, so timing does not reveal which usernames exist. */
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const invalidCredentials = () => new AppError('auth.invalid_credentials', 401, 'Wrong username or password');

const throttled = (until: Date, now: Date) => {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('auth.throttled', 429, `Too many wrong passwords from this address; try again in ${retryAfterSeconds} s`, { retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) });
};

/** What a login needs besides the database: who hears of throttling, and the throttle's time (tests move it). */
export interface AuthDeps {
  notifications: Pick<NotificationService, 'notifyAccount'>;
  clock?: () => Date;
}

export interface LoginResult {
  token: string;
  user: UserRow;
  expiresAt: Date;
}

export function createAuthService(db: Db, config: Config['session'], deps: AuthDeps) {
  const clock = deps.clock ?? (() => new Date());
  const idleMs = config.idleMinutes * 60_000;
  const absoluteMs = config.absoluteHours * 3_600_000;

  async function actorFor(user: UserRow): Promise<Actor> {
    const rows = await authRepository.membershipsOf(db, user.id);
    return {
      userId: user.id,
      username: user.username,
      isAdmin: user.isAdmin,
      isOffice: user.isOffice,
      organizationId: user.organizationId,
      mustChangePassword: user.mustChangePassword,
      memberships: rows.map((m) => ({ cooperationId: m.cooperationId, partyId: m.partyId, role: m.role })),
    };
  }

  /**
   * Audited, and told to the account's user (when there is one) and to every
   * admin. `account` null: one address is guessing across accounts.
   */
  async function throttlingStarted(tx: Db, account: string | null, user: UserRow | undefined | null, address: string, until: Date, now: Date) {
    const waitSeconds = Math.round((until.getTime() - now.getTime()) / 1000);
    await audit(tx, null, {
      cooperationId: null,
      action: 'throttle',
      entity: user ? 'user' : account ? 'login_account' : 'login_address',
      entityId: user ? user.id : (account ?? address),
      after: { account, address, failures: account ? ACCOUNT_THRESHOLD : ADDRESS_THRESHOLD, waitSeconds },
    });
    const admins = await authRepository.enabledAdminIds(tx);
    const told = user && !user.disabled ? [user.id, ...admins.filter((id) => id !== user.id)] : admins;
    const title = account ? `账号 ${account} 登录尝试过多` : `地址 ${address} 登录尝试过多`;
    const body = account
      ? `地址 ${address} 已对账号 ${account} 连续输错密码 ${ACCOUNT_THRESHOLD} 次，此后该地址每次尝试须等待，等待时间逐次加倍（最长 ${MAX_WAIT_MS / 60_000} 分钟）。账号本身未被锁定，本人从其他地址可照常登录。如非本人操作，请留意账号安全并考虑修改密码。`
      : `地址 ${address} 已对多个账号输错密码 ${ADDRESS_THRESHOLD} 次，此后该地址每次登录尝试须等待，等待时间逐次加倍（最长 ${MAX_WAIT_MS / 60_000} 分钟）。`;
    await deps.notifications.notifyAccount(tx, { userIds: told, kind: 'auth.login_throttled', title, body, quietMs: NOTICE_QUIET_MS });
  }

  return {
    /**
     * Checks a password, slowing a client that keeps guessing: after
     * ACCOUNT_THRESHOLD wrong passwords for one account from one address (or
     * ADDRESS_THRESHOLD over all accounts), each further try from there must
     * wait, twice as long each time. A try inside the wait is answered 429
     * without looking at the password, so guessing faster gains nothing. The
     * account itself is never locked: its user logs in from any other address.
     */
    async login(username: string, password: string, clientIp: string): Promise<LoginResult> {
      const now = clock();
      const address = throttleAddress(clientIp);
      // The try is counted as a wrong password before the check and forgiven if it was right, so a burst of parallel guesses is counted one by one.
      const counted = await db.transaction(async (tx) => {
        const rows = (await authRepository.lockThrottles(tx, username, address, now)).map((row) => current(row, now));
        const waitUntil = rows.reduce<Date | null>((latest, row) => (row.blockedUntil && (!latest || row.blockedUntil > latest) ? row.blockedUntil : latest), null);
        if (waitUntil) return { waitUntil };
        const pair = rows.find((row) => row.account === username);
        if (!pair) throw new Error(`login throttle row of ${username} at ${address} is missing`);
        const next = afterFailure(pair, ACCOUNT_THRESHOLD, now);
        await authRepository.saveThrottle(tx, next);
        return { waitUntil: null, failures: next.failures, blockedUntil: next.blockedUntil };
      });
      if (counted.waitUntil) throw throttled(counted.waitUntil, now);

      const user = await authRepository.findUserByUsername(db, username);
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!ok || !user || user.disabled) {
        await db.transaction(async (tx) => {
          const [addressRow] = await authRepository.lockThrottles(tx, ADDRESS_BUCKET, address, now);
          const byAddress = addressRow && afterFailure(addressRow, ADDRESS_THRESHOLD, now);
          if (byAddress) await authRepository.saveThrottle(tx, byAddress);
          await authRepository.purgeThrottles(tx, new Date(now.getTime() - FORGET_MS));
          if (counted.failures === ACCOUNT_THRESHOLD && counted.blockedUntil) await throttlingStarted(tx, username, user, address, counted.blockedUntil, now);
          if (byAddress?.failures === ADDRESS_THRESHOLD && byAddress.blockedUntil) await throttlingStarted(tx, null, null, address, byAddress.blockedUntil, now);
        });
        throw invalidCredentials();
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + absoluteMs);
      await db.transaction(async (tx) => {
        await authRepository.clearThrottle(tx, username, address);
        await authRepository.createSession(tx, hashToken(token), user.id, expiresAt);
        await audit(tx, null, { cooperationId: null, action: 'login', entity: 'user', entityId: user.id });
      });
      return { token, user, expiresAt };
    },

    /** Resolves a bearer or cookie token to the acting user, enforcing idle and absolute timeouts. */
    async authenticate(token: string): Promise<Actor | null> {
      const tokenHash = hashToken(token);
      const found = await authRepository.findSession(db, tokenHash);
      if (!found || found.user.disabled) return null;
      const now = Date.now();
      if (found.session.expiresAt.getTime() <= now || found.session.lastSeenAt.getTime() + idleMs <= now) {
        await authRepository.deleteSession(db, tokenHash);
        return null;
      }
      // Writing lastSeenAt on every request is wasteful; once a minute keeps the idle clock honest.
      if (now - found.session.lastSeenAt.getTime() > 60_000) await authRepository.touchSession(db, tokenHash, new Date(now));
      return actorFor(found.user);
    },

    async logout(token: string): Promise<void> {
      await authRepository.deleteSession(db, hashToken(token));
    },

    /**
     * Ends every session of the user and revokes every API token they issued:
     * someone who fears their account is in other hands must not leave behind
     * a token made with it. Each revoked token is audited in its cooperation.
     */
    async logoutEverywhere(actor: Actor): Promise<{ ended: number; tokensRevoked: number }> {
      assertNotApiToken(actor, 'ending all sessions');
      return db.transaction(async (tx) => {
        const ended = await authRepository.deleteSessionsOfUser(tx, actor.userId);
        const revoked = await apiTokenRepository.revokeAllOfUser(tx, actor.userId, new Date());
        await audit(tx, actor, { cooperationId: null, action: 'logout_everywhere', entity: 'user', entityId: actor.userId, after: { sessionsEnded: ended, tokensRevoked: revoked.length } });
        for (const token of revoked) {
          await audit(tx, actor, { cooperationId: token.cooperationId, action: 'revoke', entity: 'api_token', entityId: token.id, before: { revokedAt: null }, after: { revokedAt: token.revokedAt }, scope: personalAuditScope(token.userId) });
        }
        return { ended, tokensRevoked: revoked.length };
      });
    },

    /**
     * Changes the caller's own password when the current one is right. The
     * caller's other sessions end, as whoever knew the old password may be
     * using one; this session stays. API tokens are left alone: logging out
     * everywhere is the way to revoke them too.
     */
    async changePassword(actor: Actor, sessionToken: string, currentPassword: string, newPassword: string): Promise<{ sessionsEnded: number }> {
      assertNotApiToken(actor, 'changing the password');
      const user = await authRepository.findUserByUsername(db, actor.username);
      if (!user || user.disabled) throw new AppError('auth.required', 401, 'Please log in');
      if (!(await verifyPassword(currentPassword, user.passwordHash))) throw new AppError('auth.wrong_password', 400, 'The current password is wrong');
      const problem = passwordProblem(newPassword);
      if (problem) throw new AppError('user.weak_password', 400, `The password needs ${problem}`);
      if (newPassword.normalize('NFKC') === currentPassword.normalize('NFKC')) throw new AppError('auth.same_password', 400, 'The new password is the current one');
      const passwordHash = await hashPassword(newPassword);
      return db.transaction(async (tx) => {
        await userRepository.setPassword(tx, user.id, passwordHash);
        const sessionsEnded = await authRepository.deleteOtherSessionsOfUser(tx, user.id, hashToken(sessionToken));
        await audit(tx, actor, { cooperationId: null, action: 'change_password', entity: 'user', entityId: user.id, after: { sessionsEnded } });
        return { sessionsEnded };
      });
    },

    /** The user and their memberships (through an API token, only those of the token's cooperation), and what the web may offer them. */
    async me(actor: Actor) {
      const user = await authRepository.findUserByUsername(db, actor.username);
      if (!user) throw new AppError('auth.required', 401, 'Please log in');
      const { cooperationId } = personalScope(actor);
      const memberships = (await authRepository.membershipsOf(db, actor.userId)).filter((m) => !cooperationId || m.cooperationId === cooperationId);
      const organization = user.organizationId ? await organizationRepository.get(db, user.organizationId) : undefined;
      return { user, memberships, organization: organization ? { id: organization.id, name: organization.name, regionCode: organization.regionCode } : null, can: { register: canRegister(actor), administer: canAdminister(actor), myWork: canHaveOwnWork(actor), overview: canSeeOverview(actor) }, landing: landingFor(actor) };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
