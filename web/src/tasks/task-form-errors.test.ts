import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { NEW_TASK_FIELDS, PER_DIRECTION_FIELDS, type SideUnitField, type UnitField } from './new-task-request.ts';
import { taskFormErrorsFrom } from './task-form-errors.ts';

const units: UnitField<SideUnitField>[] = [
  { name: ['sides', 'qd', 'lead'], partyId: 'qd', organizationId: 'qd-sti' },
  { name: ['sides', 'qd', 'co'], partyId: 'qd', organizationId: 'qd-edu' },
  { name: ['sides', 'sz', 'lead'], partyId: 'sz', organizationId: 'sz-sti' },
  { name: ['sides', 'sz', 'co'], partyId: 'sz', organizationId: 'qd-sti' },
];
const newTask = { plain: NEW_TASK_FIELDS, units };

const invalid = (...details: { path: string; message: string }[]) => new ApiError(400, 'request.invalid', 'The request has invalid fields', details);

describe('where the server’s refusal of a new task is shown', () => {
  it('puts zod’s field paths on the fields, a unit’s on the picker it was chosen in', () => {
    const errors = taskFormErrorsFrom(
      invalid(
        { path: 'body.title', message: 'Too small: expected string to have >=1 characters' },
        { path: 'body.tags.1', message: 'Too big: expected string to have <=40 characters' },
        { path: 'body.tags.3', message: 'Too big: expected string to have <=40 characters' },
        { path: 'body.dueOn', message: 'Invalid ISO date' },
        { path: 'body.units.1.organizationId', message: 'Invalid UUID' },
      ),
      newTask,
    );
    expect(errors?.unplaced).toBe(false);
    expect(errors?.fields.map(({ name, code }) => ({ name, code }))).toEqual([
      { name: ['title'], code: 'required' },
      { name: ['tags'], code: 'tooLong' },
      { name: ['dueOn'], code: 'invalidDate' },
      { name: ['sides', 'qd', 'co'], code: 'invalid' },
    ]);
  });

  it('says so when part of the refusal is about something the form has no field for', () => {
    const errors = taskFormErrorsFrom(invalid({ path: 'body.title', message: 'Too small' }, { path: 'body.visibility', message: 'Invalid option' }), newTask);
    expect(errors?.fields).toHaveLength(1);
    expect(errors?.unplaced).toBe(true);
    expect(taskFormErrorsFrom(invalid({ path: 'body.milestones.0.title', message: 'Too small' }), newTask)).toBeNull();
  });

  it('puts the service’s coded rules on the field they are about', () => {
    const at = (error: ApiError) => taskFormErrorsFrom(error, newTask)?.fields.map(({ name, code, detail }) => ({ name, code, detail }));
    expect(at(new ApiError(400, 'task.invalid_dates', 'The due date is before the start date', { startOn: '2026-05-01', dueOn: '2026-04-01' }))).toEqual([
      { name: ['dueOn'], code: 'dueBeforeStart', detail: 'The due date is before the start date' },
    ]);
    expect(at(new ApiError(400, 'task.unit_wrong_side', 'The unit does not belong to the side 深圳市', { organizationId: 'sz-sti', partyId: 'sz' }))?.[0]?.name).toEqual(['sides', 'sz', 'lead']);
    expect(at(new ApiError(400, 'task.duplicate_unit', 'A unit is named twice on the task', { organizationId: 'qd-sti' }))?.[0]).toMatchObject({ name: ['sides', 'sz', 'co'], code: 'duplicateUnit' });
    expect(at(new ApiError(400, 'task.duplicate_lead', 'A side has one lead unit', { partyId: 'sz' }))?.[0]?.name).toEqual(['sides', 'sz', 'lead']);
    expect(at(new ApiError(404, 'clause.not_found', 'No clause x'))?.[0]).toMatchObject({ name: ['clauseIds'], code: 'notFound' });
    expect(at(new ApiError(400, 'task.owner_side_required', 'A one-sided task needs its owner side'))?.[0]).toMatchObject({ name: ['ownerPartyId'], code: 'required' });
  });

  it('leaves errors that are not about the form to the page: permissions, network, a field this form lacks', () => {
    expect(taskFormErrorsFrom(new ApiError(403, 'auth.forbidden', 'Only the cooperation offices may create or change tasks'), newTask)).toBeNull();
    expect(taskFormErrorsFrom(new Error('boom'), newTask)).toBeNull();
    expect(taskFormErrorsFrom(new ApiError(404, 'clause.not_found', 'No clause x'), { plain: PER_DIRECTION_FIELDS, units: [] })).toBeNull();
  });

  it('places the per-direction form’s default lead units by their index in leadUnits', () => {
    const errors = taskFormErrorsFrom(invalid({ path: 'body.leadUnits.0.organizationId', message: 'Invalid UUID' }), {
      plain: PER_DIRECTION_FIELDS,
      units: [{ name: ['leads', 'sz'], partyId: 'sz', organizationId: 'x' }],
    });
    expect(errors?.fields[0]?.name).toEqual(['leads', 'sz']);
  });
});
