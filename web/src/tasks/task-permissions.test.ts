import { describe, expect, it } from 'vitest';
import type { Me, Membership } from '../api/types.ts';
import { mayCreateTasks, ownerSidesFor } from './task-permissions.ts';

const membership = (cooperationId: string, partyId: string, role: Membership['role']): Membership => ({
  cooperationId,
  cooperationName: cooperationId,
  partyId,
  partyName: partyId,
  role,
});

const me = (memberships: Membership[], isAdmin = false): Me => ({
  user: { id: 'u', username: 'u', displayName: 'u', isAdmin, locale: 'zh-CN', organizationId: null, mustChangePassword: false, email: null, version: 1 },
  memberships,
  organization: null,
  can: { register: isAdmin || memberships.some((m) => m.role === 'coordinator'), administer: isAdmin },
  limits: { uploadMaxBytes: 20 * 1024 * 1024 },
});

describe('who is offered creating tasks', () => {
  it('offers it to the cooperation offices of the cooperation and to platform admins only', () => {
    expect(mayCreateTasks(me([membership('qd-sz', 'qd', 'coordinator')]), 'qd-sz')).toBe(true);
    expect(mayCreateTasks(me([], true), 'qd-sz')).toBe(true);
    expect(mayCreateTasks(me([membership('qd-sz', 'qd', 'unit'), membership('qd-sz', 'qd', 'leader')]), 'qd-sz')).toBe(false);
    expect(mayCreateTasks(me([membership('jiaodong', 'qd', 'coordinator')]), 'qd-sz')).toBe(false);
  });

  it('lets a one-sided task belong to a side the user is the office of, or any side for an admin', () => {
    expect(ownerSidesFor(me([membership('qd-sz', 'qd', 'coordinator'), membership('qd-sz', 'sz', 'unit')]), 'qd-sz', ['qd', 'sz'])).toEqual(['qd']);
    expect(ownerSidesFor(me([], true), 'qd-sz', ['qd', 'sz'])).toEqual(['qd', 'sz']);
  });
});
