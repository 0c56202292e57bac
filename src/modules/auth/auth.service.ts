import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../app-error.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { assertNotApiToken, personalScope } from '../access/policy.ts';
import { apiTokenRepository } from '../api-token/api-token.repository.ts';
import { audit } from '../audit/audit.service.ts';
import { authRepository, type UserRow } from './auth.repository.ts';
import { verifyPassword } from './password.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Compared against when the username is unknown, so timing does not reveal which usernames exist. */
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Per-account guessing limit, on top of the per-address rate limit: five wrong passwords lock the account for 15 minutes. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60_000;

const invalidCredentials = () => new AppError('auth.invalid_credentials', 401, 'Wrong username or password');

export interface LoginResult {
  token: string;
  user: UserRow;
  expiresAt: Date;
}

export function createAuthService(db: Db, config: Config['session']) {
  const idleMs = config.idleMinutes * 60_000;
  const absoluteMs = config.absoluteHours * 3_600_000;

  async function actorFor(user: UserRow): Promise<Actor> {
    const rows = await authRepository.membershipsOf(db, user.id);
    return {
      userId: user.id,
      username: user.username,
      isAdmin: user.isAdmin,
      organizationId: user.organizationId,
      memberships: rows.map((m) => ({ cooperationId: m.cooperationId, partyId: m.partyId, role: m.role })),
    };
  }

  return {
    async login(username: string, password: string): Promise<LoginResult> {
      const user = await authRepository.findUserByUsername(db, username);
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || user.disabled) throw invalidCredentials();
      // A locked account answers exactly like a wrong password, so guessing learns nothing, not even that it is locked.
      if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw invalidCredentials();
      if (!ok) {
        await db.transaction(async (tx) => {
          const failures = await authRepository.recordFailedLogin(tx, user.id);
          if (failures < LOCKOUT_THRESHOLD) return;
          const until = new Date(Date.now() + LOCKOUT_MS);
          await authRepository.lockUser(tx, user.id, until);
          await audit(tx, null, { cooperationId: null, action: 'lockout', entity: 'user', entityId: user.id, after: { failedLogins: failures, lockedUntil: until.toISOString() } });
        });
        throw invalidCredentials();
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + absoluteMs);
      await db.transaction(async (tx) => {
        if (user.failedLogins > 0 || user.lockedUntil) await authRepository.clearFailedLogins(tx, user.id);
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
          await audit(tx, actor, { cooperationId: token.cooperationId, action: 'revoke', entity: 'api_token', entityId: token.id, before: { revokedAt: null }, after: { revokedAt: token.revokedAt } });
        }
        return { ended, tokensRevoked: revoked.length };
      });
    },

    /** The user and their memberships; through an API token, only those of the token's cooperation. */
    async me(actor: Actor) {
      const user = await authRepository.findUserByUsername(db, actor.username);
      if (!user) throw new AppError('auth.required', 401, 'Please log in');
      const { cooperationId } = personalScope(actor);
      const memberships = (await authRepository.membershipsOf(db, actor.userId)).filter((m) => !cooperationId || m.cooperationId === cooperationId);
      return { user, memberships };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
