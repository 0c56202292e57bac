import { badRequest, conflict } from '../../app-error.ts';
import type { Db } from '../../db/client.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../access/actor.ts';
import { cooperationWideAudit } from '../access/policy.ts';
import { audit } from '../audit/audit.service.ts';
import type { CooperationService } from '../cooperation/cooperation.service.ts';
import { addDays } from '../task/business-date.ts';
import { monthOf, periodsBetween, quarterOf } from './period-calendar.ts';
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
  kind: 'monthly' | 'quarterly';
  from: string;
  to: string;
  dueAfterDays: number;
}

export function createPeriodService(db: Db, cooperations: CooperationService) {
  async function insertChecked(tx: Db, actor: Actor, cooperationId: string, values: NewPeriod[]): Promise<PeriodRow[]> {
    await cooperations.loadForManagement(tx, actor, cooperationId);
    await periodRepository.lockCooperation(tx, cooperationId);
    for (const period of values) {
      const clashes = await periodRepository.overlapping(tx, cooperationId, period.startsOn, period.endsOn);
      if (clashes.length) {
        throw conflict('period.overlap', `${period.label} overlaps a reporting period this cooperation already has`, {
          overlaps: clashes.map((c) => ({ id: c.id, label: c.label, startsOn: c.startsOn, endsOn: c.endsOn })),
        });
      }
    }
    const rows = await periodRepository.insertMany(tx, values);
    for (const row of rows) await audit(tx, actor, { cooperationId, action: 'create', entity: ENTITY, entityId: row.id, after: row, scope: cooperationWideAudit });
    return rows;
  }

  return {
    async list(actor: Actor | null, cooperationId: string): Promise<PeriodRow[]> {
      await cooperations.load(actor, cooperationId);
      return periodRepository.listByCooperation(db, cooperationId);
    },

    async create(actor: Actor, cooperationId: string, input: CreatePeriodInput): Promise<PeriodRow> {
      if (input.endsOn < input.startsOn) throw badRequest('period.invalid_range', 'A period cannot end before it starts');
      let label = input.label ?? `${input.startsOn}至${input.endsOn}`;
      if (input.kind !== 'custom') {
        const calendar = (input.kind === 'monthly' ? monthOf : quarterOf)(input.startsOn);
        if (calendar.startsOn !== input.startsOn || calendar.endsOn !== input.endsOn) {
          throw badRequest('period.not_aligned', `A ${input.kind} period runs from ${calendar.startsOn} to ${calendar.endsOn}`);
        }
        label = calendar.label;
      }
      const values = { cooperationId, kind: input.kind, label, startsOn: input.startsOn, endsOn: input.endsOn, dueOn: addDays(input.endsOn, input.dueAfterDays) };
      const [row] = await writeTransaction(db, ENTITY, (tx) => insertChecked(tx, actor, cooperationId, [values]));
      if (!row) throw new Error('period insert returned no row');
      return row;
    },

    async generate(actor: Actor, cooperationId: string, input: GeneratePeriodsInput): Promise<PeriodRow[]> {
      if (input.to < input.from) throw badRequest('period.invalid_range', '`to` is before `from`');
      const ranges = periodsBetween(input.kind, input.from, input.to, MAX_GENERATED);
      if (!ranges) throw badRequest('period.too_many', `At most ${MAX_GENERATED} periods can be generated at once`);
      const values = ranges.map((r) => ({ cooperationId, ...r, dueOn: addDays(r.endsOn, input.dueAfterDays) }));
      return writeTransaction(db, ENTITY, (tx) => insertChecked(tx, actor, cooperationId, values));
    },
  };
}

export type PeriodService = ReturnType<typeof createPeriodService>;
