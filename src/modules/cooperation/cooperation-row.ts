import { missingAs, notFound } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import { assertCanManageCooperation, assertCanReadCooperation, assertCanReadRow } from '../access/policy.ts';
import { cooperationRepository } from './cooperation.repository.ts';
import type { CooperationService } from './cooperation.service.ts';

type ReadableRow = Parameters<typeof assertCanReadRow>[2];

/**
 * Loading a row that belongs to a cooperation (an agreement, a project, a signing event…), to read it or to
 * change it. A row the actor may not see answers 404 — before the office check of a change answers 403.
 */
export function cooperationRowLoader<Row extends ReadableRow>(db: Db, cooperations: CooperationService, entity: string, get: (db: Db, id: string) => Promise<Row | undefined>) {
  return {
    async readable(actor: Actor | null, id: string): Promise<Row> {
      return missingAs(entity, id, async () => {
        const row = await get(db, id);
        if (!row) throw notFound(entity, id);
        await cooperations.load(actor, row.cooperationId);
        assertCanReadRow(actor, entity, row);
        return row;
      });
    },

    async manageable(tx: Db, actor: Actor, id: string): Promise<Row> {
      const { row, cooperation } = await missingAs(entity, id, async () => {
        const found = await get(tx, id);
        if (!found) throw notFound(entity, id);
        const parent = await cooperationRepository.get(tx, found.cooperationId);
        if (!parent) throw notFound(entity, id);
        assertCanReadCooperation(actor, parent);
        assertCanReadRow(actor, entity, found);
        return { row: found, cooperation: parent };
      });
      assertCanManageCooperation(actor, cooperation);
      return row;
    },
  };
}
