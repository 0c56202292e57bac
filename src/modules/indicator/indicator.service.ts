import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { canReadRow } from '../access/policy.ts';
import { audit } from '../audit/audit.service.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { indicatorRepository, type NewIndicator, type NewIndicatorTarget } from './indicator.repository.ts';

export type IndicatorInput = Pick<NewIndicator, 'name' | 'unit' | 'baseline' | 'visibility'> & {
  targets: Omit<NewIndicatorTarget, 'id' | 'cooperationId' | 'indicatorId' | 'createdAt'>[];
};

export function createIndicatorService(db: Db, cooperations: CooperationService) {
  return {
    async list(actor: Actor | null, cooperationId: string) {
      await cooperations.load(actor, cooperationId);
      return (await indicatorRepository.listByCooperation(db, cooperationId)).filter((i) => canReadRow(actor, cooperationId, i.visibility));
    },

    /** Adds targets to the indicator of the same name and unit, creating it when new. */
    async createIn(tx: Db, actor: Actor, cooperationId: string, input: IndicatorInput) {
      await cooperations.loadForManagement(tx, actor, cooperationId);
      const { targets, ...fields } = input;
      const indicator =
        (await indicatorRepository.findByName(tx, cooperationId, fields.name, fields.unit)) ??
        (await indicatorRepository.insert(tx, { ...fields, cooperationId }));
      const created = [];
      for (const target of targets) created.push(await indicatorRepository.insertTarget(tx, { ...target, cooperationId, indicatorId: indicator.id }));
      await audit(tx, actor, { cooperationId, action: 'create', entity: 'indicator', entityId: indicator.id, after: { ...indicator, targets: created } });
      return { ...indicator, targets: created };
    },

    async create(actor: Actor, cooperationId: string, input: IndicatorInput) {
      return writeTransaction(db, 'indicator', (tx) => this.createIn(tx, actor, cooperationId, input));
    },
  };
}

export type IndicatorService = ReturnType<typeof createIndicatorService>;
