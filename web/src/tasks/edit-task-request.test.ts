import { describe, expect, it } from 'vitest';
import type { TaskDetail } from '../api/tasks.ts';
import { editTaskRequest, taskFormValues } from './new-task-request.ts';

const QINGDAO = 'party-qd';
const SHENZHEN = 'party-sz';
const PARTIES = [QINGDAO, SHENZHEN];

const task: TaskDetail = {
  id: 'task-1',
  cooperationId: 'coop-1',
  title: '联合举办产业对接会',
  source: 'manual',
  joint: true,
  ownerPartyId: null,
  priority: 'normal',
  status: 'in_progress',
  percent: 30,
  tags: ['对接', '2026'],
  startOn: '2026-01-01',
  dueOn: '2026-06-30',
  doneAt: null,
  closeRequested: false,
  version: 4,
  createdAt: '2026-01-01T00:00:00Z',
  overdue: false,
  milestoneCounts: { done: 0, total: 0 },
  sides: [
    { partyId: QINGDAO, partyName: '青岛', lead: { organizationId: 'qd-kj', name: '青岛市科学技术局' }, co: [{ organizationId: 'qd-sw', name: '青岛市商务局' }] },
    { partyId: SHENZHEN, partyName: '深圳', lead: { organizationId: 'sz-kj', name: '深圳市科技创新局' }, co: [] },
  ],
  noticePartyId: QINGDAO,
  can: { edit: true, updateProgress: true, decideClosure: false, report: false, issueNotice: true },
  description: '',
  agreementId: null,
  updatedAt: '2026-01-01T00:00:00Z',
  owners: [],
  clauses: [{ id: 'clause-1', agreementId: 'agreement-1', label: '（一）', title: '科技创新' }],
  milestones: [],
  closure: { requestedAt: null, round: 0, requiredPartyIds: [QINGDAO, SHENZHEN], pendingPartyIds: [], approvals: [] },
  supervisionNotices: [],
};

describe('the patch an edit of a task sends', () => {
  it('is empty when the form is saved as it was opened', () => {
    expect(editTaskRequest(taskFormValues(task), task, PARTIES).patch).toEqual({});
  });

  it('holds only what changed, trimmed, and an emptied date as null', () => {
    const values = { ...taskFormValues(task), title: ' 联合举办产业对接会（第二届） ', dueOn: '', tags: ['2026', '对接'] };
    expect(editTaskRequest(values, task, PARTIES).patch).toEqual({ title: '联合举办产业对接会（第二届）', dueOn: null });
  });

  it("sends the whole set of units when one side's change, the other side's units as they are", () => {
    const before = taskFormValues(task);
    const values = { ...before, sides: { ...before.sides, [QINGDAO]: { lead: 'qd-kj', co: ['qd-sw', 'qd-jy'] } } };
    const { patch, unitFields } = editTaskRequest(values, task, PARTIES);
    expect(patch.units).toEqual([
      { partyId: QINGDAO, organizationId: 'qd-kj', role: 'lead' },
      { partyId: QINGDAO, organizationId: 'qd-sw', role: 'co' },
      { partyId: QINGDAO, organizationId: 'qd-jy', role: 'co' },
      { partyId: SHENZHEN, organizationId: 'sz-kj', role: 'lead' },
    ]);
    expect(unitFields.find((f) => f.organizationId === 'qd-jy')?.name).toEqual(['sides', QINGDAO, 'co']);
    expect(Object.keys(patch)).toEqual(['units']);
  });

  it('keeps the kind of the task whatever the form holds, so a one-sided task keeps to its side', () => {
    const oneSided: TaskDetail = { ...task, joint: false, ownerPartyId: QINGDAO, sides: task.sides.slice(0, 1) };
    const values = { ...taskFormValues(oneSided), joint: true, clauseIds: [] };
    const { patch } = editTaskRequest(values, oneSided, PARTIES);
    expect(patch).toEqual({ clauseIds: [] });
  });
});
