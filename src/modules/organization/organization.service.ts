import { badRequest, conflict, notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import {
  assertAdmin,
  assertCanKeepOrganization,
  assertCanRegister,
  assertCanSeeMembers,
  canKeepOrganizations,
  cooperationWideAudit,
  coordinatingPartyIds,
  rowScope,
} from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { cooperationRepository } from '../cooperation/cooperation.repository.ts';
import { regionRepository } from '../region/region.repository.ts';
import { organizationRepository, type NewOrganization, type OrganizationFilter } from './organization.repository.ts';

const ENTITY = 'organization';

export type OrganizationPatch = Partial<Pick<NewOrganization, 'name' | 'kind' | 'parentId' | 'leaderUserId'>>;

export function createOrganizationService(db: Db, deps: { cooperations: Pick<CooperationService, 'load'> }) {
  async function get(id: string) {
    const row = await organizationRepository.get(db, id);
    if (!row) throw notFound(ENTITY, id);
    return row;
  }

  async function assertRegionExists(tx: Db, code: string) {
    if (!(await regionRepository.get(tx, code))) throw notFound('region', code);
  }

  /** Whether the actor keeps organizations of the region: its own region's office, or an admin (assertCanKeepOrganization). */
  const keepsRegion = async (tx: Db, actor: Actor, regionCode: string) =>
    organizationRepository.partyCoversRegion(tx, coordinatingPartyIds(actor), regionCode);

  /** A change to an organization is recorded in the trail of every cooperation naming it, or the platform's when none does. */
  async function auditEverywhere(tx: Db, actor: Actor, cooperationIds: string[], change: { action: string; entityId: string; before?: unknown; after?: unknown }) {
    for (const cooperationId of cooperationIds.length ? cooperationIds : [null]) {
      await audit(tx, actor, cooperationId ? { cooperationId, entity: ENTITY, ...change, scope: cooperationWideAudit } : { cooperationId: null, entity: ENTITY, ...change });
    }
  }

  return {
    list: (filter: OrganizationFilter) => organizationRepository.list(db, filter),
    get,

    async create(actor: Actor, input: Pick<NewOrganization, 'name' | 'kind' | 'regionCode' | 'parentId'>) {
      assertCanRegister(actor);
      const id = await writeTransaction(db, ENTITY, async (tx) => {
        await assertRegionExists(tx, input.regionCode);
        assertCanKeepOrganization(actor, await keepsRegion(tx, actor, input.regionCode));
        const row = await organizationRepository.insert(tx, input);
        await audit(tx, actor, { cooperationId: null, action: 'create', entity: ENTITY, entityId: row.id, after: row });
        return row.id;
      });
      return get(id);
    },

    async update(actor: Actor, id: string, version: number, patch: OrganizationPatch) {
      assertCanRegister(actor);
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await organizationRepository.get(tx, id);
        if (!before) throw notFound(ENTITY, id);
        assertCanKeepOrganization(actor, await keepsRegion(tx, actor, before.regionCode));
        // The leader hears of the unit's overdue work: one of its own users, or someone the office itself works with.
        if (patch.leaderUserId && !(await organizationRepository.leaderEligible(tx, patch.leaderUserId, id, actor.isAdmin ? null : coordinatingPartyIds(actor)))) {
          throw badRequest('organization.leader_not_eligible', "The leader must be an enabled user of the unit or a member of the office's own side");
        }
        const after = await organizationRepository.update(tx, id, version, patch);
        if (!after) throw staleVersion(ENTITY, before.version);
        // Every cooperation that names the organization shows its new name, so each one's audit trail records the change.
        await auditEverywhere(tx, actor, await organizationRepository.cooperationsUsing(tx, id), { action: 'update', entityId: id, before, after });
      });
      return get(id);
    },

    /**
     * Merges a duplicate into the unit kept, in one transaction: tasks' units,
     * reports, 督办 recipients, users, coordinating offices and sub-units move
     * to the kept one, and the duplicate is gone. Both must be of the same
     * region, kept by the actor: merging across regions would move one side's
     * work onto the other side's unit.
     */
    async merge(actor: Actor, duplicateId: string, version: number, keptId: string, keptVersion: number) {
      assertCanRegister(actor);
      if (duplicateId === keptId) throw badRequest('organization.merge_same', 'A unit cannot be merged into itself');
      await writeTransaction(db, ENTITY, async (tx) => {
        const duplicate = await organizationRepository.get(tx, duplicateId);
        if (!duplicate) throw notFound(ENTITY, duplicateId);
        assertCanKeepOrganization(actor, await keepsRegion(tx, actor, duplicate.regionCode));
        const kept = await organizationRepository.get(tx, keptId);
        if (!kept) throw notFound(ENTITY, keptId);
        if (kept.regionCode !== duplicate.regionCode) {
          throw conflict('organization.merge_other_region', `${duplicate.name} (${duplicate.regionName}) and ${kept.name} (${kept.regionName}) are of different regions`, {
            duplicateRegion: duplicate.regionName,
            keptRegion: kept.regionName,
          });
        }
        if (duplicate.version !== version) throw staleVersion(ENTITY, duplicate.version);
        const clashes = await organizationRepository.mergeClashes(tx, duplicateId, keptId);
        if (clashes.reports || clashes.notices) {
          throw conflict('organization.merge_clash', 'Both units reported on the same task and period, or were sent the same 督办 notice; settle those first', clashes);
        }
        const cooperationIds = [...new Set([...(await organizationRepository.cooperationsUsing(tx, duplicateId)), ...(await organizationRepository.cooperationsUsing(tx, keptId))])].sort();
        // The kept unit takes over the duplicate's leader when it has none, and no longer hangs under the duplicate.
        const keptAfter = await organizationRepository.update(tx, keptId, keptVersion, {
          leaderUserId: kept.leaderUserId ?? duplicate.leaderUserId,
          parentId: kept.parentId === duplicateId ? (duplicate.parentId === keptId ? null : duplicate.parentId) : kept.parentId,
        });
        if (!keptAfter) throw staleVersion(ENTITY, kept.version);
        const moved = await organizationRepository.moveReferences(tx, duplicateId, keptId);
        if (!(await organizationRepository.delete(tx, duplicateId, version))) throw staleVersion(ENTITY, duplicate.version);
        await auditEverywhere(tx, actor, cooperationIds, { action: 'merge', entityId: duplicateId, before: duplicate, after: { mergedInto: { id: kept.id, name: kept.name }, moved } });
      });
      return get(keptId);
    },

    /** The units of each side of a cooperation (organizationRepository.unitsOfSide), for its members; `can.edit` where the caller keeps the unit. */
    async unitsOfCooperation(actor: Actor, cooperationId: string) {
      const cooperation = await deps.cooperations.load(actor, cooperationId);
      assertCanSeeMembers(actor, cooperation);
      const sides = await cooperationRepository.partiesOf(db, cooperationId);
      const scope = rowScope(actor, cooperationId);
      const perSide = await Promise.all(
        sides.map(async (side) => {
          const rows = await organizationRepository.unitsOfSide(db, { cooperationId, partyId: side.id, regionCode: side.regionCode, coordinatingOrganizationId: side.coordinatingOrganizationId }, scope);
          const keeps = new Map<string, boolean>();
          for (const code of new Set(rows.map((r) => r.regionCode))) keeps.set(code, canKeepOrganizations(actor, await keepsRegion(db, actor, code)));
          return rows.map((r) => ({ ...r, partyId: side.id, can: { edit: keeps.get(r.regionCode) ?? false } }));
        }),
      );
      return perSide.flat();
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
