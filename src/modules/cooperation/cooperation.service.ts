import { AppError, badRequest, conflict, notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor, MembershipRole } from '../access/actor.ts';
import {
  assertAdmin,
  assertCanEditParty,
  assertCanManageCooperation,
  assertCanManageSide,
  assertCanReadCooperation,
  assertCanRegister,
  assertCanSeeMembers,
  assertCanAppointFirstOffice,
  creatorOfficeSide,
  canEditParty,
  canKeepOrganizations,
  canAppointFirstOffice,
  canManageSide,
  canDeleteCooperation,
  canReadIndicators,
  canImportTasks,
  canManageTask,
  canReadCooperationAudit,
  noticeSideOf,
  rowScope,
  coordinatingPartyIds,
  canManageCooperation,
  cooperationWideAudit,
  rowScopeAcross,
  visibleCooperationScope,
} from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import { authRepository } from '../auth/auth.repository.ts';
import { organizationRepository } from '../organization/organization.repository.ts';
import { regionRepository } from '../region/region.repository.ts';
import type { SetupItem } from './cooperation.schemas.ts';
import { cooperationRepository, type CooperationRow, type NewCooperation, type MembershipRow, type NewParty, type PartyRow } from './cooperation.repository.ts';

const ENTITY = 'cooperation';

export interface PartyInput {
  regionCode: string;
  name?: string | undefined;
  coordinatingOrganizationId?: string | null | undefined;
}

export interface CreateCooperationInput {
  name: string;
  summary: string;
  principles: string[];
  status: CooperationRow['status'];
  visibility: CooperationRow['visibility'];
  startedOn?: string | null | undefined;
  parties: PartyInput[];
  /** Offices named for the other sides at creation (each a user of a unit in that side's region). */
  offices?: { regionCode: string; username: string }[] | undefined;
}

export function createCooperationService(db: Db) {
  async function load(actor: Actor | null, id: string): Promise<CooperationRow> {
    const row = await cooperationRepository.get(db, id);
    if (!row) throw notFound(ENTITY, id);
    assertCanReadCooperation(actor, row);
    return row;
  }

  async function loadForManagement(tx: Db, actor: Actor, id: string): Promise<CooperationRow> {
    const row = await cooperationRepository.get(tx, id);
    if (!row) throw notFound(ENTITY, id);
    assertCanManageCooperation(actor, row);
    return row;
  }

  async function present(actor: Actor | null, row: CooperationRow) {
    const manages = canManageCooperation(actor, row.id);
    const jointTask = { cooperationId: row.id, joint: true, ownerPartyId: null };
    const [partyRows, withOffice] = await Promise.all([cooperationRepository.partiesOf(db, row.id), cooperationRepository.sidesWithOffice(db, row.id)]);
    const ownSides = coordinatingPartyIds(actor);
    const registers = await Promise.all(
      partyRows.map(async (p) => canKeepOrganizations(actor, await organizationRepository.partyCoversRegion(db, ownSides, p.regionCode))),
    );
    return {
      id: row.id,
      name: row.name,
      summary: row.summary,
      principles: row.principles,
      status: row.status,
      visibility: row.visibility,
      startedOn: row.startedOn,
      dueSoonDays: row.dueSoonDays,
      version: row.version,
      parties: partyRows.map((p, i) => ({
        id: p.id,
        name: p.name,
        regionCode: p.regionCode,
        regionName: p.regionName,
        ordinal: p.ordinal,
        version: p.version,
        coordinatingOrganization:
          p.coordinatingOrganizationId && p.coordinatingOrganizationName
            ? { id: p.coordinatingOrganizationId, name: p.coordinatingOrganizationName }
            : null,
        hasOffice: withOffice.includes(p.id),
        can: {
          edit: canEditParty(actor, row.id, p.id, withOffice.includes(p.id)),
          registerUnits: registers[i] ?? false,
          manageMembers: canManageSide(actor, row.id, p.id),
          appointOffice: canAppointFirstOffice(actor, row.id, p.id, withOffice.includes(p.id)),
          manageTasks: canManageTask(actor, { cooperationId: row.id, joint: false, ownerPartyId: p.id }),
        },
      })),
      setup: manages ? await setupOf(actor, row.id, partyRows, withOffice) : null,
      can: {
        manage: manages,
        delete: canDeleteCooperation(actor),
        readIndicators: canReadIndicators(actor, row.id),
        createTasks: canManageTask(actor, jointTask),
        issueNotices: noticeSideOf(actor, jointTask) !== null,
        readAudit: canReadCooperationAudit(actor, row.id),
        importTasks: canImportTasks(actor, row.id),
      },
    };
  }

  /** What is still missing before the cooperation can be worked in, shown to those who set it up; counted as far as they see. */
  async function setupOf(actor: Actor | null, cooperationId: string, partyRows: { id: string; name: string; regionCode: string }[], withOffice: string[]) {
    const counts = await cooperationRepository.setupCounts(db, cooperationId, partyRows.map((p) => p.regionCode), rowScope(actor, cooperationId));
    const missing: { item: SetupItem; partyId: string | null; partyName: string | null }[] = [];
    for (const p of partyRows) if (!withOffice.includes(p.id)) missing.push({ item: 'office', partyId: p.id, partyName: p.name });
    for (const p of partyRows) if (counts.unitsIn(p.regionCode) === 0) missing.push({ item: 'units', partyId: p.id, partyName: p.name });
    if (counts.periods === 0) missing.push({ item: 'periods', partyId: null, partyName: null });
    if (counts.agreements === 0) missing.push({ item: 'agreement', partyId: null, partyName: null });
    if (counts.tasks === 0) missing.push({ item: 'tasks', partyId: null, partyName: null });
    return missing;
  }

  /** A side's region is named once per cooperation: the unique index would answer a misleading "same name". */
  async function assertRegionFree(tx: Db, cooperationId: string, regionCode: string, partyId?: string) {
    const taken = await cooperationRepository.partyByRegion(tx, cooperationId, regionCode);
    if (taken && taken.id !== partyId) {
      throw conflict('party.duplicate_region', `${taken.name} is already a party of this cooperation`, { partyId: taken.id, name: taken.name });
    }
  }

  /** A side's coordinating organization is one of its own region's (or a district's below it), not the other city's. */
  async function assertCoordinatorOfSide(tx: Db, regionCode: string, organizationId: string) {
    if (!(await organizationRepository.get(tx, organizationId))) throw notFound('organization', organizationId);
    if (!(await organizationRepository.inRegion(tx, regionCode, organizationId))) {
      throw badRequest('party.coordinator_elsewhere', "The coordinating organization must belong to the party's own region");
    }
  }

  async function partyValues(tx: Db, cooperationId: string, input: PartyInput, ordinal: number): Promise<NewParty> {
    const region = await regionRepository.get(tx, input.regionCode);
    if (!region) throw notFound('region', input.regionCode);
    if (input.coordinatingOrganizationId && !(await organizationRepository.get(tx, input.coordinatingOrganizationId))) {
      throw notFound('organization', input.coordinatingOrganizationId);
    }
    return {
      cooperationId,
      regionCode: region.code,
      name: input.name ?? region.name,
      coordinatingOrganizationId: input.coordinatingOrganizationId ?? null,
      ordinal,
    };
  }

  return {
    async list(actor: Actor | null, filter: Parameters<typeof cooperationRepository.list>[3]) {
      return cooperationRepository.list(db, visibleCooperationScope(actor), rowScopeAcross(actor), filter);
    },

    async get(actor: Actor | null, id: string) {
      return present(actor, await load(actor, id));
    },

    /** Used by other services: the cooperation row after the read check. */
    load,
    loadForManagement,

    /**
     * Inside the caller's transaction, so ingestion can create a cooperation with everything else at once. Answers the
     * cooperation and the actor as it is after it (an office of its own side), to act with for the rest of the transaction.
     */
    async createIn(tx: Db, actor: Actor, input: CreateCooperationInput): Promise<{ cooperation: CooperationRow; acting: Actor }> {
      assertCanRegister(actor);
      const codes = input.parties.map((p) => p.regionCode);
      if (new Set(codes).size !== codes.length) {
        throw new AppError('cooperation.duplicate_party', 400, 'The same region is named twice as a party');
      }
      if (codes.length < 2) throw new AppError('cooperation.parties_required', 400, 'A cooperation has at least two parties');
      const { parties: partyInputs, offices = [], ...fields } = input;
      /** The side whose region holds the organization's (a city's side holds its districts' units). */
      const sideOf = async <T extends { regionCode: string }>(sides: T[], organizationId: string | null): Promise<T | null> => {
        if (!organizationId) return null;
        for (const side of sides) if (await organizationRepository.inRegion(tx, side.regionCode, organizationId)) return side;
        return null;
      };
      const ownInput = await sideOf(partyInputs, actor.organizationId);
      const created = await cooperationRepository.insert(tx, { ...fields, startedOn: fields.startedOn ?? null });
      const createdParties: PartyRow[] = [];
      let ownSide: string | null = null;
      for (const [ordinal, party] of partyInputs.entries()) {
        const own = party === ownInput && !actor.isAdmin;
        // The creator's own unit coordinates its side until the side names another.
        const values = own && !party.coordinatingOrganizationId ? { ...party, coordinatingOrganizationId: actor.organizationId } : party;
        const row = await cooperationRepository.insertParty(tx, await partyValues(tx, created.id, values, ordinal));
        createdParties.push(row);
        if (own) ownSide = row.id;
      }
      ownSide = creatorOfficeSide(actor, ownSide);
      const appointed: MembershipRow[] = [];
      if (ownSide) appointed.push(await cooperationRepository.insertMembership(tx, { cooperationId: created.id, userId: actor.userId, partyId: ownSide, role: 'coordinator' }));
      for (const office of offices) {
        const party = createdParties.find((p) => p.regionCode === office.regionCode);
        if (!party) throw badRequest('cooperation.office_party_unknown', `${office.regionCode} is not a party of this cooperation`, { regionCode: office.regionCode });
        const user = await authRepository.findUserByUsername(tx, office.username);
        if (!user) throw badRequest('cooperation.office_unknown', `No user ${office.username}`, office);
        assertCanAppointFirstOffice(actor, { userId: user.id, unitOnSide: (await sideOf(createdParties, user.organizationId))?.id === party.id }, office);
        if (appointed.some((m) => m.userId === user.id)) throw badRequest('cooperation.office_twice', `${office.username} is named as an office twice`, office);
        appointed.push(await cooperationRepository.insertMembership(tx, { cooperationId: created.id, userId: user.id, partyId: party.id, role: 'coordinator' }));
      }
      await audit(tx, actor, {
        cooperationId: created.id,
        action: 'create',
        entity: ENTITY,
        entityId: created.id,
        after: { ...created, parties: createdParties, offices: appointed },
        scope: cooperationWideAudit,
      });
      const memberships = ownSide ? [...actor.memberships, { cooperationId: created.id, partyId: ownSide, role: 'coordinator' as const }] : actor.memberships;
      return { cooperation: created, acting: { ...actor, memberships } };
    },

    /** `setUp` runs in the same transaction with the creator as office, for what the new cooperation starts with (its periods). */
    async create(actor: Actor, input: CreateCooperationInput, setUp?: (tx: Db, acting: Actor, cooperationId: string) => Promise<unknown>) {
      const { cooperation, acting } = await writeTransaction(db, ENTITY, async (tx) => {
        const made = await this.createIn(tx, actor, input);
        if (setUp) await setUp(tx, made.acting, made.cooperation.id);
        return made;
      });
      return present(acting, cooperation);
    },

    async update(actor: Actor, id: string, version: number, patch: Partial<NewCooperation>) {
      const row = await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadForManagement(tx, actor, id);
        const after = await cooperationRepository.update(tx, id, version, patch);
        if (!after) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: id, action: 'update', entity: ENTITY, entityId: id, before, after, scope: cooperationWideAudit });
        return after;
      });
      return present(actor, row);
    },

    /** Its parties, members, agreements, clauses, periods go with it; tasks hold reports and evidence, so they are removed first. */
    async delete(actor: Actor, id: string, version: number) {
      assertAdmin(actor);
      await writeTransaction(db, ENTITY, async (tx) => {
        const before = await loadForManagement(tx, actor, id);
        const taskCount = await cooperationRepository.countTasks(tx, id);
        if (taskCount > 0) throw conflict('cooperation.has_tasks', `${before.name} still has ${taskCount} tasks; delete them first`, { tasks: taskCount });
        if (!(await cooperationRepository.delete(tx, id, version))) throw staleVersion(ENTITY, before.version);
        await audit(tx, actor, { cooperationId: id, action: 'delete', entity: ENTITY, entityId: id, before, scope: cooperationWideAudit });
      });
    },

    async addParty(actor: Actor, cooperationId: string, input: PartyInput) {
      await writeTransaction(db, 'party', async (tx) => {
        await loadForManagement(tx, actor, cooperationId);
        await assertRegionFree(tx, cooperationId, input.regionCode);
        if (input.coordinatingOrganizationId) await assertCoordinatorOfSide(tx, input.regionCode, input.coordinatingOrganizationId);
        const ordinal = await cooperationRepository.countParties(tx, cooperationId);
        const party = await cooperationRepository.insertParty(tx, await partyValues(tx, cooperationId, input, ordinal));
        await audit(tx, actor, { cooperationId, action: 'create', entity: 'party', entityId: party.id, after: party, scope: cooperationWideAudit });
      });
      return present(actor, await load(actor, cooperationId));
    },

    async updateParty(
      actor: Actor,
      cooperationId: string,
      partyId: string,
      version: number,
      patch: Partial<Pick<NewParty, 'name' | 'regionCode' | 'coordinatingOrganizationId' | 'ordinal'>>,
    ) {
      await writeTransaction(db, 'party', async (tx) => {
        const cooperation = await loadForManagement(tx, actor, cooperationId);
        const before = await cooperationRepository.getParty(tx, cooperationId, partyId);
        if (!before) throw notFound('party', partyId);
        assertCanEditParty(actor, cooperation, partyId, (await cooperationRepository.sidesWithOffice(tx, cooperationId)).includes(partyId));
        if (before.version !== version) throw staleVersion('party', before.version);
        const regionChanges = patch.regionCode !== undefined && patch.regionCode !== before.regionCode;
        if (regionChanges && patch.regionCode) {
          if (!(await regionRepository.get(tx, patch.regionCode))) throw notFound('region', patch.regionCode);
          await assertRegionFree(tx, cooperationId, patch.regionCode, partyId);
          // Its tasks' units and reports were checked against the old region; moving the side would leave them on the wrong one.
          const dependents = await cooperationRepository.dependentsOfParty(tx, cooperationId, partyId);
          if (dependents.tasks || dependents.units || dependents.reports || dependents.notices) {
            throw conflict('party.region_in_use', "The side's region cannot change while tasks, units or reports depend on it", dependents);
          }
        }
        const after = await cooperationRepository.updateParty(tx, partyId, version, patch);
        if (!after) throw staleVersion('party', before.version);
        if (after.coordinatingOrganizationId && (regionChanges || patch.coordinatingOrganizationId)) {
          await assertCoordinatorOfSide(tx, after.regionCode, after.coordinatingOrganizationId);
        }
        await audit(tx, actor, { cooperationId, action: 'update', entity: 'party', entityId: partyId, before, after, scope: cooperationWideAudit });
      });
      return present(actor, await load(actor, cooperationId));
    },

    /** The order the parties are listed in (the first is named first, as in 青岛—深圳): a cooperation setting, not one side's. */
    async orderParties(actor: Actor, cooperationId: string, partyIds: string[]) {
      await writeTransaction(db, 'party', async (tx) => {
        await loadForManagement(tx, actor, cooperationId);
        const current = await cooperationRepository.partiesOf(tx, cooperationId);
        const same = partyIds.length === current.length && new Set(partyIds).size === partyIds.length && current.every((p) => partyIds.includes(p.id));
        if (!same) throw conflict('party.order_stale', 'The list of parties changed meanwhile; reload it and order them again');
        for (const [ordinal, id] of partyIds.entries()) {
          const party = current.find((p) => p.id === id);
          if (party && party.ordinal !== ordinal) await cooperationRepository.updateParty(tx, id, party.version, { ordinal });
        }
        await audit(tx, actor, {
          cooperationId,
          action: 'reorder',
          entity: 'party',
          entityId: cooperationId,
          before: current.map((p) => p.id),
          after: partyIds,
          scope: cooperationWideAudit,
        });
      });
      return present(actor, await load(actor, cooperationId));
    },

    async removeParty(actor: Actor, cooperationId: string, partyId: string, version: number) {
      await writeTransaction(db, 'party', async (tx) => {
        const cooperation = await loadForManagement(tx, actor, cooperationId);
        const before = await cooperationRepository.getParty(tx, cooperationId, partyId);
        if (!before) throw notFound('party', partyId);
        assertCanEditParty(actor, cooperation, partyId, (await cooperationRepository.sidesWithOffice(tx, cooperationId)).includes(partyId));
        if (before.version !== version) throw staleVersion('party', before.version);
        const dependents = await cooperationRepository.dependentsOfParty(tx, cooperationId, partyId);
        if (Object.values(dependents).some((n) => n > 0)) {
          throw conflict('party.in_use', `${before.name} still has tasks, units, members, reports or notices; remove or move them first`, dependents);
        }
        if ((await cooperationRepository.countParties(tx, cooperationId)) <= 2) {
          throw new AppError('party.last_two', 409, 'A cooperation keeps at least two parties');
        }
        if (!(await cooperationRepository.deleteParty(tx, partyId, version))) throw staleVersion('party', before.version);
        await audit(tx, actor, { cooperationId, action: 'delete', entity: 'party', entityId: partyId, before, scope: cooperationWideAudit });
      });
    },

    async memberships(actor: Actor, cooperationId: string) {
      assertCanSeeMembers(actor, await load(actor, cooperationId));
      const rows = await cooperationRepository.membershipsOf(db, cooperationId);
      return rows.map((m) => ({ ...m, can: { remove: canManageSide(actor, cooperationId, m.partyId) } }));
    },

    async addMembership(actor: Actor, cooperationId: string, input: { username: string; partyId: string; role: MembershipRole }) {
      const id = await writeTransaction(db, 'membership', async (tx) => {
        const cooperation = await loadForManagement(tx, actor, cooperationId);
        const party = await cooperationRepository.getParty(tx, cooperationId, input.partyId);
        if (!party) throw notFound('party', input.partyId);
        const firstOffice =
          input.role === 'coordinator' && canAppointFirstOffice(actor, cooperationId, party.id, (await cooperationRepository.sidesWithOffice(tx, cooperationId)).includes(party.id));
        // A side grants roles on its own side only; otherwise it could let itself see the other side's own rows.
        if (!firstOffice) assertCanManageSide(actor, cooperation, input.partyId);
        const user = await authRepository.findUserByUsername(tx, input.username);
        if (!user) throw notFound('user', input.username);
        if (firstOffice) {
          const unitOnSide = !!user.organizationId && (await organizationRepository.inRegion(tx, party.regionCode, user.organizationId));
          assertCanAppointFirstOffice(actor, { userId: user.id, unitOnSide }, { regionCode: party.regionCode, username: input.username });
        }
        const row = await cooperationRepository.insertMembership(tx, { cooperationId, userId: user.id, partyId: input.partyId, role: input.role });
        await audit(tx, actor, { cooperationId, action: 'create', entity: 'membership', entityId: row.id, after: row, scope: cooperationWideAudit });
        return row.id;
      });
      const rows = await cooperationRepository.membershipsOf(db, cooperationId);
      const created = rows.find((m) => m.id === id);
      if (!created) throw notFound('membership', id);
      return { ...created, can: { remove: canManageSide(actor, cooperationId, created.partyId) } };
    },

    async removeMembership(actor: Actor, cooperationId: string, membershipId: string) {
      await writeTransaction(db, 'membership', async (tx) => {
        const cooperation = await loadForManagement(tx, actor, cooperationId);
        const before = await cooperationRepository.deleteMembership(tx, cooperationId, membershipId);
        if (!before) throw notFound('membership', membershipId);
        assertCanManageSide(actor, cooperation, before.partyId);
        await audit(tx, actor, { cooperationId, action: 'delete', entity: 'membership', entityId: membershipId, before, scope: cooperationWideAudit });
      });
    },
  };
}

export type CooperationService = ReturnType<typeof createCooperationService>;
