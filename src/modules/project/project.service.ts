import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { canReadRow } from '../access/policy.ts';
import { audit } from '../audit/audit.service.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { projectRepository, type NewProject, type ProjectRow } from './project.repository.ts';

export type ProjectInput = Omit<NewProject, 'id' | 'cooperationId' | 'version' | 'createdAt' | 'updatedAt'>;

export function createProjectService(db: Db, cooperations: CooperationService) {
  return {
    async list(actor: Actor | null, cooperationId: string): Promise<ProjectRow[]> {
      await cooperations.load(actor, cooperationId);
      return (await projectRepository.listByCooperation(db, cooperationId)).filter((p) => canReadRow(actor, cooperationId, p.visibility));
    },

    async createIn(tx: Db, actor: Actor, cooperationId: string, input: ProjectInput): Promise<ProjectRow> {
      await cooperations.loadForManagement(tx, actor, cooperationId);
      const row = await projectRepository.insert(tx, { ...input, cooperationId });
      await audit(tx, actor, { cooperationId, action: 'create', entity: 'project', entityId: row.id, after: row });
      return row;
    },

    async create(actor: Actor, cooperationId: string, input: ProjectInput): Promise<ProjectRow> {
      return writeTransaction(db, 'project', (tx) => this.createIn(tx, actor, cooperationId, input));
    },
  };
}

export type ProjectService = ReturnType<typeof createProjectService>;
