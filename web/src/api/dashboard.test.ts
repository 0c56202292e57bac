import { describe, expect, it } from 'vitest';
import { drillPath } from './dashboard.ts';

describe('drillPath', () => {
  it('opens the ledger with the filters of the number, as the ledger reads them from its address', () => {
    expect(drillPath('c1', { to: 'ledger', filter: { side: 's1', overdue: true } })).toBe('/cooperations/c1/tasks?side=s1&overdue=true');
    expect(drillPath('c1', { to: 'ledger', filter: { status: ['not_started', 'in_progress'], dueFrom: '2026-12-04', dueTo: '2026-12-11' } })).toBe(
      '/cooperations/c1/tasks?status=not_started%2Cin_progress&dueFrom=2026-12-04&dueTo=2026-12-11',
    );
    expect(drillPath('c1', { to: 'ledger', filter: {} })).toBe('/cooperations/c1/tasks');
  });

  it('opens the projects table, the 督办 view of a side, or one row', () => {
    expect(drillPath('c1', { to: 'projects', filter: { hostPartyId: 'p1', stage: 'started' } })).toBe('/cooperations/c1/projects?hostPartyId=p1&stage=started');
    expect(drillPath('c1', { to: 'supervision', filter: { partyId: 'p1' } })).toBe('/cooperations/c1/supervision?side=p1');
    expect(drillPath('c1', { to: 'indicator', id: 'i1' })).toBe('/indicators/i1');
  });
});
