import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { ownerPartyForNewRow, rowAuditScope, rowScope } from '../access/policy.ts';
import { audit } from '../audit/audit.service.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { projectRepository, type NewProject, type ProjectRow } from './project.repository.ts';

export type ProjectInput = Omit<NewProject, 'id' | 'cooperationId' | 'version' | 'createdAt' | 'updatedAt'>;

export function createProjectService(db: Db, cooperations: CooperationService) {
  return {
    async list(actor: Actor | null, cooperationId: string): Promise<ProjectRow[]> {
      await cooperations.load(actor, cooperationId);
      return projectRepository.listByCooperation(db, cooperationId, rowScope(actor, cooperationId));
    },

    async createIn(tx: Db, actor: Actor, cooperationId: string, input: ProjectInput): Promise<ProjectRow> {
      await cooperations.loadForManagement(tx, actor, cooperationId);
      const partyIds = (await cooperationRepository.partiesOf(tx, cooperationId)).map((p) => p.id);
      const ownerPartyId = ownerPartyForNewRow(actor, { id: cooperationId, partyIds }, input.ownerPartyId, input.visibility ?? 'parties');
      const row = await projectRepository.insert(tx, { ...input, ownerPartyId, cooperationId });
      await audit(tx, actor, { cooperationId, action: 'create', entity: 'project', entityId: row.id, after: row, scope: rowAuditScope('project', row) });
      return row;
    },

    async create(actor: Actor, cooperationId: string, input: ProjectInput): Promise<ProjectRow> {
      return writeTransaction(db, 'project', (tx) => this.createIn(tx, actor, cooperationId, input));
    },
  };
}

export type ProjectService = ReturnType<typeof createProjectService>;
