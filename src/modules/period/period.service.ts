import { badRequest, conflict, missingAs, notFound, staleVersion } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { authorId, type Actor } from '../access/actor.ts';
import { cooperationWideAudit } from '../access/policy.ts';
import { audit } from '../audit/audit.recorder.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { addDays } from '../task/business-date.ts';
import { CALENDAR, DEFAULT_DUE_AFTER_DAYS, periodsBetween, type CalendarKind } from './period-calendar.ts';
import { periodRepository, type NewPeriod, type PeriodRow } from './period.repository.ts';

const ENTITY = 'period';
/** Ten years of months: more than that in one request is a typing mistake. */
const MAX_GENERATED = 120;

export interface CreatePeriodInput {
  kind: PeriodRow['kind'];
  startsOn: string;
  endsOn: string;
  dueAfterDays: number;
  label?: string | undefined;
}

export interface GeneratePeriodsInput {
  kind: CalendarKind;
  from: string;
  to: string;
  dueAfterDays: number;
}

/** A period as the API shows it. */
export function presentPeriod(row: PeriodRow) {
  return {
    id: row.id,
    cooperationId: row.cooperationId,
    label: row.label,
    kind: row.kind,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    dueOn: row.dueOn,
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
  };
}

const closed = (period: PeriodRow) => conflict('period.closed', `${period.label} is closed`);

export function createPeriodService(db: Db, cooperations: CooperationService, today: () => string) {
  async function insertChecked(tx: Db, actor: Actor, cooperationId: string, values: NewPeriod[]): Promise<PeriodRow[]> {
    await cooperations.loadForManagement(tx, actor, cooperationId);
    await periodRepository.lockCooperation(tx, cooperationId);
    for (const period of values) {
      const clashes = await periodRepository.overlapping(tx, cooperationId, period.startsOn, period.endsOn);
      if (clashes.length) {
        throw conflict('period.overlap', `${period.label} overlaps a reporting period this cooperation already has`, {
          label: period.label,
          overlaps: clashes.map((c) => ({ id: c.id, label: c.label, startsOn: c.startsOn, endsOn: c.endsOn })),
        });
      }
    }
    const rows = await periodRepository.insertMany(tx, values);
    for (const row of rows) await audit(tx, actor, { cooperationId, action: 'create', entity: ENTITY, entityId: row.id, after: row, scope: cooperationWideAudit });
    return rows;
  }

  async function generateIn(tx: Db, actor: Actor, cooperationId: string, input: GeneratePeriodsInput): Promise<PeriodRow[]> {
    if (input.to < input.from) throw badRequest('period.invalid_range', '`to` is before `from`');
    const ranges = periodsBetween(input.kind, input.from, input.to, MAX_GENERATED);
    if (!ranges) throw badRequest('period.too_many', `At most ${MAX_GENERATED} periods can be generated at once`, { max: MAX_GENERATED });
    const values = ranges.map((r) => ({ cooperationId, ...r, dueOn: addDays(r.endsOn, input.dueAfterDays) }));
    return insertChecked(tx, actor, cooperationId, values);
  }

  /** A period and its cooperation, for the offices that manage it; a period the actor may not see is not found. */
  async function loadForManagement(tx: Db, actor: Actor, id: string): Promise<PeriodRow> {
    const period = await periodRepository.get(tx, id);
    if (!period) throw notFound(ENTITY, id);
    await missingAs(ENTITY, id, () => cooperations.loadForManagement(tx, actor, period.cooperationId));
    return period;
  }

  async function change(actor: Actor, id: string, version: number, action: string, decide: (before: PeriodRow) => Partial<NewPeriod>) {
    const row = await writeTransaction(db, ENTITY, async (tx) => {
      const before = await loadForManagement(tx, actor, id);
      if (before.version !== version) throw staleVersion(ENTITY, before.version);
      const after = await periodRepository.update(tx, id, version, decide(before));
      if (!after) throw staleVersion(ENTITY, before.version);
      await audit(tx, actor, { cooperationId: before.cooperationId, action, entity: ENTITY, entityId: id, before, after, scope: cooperationWideAudit });
      return after;
    });
    return presentPeriod(row);
  }

  return {
    async list(actor: Actor | null, cooperationId: string) {
      await cooperations.load(actor, cooperationId);
      return (await periodRepository.listByCooperation(db, cooperationId)).map(presentPeriod);
    },

    async create(actor: Actor, cooperationId: string, input: CreatePeriodInput) {
      if (input.endsOn < input.startsOn) throw badRequest('period.invalid_range', 'A period cannot end before it starts');
      let label = input.label ?? `${input.startsOn}至${input.endsOn}`;
      if (input.kind !== 'custom') {
        const calendar = CALENDAR[input.kind](input.startsOn);
        if (calendar.startsOn !== input.startsOn || calendar.endsOn !== input.endsOn) {
          throw badRequest('period.not_aligned', `A ${input.kind} period runs from ${calendar.startsOn} to ${calendar.endsOn}`, {
            startsOn: calendar.startsOn,
            endsOn: calendar.endsOn,
          });
        }
        label = calendar.label;
      }
      const values = { cooperationId, kind: input.kind, label, startsOn: input.startsOn, endsOn: input.endsOn, dueOn: addDays(input.endsOn, input.dueAfterDays) };
      const [row] = await writeTransaction(db, ENTITY, (tx) => insertChecked(tx, actor, cooperationId, [values]));
      if (!row) throw new Error('period insert returned no row');
      return presentPeriod(row);
    },

    async generate(actor: Actor, cooperationId: string, input: GeneratePeriodsInput) {
      return (await writeTransaction(db, ENTITY, (tx) => generateIn(tx, actor, cooperationId, input))).map(presentPeriod);
    },

    /** A new cooperation's periods of one kind through the current year, in the transaction that creates it. */
    async generateThisYearIn(tx: Db, actor: Actor, cooperationId: string, kind: CalendarKind) {
      const year = today().slice(0, 4);
      return generateIn(tx, actor, cooperationId, { kind, from: `${year}-01-01`, to: `${year}-12-31`, dueAfterDays: DEFAULT_DUE_AFTER_DAYS });
    },

    /** Moves the day reports are due; a closed period keeps its dates. */
    async update(actor: Actor, id: string, version: number, dueOn: string) {
      return change(actor, id, version, 'update', (before) => {
        if (before.closedAt) throw closed(before);
        if (dueOn < before.endsOn) throw badRequest('period.due_before_end', `Reports cannot be due before ${before.label} ends (${before.endsOn})`, { endsOn: before.endsOn });
        return { dueOn };
      });
    },

    /** After closing, units report no more for the period; what was reported stays, and reviews go on. */
    async close(actor: Actor, id: string, version: number) {
      return change(actor, id, version, 'close', (before) => {
        if (before.closedAt) throw closed(before);
        return { closedAt: new Date(), closedBy: authorId(actor) };
      });
    },

    async reopen(actor: Actor, id: string, version: number) {
      return change(actor, id, version, 'reopen', (before) => {
        if (!before.closedAt) throw conflict('period.not_closed', `${before.label} is open`);
        return { closedAt: null, closedBy: null };
      });
    },
  };
}

export type PeriodService = ReturnType<typeof createPeriodService>;
