import { describe, expect, it } from 'vitest';
import { percentIsStated, percentOf } from './task-progress.ts';
import { isClosed, isOverdue } from './task-status.ts';

describe("a task's percent", () => {
  it('is the share of its milestones reached, rounded, whatever percent is stated', () => {
    expect(percentOf({ total: 2, done: 1 }, 45)).toBe(50);
    expect(percentOf({ total: 3, done: 1 }, 90)).toBe(33);
    expect(percentOf({ total: 3, done: 2 }, 0)).toBe(67);
    expect(percentOf({ total: 4, done: 4 }, 10)).toBe(100);
  });

  it('is the stated percent when the task has no milestones', () => {
    expect(percentOf({ total: 0, done: 0 }, 45)).toBe(45);
    expect(percentIsStated({ total: 0 })).toBe(true);
    expect(percentIsStated({ total: 1 })).toBe(false);
  });
});

describe("a task's state", () => {
  it('is closed when done or cancelled', () => {
    expect(isClosed('done')).toBe(true);
    expect(isClosed('cancelled')).toBe(true);
    expect(isClosed('blocked')).toBe(false);
  });

  it('is overdue from the day after its due date, unless closed or undated', () => {
    expect(isOverdue({ dueOn: '2026-12-03', status: 'in_progress' }, '2026-12-04')).toBe(true);
    expect(isOverdue({ dueOn: '2026-12-04', status: 'in_progress' }, '2026-12-04')).toBe(false);
    expect(isOverdue({ dueOn: '2026-12-03', status: 'done' }, '2026-12-04')).toBe(false);
    expect(isOverdue({ dueOn: null, status: 'not_started' }, '2026-12-04')).toBe(false);
  });
});
