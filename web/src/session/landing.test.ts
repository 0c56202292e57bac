import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types.ts';
import { landingPath } from './landing.ts';

function me(landing: Me['landing']): Me {
  return {
    user: { id: 'u', username: 'u', displayName: 'U', isAdmin: false, locale: 'zh-CN', organizationId: null, mustChangePassword: false, email: null, version: 1 },
    memberships: [],
    organization: null,
    can: { register: false, administer: false, myWork: false, overview: false },
    landing,
    limits: { uploadMaxBytes: 20 * 1024 * 1024 },
  };
}

describe('landingPath', () => {
  it("opens the page the server's policy names", () => {
    expect(landingPath(me({ page: 'cooperations' }))).toBe('/cooperations');
    expect(landingPath(me({ page: 'overview' }))).toBe('/overview');
    expect(landingPath(me({ page: 'my-work' }))).toBe('/my-work');
    expect(landingPath(me({ page: 'dashboard', cooperationId: 'c1' }))).toBe('/cooperations/c1/dashboard');
  });
});
