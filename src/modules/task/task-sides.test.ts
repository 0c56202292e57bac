import { describe, expect, it } from 'vitest';
import { closingSides, decidingSides, reportSides, sidesOfNewTask, sidesWithChangedUnits } from './task-sides.ts';

describe('the sides of a new task', () => {
  it('is the owner side alone for a one-sided task', () => {
    expect(sidesOfNewTask({ joint: false, ownerPartyId: 'qd' }, ['qd', 'sz'], ['qd', 'sz'])).toEqual(['qd']);
  });

  it('is every side with a unit on a joint task, in the order of the cooperation', () => {
    expect(sidesOfNewTask({ joint: true, ownerPartyId: null }, ['yt', 'qd', 'qd'], ['qd', 'yt', 'wf', 'wh', 'rz'])).toEqual(['qd', 'yt']);
  });

  it('is every side of the cooperation when a joint task is created without units', () => {
    expect(sidesOfNewTask({ joint: true, ownerPartyId: null }, [], ['qd', 'sz'])).toEqual(['qd', 'sz']);
  });
});

describe('the sides a round needs', () => {
  const joint = { joint: true, ownerPartyId: null, sides: ['qd', 'sz'] };

  it("is the task's sides before a round opens, and the sides fixed at opening once it has", () => {
    expect(decidingSides(joint)).toEqual(['qd', 'sz']);
    expect(closingSides({ ...joint, closeRequestedAt: null, closeSides: ['sz'] })).toEqual(['qd', 'sz']);
    expect(closingSides({ ...joint, sides: ['sz'], closeRequestedAt: new Date(), closeSides: ['qd', 'sz'] })).toEqual(['qd', 'sz']);
  });

  it('is fixed for a submitted report and follows the task for a draft', () => {
    expect(reportSides({ status: 'submitted', decidingSides: ['qd', 'sz'] }, { ...joint, sides: ['sz'] })).toEqual(['qd', 'sz']);
    expect(reportSides({ status: 'draft', decidingSides: ['qd'] }, joint)).toEqual(['qd', 'sz']);
  });
});

describe('sides whose units changed', () => {
  const qdLead = { partyId: 'qd', organizationId: 'qd-kj', role: 'lead' };
  const szLead = { partyId: 'sz', organizationId: 'sz-kj', role: 'lead' };

  it('names a side whose unit was replaced, removed or given another role, and no side left as it was', () => {
    expect(sidesWithChangedUnits([qdLead, szLead], [szLead, qdLead])).toEqual([]);
    expect(sidesWithChangedUnits([qdLead, szLead], [{ ...qdLead, organizationId: 'qd-fgw' }, szLead])).toEqual(['qd']);
    expect(sidesWithChangedUnits([qdLead, szLead], [szLead])).toEqual(['qd']);
    expect(sidesWithChangedUnits([qdLead, szLead], [{ ...qdLead, role: 'co' }, szLead])).toEqual(['qd']);
  });
});
