import { describe, expect, it } from 'vitest';
import { closureSides } from './closure-sides.ts';

describe('sides that must approve closing a task', () => {
  it('is the owner side alone for a one-sided task', () => {
    expect(closureSides({ joint: false, ownerPartyId: 'qd' }, ['qd', 'sz'], ['qd', 'sz'])).toEqual(['qd']);
  });

  it('is every side with a unit on a joint task, in the order of the cooperation', () => {
    expect(closureSides({ joint: true, ownerPartyId: null }, ['yt', 'qd', 'qd'], ['qd', 'yt', 'wf', 'wh', 'rz'])).toEqual(['qd', 'yt']);
  });

  it('is every side of the cooperation while a joint task has no units yet', () => {
    expect(closureSides({ joint: true, ownerPartyId: null }, [], ['qd', 'sz'])).toEqual(['qd', 'sz']);
  });
});
