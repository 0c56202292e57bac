import { AppError } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { assertAdmin } from '../access/policy.ts';
import { audit } from '../audit/audit.service.ts';
import { hashPassword, passwordProblem } from '../auth/password.ts';
import { organizationRepository } from '../organization/organization.repository.ts';
import { userRepository } from './user.repository.ts';

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  email?: string | null | undefined;
  organizationId?: string | null | undefined;
  isAdmin?: boolean | undefined;
}

export function createUserService(db: Db) {
  return {
    async list(actor: Actor) {
      assertAdmin(actor);
      return userRepository.list(db);
    },

    async create(actor: Actor, input: CreateUserInput) {
      assertAdmin(actor);
      const problem = passwordProblem(input.password);
      if (problem) throw new AppError('user.weak_password', 400, `The password needs ${problem}`);
      const passwordHash = await hashPassword(input.password);
      return writeTransaction(db, 'user', async (tx) => {
        if (input.organizationId && !(await organizationRepository.get(tx, input.organizationId))) {
          throw new AppError('organization.not_found', 404, `No organization ${input.organizationId}`);
        }
        const { password: _password, ...fields } = input;
        const row = await userRepository.insert(tx, { ...fields, passwordHash });
        const { passwordHash: _hash, ...visible } = row;
        await audit(tx, actor, { cooperationId: null, action: 'create', entity: 'user', entityId: row.id, after: visible });
        return visible;
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
