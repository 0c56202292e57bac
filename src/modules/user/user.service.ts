import { AppError, badRequest, conflict, notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor, MembershipRole } from '../access/actor.ts';
import { assertAdmin, assertCanManageSide, assertNotApiToken, cooperationWideAudit, personalAuditScope } from '../access/policy.ts';
import { apiTokenRepository } from '../api-token/api-token.repository.ts';
import { audit } from '../audit/audit.recorder.ts';
import { authRepository } from '../auth/auth.repository.ts';
import { hashPassword, passwordProblem, temporaryPassword } from '../auth/password.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import { organizationRepository } from '../organization/organization.repository.ts';
import { presentUser, userRepository, type NewUser, type UserFilter, type UserView } from './user.repository.ts';

const ENTITY = 'user';

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  email?: string | null | undefined;
  organizationId?: string | null | undefined;
  isAdmin?: boolean | undefined;
  isOffice?: boolean | undefined;
  locale?: 'zh-CN' | 'en' | undefined;
  mustChangePassword?: boolean | undefined;
}

/** A user registered from the web: without a password one is made up and shown once. */
export type NewAccountInput = Omit<CreateUserInput, 'password' | 'isAdmin' | 'mustChangePassword'> & { password?: string | undefined };

export type UserPatch = Partial<Pick<NewUser, 'displayName' | 'email' | 'organizationId' | 'locale' | 'isOffice'>>;

/** What the audit trail keeps of a user: everything but the password hash. */
function audited<T extends { passwordHash: string }>(row: T): Omit<T, 'passwordHash'> {
  const { passwordHash: _hash, ...visible } = row;
  return visible;
}

const weakPassword = (problem: string) => new AppError('user.weak_password', 400, `The password needs ${problem}`);
const usernameTaken = (username: string) => conflict('user.username_taken', `The username ${username} is taken`, { username });

/** Notifications go to one person per mail address, so two accounts never share one. */
async function assertEmailFree(tx: Db, email: string | null | undefined, exceptId: string | null) {
  if (email && (await userRepository.findByEmail(tx, email, exceptId))) throw conflict('user.email_taken', `Another account uses ${email}`, { email });
}

export function createUserService(db: Db, deps: { cooperations: Pick<CooperationService, 'loadForManagement'> }) {
  async function view(tx: Db, id: string): Promise<UserView> {
    const row = await userRepository.get(tx, id);
    if (!row) throw notFound(ENTITY, id);
    return presentUser(row);
  }

  async function assertOrganizationExists(tx: Db, organizationId: string | null | undefined) {
    if (organizationId && !(await organizationRepository.get(tx, organizationId))) throw notFound('organization', organizationId);
  }

  /** A race past the check below still meets the unique index; it is answered the same way. */
  async function inUserTransaction<T>(username: string, work: (tx: Db) => Promise<T>): Promise<T> {
    try {
      return await writeTransaction(db, ENTITY, work);
    } catch (error) {
      if (error instanceof AppError && error.code === 'user.duplicate') throw usernameTaken(username);
      throw error;
    }
  }

  async function insertAudited(tx: Db, actor: Actor, input: CreateUserInput) {
    if (await userRepository.findByUsername(tx, input.username)) throw usernameTaken(input.username);
    await assertOrganizationExists(tx, input.organizationId);
    await assertEmailFree(tx, input.email, null);
    const { password, ...fields } = input;
    const row = await userRepository.insert(tx, { ...fields, passwordHash: await hashPassword(password) });
    await audit(tx, actor, { cooperationId: null, action: 'create', entity: ENTITY, entityId: row.id, after: audited(row) });
    return row;
  }

  /** The password the new account starts with: the one given (which must meet the rule) or a temporary one. */
  function startingPassword(given: string | undefined): { password: string; temporary: string | null } {
    if (given === undefined) {
      const temporary = temporaryPassword();
      return { password: temporary, temporary };
    }
    const problem = passwordProblem(given);
    if (problem) throw weakPassword(problem);
    return { password: given, temporary: null };
  }

  return {
    /** Seeding, the CLI and tests: a user with the password given. */
    async create(actor: Actor, input: CreateUserInput) {
      assertAdmin(actor);
      const problem = passwordProblem(input.password);
      if (problem) throw weakPassword(problem);
      return inUserTransaction(input.username, async (tx) => audited(await insertAudited(tx, actor, input)));
    },

    async list(actor: Actor, filter: UserFilter) {
      assertAdmin(actor);
      const { items, total } = await userRepository.search(db, filter);
      return { items: items.map(presentUser), total };
    },

    async get(actor: Actor, id: string) {
      assertAdmin(actor);
      return view(db, id);
    },

    /**
     * An account made in the admin area. Whatever its first password (one the
     * administrator chose, or a temporary one shown once), the administrator
     * knows it, so the user chooses their own at the first login.
     */
    async register(actor: Actor, input: NewAccountInput): Promise<{ user: UserView; temporaryPassword: string | null }> {
      assertAdmin(actor);
      const { password, temporary } = startingPassword(input.password);
      const row = await inUserTransaction(input.username, (tx) => insertAudited(tx, actor, { ...input, password, mustChangePassword: true }));
      return { user: await view(db, row.id), temporaryPassword: temporary };
    },

    /** The signed-in user's own mail address and language, audited like every other change to an account; never through an API token. */
    async updateOwnProfile(actor: Actor, version: number, patch: Pick<UserPatch, 'email' | 'locale'>): Promise<UserView> {
      assertNotApiToken(actor, 'changing your profile');
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await view(tx, actor.userId);
        await assertEmailFree(tx, patch.email, actor.userId);
        const after = await userRepository.update(tx, actor.userId, version, patch);
        if (!after) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: null, action: 'update', entity: ENTITY, entityId: actor.userId, before, after: audited(after) });
      });
      return view(db, actor.userId);
    },

    async update(actor: Actor, id: string, version: number, patch: UserPatch): Promise<UserView> {
      assertAdmin(actor);
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await view(tx, id);
        await assertOrganizationExists(tx, patch.organizationId);
        await assertEmailFree(tx, patch.email, id);
        const after = await userRepository.update(tx, id, version, patch);
        if (!after) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: null, action: 'update', entity: ENTITY, entityId: id, before, after: audited(after) });
      });
      return view(db, id);
    },

    /**
     * A disabled user can no longer log in; their sessions end and the API
     * tokens they issued are revoked (each audited in its cooperation), so
     * enabling the account again gives back the login only. An administrator
     * does not disable themselves: the platform could be left with no one to undo it.
     */
    async setDisabled(actor: Actor, id: string, version: number, disabled: boolean): Promise<UserView> {
      assertAdmin(actor);
      if (disabled && id === actor.userId) throw conflict('user.cannot_disable_self', 'An administrator cannot disable their own account');
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await view(tx, id);
        const after = await userRepository.update(tx, id, version, { disabled });
        if (!after) throw staleVersion(ENTITY, before.version);
        if (!disabled) {
          await audit(tx, actor, { cooperationId: null, action: 'enable', entity: ENTITY, entityId: id, before: { disabled: before.disabled }, after: { disabled } });
          return;
        }
        const sessionsEnded = await authRepository.deleteSessionsOfUser(tx, id);
        const revoked = await apiTokenRepository.revokeAllOfUser(tx, id, new Date());
        await audit(tx, actor, { cooperationId: null, action: 'disable', entity: ENTITY, entityId: id, before: { disabled: before.disabled }, after: { disabled, sessionsEnded, tokensRevoked: revoked.length } });
        for (const token of revoked) {
          await audit(tx, actor, { cooperationId: token.cooperationId, action: 'revoke', entity: 'api_token', entityId: token.id, before: { revokedAt: null }, after: { revokedAt: token.revokedAt }, scope: personalAuditScope(token.userId) });
        }
      });
      return view(db, id);
    },

    /**
     * A forgotten password: a temporary one, shown to the administrator once,
     * replaces it; the user's sessions end and they choose their own password
     * at the next login. API tokens stay: forgetting a password is no reason
     * to stop an office's data feed, and logging out everywhere revokes them.
     */
    async resetPassword(actor: Actor, id: string, version: number): Promise<{ user: UserView; temporaryPassword: string }> {
      assertAdmin(actor);
      const temporary = temporaryPassword();
      const passwordHash = await hashPassword(temporary);
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await view(tx, id);
        const after = await userRepository.update(tx, id, version, { passwordHash, mustChangePassword: true });
        if (!after) throw staleVersion(ENTITY, before.version);
        const sessionsEnded = await authRepository.deleteSessionsOfUser(tx, id);
        await audit(tx, actor, { cooperationId: null, action: 'reset_password', entity: ENTITY, entityId: id, after: { mustChangePassword: true, sessionsEnded } });
      });
      return { user: await view(db, id), temporaryPassword: temporary };
    },

    /**
     * A side's office registers a person of its own side and appoints them in
     * one go: the account (with a temporary password shown once) belongs to a
     * unit of the side's region, and the membership is on that side. The
     * account is audited in the cooperation, where the office reads its trail.
     */
    async registerMember(
      actor: Actor,
      cooperationId: string,
      input: Omit<NewAccountInput, 'password'> & { organizationId: string; partyId: string; role: MembershipRole },
    ): Promise<{ user: UserView; membershipId: string; temporaryPassword: string }> {
      const temporary = temporaryPassword();
      const passwordHash = await hashPassword(temporary);
      const { partyId, role, ...account } = input;
      const created = await inUserTransaction(input.username, async (tx) => {
        const cooperation = await deps.cooperations.loadForManagement(tx, actor, cooperationId);
        const party = await cooperationRepository.getParty(tx, cooperationId, partyId);
        if (!party) throw notFound('party', partyId);
        assertCanManageSide(actor, cooperation, partyId);
        await assertOrganizationExists(tx, account.organizationId);
        if (!(await organizationRepository.inRegion(tx, party.regionCode, account.organizationId))) {
          throw badRequest('user.unit_elsewhere', "The user's unit must belong to the side's own region");
        }
        if (await userRepository.findByUsername(tx, account.username)) throw usernameTaken(account.username);
        const row = await userRepository.insert(tx, { ...account, passwordHash, mustChangePassword: true });
        await audit(tx, actor, { cooperationId, action: 'create', entity: ENTITY, entityId: row.id, after: audited(row), scope: cooperationWideAudit });
        const membership = await cooperationRepository.insertMembership(tx, { cooperationId, userId: row.id, partyId, role });
        await audit(tx, actor, { cooperationId, action: 'create', entity: 'membership', entityId: membership.id, after: membership, scope: cooperationWideAudit });
        return { id: row.id, membershipId: membership.id };
      });
      return { user: await view(db, created.id), membershipId: created.membershipId, temporaryPassword: temporary };
    },
  };
}
