import { AppError, notFound } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { translateDbError } from '../../db/pg-errors.ts';
import type { Actor } from '../access/actor.ts';
import { assertAdmin } from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import { regionRepository, type RegionRow } from './region.repository.ts';

export function createRegionService(db: Db) {
  return {
    list: (filter: Parameters<typeof regionRepository.list>[1]) => regionRepository.list(db, filter),

    async get(code: string): Promise<RegionRow> {
      const row = await regionRepository.get(db, code);
      if (!row) throw notFound('region', code);
      return row;
    },

    /** Regions come from GB/T 2260; deleting one is for correcting a wrong load, and only when nothing uses it. */
    async delete(actor: Actor, code: string): Promise<void> {
      assertAdmin(actor);
      try {
        await db.transaction(async (tx) => {
          const row = await regionRepository.delete(tx, code);
          if (!row) throw notFound('region', code);
          await audit(tx, actor, { cooperationId: null, action: 'delete', entity: 'region', entityId: code, before: row });
        });
      } catch (error) {
        const translated = translateDbError(error, 'region');
        if (translated instanceof AppError && translated.code === 'region.reference_invalid') {
          throw new AppError('region.in_use', 409, 'The region is still used by a party, unit or another region', translated.details);
        }
        throw translated;
      }
    },
  };
}
