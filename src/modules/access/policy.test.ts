import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { assertCanAddressNotice, canAcknowledgeFor, canComment, canHaveOwnWork, canManageTask, canSeeOverview, canReadCooperationAudit, issuingSide, landingFor, noticeSideOf, reportsAsUnit } from './policy.ts';

const COOP = 'c1';
const actor = (over: Partial<Actor>): Actor => ({ userId: 'u1', username: 'u1', isAdmin: false, organizationId: null, memberships: [], ...over });
const office = actor({ userId: 'office', organizationId: 'fgw', memberships: [{ cooperationId: COOP, partyId: 'qd', role: 'coordinator' }] });
const unitUser = actor({ userId: 'unit', organizationId: 'kj', memberships: [{ cooperationId: COOP, partyId: 'qd', role: 'unit' }] });

describe('督办 notices', () => {
  it('are issued in the name of the office side, the one-sided task owner first, never by an administrator', () => {
    const both = actor({ memberships: [{ cooperationId: COOP, partyId: 'sz', role: 'coordinator' }, { cooperationId: COOP, partyId: 'qd', role: 'coordinator' }] });
    expect(issuingSide(both, { cooperationId: COOP, joint: false, ownerPartyId: 'qd' })).toBe('qd');
    expect(issuingSide(office, { cooperationId: COOP, joint: true, ownerPartyId: null })).toBe('qd');
    expect(() => issuingSide(actor({ isAdmin: true }), { cooperationId: COOP, joint: true, ownerPartyId: null })).toThrow(/side's cooperation office/);
  });

  it("address the other side's units on joint tasks only", () => {
    expect(() => assertCanAddressNotice('qd', { joint: true }, [{ partyId: 'sz' }])).not.toThrow();
    expect(() => assertCanAddressNotice('qd', { joint: false }, [{ partyId: 'qd' }])).not.toThrow();
    expect(() => assertCanAddressNotice('qd', { joint: false }, [{ partyId: 'qd' }, { partyId: 'sz' }])).toThrow(expect.objectContaining({ code: 'supervision.recipient_forbidden', httpStatus: 403 }));
  });

  it('are signed by a unit user of a recipient unit on its side, never by the issuer or an office', () => {
    const notice = { cooperationId: COOP, issuedBy: 'office' };
    const recipient = { partyId: 'qd', organizationId: 'kj' };
    expect(canAcknowledgeFor(unitUser, notice, recipient)).toBe(true);
    expect(canAcknowledgeFor(office, notice, { partyId: 'qd', organizationId: 'fgw' })).toBe(false);
    expect(canAcknowledgeFor(unitUser, { ...notice, issuedBy: 'unit' }, recipient)).toBe(false);
    expect(canAcknowledgeFor(unitUser, notice, { partyId: 'sz', organizationId: 'kj' })).toBe(false);
    expect(canAcknowledgeFor(actor({ isAdmin: true, organizationId: 'kj' }), notice, recipient)).toBe(false);
    expect(canAcknowledgeFor({ ...unitUser, token: { id: 't', cooperationId: COOP, scope: 'read' } }, notice, recipient)).toBe(false);
  });
});

describe('what a leader is offered', () => {
  const leader = actor({ userId: 'leader', organizationId: 'gov', memberships: [{ cooperationId: COOP, partyId: 'qd', role: 'leader' }] });
  const joint = { cooperationId: COOP, joint: true, ownerPartyId: null };

  it('is reading: no comment box, no task to create, no 督办 to issue, no report to file', () => {
    expect(canComment(leader, COOP)).toBe(false);
    expect(canManageTask(leader, joint)).toBe(false);
    expect(noticeSideOf(leader, joint)).toBeNull();
    expect(reportsAsUnit(leader, joint, [{ partyId: 'qd', organizationId: 'gov' }])).toBe(false);
  });

  it('includes the audit trail and the 督办 overview, as for the offices and admins but not the units', () => {
    expect(canReadCooperationAudit(leader, COOP)).toBe(true);
    expect(canReadCooperationAudit(office, COOP)).toBe(true);
    expect(canReadCooperationAudit(actor({ isAdmin: true }), COOP)).toBe(true);
    expect(canReadCooperationAudit(unitUser, COOP)).toBe(false);
  });

  it("differs from the office's and the unit's, whose comment, 督办 and report the server takes", () => {
    expect(canComment(office, COOP)).toBe(true);
    expect(canComment(unitUser, COOP)).toBe(true);
    expect(canComment({ ...unitUser, token: { id: 't', cooperationId: COOP, scope: 'read' } }, COOP)).toBe(false);
    expect(noticeSideOf(office, joint)).toBe('qd');
    expect(noticeSideOf(office, { cooperationId: COOP, joint: false, ownerPartyId: 'sz' })).toBeNull();
    expect(reportsAsUnit(unitUser, joint, [{ partyId: 'qd', organizationId: 'kj' }])).toBe(true);
    expect(reportsAsUnit(unitUser, joint, [{ partyId: 'sz', organizationId: 'kj' }])).toBe(false);
  });
});

describe('where a user starts and what the menu offers', () => {
  const leader = (cooperationId: string) => ({ cooperationId, partyId: 'qd', role: 'leader' as const });
  it("starts a leader of one cooperation at its dashboard, of several at the national overview, and offers no 我的工作", () => {
    expect(landingFor(actor({ memberships: [leader(COOP)] }))).toEqual({ page: 'dashboard', cooperationId: COOP });
    expect(landingFor(actor({ memberships: [leader(COOP), leader('c2')] }))).toEqual({ page: 'overview' });
    expect(canHaveOwnWork(actor({ memberships: [leader(COOP), { cooperationId: 'c2', partyId: 'x', role: 'observer' }] }))).toBe(false);
  });

  it('starts offices and admins at the national overview and units at their work, both with 我的工作', () => {
    expect(landingFor(office)).toEqual({ page: 'overview' });
    expect(landingFor(actor({ isAdmin: true }))).toEqual({ page: 'overview' });
    // An office an admin appointed, before it is in a cooperation, starts there too: its empty state says what to do.
    expect(landingFor(actor({ isOffice: true }))).toEqual({ page: 'overview' });
    expect(landingFor(actor({ memberships: [unitUser.memberships[0] ?? leader(COOP), leader('c2')] }))).toEqual({ page: 'my-work' });
    expect(canHaveOwnWork(office) && canHaveOwnWork(unitUser)).toBe(true);
    expect(landingFor(null)).toEqual({ page: 'cooperations' });
    expect(landingFor(actor({}))).toEqual({ page: 'cooperations' });
  });

  it('offers the national overview to members, offices and admins, never to a user in no cooperation or a token', () => {
    expect([office, unitUser, actor({ memberships: [leader(COOP)] }), actor({ isAdmin: true }), actor({ isOffice: true })].every(canSeeOverview)).toBe(true);
    expect(canSeeOverview(actor({}))).toBe(false);
    expect(canSeeOverview(null)).toBe(false);
    expect(canSeeOverview({ ...office, token: { id: 't', cooperationId: COOP, scope: 'read' } })).toBe(false);
  });
});
