import { notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { assertAdmin, assertCanKeepOrganization, assertCanRegister, cooperationWideAudit, coordinatingPartyIds } from '../access/policy.ts';
import { audit } from '../audit/audit.service.ts';
import { regionRepository } from '../region/region.repository.ts';
import { organizationRepository, type NewOrganization, type OrganizationFilter } from './organization.repository.ts';

const ENTITY = 'organization';

export function createOrganizationService(db: Db) {
  async function get(id: string) {
    const row = await organizationRepository.get(db, id);
    if (!row) throw notFound(ENTITY, id);
    return row;
  }

  async function assertRegionExists(tx: Db, code: string) {
    if (!(await regionRepository.get(tx, code))) throw notFound('region', code);
  }

  return {
    list: (filter: OrganizationFilter) => organizationRepository.list(db, filter),
    get,

    async create(actor: Actor, input: Pick<NewOrganization, 'name' | 'kind' | 'regionCode' | 'parentId'>) {
      assertCanRegister(actor);
      const id = await writeTransaction(db, ENTITY, async (tx) => {
        await assertRegionExists(tx, input.regionCode);
        assertCanKeepOrganization(actor, await organizationRepository.partyCoversRegion(tx, coordinatingPartyIds(actor), input.regionCode));
        const row = await organizationRepository.insert(tx, input);
        await audit(tx, actor, { cooperationId: null, action: 'create', entity: ENTITY, entityId: row.id, after: row });
        return row.id;
      });
      return get(id);
    },

    async update(actor: Actor, id: string, version: number, patch: Partial<Pick<NewOrganization, 'name' | 'kind' | 'parentId'>>) {
      assertCanRegister(actor);
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await organizationRepository.get(tx, id);
        if (!before) throw notFound(ENTITY, id);
        assertCanKeepOrganization(actor, await organizationRepository.partyCoversRegion(tx, coordinatingPartyIds(actor), before.regionCode));
        const after = await organizationRepository.update(tx, id, version, patch);
        if (!after) throw staleVersion(ENTITY, before.version);
        // Every cooperation that names the organization shows its new name, so each one's audit trail records the change.
        const cooperationIds = await organizationRepository.cooperationsUsing(tx, id);
        for (const cooperationId of cooperationIds.length ? cooperationIds : [null]) {
          await audit(tx, actor, { cooperationId, action: 'update', entity: ENTITY, entityId: id, before, after, scope: cooperationWideAudit });
        }
      });
      return get(id);
    },

    async delete(actor: Actor, id: string, version: number) {
      assertAdmin(actor);
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await organizationRepository.get(tx, id);
        if (!before) throw notFound(ENTITY, id);
        if (!(await organizationRepository.delete(tx, id, version))) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: null, action: 'delete', entity: ENTITY, entityId: id, before });
      });
    },
  };
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;
