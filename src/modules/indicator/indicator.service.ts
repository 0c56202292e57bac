import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { canReadRow, ownerPartyForNewRow, rowAuditScope, rowScope } from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import { conflict } from '../../app-error.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { indicatorRepository, type NewIndicator, type NewIndicatorTarget } from './indicator.repository.ts';

export type IndicatorInput = Pick<NewIndicator, 'name' | 'unit' | 'baseline' | 'visibility' | 'ownerPartyId'> & {
  targets: Omit<NewIndicatorTarget, 'id' | 'cooperationId' | 'indicatorId' | 'createdAt'>[];
};

export function createIndicatorService(db: Db, cooperations: CooperationService) {
  return {
    async list(actor: Actor | null, cooperationId: string) {
      await cooperations.load(actor, cooperationId);
      return indicatorRepository.listByCooperation(db, cooperationId, rowScope(actor, cooperationId));
    },

    /** Adds targets to the indicator of the same name and unit, creating it when new. */
    async createIn(tx: Db, actor: Actor, cooperationId: string, input: IndicatorInput) {
      await cooperations.loadForManagement(tx, actor, cooperationId);
      const { targets, ...fields } = input;
      const existing = await indicatorRepository.findByName(tx, cooperationId, fields.name, fields.unit);
      // Another side's one-sided indicator of the same name is not theirs to add targets to.
      if (existing && !canReadRow(actor, cooperationId, existing.visibility, existing.ownerPartyId)) {
        throw conflict('indicator.duplicate', 'An indicator with this name and unit already exists');
      }
      let indicator = existing;
      if (!indicator) {
        const partyIds = (await cooperationRepository.partiesOf(tx, cooperationId)).map((p) => p.id);
        const ownerPartyId = ownerPartyForNewRow(actor, { id: cooperationId, partyIds }, fields.ownerPartyId, fields.visibility ?? 'parties');
        indicator = await indicatorRepository.insert(tx, { ...fields, ownerPartyId, cooperationId });
      }
      const created = [];
      for (const target of targets) created.push(await indicatorRepository.insertTarget(tx, { ...target, cooperationId, indicatorId: indicator.id }));
      await audit(tx, actor, { cooperationId, action: 'create', entity: 'indicator', entityId: indicator.id, after: { ...indicator, targets: created }, scope: rowAuditScope('indicator', indicator) });
      return { ...indicator, targets: created };
    },

    async create(actor: Actor, cooperationId: string, input: IndicatorInput) {
      return writeTransaction(db, 'indicator', (tx) => this.createIn(tx, actor, cooperationId, input));
    },
  };
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;
