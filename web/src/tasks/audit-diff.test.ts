import { describe, expect, it } from 'vitest';
import { auditDiff } from './audit-diff.ts';

describe('auditDiff', () => {
  it('lists only the fields whose value changed', () => {
    expect(auditDiff({ status: 'in_progress', percent: 30, title: 'A' }, { status: 'blocked', percent: 30, title: 'A' })).toEqual([
      { field: 'status', before: 'in_progress', after: 'blocked' },
    ]);
  });

  it('shows every field of a created row as new', () => {
    expect(auditDiff(null, { title: '联合实验室', tags: ['科技'] })).toEqual([
      { field: 'title', before: '', after: '联合实验室' },
      { field: 'tags', before: '', after: '["科技"]' },
    ]);
  });

  it('leaves out the version and update time that every write moves', () => {
    expect(auditDiff({ version: 1, updatedAt: 'x', percent: 10 }, { version: 2, updatedAt: 'y', percent: 20 })).toEqual([
      { field: 'percent', before: '10', after: '20' },
    ]);
  });
});
