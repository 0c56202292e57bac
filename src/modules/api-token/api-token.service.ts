import { createHash, randomBytes } from 'node:crypto';
import { forbidden, notFound } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor, ApiTokenScope, Membership } from '../access/actor.ts';
import { assertCanIssueApiToken, assertNotApiToken, isMember, personalAuditScope, rolesIn } from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import { authRepository } from '../auth/auth.repository.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { apiTokenRepository, type ApiTokenRow } from './api-token.repository.ts';

/** Told apart from session tokens at a glance, in logs and by secret scanners. */
export const API_TOKEN_PREFIX = 'ldt_';
const ENTITY = 'api_token';

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

const present = (row: ApiTokenRow, username: string) => ({
  id: row.id,
  cooperationId: row.cooperationId,
  name: row.name,
  scope: row.scope,
  username,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export function createApiTokenService(db: Db, cooperations: CooperationService) {
  return {
    async create(actor: Actor, cooperationId: string, input: { name: string; scope: ApiTokenScope }) {
      assertNotApiToken(actor, 'managing API tokens');
      const cooperation = await cooperations.load(actor, cooperationId);
      assertCanIssueApiToken(actor, cooperation.id);
      const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const created = await apiTokenRepository.insert(tx, { userId: actor.userId, cooperationId, name: input.name, scope: input.scope, tokenHash: hashSecret(secret) });
        const recorded = { id: created.id, userId: created.userId, name: created.name, scope: created.scope };
        await audit(tx, actor, { cooperationId, action: 'create', entity: ENTITY, entityId: created.id, after: recorded, scope: personalAuditScope(created.userId) });
        return created;
      });
      return { ...present(row, actor.username), token: secret };
    },

    /** The caller's own tokens; a platform admin sees every token of the cooperation. */
    async list(actor: Actor, cooperationId: string) {
      assertNotApiToken(actor, 'managing API tokens');
      await cooperations.load(actor, cooperationId);
      if (!isMember(actor, cooperationId)) throw forbidden('Only members of this cooperation have API tokens for it');
      const rows = await apiTokenRepository.list(db, cooperationId, actor.isAdmin ? null : actor.userId);
      return rows.map((r) => present(r.token, r.username));
    },

    async revoke(actor: Actor, cooperationId: string, tokenId: string): Promise<void> {
      assertNotApiToken(actor, 'managing API tokens');
      await cooperations.load(actor, cooperationId);
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await apiTokenRepository.get(tx, cooperationId, tokenId);
        // Someone else's token is not shown to the caller, so it answers as missing.
        if (!before || (before.userId !== actor.userId && !actor.isAdmin)) throw notFound(ENTITY, tokenId);
        const after = await apiTokenRepository.revoke(tx, tokenId, new Date());
        if (!after) return;
        await audit(tx, actor, { cooperationId, action: 'revoke', entity: ENTITY, entityId: tokenId, before: { revokedAt: null }, after: { revokedAt: after.revokedAt }, scope: personalAuditScope(before.userId) });
      });
    },

    /**
     * The actor behind a bearer API token: its user, confined to the token's
     * cooperation. An administrator's token acts as the office of every side
     * there and nowhere else; a token whose user left the cooperation, or is
     * no longer one of its offices, is dead (only an office issues tokens, and
     * tokens issued before that rule die the same way).
     */
    async authenticate(secret: string): Promise<Actor | null> {
      if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
      const found = await apiTokenRepository.findActive(db, hashSecret(secret));
      if (!found || found.user.disabled) return null;
      const { token, user } = found;
      const memberships: Membership[] = user.isAdmin
        ? (await apiTokenRepository.partyIds(db, token.cooperationId)).map((partyId) => ({ cooperationId: token.cooperationId, partyId, role: 'coordinator' }))
        : (await authRepository.membershipsOf(db, user.id))
            .filter((m) => m.cooperationId === token.cooperationId)
            .map((m) => ({ cooperationId: m.cooperationId, partyId: m.partyId, role: m.role }));
      const actor: Actor = {
        userId: user.id,
        username: user.username,
        isAdmin: false,
        organizationId: user.organizationId,
        memberships,
        token: { id: token.id, cooperationId: token.cooperationId, scope: token.scope },
      };
      if (!rolesIn(actor, token.cooperationId).includes('coordinator')) return null;
      const now = Date.now();
      // A write per request is wasteful; last use to the minute is enough to spot idle tokens.
      if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > 60_000) await apiTokenRepository.touch(db, token.id, new Date(now));
      return actor;
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
