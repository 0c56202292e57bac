import { describe, expect, it } from 'vitest';
import type { Me, MembershipRole } from '../api/types.ts';
import { landingPath } from './landing.ts';

function me(isAdmin: boolean, roles: [string, MembershipRole][]): Me {
  return {
    user: { id: 'u', username: 'u', displayName: 'U', isAdmin, locale: 'zh-CN', organizationId: null, mustChangePassword: false, email: null, version: 1 },
    memberships: roles.map(([cooperationId, role]) => ({ cooperationId, cooperationName: cooperationId, partyId: 'p', partyName: 'P', role })),
    organization: null,
    can: { register: false, administer: isAdmin },
    limits: { uploadMaxBytes: 20 * 1024 * 1024 },
  };
}

describe('landingPath', () => {
  it('starts offices and admins at the cooperation list', () => {
    expect(landingPath(me(false, [['c1', 'coordinator'], ['c2', 'unit']]))).toBe('/cooperations');
    expect(landingPath(me(true, []))).toBe('/cooperations');
  });

  it('starts a unit user at their own work', () => {
    expect(landingPath(me(false, [['c1', 'unit'], ['c2', 'leader']]))).toBe('/my-work');
  });

  it('starts a leader of one cooperation at its page, of several at the list', () => {
    expect(landingPath(me(false, [['c1', 'leader']]))).toBe('/cooperations/c1');
    expect(landingPath(me(false, [['c1', 'leader'], ['c2', 'observer']]))).toBe('/cooperations');
  });

  it('starts someone without any role at the list, which says what they may see', () => {
    expect(landingPath(me(false, []))).toBe('/cooperations');
  });
});
