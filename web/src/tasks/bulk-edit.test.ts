import { describe, expect, it } from 'vitest';
import type { TaskListItem } from '../api/tasks.ts';
import { bulkPatch } from './bulk-edit.ts';

const task: TaskListItem = {
  id: 't1',
  cooperationId: 'c',
  title: '共建联合实验室',
  source: 'manual',
  joint: true,
  ownerPartyId: null,
  priority: 'normal',
  status: 'in_progress',
  percent: 10,
  tags: ['科技'],
  startOn: null,
  dueOn: '2026-12-31',
  doneAt: null,
  closeRequested: false,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  overdue: false,
  milestoneCounts: { done: 0, total: 0 },
  sides: [
    { partyId: 'qd', partyName: '青岛市', lead: { organizationId: 'qd-kj', name: '科技局' }, co: [{ organizationId: 'qd-sw', name: '商务局' }] },
    { partyId: 'sz', partyName: '深圳市', lead: { organizationId: 'sz-kj', name: '科创局' }, co: [] },
  ],
  can: { updateProgress: true },
};

describe('bulkPatch', () => {
  it('sends only what changes, and nothing for a row already as asked', () => {
    expect(bulkPatch(task, { kind: 'dueOn', dueOn: '2027-03-31' })).toEqual({ dueOn: '2027-03-31' });
    expect(bulkPatch(task, { kind: 'dueOn', dueOn: '2026-12-31' })).toBeNull();
    expect(bulkPatch(task, { kind: 'priority', priority: 'high' })).toEqual({ priority: 'high' });
    expect(bulkPatch(task, { kind: 'tags', add: ['科技', '人才'] })).toEqual({ tags: ['科技', '人才'] });
    expect(bulkPatch(task, { kind: 'tags', add: ['科技'] })).toBeNull();
  });

  it("changes one side's lead unit and keeps the other side's units as they are", () => {
    expect(bulkPatch(task, { kind: 'lead', partyId: 'qd', organizationId: 'qd-sw' })).toEqual({
      units: [
        { partyId: 'sz', organizationId: 'sz-kj', role: 'lead' },
        { partyId: 'qd', organizationId: 'qd-sw', role: 'lead' },
      ],
    });
    expect(bulkPatch(task, { kind: 'lead', partyId: 'qd', organizationId: 'qd-kj' })).toBeNull();
    expect(bulkPatch({ ...task, sides: task.sides.filter((s) => s.partyId === 'sz') }, { kind: 'lead', partyId: 'qd', organizationId: 'qd-sw' })).toBeNull();
  });
});
